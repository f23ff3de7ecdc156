#!/usr/bin/env bash
# Near-duplicate benchmark: `concord-cli check` on N generated samples with
# planted near and exact duplicates. Results and how to run it: docs/benchmarks.md.
#
# Usage: bench/quality/run.sh BUILD_DIR [N=100000]
#
# Environment:
#   REPS=3   runs of each timed command; the median is reported
#
# Times, as whole processes (opening the project and reading every sample
# included), `concord-cli check --only near-duplicate` and the full `check`;
# then reports how many planted near pairs were found. Needs bash and python3;
# GNU time when installed, else a python3 wait4() wrapper (as bench/import).
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [N=100000]" >&2
    echo "  env: REPS=3" >&2
    exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
[[ $1 == -h || $1 == --help ]] && usage
N=${2:-100000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "N must be a positive integer, got '$N'" >&2; exit 2; }
REPS=${REPS:-3}
[[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "REPS must be a positive integer" >&2; exit 2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$ROOT/bench/out
LOGS=$OUT/logs
mkdir -p "$OUT" "$LOGS"

BUILD_DIR=$(cd "$1" 2>/dev/null && pwd) || { echo "no such build directory: $1" >&2; exit 2; }
CLI=$BUILD_DIR/app/concord-cli
[[ -x $CLI ]] || { echo "concord-cli not found at $CLI (build it first)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }

BASE=$OUT/quality-base-$N.jsonl
JSONL=$OUT/quality-$N.jsonl
PAIRS=$JSONL.pairs.tsv
PROJECT=$OUT/quality.concord

# --- data ---------------------------------------------------------------------
if [[ ! -s $JSONL || ! -s $PAIRS ]]; then
    echo "generating $N samples with planted duplicates into bench/out/ ..." >&2
    python3 "$ROOT/bench/import/generate.py" "$N" "$BASE"
    python3 "$HERE/plant_duplicates.py" "$BASE" "$JSONL" "$N"
fi
remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
remove_db "$PROJECT"
"$CLI" init "$PROJECT" --kind single --labels pos,neg,neu >"$LOGS/quality-init.log" 2>&1
"$CLI" import "$PROJECT" "$JSONL" </dev/null >"$LOGS/quality-import.log" 2>&1 ||
    { tail -n 20 "$LOGS/quality-import.log" >&2; exit 1; }

# --- timing -------------------------------------------------------------------
PYTIMER='
import os, sys, time
out, log, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.monotonic()
with open(log, "w") as f:
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, f.fileno(), 1)])
    _, status, usage = os.wait4(pid, 0)
with open(out, "w") as f:
    f.write("%.2f %d\n" % (time.monotonic() - start, usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
'
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M' -o /dev/null true 2>/dev/null; then
    TIMER="GNU time (/usr/bin/time -f '%e %M')"
    timed() { local out=$1 log=$2; shift 2; /usr/bin/time -f '%e %M' -o "$out" "$@" >"$log"; }
else
    TIMER="python3 wait4() rusage wrapper (GNU time not installed)"
    timed() { local out=$1 log=$2; shift 2; python3 -c "$PYTIMER" "$out" "$log" "$@"; }
fi
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# run_timed NAME ARGS...: REPS runs of concord-cli ARGS; sets T and M to the medians.
run_timed() {
    local name=$1; shift
    local times=() mems=()
    for ((i = 1; i <= REPS; i++)); do
        local tf=$LOGS/quality-$name-$i.time log=$LOGS/quality-$name-$i.json
        timed "$tf" "$log" "$CLI" "$@" || { echo "concord-cli $* failed" >&2; exit 1; }
        read -r t m <"$tf"
        times+=("$t") mems+=("$m")
        echo "  $name run $i: $t s, peak RSS $(mib "$m") MiB" >&2
    done
    T=$(printf '%s\n' "${times[@]}" | median)
    M=$(mib "$(printf '%s\n' "${mems[@]}" | median)")
}

echo "quality benchmark: N=$N, $REPS run(s) each, timing with $TIMER" >&2
run_timed near check "$PROJECT" --json --only near-duplicate
NEAR_T=$T NEAR_M=$M
run_timed all check "$PROJECT" --json
ALL_T=$T ALL_M=$M

# --- recall -------------------------------------------------------------------
RECALL=$(python3 - "$LOGS/quality-near-1.json" "$PAIRS" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))["findings"]
cluster_of = {}
for number, finding in enumerate(findings):
    for sample in finding["samples"]:
        cluster_of[sample] = number
expected = found = below = 0
for line in open(sys.argv[2]):
    a, b, similarity = line.rstrip("\n").split("\t")
    if float(similarity) < 0.7:
        below += 1
        continue
    expected += 1
    found += a in cluster_of and cluster_of.get(a) == cluster_of.get(b)
planted = {s for f in findings for s in f["samples"] if s.startswith("near-")}
other = sum(1 for f in findings if not any(s.startswith(("near-", "exact-")) for s in f["samples"]))
print(f"{len(findings)} near-duplicate clusters; planted pairs at or above 0.7 found: {found} of {expected} "
      f"({below} planted pairs fell below 0.7: one word changed in a short text); "
      f"clusters without a planted twin: {other}")
PY
)

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
RESULT=$OUT/quality-$N.txt
{
    echo "concord-cli check on $N samples ($(du -m "$JSONL" | cut -f1) MB JSONL), median of $REPS runs"
    printf '%-44s %10s %16s\n' "" "seconds" "peak RSS (MiB)"
    printf '%-44s %10s %16s\n' "check --only near-duplicate" "$NEAR_T" "$NEAR_M"
    printf '%-44s %10s %16s\n' "check (all 11 checks)" "$ALL_T" "$ALL_M"
    echo "$RECALL"
    echo "machine: $(nproc) CPU(s), ${cpu:-unknown CPU}, ${mem:-? GiB} RAM, $(uname -sr)"
    echo "timing: $TIMER; $(date -u '+%Y-%m-%d %H:%M UTC')"
} | tee "$RESULT"
remove_db "$PROJECT"
echo "(saved to bench/out/$(basename "$RESULT"); logs in bench/out/logs/)" >&2
