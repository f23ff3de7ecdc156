#!/usr/bin/env bash
# Import benchmark: concord-cli import of N JSONL samples against the sqlite3
# shell's .import of the same rows as CSV. See bench/README.md.
#
# Usage: bench/import/run.sh BUILD_DIR [N=1000000]
#
# Environment:
#   REPS=3              runs per side; the median is reported
#   BENCH_ONLY=sqlite3  run only the sqlite3 side (no concord-cli needed)
#   BENCH_ONLY=concord  run only the concord-cli side
#
# Needs bash, python3 and the sqlite3 shell. Wall time and peak RSS are taken
# with GNU time (/usr/bin/time -f '%e %M', Debian package "time") when it is
# installed, and otherwise with a small python3 wrapper that reads the same
# numbers from wait4(2)'s rusage (ru_maxrss). Both measure the same thing.
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [N=1000000]" >&2
    echo "  env: REPS=3, BENCH_ONLY=sqlite3|concord" >&2
    exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
[[ $1 == -h || $1 == --help ]] && usage
N=${2:-1000000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "N must be a positive integer, got '$N'" >&2; exit 2; }
REPS=${REPS:-3}
[[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "REPS must be a positive integer" >&2; exit 2; }
ONLY=${BENCH_ONLY:-}
[[ -z $ONLY || $ONLY == sqlite3 || $ONLY == concord ]] || { echo "BENCH_ONLY must be sqlite3 or concord" >&2; exit 2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$ROOT/bench/out
LOGS=$OUT/logs
mkdir -p "$OUT" "$LOGS"

BUILD_DIR=$(cd "$1" 2>/dev/null && pwd) || { echo "no such build directory: $1" >&2; exit 2; }
CLI=$BUILD_DIR/app/concord-cli
if [[ $ONLY != sqlite3 && ! -x $CLI ]]; then
    echo "concord-cli not found at $CLI (build it first, or set BENCH_ONLY=sqlite3)" >&2
    exit 2
fi
if [[ $ONLY != concord ]]; then
    command -v sqlite3 >/dev/null || { echo "the sqlite3 shell is not installed (apt-get install sqlite3)" >&2; exit 2; }
fi
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }

JSONL=$OUT/samples-$N.jsonl
CSV=$OUT/samples-$N.csv
PROJECT=$OUT/import.concord
SQLDB=$OUT/import-sqlite3.db

# --- data ---------------------------------------------------------------------
if [[ ! -s $JSONL || ! -s $CSV ]]; then
    echo "generating $N samples into bench/out/ ..." >&2
    python3 "$HERE/generate.py" "$N" "$JSONL" --csv "$CSV"
fi
# Read both files once so that no side pays for the first read from disk.
cat "$JSONL" "$CSV" >/dev/null

# --- timing -------------------------------------------------------------------
# timed RESULT_FILE CMD...: runs CMD, writes "SECONDS PEAK_RSS_KB" to RESULT_FILE,
# returns CMD's exit status.
PYTIMER='
import os, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic()
pid = os.posix_spawnp(cmd[0], cmd, os.environ)
_, status, usage = os.wait4(pid, 0)
with open(out, "w") as f:
    f.write("%.2f %d\n" % (time.monotonic() - start, usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
'
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M' -o /dev/null true 2>/dev/null; then
    TIMER="GNU time (/usr/bin/time -f '%e %M')"
    timed() { local out=$1; shift; /usr/bin/time -f '%e %M' -o "$out" "$@"; }
else
    TIMER="python3 wait4() rusage wrapper (GNU time not installed)"
    timed() { local out=$1; shift; python3 -c "$PYTIMER" "$out" "$@"; }
fi

fail() {
    local what=$1 log=$2
    echo "$what failed; last lines of $log:" >&2
    tail -n 20 "$log" >&2 || true
    exit 1
}

remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

count_rows() { sqlite3 "$1" "SELECT count(*) FROM samples;" 2>/dev/null || echo "?"; }

CONCORD_T=() CONCORD_M=() SQLITE_T=() SQLITE_M=()

run_concord() {
    local i=$1
    local log=$LOGS/concord-$N-$i.log tf=$LOGS/concord-$N-$i.time
    remove_db "$PROJECT"
    "$CLI" init "$PROJECT" --kind single --labels a,b >"$log" 2>&1 || fail "concord-cli init" "$log"
    timed "$tf" "$CLI" import "$PROJECT" "$JSONL" </dev/null >>"$log" 2>&1 || fail "concord-cli import" "$log"
    read -r t m <"$tf"
    CONCORD_T+=("$t") CONCORD_M+=("$m")
    local rows; rows=$(count_rows "$PROJECT")
    echo "  concord-cli import run $i: ${t} s, peak RSS $(mib "$m") MiB, rows in project: $rows" >&2
    if [[ $rows != "?" && $rows != "$N" ]]; then
        echo "  warning: expected $N samples in the project, found $rows" >&2
    fi
}

run_sqlite() {
    local i=$1
    local log=$LOGS/sqlite3-$N-$i.log tf=$LOGS/sqlite3-$N-$i.time sql=$LOGS/sqlite3-import.sql
    remove_db "$SQLDB"
    # Setup, not timed (like concord-cli init): WAL mode is stored in the file.
    sqlite3 "$SQLDB" "PRAGMA journal_mode=WAL;" \
        "CREATE TABLE samples(id TEXT NOT NULL UNIQUE, text TEXT NOT NULL, source TEXT, lang TEXT);" \
        >"$log" 2>&1 || fail "sqlite3 setup" "$log"
    printf '%s\n' ".bail on" "PRAGMA synchronous=NORMAL;" ".import --csv --skip 1 '$CSV' samples" >"$sql"
    timed "$tf" sqlite3 "$SQLDB" <"$sql" >>"$log" 2>&1 || fail "sqlite3 .import" "$log"
    read -r t m <"$tf"
    SQLITE_T+=("$t") SQLITE_M+=("$m")
    local rows; rows=$(count_rows "$SQLDB")
    echo "  sqlite3 .import run $i: ${t} s, peak RSS $(mib "$m") MiB, rows: $rows" >&2
    [[ $rows == "$N" ]] || fail "sqlite3 .import (expected $N rows, found $rows)" "$log"
}

echo "import benchmark: N=$N, $REPS run(s) per side, timing with $TIMER" >&2
for ((i = 1; i <= REPS; i++)); do
    [[ $ONLY == sqlite3 ]] || run_concord "$i"
    [[ $ONLY == concord ]] || run_sqlite "$i"
done
remove_db "$PROJECT"
remove_db "$SQLDB"

# --- report -------------------------------------------------------------------
ct=- cm=- st=- sm=- ratio=-
if [[ $ONLY != sqlite3 ]]; then
    ct=$(printf '%s\n' "${CONCORD_T[@]}" | median)
    cm=$(mib "$(printf '%s\n' "${CONCORD_M[@]}" | median)")
fi
if [[ $ONLY != concord ]]; then
    st=$(printf '%s\n' "${SQLITE_T[@]}" | median)
    sm=$(mib "$(printf '%s\n' "${SQLITE_M[@]}" | median)")
fi
if [[ -z $ONLY ]]; then
    ratio=$(awk -v a="$ct" -v b="$st" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
fi

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
sqlv=$(sqlite3 --version 2>/dev/null | awk '{ print $1 }')
RESULT=$OUT/import-$N.txt
{
    echo "Import of $N samples ($(du -m "$JSONL" | cut -f1) MB JSONL / $(du -m "$CSV" | cut -f1) MB CSV), median of $REPS runs"
    printf '%-28s %10s %16s\n' "" "seconds" "peak RSS (MiB)"
    printf '%-28s %10s %16s\n' "concord-cli import" "$ct" "$cm"
    printf '%-28s %10s %16s\n' "sqlite3 .import --csv" "$st" "$sm"
    printf '%-28s %10s\n' "ratio concord / sqlite3" "$ratio"
    echo "machine: $(nproc) CPU(s), ${cpu:-unknown CPU}, ${mem:-? GiB} RAM, $(uname -sr)"
    echo "sqlite3 shell ${sqlv:-?}; timing: $TIMER; $(date -u '+%Y-%m-%d %H:%M UTC')"
} | tee "$RESULT"
echo "(saved to bench/out/$(basename "$RESULT"); logs in bench/out/logs/)" >&2
