#!/usr/bin/env bash
# bench/sync: the sync server under load, measured from a separate load-generator process on
# loopback, beside the raw SQLite figures of the same machine, in one run:
#   1. 64 clients pushing annotate operations in batches of 10 as fast as they are
#      acknowledged: acknowledged operations per second, p50/p99 latency to acknowledgement;
#   2. the same 64 clients paced to half that rate: p50/p99 latency;
#   3. 64 clients pushing one operation at a time (a label sent as soon as it is made);
#   4. 1,000 authenticated idle sessions held: the server's resident memory;
#   5. SQLite alone, WAL with synchronous=FULL (the server's setting): as many single-row
#      transactions as step 1 acknowledged, then the same rows in transactions of 500.
# Each server is `concord-cli serve` under GNU time (peak resident memory).
#
#   bench/sync/run.sh BUILD_DIR          (BUILD_DIR: a Release build with concord-cli)
#
# Environment: OPS (operations per client in step 1, default 400), SQLITE_ROWS (rows for
# step 5, default: what step 1 acknowledged). Needs g++, GNU time, python3. Writes
# bench/out/sync/.
set -euo pipefail

build=$(cd "${1:?usage: bench/sync/run.sh BUILD_DIR}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/bench/out/sync"
cli="$build/app/concord-cli"
[[ -x "$cli" ]] || { echo "run.sh: no $cli; build concord-cli first" >&2; exit 2; }
for lib in net/libconcord_net.a core/libconcord_core.a; do
    [[ -f "$build/$lib" ]] || { echo "run.sh: no $lib in $build; build concord-cli first" >&2; exit 2; }
done
ops=${OPS:-400}
rm -rf "$out"
mkdir -p "$out"

g++ -O2 -std=c++20 -DBOOST_ASIO_NO_DEPRECATED -I"$root" "$root/bench/sync/loadgen.cpp" "$build/net/libconcord_net.a" \
    "$build/core/libconcord_core.a" -lssl -lcrypto -lsqlite3 -pthread -o "$out/loadgen"
loadgen="$out/loadgen"
"$loadgen" setup "$out/server.concord" --users 64 --samples 1000 --tokens "$out/tokens.txt"

server_time=""
server_pid=""
# start_server NAME: concord-cli serve on 127.0.0.1, a free port, under GNU time.
start_server() {
    server_time="$out/$1.time"
    /usr/bin/time -v -o "$server_time" "$cli" serve "$out/server.concord" --bind 127.0.0.1 --port 0 --quiet \
        >"$out/$1.log" 2>&1 &
    local time_pid=$!
    for _ in $(seq 200); do
        grep -q '^Listening on' "$out/$1.log" 2>/dev/null && break
        sleep 0.05
    done
    port=$(sed -n 's/^Listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$out/$1.log")
    [[ -n $port ]] || { echo "run.sh: the server did not start:" >&2; cat "$out/$1.log" >&2; exit 1; }
    server_pid=$(ps -o pid= --ppid "$time_pid" | tr -d ' ')
    server_time_pid=$time_pid
}
# stop_server: SIGTERM (a clean stop), then the peak resident memory GNU time saw, in rss (KB).
stop_server() {
    kill -TERM "$server_pid"
    wait "$server_time_pid"
    rss=$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$server_time")
}

start_server push
"$loadgen" push --port "$port" --tokens "$out/tokens.txt" --clients 64 --ops "$ops" --batch 10 >"$out/max.json"
rate=$(python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["ops_per_second"] / 2))' "$out/max.json")
"$loadgen" push --port "$port" --tokens "$out/tokens.txt" --clients 64 --ops "$ops" --batch 10 --rate "$rate" \
    >"$out/half.json"
"$loadgen" push --port "$port" --tokens "$out/tokens.txt" --clients 64 --ops $(( ops / 4 )) --batch 1 \
    >"$out/single.json"
stop_server
push_rss=$rss

start_server idle
"$loadgen" idle --port "$port" --tokens "$out/tokens.txt" --connections 1000 --server-pid "$server_pid" --hold 5 \
    >"$out/idle.json"
stop_server
idle_rss=$rss

rows=${SQLITE_ROWS:-$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["acknowledged"])' "$out/max.json")}
"$loadgen" sqlite "$out" --rows "$rows" --batch 500 >"$out/sqlite.json"

python3 - "$out" "$push_rss" "$idle_rss" <<'PY'
import json, sys, os
out, push_rss, idle_rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
load = lambda name: json.load(open(os.path.join(out, name + ".json")))
mx, half, single, idle, sq = load("max"), load("half"), load("single"), load("idle"), load("sqlite")
mb = lambda kb: f"{kb / 1024:.0f} MB"
rows = [
    ("64 clients, batches of 10, unpaced", f"{mx['acknowledged']:,} ops in {mx['seconds']:.1f} s",
     f"{mx['ops_per_second']:,.0f} ops/s", f"p50 {mx['p50_ms']:.1f} ms, p99 {mx['p99_ms']:.1f} ms"),
    (f"64 clients, batches of 10, paced to {half['rate']:,.0f} ops/s", f"{half['acknowledged']:,} ops",
     f"{half['ops_per_second']:,.0f} ops/s", f"p50 {half['p50_ms']:.1f} ms, p99 {half['p99_ms']:.1f} ms"),
    ("64 clients, one op per push, unpaced", f"{single['acknowledged']:,} ops",
     f"{single['ops_per_second']:,.0f} ops/s", f"p50 {single['p50_ms']:.1f} ms, p99 {single['p99_ms']:.1f} ms"),
    ("server peak memory over the three push runs", "", mb(push_rss), ""),
    (f"{idle['connections']:,} idle sessions held ({idle['alive']:,} answered a ping after)",
     f"before {mb(idle['server_rss_before_kb'])}", f"held {mb(idle['server_rss_held_kb'])}",
     f"peak {mb(idle_rss)}"),
    (f"SQLite, {sq['rows']:,} single-row transactions (WAL, synchronous=FULL)", f"{sq['single_seconds']:.1f} s",
     f"{sq['single_rows_per_second']:,.0f} rows/s", ""),
    (f"SQLite, the same rows in transactions of {sq['batch']}", f"{sq['batched_seconds']:.2f} s",
     f"{sq['batched_rows_per_second']:,.0f} rows/s", ""),
]
print("| measurement | amount | rate or memory | latency to ack |")
print("| --- | --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")
failures = mx["failures"] + half["failures"] + single["failures"] + idle["failures"]
if failures:
    print(f"\n{failures} client failures (see the logs in {out})")
PY
