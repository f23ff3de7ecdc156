#!/usr/bin/env bash
# bench/leaderboard: the Bradley–Terry leaderboard on N votes among MODELS models with ROUNDS
# bootstrap resamples of records, against a vectorised numpy implementation of the same MM fit
# and bootstrap (bt_numpy.py) on the same CSV, in the same run. See bench/README.md.
#
#   bench/leaderboard/run.sh BUILD_DIR [N=1000000] [MODELS=100]   (BUILD_DIR: a Release build)
#
# Environment: REPS (runs per side, default 3; medians reported), ROUNDS (default 200).
# Needs bash, python3 with numpy (/usr/bin/python3, Debian's python3-numpy). Writes
# bench/out/leaderboard/.
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [N=1000000] [MODELS=100]" >&2
    echo "  env: REPS=3, ROUNDS=200" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 3 ]] || usage
[[ $1 == -h || $1 == --help ]] && usage
N=${2:-1000000}
MODELS=${3:-100}
REPS=${REPS:-3}
ROUNDS=${ROUNDS:-200}
for v in N MODELS REPS ROUNDS; do
    [[ ${!v} =~ ^[0-9]+$ ]] || { echo "$v must be a whole number, got '${!v}'" >&2; exit 2; }
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$ROOT/bench/out/leaderboard
mkdir -p "$OUT"
BUILD=$(cd "$1" 2>/dev/null && pwd) || { echo "no such build directory: $1" >&2; exit 2; }
CLI=$BUILD/app/concord-cli
[[ -x $CLI ]] || { echo "concord-cli not found at $CLI (build it first)" >&2; exit 2; }
PY=/usr/bin/python3
$PY -c 'import numpy' 2>/dev/null || { echo "$PY with numpy is needed (apt-get install python3-numpy)" >&2; exit 2; }

VOTES=$OUT/votes-$N-$MODELS.csv
[[ -f $VOTES ]] || python3 "$HERE/generate.py" "$N" "$MODELS" "$VOTES"
cat "$VOTES" >/dev/null # both sides read it from the page cache

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$OUT/concord.times"
: >"$OUT/concord-fit.times"
: >"$OUT/numpy.times"
: >"$OUT/numpy-phases.times"
for rep in $(seq "$REPS"); do
    start=$(now)
    "$CLI" leaderboard --comparisons "$VOTES" --rounds "$ROUNDS" --seed 1 --json >"$OUT/concord.json"
    end=$(now)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >>"$OUT/concord.times"

    start=$(now)
    "$CLI" leaderboard --comparisons "$VOTES" --rounds 0 --json >"$OUT/concord-fit.json"
    end=$(now)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >>"$OUT/concord-fit.times"

    start=$(now)
    $PY "$HERE/bt_numpy.py" "$VOTES" "$ROUNDS" 1 >"$OUT/numpy.json"
    end=$(now)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >>"$OUT/numpy.times"
    $PY -c 'import json, sys; s = json.load(open(sys.argv[1]))["seconds"]; print("%.3f %.3f %.3f" % (s["load"], s["fit"], s["bootstrap"]))' \
        "$OUT/numpy.json" >>"$OUT/numpy-phases.times"
done

concord=$(median <"$OUT/concord.times")
concord_fit=$(median <"$OUT/concord-fit.times")
numpy=$(median <"$OUT/numpy.times")
numpy_load=$(awk '{ print $1 }' "$OUT/numpy-phases.times" | median)
numpy_fit=$(awk '{ print $2 }' "$OUT/numpy-phases.times" | median)
numpy_boot=$(awk '{ print $3 }' "$OUT/numpy-phases.times" | median)
concord_boot=$(awk -v a="$concord" -v b="$concord_fit" 'BEGIN { printf "%.3f", a - b }')

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "votes: $N among $MODELS models ($VOTES), $ROUNDS bootstrap rounds, medians of $REPS runs"
echo "concord-cli leaderboard, whole process:        ${concord} s   (with --rounds 0: ${concord_fit} s; bootstrap ${concord_boot} s)"
echo "numpy peer, whole process:                     ${numpy} s   (read ${numpy_load} s, fit ${numpy_fit} s, bootstrap ${numpy_boot} s)"
awk -v c="$concord" -v p="$numpy" 'BEGIN { printf "ratio numpy / concord, whole process: %.2f\n", p / c }'
awk -v c="$concord_boot" -v p="$numpy_boot" 'BEGIN { if (c > 0) printf "ratio numpy / concord, bootstrap alone: %.2f\n", p / c }'
$PY "$HERE/compare.py" "$OUT/concord.json" "$OUT/numpy.json"
