#!/usr/bin/env bash
# Refreshes docs/screenshot.png and docs/screenshot-training.png from the real window under Xvfb.
#
#   docs/screenshots.sh [METRICS_LOG]
#
# The Studio shot: the shipped example opened and extracted with v7 and v8 (real DJL, shipped
# models). The Training shot: the job list after a few tiny real jobs (flite corpus, mixture set,
# a few training steps), with the curves of METRICS_LOG (default: /work/data/ckpt/v8a7k/metrics.jsonl,
# a real v8 run). Needs Xvfb, ImageMagick's import, flite, and /usr/bin/python3 with torch.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
log="${1:-/work/data/ckpt/v8a7k/metrics.jsonl}"
work="$(mktemp -d /tmp/tse-shots.XXXXXX)"
display=":99"
trap 'kill "${xvfb:-}" "${app:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

cd "$root"
mvn -q -B -pl app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
classpath="app/target/test-classes:app/target/classes:$(<"$work/cp.txt")"

# A few tiny real jobs, so that the training page lists what a job list looks like.
export TSE_STATE_DIR="$work/state"
cat >"$work/tiny.yaml" <<YAML
name: tiny
sample_rate: 8000
segment_seconds: 1.0
reference: {min_seconds: 0.5, max_seconds: 1.0}
interferers: {min: 1, max: 1}
sir_db: [-3.0, 3.0]
interferer_overlap: [1.0, 1.0]
level_dbfs: [-28.0, -22.0]
sizes: {train: 8, valid: 4}
YAML
./tse dataset corpus --out "$work/demo-corpus" --no-install --engines flite --max-voices 4 \
  --variants 1 --utts 3 --human none --noise none --rirs 0 --babble 0 --rate 8000 >/dev/null 2>"$work/jobs.err"
./tse dataset generate --out "$work/demo-mixtures" --corpus "$work/demo-corpus" \
  --recipe "$work/tiny.yaml" --split train --count 4 --seed 1 >/dev/null 2>>"$work/jobs.err"
cat >"$work/demo.yaml" <<YAML
model_name: v8
model_args: {enc_filters: 32, kernel_size: 16, stride: 8, stage_dims: [32, 48], stage_depths: [1, 1], ref_dim: 32, ref_depth: 1, d_state: 8, head_dim: 16, chunk_size: 16, sample_rate: 8000}
data_mode: dynamic
corpus_dir: $work/demo-corpus
recipe: $work/tiny.yaml
valid_manifest: $work/demo-mixtures/train.jsonl
segment_seconds: 1.0
batch_size: 2
num_workers: 0
steps_per_epoch: 5
valid_batch_size: 2
epochs: 3
lr: 3.0e-3
warmup_steps: 2
log_every: 1
device: cpu
YAML
./tse train start --config "$work/demo.yaml" --run-dir "$work/demo-run" >/dev/null 2>>"$work/jobs.err"

Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp &
xvfb=$!
sleep 1
coproc TOUR { DISPLAY="$display" exec java -Dtse.config.dir="$work/config" -Dtsestudio.state="$work/state" \
  -cp "$classpath" org.tsestudio.app.tour.ScreenshotTour 1600 1000 2>"$work/tour.err"; }
app=$TOUR_PID

await() {
  local line
  while read -r line <&"${TOUR[0]}"; do
    [[ "$line" == "READY $1" ]] && return 0
  done
  echo "screenshots: the tour stopped before '$1' (see below)" >&2
  cat "$work/tour.err" >&2
  exit 1
}

echo "studio $root/resources/examples/example.json" >&"${TOUR[1]}"
await studio
DISPLAY="$display" import -window root docs/screenshot.png
echo "training $log" >&"${TOUR[1]}"
await training
DISPLAY="$display" import -window root docs/screenshot-training.png
echo quit >&"${TOUR[1]}"
wait "$app" || true
echo "wrote docs/screenshot.png and docs/screenshot-training.png" >&2
