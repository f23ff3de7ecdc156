#!/usr/bin/env bash
# Agreement benchmark: concord-cli's Krippendorff's alpha (nominal, interval) and Fleiss' kappa
# on a CSV of item,annotator,value triples, against NLTK's AnnotationTask.alpha and
# statsmodels' fleiss_kappa on the same files, in the same run. See bench/README.md.
#
# Usage: bench/agreement/run.sh BUILD_DIR [ITEMS=200000]
#
# Environment:
#   REPS=3                  runs per program; medians are reported
#   PYTHON=/usr/bin/python3 the Python with python3-nltk, python3-statsmodels (Debian's)
#
# Files (made by generate.py when missing, in bench/out/):
#   agreement-R.csv           ITEMS x 5 rows (R of them), 5 values, 10 % empty (missing)
#   agreement-R-complete.csv  the same shape without missing values, for Fleiss' kappa, which
#                             needs every item to have the same number of ratings
# Every program is timed as a whole process (start-up, reading the CSV, computing, printing):
# wall seconds, CPU seconds (user + system) and peak RSS, by a python3 wrapper around
# posix_spawn and wait4(). Each program prints its value; the script checks they agree to 6 decimals.
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [ITEMS=200000]" >&2
    echo "  env: REPS=3, PYTHON=/usr/bin/python3" >&2
    exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
[[ $1 == -h || $1 == --help ]] && usage
ITEMS=${2:-200000}
[[ $ITEMS =~ ^[1-9][0-9]*$ ]] || { echo "ITEMS must be a positive integer, got '$ITEMS'" >&2; exit 2; }
REPS=${REPS:-3}
[[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "REPS must be a positive integer" >&2; exit 2; }
PYTHON=${PYTHON:-/usr/bin/python3}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$ROOT/bench/out
LOGS=$OUT/logs
mkdir -p "$OUT" "$LOGS"

BUILD_DIR=$(cd "$1" 2>/dev/null && pwd) || { echo "no such build directory: $1" >&2; exit 2; }
CLI=$BUILD_DIR/app/concord-cli
[[ -x $CLI ]] || { echo "concord-cli not found at $CLI (build it first)" >&2; exit 2; }
"$PYTHON" -c "import nltk, statsmodels, pandas" 2>/dev/null ||
    { echo "$PYTHON lacks nltk, statsmodels or pandas (apt-get install python3-nltk python3-statsmodels)" >&2; exit 2; }

ROWS=$((ITEMS * 5))
DATA=$OUT/agreement-$ROWS.csv
COMPLETE=$OUT/agreement-$ROWS-complete.csv
if [[ ! -s $DATA ]]; then
    echo "generating $DATA ..." >&2
    "$PYTHON" "$HERE/generate.py" "$DATA" --items "$ITEMS"
fi
if [[ ! -s $COMPLETE ]]; then
    echo "generating $COMPLETE ..." >&2
    "$PYTHON" "$HERE/generate.py" "$COMPLETE" --items "$ITEMS" --complete
fi
# Read both once so that nobody pays for the first read from disk.
cat "$DATA" "$COMPLETE" >/dev/null

# --- timing -------------------------------------------------------------------
# timed RESULT_FILE CMD...: runs CMD, writes "WALL USER SYS PEAK_RSS_KB" to RESULT_FILE and returns
# CMD's exit status.
PYTIMER='
import os, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic()
pid = os.posix_spawnp(cmd[0], cmd, os.environ)
_, status, usage = os.wait4(pid, 0)
with open(out, "w") as f:
    f.write("%.3f %.3f %.3f %d\n" % (time.monotonic() - start, usage.ru_utime, usage.ru_stime, usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
'
# GNU time prints wall seconds with two decimals only, too coarse for concord-cli's runs.
TIMER="python3 wait4() rusage wrapper (wall from time.monotonic, CPU and peak RSS from rusage)"
timed() { local out=$1; shift; "$PYTHON" -c "$PYTIMER" "$out" "$@"; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# measure NAME CMD...: runs CMD REPS times; sets WALL, CPU, RSS (medians) and VALUE (from the
# JSON the last run printed: {"value": ...}).
measure() {
    local name=$1; shift
    local walls=() cpus=() rsss=() i log tf w u s m
    for ((i = 1; i <= REPS; i++)); do
        log=$LOGS/agreement-$name-$i.log tf=$LOGS/agreement-$name-$i.time
        if ! timed "$tf" "$@" </dev/null >"$log" 2>"$log.err"; then
            echo "$name failed; last lines of $log.err:" >&2
            tail -n 20 "$log.err" >&2
            exit 1
        fi
        read -r w u s m <"$tf"
        walls+=("$w") cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')") rsss+=("$m")
        echo "  $name run $i: ${w} s wall, $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }') s CPU, $(mib "$m") MiB" >&2
    done
    WALL=$(printf '%s\n' "${walls[@]}" | median)
    CPU=$(printf '%s\n' "${cpus[@]}" | median)
    RSS=$(mib "$(printf '%s\n' "${rsss[@]}" | median)")
    VALUE=$("$PYTHON" -c 'import json, sys; print(repr(json.load(open(sys.argv[1]))["value"]))' "$log")
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "agreement benchmark: $ROWS rows, $REPS run(s) per program, timing with $TIMER" >&2
declare -A T C R V
run() {
    local key=$1; shift
    measure "$key" "$@"
    T[$key]=$WALL C[$key]=$CPU R[$key]=$RSS V[$key]=$VALUE
}
run concord-nominal "$CLI" agreement --triples "$DATA" --metric alpha-nominal --json
run nltk-nominal "$PYTHON" "$HERE/reference.py" alpha "$DATA" nominal
run concord-interval "$CLI" agreement --triples "$DATA" --metric alpha-interval --json
run nltk-interval "$PYTHON" "$HERE/reference.py" alpha "$DATA" interval
run concord-fleiss "$CLI" agreement --triples "$COMPLETE" --metric fleiss --json
run statsmodels-fleiss "$PYTHON" "$HERE/reference.py" fleiss "$COMPLETE"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report -------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0fx", a / b; else print "-" }'; }
six() { awk -v v="$1" 'BEGIN { printf "%.6f", v }'; }
agree() { [[ $(six "$1") == "$(six "$2")" ]] && echo "yes" || echo "NO"; }
diff_of() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; printf "%.1e", d }'; }

ratings=$(tail -n +2 "$DATA" | grep -vc ',$' || true)
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
versions=$("$PYTHON" -c 'import sys, nltk, statsmodels, pandas, numpy; print("Python %s, NLTK %s, statsmodels %s, pandas %s, numpy %s" % (sys.version.split()[0], nltk.__version__, statsmodels.__version__, pandas.__version__, numpy.__version__))')
RESULT=$OUT/agreement-$ROWS.txt
row() { printf '%-40s %8s %8s %9s   %-20s\n' "$@"; }
{
    echo "Agreement on $ROWS rows ($ITEMS items x 5 annotators, 5 values, 10 % missing: $ratings ratings;"
    echo "Fleiss on the complete variant, $ROWS ratings), whole-process times, median of $REPS runs"
    row "" "wall s" "CPU s" "RSS MiB" "value"
    row "concord-cli alpha-nominal" "${T[concord-nominal]}" "${C[concord-nominal]}" "${R[concord-nominal]}" "${V[concord-nominal]}"
    row "NLTK AnnotationTask.alpha, binary" "${T[nltk-nominal]}" "${C[nltk-nominal]}" "${R[nltk-nominal]}" "${V[nltk-nominal]}"
    row "concord-cli alpha-interval" "${T[concord-interval]}" "${C[concord-interval]}" "${R[concord-interval]}" "${V[concord-interval]}"
    row "NLTK AnnotationTask.alpha, interval" "${T[nltk-interval]}" "${C[nltk-interval]}" "${R[nltk-interval]}" "${V[nltk-interval]}"
    row "concord-cli fleiss (complete file)" "${T[concord-fleiss]}" "${C[concord-fleiss]}" "${R[concord-fleiss]}" "${V[concord-fleiss]}"
    row "statsmodels fleiss_kappa (pandas read)" "${T[statsmodels-fleiss]}" "${C[statsmodels-fleiss]}" "${R[statsmodels-fleiss]}" "${V[statsmodels-fleiss]}"
    echo "speed-up, Python / concord-cli (wall; CPU):"
    echo "  alpha-nominal  $(ratio "${T[nltk-nominal]}" "${T[concord-nominal]}"); $(ratio "${C[nltk-nominal]}" "${C[concord-nominal]}")"
    echo "  alpha-interval $(ratio "${T[nltk-interval]}" "${T[concord-interval]}"); $(ratio "${C[nltk-interval]}" "${C[concord-interval]}")"
    echo "  fleiss         $(ratio "${T[statsmodels-fleiss]}" "${T[concord-fleiss]}"); $(ratio "${C[statsmodels-fleiss]}" "${C[concord-fleiss]}")"
    echo "same answers to 6 decimals: alpha-nominal $(agree "${V[concord-nominal]}" "${V[nltk-nominal]}") (|diff| $(diff_of "${V[concord-nominal]}" "${V[nltk-nominal]}")), alpha-interval $(agree "${V[concord-interval]}" "${V[nltk-interval]}") ($(diff_of "${V[concord-interval]}" "${V[nltk-interval]}")), fleiss $(agree "${V[concord-fleiss]}" "${V[statsmodels-fleiss]}") ($(diff_of "${V[concord-fleiss]}" "${V[statsmodels-fleiss]}"))"
    echo "machine: $(nproc) CPU(s), ${cpu:-unknown CPU}, ${mem:-? GiB} RAM, $(uname -sr); load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
    echo "$versions; timing: $TIMER; $(date -u '+%Y-%m-%d %H:%M UTC')"
} | tee "$RESULT"
echo "(saved to bench/out/$(basename "$RESULT"); logs in bench/out/logs/)" >&2
