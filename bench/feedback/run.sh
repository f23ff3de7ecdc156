#!/usr/bin/env bash
# bench/feedback: records with several fields and questions (issue 15), each step against a peer
# measured in the same invocation. See bench/README.md.
#   import   concord-cli import of N preference records (prompt, response_a, response_b of about
#            1 KB each) into an `init --template preference` project, and of N chat records of 6
#            turns into a project of one chat field (chat-schema.json); against the sqlite3
#            shell's `.import` of the same records as `ID<TAB>FIELDS-AS-JSON` into
#            records(id TEXT PRIMARY KEY, fields TEXT NOT NULL) (WAL, synchronous=NORMAL: the
#            settings Concord uses). Both whole processes, commit included. Then the split:
#            feedback_bench parse times the import's JSONL reader alone over the same file.
#   sync     `concord-cli sync` of a replica holding R records answered offline on the
#            three-question project answers-schema.json (3 annotate + 2 respond operations a
#            record: draft, then submitted) to `concord-cli serve` on 127.0.0.1; against the same
#            of a replica holding 3R labels of a one-question project (`init --kind single
#            --labels a,b`, one annotate operation a label). Both whole processes, from fresh
#            copies of the same server and replica files every run, alternating sides; then one
#            more sync of each with feedback_bench's timed steps (connect, fetch, push, pull).
#   migrate  `concord-cli info` on a version-2 file of M samples with 3 labels each (3M
#            annotations, as many history rows) and M/10 gold labels, made by make_v2.py:
#            opening migrates it to version 3. Reference: `cp` of the same file; peer: the sqlite3
#            shell running the same migration SQL (kVersion3) on another copy. And `info` again
#            on the migrated file, which is info's own work.
#
#   bench/feedback/run.sh BUILD_DIR [N=100000]     (BUILD_DIR: a Release build with concord-cli)
#
# Environment: REPS (runs per side, default 3; medians reported), STEPS (default
# "import sync migrate"; add "profile" for one more import of each kind under perf, with the
# inclusive shares of its main functions in profile-N.txt), SYNC_RECORDS (R, default 10000),
# MIGRATE_SAMPLES (M, default 1000000).
# Needs bash, python3, the sqlite3 shell, GNU time, g++ (the sync step links feedback_bench.cpp
# against BUILD_DIR's libconcord_net.a and libconcord_core.a). Writes bench/out/feedback/.
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [N=100000]" >&2
    echo "  env: REPS=3, STEPS='import sync migrate', SYNC_RECORDS=10000, MIGRATE_SAMPLES=1000000" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage
[[ $1 == -h || $1 == --help ]] && usage
N=${2:-100000}
REPS=${REPS:-3}
R=${SYNC_RECORDS:-10000}
M=${MIGRATE_SAMPLES:-1000000}
STEPS=" ${STEPS:-import sync migrate} "
for v in N REPS R M; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "$v must be a positive integer, got '${!v}'" >&2; exit 2; }
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$ROOT/bench/out/feedback
LOGS=$OUT/logs
mkdir -p "$OUT" "$LOGS"
BUILD=$(cd "$1" 2>/dev/null && pwd) || { echo "no such build directory: $1" >&2; exit 2; }
CLI=$BUILD/app/concord-cli
[[ -x $CLI ]] || { echo "concord-cli not found at $CLI (build it first)" >&2; exit 2; }
for tool in sqlite3 python3; do
    command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "GNU time is needed (apt-get install time)" >&2; exit 2; }
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# timed RESULT_FILE CMD...: runs CMD under GNU time; RESULT_FILE gets "SECONDS PEAK_RSS_KB".
timed() { local out=$1; shift; /usr/bin/time -f '%e %M' -o "$out" "$@"; }
fail() {
    echo "$1 failed; last lines of $2:" >&2
    tail -n 20 "$2" >&2 || true
    exit 1
}
remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
# copy_db FROM TO: a project file and its WAL, if any (copies of closed files).
copy_db() {
    remove_db "$2"
    cp "$1" "$2"
    if [[ -f $1-wal ]]; then cp "$1-wal" "$2-wal"; fi
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.0f", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
rows() { sqlite3 "$1" "SELECT count(*) FROM $2;"; }

BENCH=$OUT/feedback_bench
if [[ $STEPS == *" import "* || $STEPS == *" sync "* ]]; then
    for lib in net/libconcord_net.a core/libconcord_core.a; do
        [[ -f $BUILD/$lib ]] || { echo "no $lib in $BUILD; build concord-cli first" >&2; exit 2; }
    done
    g++ -O2 -std=c++20 -DNDEBUG -DBOOST_ASIO_NO_DEPRECATED -I"$ROOT" "$HERE/feedback_bench.cpp" \
        "$BUILD/net/libconcord_net.a" "$BUILD/core/libconcord_core.a" -lssl -lcrypto -lsqlite3 -pthread -o "$BENCH"
fi

# Each step's results go to a file of its own (import-N, sync-R, migrate-M, profile-N .txt), started
# afresh when the step runs, with the machine and the load at its end.
RESULT=/dev/null
report() { echo "$*" | tee -a "$RESULT"; }
begin_step() { RESULT=$OUT/$1.txt; : >"$RESULT"; RESULTS+=("$RESULT"); }
RESULTS=()
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
end_step() {
    report "machine: $(nproc) CPU(s), ${cpu:-unknown CPU}, ${mem:-? GiB} RAM, $(uname -sr); sqlite3 shell" \
        "$(sqlite3 --version | awk '{ print $1 }'); GNU time; $(date -u '+%Y-%m-%d %H:%M UTC');" \
        "build $(basename "$BUILD") ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt" 2>/dev/null));" \
        "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
}

# --- 1. import -----------------------------------------------------------------------------
import_kind() { # KIND: preference or chat
    local kind=$1 jsonl=$OUT/$1-$N.jsonl tsv=$OUT/$1-$N.tsv
    local project=$OUT/import-$1.concord db=$OUT/import-$1-sqlite3.db sql=$LOGS/import-$1.sql
    if [[ ! -s $jsonl || ! -s $tsv ]]; then
        python3 "$HERE/generate.py" "$kind" "$N" "$jsonl" --tsv "$tsv"
    fi
    cat "$jsonl" "$tsv" >/dev/null # neither side pays for the first read from disk
    local init=(--template preference)
    [[ $kind == chat ]] && init=(--schema "$HERE/chat-schema.json")
    printf '%s\n' ".bail on" "PRAGMA synchronous=NORMAL;" ".mode tabs" ".import '$tsv' records" >"$sql"
    local ct=() cm=() st=() sm=() i log t m
    for ((i = 1; i <= REPS; i++)); do
        log=$LOGS/import-$kind-concord-$i.log
        remove_db "$project"
        "$CLI" init "$project" "${init[@]}" >"$log" 2>&1 || fail "concord-cli init" "$log"
        sync # the last run's writes go to disk now, not during this one
        timed "$LOGS/t" "$CLI" import "$project" "$jsonl" </dev/null >>"$log" 2>&1 || fail "concord-cli import" "$log"
        read -r t m <"$LOGS/t"
        ct+=("$t") cm+=("$m")
        [[ $(rows "$project" samples) == "$N" ]] || fail "concord-cli import (not $N records)" "$log"
        echo "  $kind: concord-cli import run $i: $t s, $(mib "$m") MiB, project $(mb "$project") MB" >&2

        log=$LOGS/import-$kind-sqlite3-$i.log
        remove_db "$db"
        sqlite3 "$db" "PRAGMA journal_mode=WAL;" \
            "CREATE TABLE records(id TEXT PRIMARY KEY, fields TEXT NOT NULL);" >"$log" 2>&1 || fail "sqlite3 setup" "$log"
        sync
        timed "$LOGS/t" sqlite3 "$db" <"$sql" >>"$log" 2>&1 || fail "sqlite3 .import" "$log"
        read -r t m <"$LOGS/t"
        st+=("$t") sm+=("$m")
        [[ $(rows "$db" records) == "$N" ]] || fail "sqlite3 .import (not $N rows)" "$log"
        echo "  $kind: sqlite3 .import run $i: $t s, $(mib "$m") MiB, database $(mb "$db") MB" >&2
    done
    local cmed smed
    cmed=$(printf '%s\n' "${ct[@]}" | median)
    smed=$(printf '%s\n' "${st[@]}" | median)
    report "import of $N $kind records ($(mb "$jsonl") MB JSONL, $(mb "$tsv") MB TSV), median of $REPS:" \
        "concord-cli import $cmed s ($(mib "$(printf '%s\n' "${cm[@]}" | median)") MiB, file $(mb "$project") MB;" \
        "runs ${ct[*]}), sqlite3 .import $smed s ($(mib "$(printf '%s\n' "${sm[@]}" | median)") MiB," \
        "file $(mb "$db") MB; runs ${st[*]}), ratio concord/sqlite3 $(ratio "$cmed" "$smed")"
    # Where the time goes: the import's JSONL reader alone over the same file, in one process
    # (feedback_bench parse). The import parses on a second thread while the first checks,
    # encodes and stores the records parsed before.
    "$BENCH" parse "$jsonl" >"$LOGS/import-$kind-split.json"
    python3 - "$LOGS/import-$kind-split.json" "$cmed" "$smed" <<'PY' | tee -a "$RESULT"
import json, sys
split, concord, sqlite = json.load(open(sys.argv[1])), float(sys.argv[2]), float(sys.argv[3])
parse = split["parse_seconds"]
print(f"  split: the JSONL reader alone {parse:.2f} s ({parse / sqlite:.2f} x sqlite3's whole import), which "
      f"concord-cli import runs on a thread of its own (io::ReadAhead) beside the rest (checks, encoding, "
      f"SQLite, commit): the whole import took {concord:.2f} s")
PY
    remove_db "$project"
    remove_db "$db"
}
if [[ $STEPS == *" import "* ]]; then
    begin_step "import-$N"
    import_kind preference
    import_kind chat
    end_step
fi

# --- 2. sync -------------------------------------------------------------------------------
SYNC=$OUT/sync
server_pid="" time_pid=""
# start_server PROJECT PORT NAME: concord-cli serve on 127.0.0.1 under GNU time; sets port.
start_server() {
    local log=$LOGS/serve-$3.log
    /usr/bin/time -f '%e %M' -o "$LOGS/serve-$3.time" "$CLI" serve "$1" --bind 127.0.0.1 --port "$2" --quiet \
        --max-ops-per-minute 100000000 >"$log" 2>&1 &
    time_pid=$!
    server_pid=""
    for _ in $(seq 1200); do # 60 s at most
        [[ -n $server_pid ]] || server_pid=$(ps -o pid= --ppid "$time_pid" | tr -d ' ')
        grep -q '^Stop with' "$log" 2>/dev/null && break
        kill -0 "$time_pid" 2>/dev/null || break
        sleep 0.05
    done
    port=$(sed -n 's/^Listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$log")
    if [[ -z $port ]]; then
        [[ -z $server_pid ]] || kill -TERM "$server_pid" 2>/dev/null || true
        server_pid=""
        fail "concord-cli serve (not listening after 60 s)" "$log"
    fi
    server_pid=$(ps -o pid= --ppid "$time_pid" | tr -d ' ')
}
stop_server() {
    kill -TERM "$server_pid"
    wait "$time_pid" || true
    server_pid="" time_pid=""
}
trap '[[ -n $server_pid ]] && kill -TERM "$server_pid" 2>/dev/null; true' EXIT

# prepare_side SIDE: a server project, a user, a replica joined and filled offline; keeps
# pristine copies of the server and the replica, and the port in $SYNC/SIDE.port.
prepare_side() {
    local side=$1 server=$SYNC/$1-server.concord replica=$SYNC/$1-replica.concord log=$LOGS/sync-$1-setup.log
    remove_db "$server"
    remove_db "$replica"
    rm -f "$server".*.pem
    if [[ $side == answers ]]; then
        "$CLI" init "$server" --schema "$HERE/answers-schema.json" >"$log" 2>&1 || fail "init" "$log"
        "$CLI" import "$server" "$SYNC/evaluate-$R.jsonl" >>"$log" 2>&1 || fail "import" "$log"
    else
        "$CLI" init "$server" --kind single --labels a,b >"$log" 2>&1 || fail "init" "$log"
        "$CLI" import "$server" "$SYNC/samples-$((3 * R)).jsonl" >>"$log" 2>&1 || fail "import" "$log"
    fi
    local token
    token=$("$CLI" user add "$server" ann --role annotator --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    start_server "$server" 0 "$side-setup"
    echo "$port" >"$SYNC/$side.port"
    "$CLI" join "127.0.0.1:$port" --user ann --token "$token" --out "$replica" >>"$log" 2>&1 || fail "join" "$log"
    stop_server
    if [[ $side == answers ]]; then
        "$BENCH" answer "$replica" --records "$R" >"$SYNC/$side-fill.json" 2>>"$log" || fail "feedback_bench" "$log"
    else
        "$BENCH" label "$replica" --samples $((3 * R)) >"$SYNC/$side-fill.json" 2>>"$log" ||
            fail "feedback_bench" "$log"
    fi
    sqlite3 "$replica" "SELECT kind, count(*) FROM outbox WHERE rejected IS NULL GROUP BY kind ORDER BY kind;" \
        >"$SYNC/$side-outbox.txt"
    copy_db "$server" "$server.pristine"
    copy_db "$replica" "$replica.pristine"
    echo "  $side: outbox $(tr '\n|' ' =' <"$SYNC/$side-outbox.txt")(filled in $(python3 -c 'import json,sys; print("%.1f" % json.load(open(sys.argv[1]))["seconds"])' "$SYNC/$side-fill.json") s)" >&2
}

# sync_once SIDE RUN [phases]: fresh copies, a server, one timed sync; appends to SIDE.runs.
sync_once() {
    local side=$1 run=$2 server=$SYNC/$1-server.concord replica=$SYNC/$1-replica.concord
    local log=$LOGS/sync-$1-$2.log
    copy_db "$server.pristine" "$server"
    copy_db "$replica.pristine" "$replica"
    cat "$server" "$replica" >/dev/null
    sync # earlier writes go to disk now, not during the server's commits
    start_server "$server" "$(cat "$SYNC/$side.port")" "$side-$run"
    if [[ ${3:-} == phases ]]; then
        "$BENCH" phases "$replica" >"$SYNC/$side-phases.json" 2>"$log" || { stop_server; fail "feedback_bench phases" "$log"; }
        stop_server
        echo "  $side: timed steps $(cat "$SYNC/$side-phases.json")" >&2
        return
    fi
    /usr/bin/time -f '%e %M %U %S' -o "$LOGS/t" "$CLI" sync "$replica" --json --quiet >"$SYNC/$side-$run.json" 2>"$log" ||
        { stop_server; fail "concord-cli sync" "$log"; }
    # The server's CPU over the sync (it was idle before): utime + stime from /proc/PID/stat.
    local server_cpu
    server_cpu=$(python3 -c '
import os, sys
stat = open("/proc/%s/stat" % sys.argv[1]).read()
fields = stat[stat.rindex(")") + 2:].split()
print("%.2f" % ((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")))' "$server_pid")
    stop_server
    local t m cu cs sent pending rejected
    read -r t m cu cs <"$LOGS/t"
    read -r sent pending rejected < <(python3 -c 'import json,sys; r = json.load(open(sys.argv[1])); print(r["sent"], r["pending"], len(r["rejected"]))' "$SYNC/$side-$run.json")
    local expected
    expected=$(awk -F'|' '{ s += $2 } END { print s }' "$SYNC/$side-outbox.txt")
    [[ $sent == "$expected" && $pending == 0 && $rejected == 0 ]] ||
        fail "sync ($side: sent $sent of $expected, $pending pending, $rejected rejected)" "$log"
    echo "$t $(awk -v u="$cu" -v s="$cs" 'BEGIN { print u + s }') $server_cpu" >>"$SYNC/$side.runs"
    echo "  $side: concord-cli sync run $run: $t s, $sent operations, $(mib "$m") MiB;" \
        "CPU: client $(awk -v u="$cu" -v s="$cs" 'BEGIN { print u + s }') s, server $server_cpu s" >&2
}

if [[ $STEPS == *" sync "* ]]; then
    begin_step "sync-$R"
    rm -rf "$SYNC"
    mkdir -p "$SYNC"
    python3 "$HERE/generate.py" evaluate "$R" "$SYNC/evaluate-$R.jsonl"
    python3 "$ROOT/bench/import/generate.py" $((3 * R)) "$SYNC/samples-$((3 * R)).jsonl"
    prepare_side answers
    prepare_side labels
    for ((i = 1; i <= REPS; i++)); do
        sync_once answers "$i"
        sync_once labels "$i"
    done
    sync_once answers phases phases
    sync_once labels phases phases
    python3 - "$SYNC" "$R" "$REPS" <<'PY' | tee -a "$RESULT"
import json, statistics, sys, os
d, r, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def side(name):
    lines = [line.split() for line in open(os.path.join(d, name + ".runs"))]
    runs = [float(x[0]) for x in lines]
    cpu[name] = ([float(x[1]) for x in lines], [float(x[2]) for x in lines])
    outbox = dict(line.strip().split("|") for line in open(os.path.join(d, name + "-outbox.txt")))
    ops = sum(int(v) for v in outbox.values())
    phases = json.load(open(os.path.join(d, name + "-phases.json")))
    return runs, statistics.median(runs), {k: int(v) for k, v in outbox.items()}, ops, phases
cpu = {}
ar, am, ao, aops, ap = side("answers")
lr, lm, lo, lops, lp = side("labels")
print(f"sync of {r} records x 3 answers (outbox {ao}: {aops} ops) against {3 * r} labels (outbox {lo}: {lops} ops), "
      f"median of {reps} whole `concord-cli sync` processes:")
print(f"  answers side: {am:.2f} s (runs {' '.join(f'{x:.2f}' for x in ar)}): {aops / am:,.0f} ops/s, "
      f"{3 * r / am:,.0f} answers/s")
print(f"  labels side:  {lm:.2f} s (runs {' '.join(f'{x:.2f}' for x in lr)}): {lops / lm:,.0f} ops/s")
print(f"  ratio answer ops/s / label ops/s {aops / am / (lops / lm):.2f}; "
      f"answers/s / labels/s {3 * r / am / (lops / lm):.2f}")
for name, ops in (("answers", aops), ("labels", lops)):
    client, server = cpu[name]
    print(f"  {name} CPU per operation (median of the runs): client {statistics.median(client) / ops * 1e6:.0f} us, "
          f"server {statistics.median(server) / ops * 1e6:.0f} us (client {' '.join(f'{x:.2f}' for x in client)} s, "
          f"server {' '.join(f'{x:.2f}' for x in server)} s)")
for name, p, ops in (("answers", ap, aops), ("labels", lp, lops)):
    print(f"  {name} timed steps (one more sync): connect {p['connect_seconds']:.2f} s, fetch {p['fetch_seconds']:.2f} s, "
          f"push {p['push_seconds']:.2f} s ({ops / p['push_seconds']:,.0f} ops/s), pull {p['pull_seconds']:.2f} s "
          f"({p['pulled_annotations']} annotations, {p['pulled_responses']} statuses), total {p['seconds']:.2f} s")
print(f"  push alone: ratio answer ops/s / label ops/s "
      f"{(aops / ap['push_seconds']) / (lops / lp['push_seconds']):.2f}")
PY
    end_step
fi

# --- 3. migrate ----------------------------------------------------------------------------
if [[ $STEPS == *" migrate "* ]]; then
    begin_step "migrate-$M"
    pristine=$OUT/v2-$M.pristine.concord work=$OUT/v2-$M.concord copy=$OUT/v2-$M.copy.concord
    if [[ ! -s $pristine ]]; then
        python3 "$HERE/make_v2.py" "$pristine" --samples "$M" --annotators 3 --resolutions $((M / 10))
    fi
    [[ ! -f $pristine-wal ]] || { echo "$pristine has a WAL; remove it and run again" >&2; exit 1; }
    python3 "$HERE/make_v2.py" --v3-sql "$LOGS/migrate-v3.sql"
    cat "$pristine" >/dev/null
    size=$(mb "$pristine")
    expected="3 $((3 * M)) $((M / 10)) "
    check_v3() { [[ $(sqlite3 "$1" "PRAGMA user_version; SELECT count(*) FROM answers; SELECT count(*) FROM gold;" | tr '\n' ' ') == "$expected" ]]; }
    mt=() mm=() it=() ct=() qt=() msize=""
    for ((i = 1; i <= REPS; i++)); do
        # The reference: cp of the file (from the page cache; cp does not wait for the disk).
        remove_db "$copy"
        sync
        timed "$LOGS/t" cp "$pristine" "$copy"
        read -r cpt m <"$LOGS/t"
        ct+=("$cpt")
        remove_db "$copy"
        # Concord: opening the file migrates it; info then counts.
        log=$LOGS/migrate-$i.log
        copy_db "$pristine" "$work"
        sync # the copy's dirty pages go to disk before, not during, the measurement
        timed "$LOGS/t" "$CLI" info "$work" >"$log" 2>&1 || fail "concord-cli info (migrating)" "$log"
        read -r t m <"$LOGS/t"
        mt+=("$t") mm+=("$m")
        check_v3 "$work" || fail "the migration (user_version, answers, gold)" "$log"
        msize=$(mb "$work")
        timed "$LOGS/t" "$CLI" info "$work" >>"$log" 2>&1 || fail "concord-cli info (migrated)" "$log"
        read -r t2 _ <"$LOGS/t"
        it+=("$t2")
        # Peer: the sqlite3 shell running the same migration SQL on another copy.
        qlog=$LOGS/migrate-sqlite3-$i.log
        copy_db "$pristine" "$work"
        sync
        timed "$LOGS/t" sqlite3 "$work" <"$LOGS/migrate-v3.sql" >"$qlog" 2>&1 || fail "sqlite3 (the version 3 SQL)" "$qlog"
        read -r t3 _ <"$LOGS/t"
        qt+=("$t3")
        check_v3 "$work" || fail "the sqlite3 shell's migration (user_version, answers, gold)" "$qlog"
        echo "  migrate run $i: cp $cpt s; concord-cli info (migrating) $t s, $(mib "$m") MiB; info again $t2 s;" \
            "sqlite3 shell, the same SQL, $t3 s" >&2
    done
    cmed=$(printf '%s\n' "${mt[@]}" | median)
    cpmed=$(printf '%s\n' "${ct[@]}" | median)
    qmed=$(printf '%s\n' "${qt[@]}" | median)
    report "migration of a version 2 file of $M samples, $((3 * M)) annotations (+ $((3 * M)) history rows)," \
        "$((M / 10)) gold labels: file $size MB (version 3 after: $msize MB), median of $REPS:"
    report "  concord-cli info (opening migrates) $cmed s (runs ${mt[*]}; peak $(mib "$(printf '%s\n' "${mm[@]}" | median)") MiB)"
    report "  info again on the migrated file $(printf '%s\n' "${it[@]}" | median) s (runs ${it[*]})"
    report "  cp of the file $cpmed s (runs ${ct[*]}); ratio info/cp $(ratio "$cmed" "$cpmed")"
    report "  sqlite3 shell running the version 3 SQL $qmed s (runs ${qt[*]}); ratio info/sqlite3 $(ratio "$cmed" "$qmed")"
    # The statements that took longest in the last sqlite3 run.
    python3 - "$qlog" <<'PY' | tee -a "$RESULT"
import sys
statement, rows = [], []
for line in open(sys.argv[1]):
    if line.startswith("Run Time:"):
        rows.append((float(line.split()[3]), " ".join(part.strip() for part in statement)[:90]))
        statement = []
    elif line.strip():
        statement.append(line)
print("  sqlite3 split (last run): " + "; ".join(f"{t:.2f} s {s}" for t, s in sorted(rows, reverse=True)[:7]))
PY
    remove_db "$work"
    end_step
fi

# --- profile (not in the default STEPS) --------------------------------------------------------
# One more import of each kind under `perf record` (DWARF call graphs), and the inclusive share of
# the import's main functions (perf report --children).
if [[ $STEPS == *" profile "* ]]; then
    command -v perf >/dev/null || { echo "the profile step needs perf (apt-get install linux-perf)" >&2; exit 2; }
    begin_step "profile-$N"
    for kind in preference chat; do
        jsonl=$OUT/$kind-$N.jsonl project=$OUT/import-$kind.concord
        [[ -s $jsonl ]] || python3 "$HERE/generate.py" "$kind" "$N" "$jsonl" --tsv "$OUT/$kind-$N.tsv"
        init=(--template preference)
        [[ $kind == chat ]] && init=(--schema "$HERE/chat-schema.json")
        remove_db "$project"
        "$CLI" init "$project" "${init[@]}" >/dev/null
        perf record -q -F 200 --call-graph dwarf,16384 -o "$LOGS/import-$kind.perf" \
            "$CLI" import "$project" "$jsonl" </dev/null >/dev/null 2>&1
        perf report -i "$LOGS/import-$kind.perf" --children --stdio -g none --percent-limit 0.5 2>/dev/null |
            grep -v '^#' | grep -v '^$' >"$LOGS/import-$kind-profile.txt" || true
        python3 - "$LOGS/import-$kind-profile.txt" "$kind" <<'PY' | tee -a "$RESULT"
import re, sys
wanted = [
    ("concord::FieldImporter::run", "FieldImporter::run (the whole import)"),
    ("concord::io::JsonlReader::next", "JsonlReader::next (reading and parsing the JSONL)"),
    ("concord::FieldImporter::importRecord", "FieldImporter::importRecord (a record: checks, storing)"),
    ("concord::checkRecord", "  checkRecord (validation and the size limit)"),
    ("concord::encodeRecord", "  encodeRecord (the record's JSON text, stored)"),
    ("concord::primaryText", "  primaryText (the samples.text column)"),
    ("concord::store::SampleTable::insert", "  SampleTable::insert (SQLite insert)"),
    ("concord::sqlite::Database::~Database", "closing the database (WAL checkpoint)"),
]
shares = {}
for line in open(sys.argv[1]):
    match = re.match(r"\s*([0-9.]+)%\s+([0-9.]+)%\s+\S+\s+\S+\s+\[.\]\s+(.*)$", line)
    if match:
        for key, _ in wanted:
            if match.group(3).startswith(key) and key not in shares:
                shares[key] = float(match.group(1))
print(f"profile of concord-cli import, {sys.argv[2]} records (perf, inclusive share of samples):")
for key, label in wanted:
    print(f"  {shares.get(key, 0.0):5.1f} %  {label}")
PY
        remove_db "$project"
    done
    # The server over one sync of the answers replica (made by STEPS=sync): which operations
    # its time goes to.
    SYNC=$OUT/sync
    if [[ -f $SYNC/answers-server.concord.pristine && -f $SYNC/answers.port ]]; then
        server=$SYNC/answers-server.concord replica=$SYNC/answers-replica.concord log=$LOGS/profile-serve.log
        copy_db "$server.pristine" "$server"
        copy_db "$replica.pristine" "$replica"
        perf record -q -F 300 --call-graph dwarf,16384 -o "$LOGS/serve-answers.perf" "$CLI" serve "$server" \
            --bind 127.0.0.1 --port "$(cat "$SYNC/answers.port")" --quiet --max-ops-per-minute 100000000 >"$log" 2>&1 &
        perf_pid=$!
        for _ in $(seq 400); do
            grep -q '^Stop with' "$log" 2>/dev/null && break
            kill -0 "$perf_pid" 2>/dev/null || fail "concord-cli serve under perf" "$log"
            sleep 0.05
        done
        server_pid=$(ps -o pid= --ppid "$perf_pid" | tr -d ' ')
        "$CLI" sync "$replica" --quiet >/dev/null 2>&1 || { kill -TERM "$server_pid"; fail "concord-cli sync" "$log"; }
        kill -TERM "$server_pid"
        wait "$perf_pid" || true
        server_pid=""
        perf script -i "$LOGS/serve-answers.perf" 2>/dev/null >"$LOGS/serve-answers.stacks" || true
        python3 - "$LOGS/serve-answers.stacks" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["records"])' "$SYNC/answers-fill.json")" <<'PY' | tee -a "$RESULT"
import collections, re, sys
def name(line):
    parts = line.strip().split(" ", 1)
    return re.sub(r"(\+0x[0-9a-f]+)? \(.*\)$", "", parts[1]) if len(parts) == 2 else parts[0]
stacks = [[name(l) for l in block.strip().split("\n")[1:]] for block in open(sys.argv[1]).read().split("\n\n") if block.strip()]
def callees(target):
    counts, n = collections.Counter(), 0
    for frames in stacks:
        at = [i for i, f in enumerate(frames) if f.endswith(target)]
        if at:
            n += 1
            counts[re.sub(r"<.*", "<..>", frames[at[-1] - 1]) if at[-1] > 0 else "(self)"] += 1
    return n, counts
total = len(stacks)
n, counts = callees("OperationApplier::apply")
print(f"profile of concord-cli serve over one sync of the answers replica ({sys.argv[2]} records; perf, {total} samples): "
      f"OperationApplier::apply in {100 * n / total:.0f} % of them, of which:")
for callee, count in counts.most_common(4):
    print(f"  {100 * count / n:5.1f} %  {callee}")
n, counts = callees("OperationApplier::applyResponse")
print("  applyResponse's callees: " + "; ".join(f"{callee} {100 * count / n:.0f} %" for callee, count in counts.most_common(8)))
PY
    else
        echo "  (no server profile: run STEPS=sync first)" | tee -a "$RESULT"
    fi
    end_step
fi

echo "(saved to ${RESULTS[*]#"$ROOT/"}; logs in bench/out/feedback/logs/)" >&2
