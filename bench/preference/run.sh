#!/usr/bin/env bash
# bench/preference: preference data of issue 16 on N records with ANNOTATORS votes each
# (1,000,000 votes by default), each step against a peer measured in the same run. See
# bench/README.md.
#   quality  `concord-cli agreement --question preference` and `concord-cli check` of the seven
#            preference checks (no bootstrap), against peer_agreement.py (numpy) and
#            peer_bias.py (numpy, scipy) computing the same numbers from the same project file
#            (Python's sqlite3 and json read it); compare_*.py check that the values agree.
#   export   `concord-cli export --format trl-preference|trl-sft|trl-kto --out-dir` of every
#            record, against the sqlite3 shell writing every record's fields
#            and every vote as JSON lines, in two scans (a floor: reading the data out, no rule
#            applied, no split).
#
#   bench/preference/run.sh BUILD_DIR [N=100000] [ANNOTATORS=10]   (BUILD_DIR: a Release build)
#
# Environment: REPS (runs per side, default 3; medians reported), STEPS (default
# "quality export"). The project is made once (generate.py, `init --template preference`, one
# import of the records with annotator 0's votes and one more import per annotator) and kept
# in bench/out/preference/. Needs bash, /usr/bin/python3 with numpy and scipy (Debian's
# python3-numpy, python3-scipy), the sqlite3 shell.
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [N=100000] [ANNOTATORS=10]" >&2
    echo "  env: REPS=3, STEPS='quality export'" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 3 ]] || usage
[[ $1 == -h || $1 == --help ]] && usage
N=${2:-100000}
A=${3:-10}
REPS=${REPS:-3}
STEPS=" ${STEPS:-quality export} "
for v in N A REPS; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "$v must be a positive integer, got '${!v}'" >&2; exit 2; }
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$ROOT/bench/out/preference
mkdir -p "$OUT"
BUILD=$(cd "$1" 2>/dev/null && pwd) || { echo "no such build directory: $1" >&2; exit 2; }
CLI=$BUILD/app/concord-cli
[[ -x $CLI ]] || { echo "concord-cli not found at $CLI (build it first)" >&2; exit 2; }
PY=/usr/bin/python3
$PY -c 'import numpy, scipy' 2>/dev/null ||
    { echo "$PY with numpy and scipy is needed (apt-get install python3-numpy python3-scipy)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "the sqlite3 shell is needed (apt-get install sqlite3)" >&2; exit 2; }

DATA=$OUT/records-$N-$A.jsonl
PROJECT=$OUT/votes-$N-$A.concord
if [[ ! -f $PROJECT ]]; then
    [[ -f $DATA ]] || $PY "$HERE/generate.py" "$N" "$DATA" --annotators "$A"
    rm -f "$PROJECT.part"
    "$CLI" init "$PROJECT.part" --template preference >/dev/null
    "$CLI" import "$PROJECT.part" "$DATA" --field-meta response_a.model=model_a --field-meta response_b.model=model_b \
        --answer preference=v0 --annotator a0
    for ((k = 1; k < A; k++)); do
        "$CLI" import "$PROJECT.part" "$DATA" --answer preference=v$k --annotator a$k
    done
    mv "$PROJECT.part" "$PROJECT"
fi
cat "$PROJECT" >/dev/null # every side reads it from the page cache

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# timed NAME CMD...: runs CMD REPS times (output to $OUT/NAME.out); prints the median wall seconds.
timed() {
    local name=$1 start end
    shift
    : >"$OUT/$name.times"
    for _ in $(seq "$REPS"); do
        start=$(now)
        "$@" >"$OUT/$name.out"
        end=$(now)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >>"$OUT/$name.times"
    done
    median <"$OUT/$name.times"
}
ratio() { awk -v p="$1" -v c="$2" 'BEGIN { printf "%.2f", p / c }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "project: $N records x $A annotators ($PROJECT), medians of $REPS runs, whole processes"

if [[ $STEPS == *" quality "* ]]; then
    checks=""
    for check in position-bias length-bias identical-responses near-identical-responses empty-response \
        repeated-prompt one-sided-annotator; do
        checks="$checks --only $check"
    done
    # shellcheck disable=SC2086 # one word per check
    concord_agreement=$(timed agreement "$CLI" agreement "$PROJECT" --question preference --json)
    concord_check=$(timed check "$CLI" check "$PROJECT" $checks --json)
    concord_sides=$(timed sides "$CLI" check "$PROJECT" --only position-bias --only length-bias --json)
    peer_agreement=$(timed peer_agreement $PY "$HERE/peer_agreement.py" "$PROJECT")
    peer_bias=$(timed peer_bias $PY "$HERE/peer_bias.py" "$PROJECT")
    $PY "$HERE/compare_agreement.py" "$OUT/agreement.out" "$OUT/peer_agreement.out"
    $PY "$HERE/compare_bias.py" "$OUT/check.out" "$OUT/peer_bias.out"
    $PY "$HERE/compare_bias.py" "$OUT/sides.out" "$OUT/peer_bias.out" >/dev/null
    total=$(awk -v a="$concord_agreement" -v b="$concord_check" 'BEGIN { printf "%.3f", a + b }')
    peer=$(awk -v a="$peer_agreement" -v b="$peer_bias" 'BEGIN { printf "%.3f", a + b }')
    echo "quality: concord-cli agreement ${concord_agreement} s + check (7 preference checks) ${concord_check} s = ${total} s"
    echo "         numpy peer_agreement ${peer_agreement} s + numpy/scipy peer_bias (position, length) ${peer_bias} s = ${peer} s"
    sides=$(awk -v a="$concord_agreement" -v b="$concord_sides" 'BEGIN { printf "%.3f", a + b }')
    echo "         concord-cli agreement + check --only position-bias --only length-bias (what the peers compute): ${sides} s"
    echo "         ratio peer / concord: agreement $(ratio "$peer_agreement" "$concord_agreement"), position and length" \
        "$(ratio "$peer_bias" "$concord_sides"), both $(ratio "$peer" "$sides"); all seven checks $(ratio "$peer" "$total")"
    $PY -c 'import json, sys
for name in sys.argv[1:]:
    s = json.load(open(name))["seconds"]
    print("         %s: read %.3f s, compute %.3f s" % (name.rsplit("/", 1)[-1], s["load"], s["compute"]))' \
        "$OUT/peer_agreement.out" "$OUT/peer_bias.out"
fi

if [[ $STEPS == *" export "* ]]; then
    floor=$(timed floor sqlite3 "$PROJECT" \
        "SELECT json_object('id', id, 'record', json(record)) FROM samples ORDER BY pk;" \
        "SELECT json_object('sample', sample, 'annotator', annotator, 'value', json(value)) FROM answers ORDER BY sample, annotator;")
    for format in trl-preference trl-sft trl-kto; do
        seconds=$(timed "$format" "$CLI" export "$PROJECT" --format "$format" --out-dir "$OUT/$format" --replace)
        rows=$(cat "$OUT/$format"/*.jsonl | wc -l)
        echo "export $format: ${seconds} s for $rows rows; sqlite3 floor ${floor} s; ratio floor / concord $(ratio "$floor" "$seconds")"
    done
fi
