#!/usr/bin/env bash
# One resumable chunk of training on the GPU machine (the library's `device`), run from the repository root.
#   training/gpu/train_chunk.sh CONFIG RUN_NAME MINUTES [--set k=v ...]
# Inputs carried with the call: carry/pack (the Opus-packed corpus, see tsestudio.data.pack) on the machine's
# first call, carry/pack-extra* (what carry/pack dropped) on later ones, and, to continue a run,
# carry/resume/RUN_NAME/last.pt.part* (the previous chunk's checkpoint, split to pass the 16 MiB limit).
# Everything under work-data/ survives between calls while the machine stays held, so unpacking and the
# validation sets are made once per machine. The new checkpoint, metrics and log go to $OUT/RUN_NAME.
# Environment: FROM_MODEL=resources/models/v8.pt starts a run that has no checkpoint from the weights of a shipped
# model (the only training state that outlives a session, see tsestudio.training.from_torchscript);
# VALID_COUNT=N makes the validation sets N mixtures (default: the recipe's sizes); BRING names the checkpoints
# to return (default: last); BRING_VARIANT=weights returns them without optimizer state (half the transfer).
set -euo pipefail
config=$1 run=$2 minutes=$3
shift 3
export PYTHONPATH="$PWD/training/python"
# compile: true keeps Inductor's cache with the run data, so a later call on the same held machine compiles in
# seconds (8-25 s measured) instead of about two minutes.
export TORCHINDUCTOR_CACHE_DIR="${TORCHINDUCTOR_CACHE_DIR:-$PWD/work-data/inductor}"
jobs=$(nproc)
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

if [ ! -f work-data/corpus/corpus.jsonl ]; then
  if [ ! -f carry/pack/pack.json ]; then
    echo "train_chunk: no corpus on this machine and no carry/pack/pack.json to unpack (carry carry/pack)" >&2
    exit 2
  fi
  log "unpacking corpus"
  python3 -m tsestudio.data.unpack --pack carry/pack --out work-data/corpus --jobs "$jobs"
fi
# Packs of what carry/pack had to drop (pack --exclude-pack carry/pack), each carried on a later call to the same
# held machine because one call brings 64 MiB at most; each is added to the corpus once.
for extra in carry/pack-extra*/; do
  [ -f "$extra/pack.json" ] || continue
  marker=work-data/corpus/.added-$(basename "$extra")
  if [ ! -f "$marker" ]; then
    log "adding $extra to the corpus"
    python3 -m tsestudio.data.unpack --pack "$extra" --out work-data/corpus --jobs "$jobs" --add
    touch "$marker"
  fi
done
recipe=$(python3 -c "import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))['recipe'])" "$config")
recipe_name=$(basename "$recipe" .yaml)
for split in valid real_valid; do
  out=work-data/mixtures/$recipe_name
  if [ ! -f "$out/$split.jsonl" ]; then
    log "generating $recipe_name $split set"
    python3 -m tsestudio.data.generate --corpus work-data/corpus --recipe "$recipe" --split "$split" \
      --out "$out" --jobs "$jobs" ${VALID_COUNT:+--count "$VALID_COUNT"}
  fi
done

run_dir=work-data/runs/$run
mkdir -p "$run_dir"
resume=()
if ls carry/resume/"$run"/last.pt.part* >/dev/null 2>&1 && [ ! -f "$run_dir/last.pt" ]; then
  cat carry/resume/"$run"/last.pt.part* > "$run_dir/last.pt"
  cp carry/resume/"$run"/metrics.jsonl "$run_dir/" 2>/dev/null || true
fi
if [ ! -f "$run_dir/last.pt" ] && [ -n "${FROM_MODEL:-}" ]; then
  log "starting from the weights of $FROM_MODEL"
  python3 -m tsestudio.training.from_torchscript "$FROM_MODEL" --out "$run_dir/last.pt"
fi
[ -f "$run_dir/last.pt" ] && resume=(--resume "$run_dir/last.pt")

log "training $run for $minutes min"
python3 -m tsestudio.train --config "$config" --run-dir "$run_dir" --max-minutes "$minutes" "${resume[@]}" \
  --set "valid_manifest=work-data/mixtures/$recipe_name/valid.jsonl" \
  --set "real_valid_manifest=work-data/mixtures/$recipe_name/real_valid.jsonl" "$@" \
  2> >(tee "$run_dir/train.err" >&2) | tee -a "$run_dir/train.log" | tail -n 40 || log "trainer exited non-zero"

dest=$OUT/$run
mkdir -p "$dest"
# What comes back is capped in total too (about 64 MiB): BRING names the checkpoints to return (default: last).
for ckpt in ${BRING:-last}; do
  # At most 8 files of 16 MiB come back from a call: split checkpoints, bundle the logs into one file.
  if [ -f "$run_dir/$ckpt.pt" ]; then
    source_ckpt=$run_dir/$ckpt.pt
    if [ -n "${BRING_VARIANT:-}" ]; then
      mkdir -p "$run_dir/bring"  # same file name, so the parts still read as <ckpt>.pt on --resume
      source_ckpt=$run_dir/bring/$ckpt.pt
      python3 -m tsestudio.training.checkpoint shrink "$run_dir/$ckpt.pt" --out "$source_ckpt" --variant "$BRING_VARIANT"
    fi
    # Parts named <file>.part000, ... which the trainer's --resume reads directly.
    python3 -m tsestudio.training.checkpoint split "$source_ckpt" --mib 15 | while read -r part; do
      mv "$part" "$dest/"
    done
  fi
done
tar -czf "$dest/logs.tgz" -C "$run_dir" $(cd "$run_dir" && ls metrics.jsonl train.err train.log config.yaml 2>/dev/null)
ls -la "$dest"
