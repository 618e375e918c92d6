#!/usr/bin/env bash
# Scores v8 models on the reporting sets on the GPU machine, after train_chunk.sh has unpacked the corpus there.
#   training/gpu/evaluate_v8.sh NAME=MODEL [NAME=MODEL ...]     (MODEL: a TorchScript .pt with its .json card beside it,
#                                                                 or a training checkpoint)
# The sets are the README's: `test` (500) and `real_valid` (300, recorded people never trained on) regenerated
# with seed 8, so old and new models are scored on the same mixtures in the same run. Python scoring gives
# SI-SDRi, SDRi and the wrong-speaker rate; STOI and the v7 comparison come from `tse eval` in Java.
# Results go to $OUT/eval/NAME-SPLIT.json.
set -euo pipefail
export PYTHONPATH="$PWD/training/python"
jobs=$(nproc)
sets=work-data/eval/v8
for split in test real_valid; do
  if [ ! -f "$sets/$split.jsonl" ]; then
    python3 -m tsestudio.data.generate --corpus work-data/corpus --recipe v8 --split "$split" --seed 8 \
      --out "$sets" --jobs "$jobs" >/dev/null
  fi
done
mkdir -p "$OUT/eval"
for pair in "$@"; do
  name=${pair%%=*} model=${pair#*=}
  source=(--checkpoint "$model")
  [ -f "${model%.pt}.json" ] && source=(--torchscript "$model")  # a card beside it: a shipped model
  for split in test real_valid; do
    python3 -m tsestudio.evaluate "${source[@]}" --manifest "$sets/$split.jsonl" --device cuda --batch-size 8 \
      --out "$OUT/eval/$name-$split.json" | head -n 1
  done
done
