#!/usr/bin/env bash
# bench/sync: the sync server under load, measured from a separate load-generator process on
# loopback, beside the raw SQLite figures of the same machine, in one run:
#   1. 64 clients pushing annotate operations in batches of 10 as fast as they are
#      acknowledged: acknowledged operations per second, p50/p99 latency to acknowledgement;
#   2. the same 64 clients paced to half that rate: p50/p99 latency;
#   3. 64 clients pushing one operation at a time (a label sent as soon as it is made);
#   4. 1,000 authenticated idle sessions held: the server's resident memory;
#   5. SQLite alone, WAL with synchronous=FULL (the server's setting): as many single-row
#      transactions as step 1 acknowledged, then the same rows in transactions of 500;
#   6. live replicas (net::LiveSync, in the load generator's process): 50 connected, one
#      labels at a time, the time from its acknowledgement to all 49 others having stored the
#      label (p50/p99 over 200 labels); then 100 connected and idle, the server's CPU over 10 s
#      (/proc/PID/stat); then the same 100 polling the old way (a connection and hello every
#      2 s each), the server's CPU over 10 s.
# Each server is `concord-cli serve` under GNU time (peak resident memory).
#
#   bench/sync/run.sh BUILD_DIR          (BUILD_DIR: a Release build with concord-cli)
#
# Environment: OPS (operations per client in step 1, default 400), SQLITE_ROWS (rows for
# step 5, default: what step 1 acknowledged, else 10,000), STEPS (which to run, default
# "push idle sqlite live"; STEPS=live runs step 6 alone), WINDOW (step 6's CPU windows in
# seconds, default 10; above 30 the idle window holds each replica's keep-alive ping). Needs
# g++, GNU time, python3. Writes bench/out/sync/.
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
steps=" ${STEPS:-push idle sqlite live} "
rm -rf "$out"
mkdir -p "$out"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

g++ -O2 -std=c++20 -DBOOST_ASIO_NO_DEPRECATED -I"$root" "$root/bench/sync/loadgen.cpp" "$root/bench/sync/LiveBench.cpp" \
    "$build/net/libconcord_net.a" "$build/core/libconcord_core.a" -lssl -lcrypto -lsqlite3 -pthread -o "$out/loadgen"
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

push_rss=0
if [[ $steps == *" push "* ]]; then
    start_server push
    "$loadgen" push --port "$port" --tokens "$out/tokens.txt" --clients 64 --ops "$ops" --batch 10 >"$out/max.json"
    rate=$(python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["ops_per_second"] / 2))' "$out/max.json")
    "$loadgen" push --port "$port" --tokens "$out/tokens.txt" --clients 64 --ops "$ops" --batch 10 --rate "$rate" \
        >"$out/half.json"
    "$loadgen" push --port "$port" --tokens "$out/tokens.txt" --clients 64 --ops $(( ops / 4 )) --batch 1 \
        >"$out/single.json"
    stop_server
    push_rss=$rss
fi

idle_rss=0
if [[ $steps == *" idle "* ]]; then
    start_server idle
    "$loadgen" idle --port "$port" --tokens "$out/tokens.txt" --connections 1000 --server-pid "$server_pid" --hold 5 \
        >"$out/idle.json"
    stop_server
    idle_rss=$rss
fi

if [[ $steps == *" sqlite "* ]]; then
    default_rows=10000
    [[ -f $out/max.json ]] &&
        default_rows=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["acknowledged"])' "$out/max.json")
    "$loadgen" sqlite "$out" --rows "${SQLITE_ROWS:-$default_rows}" --batch 500 >"$out/sqlite.json"
fi

if [[ $steps == *" live "* ]]; then
    mkdir -p "$out/replicas"
    start_server live
    "$loadgen" live --port "$port" --tokens "$out/tokens.txt" --dir "$out/replicas" --server-pid "$server_pid" \
        --replicas 50 --labels 200 --idle-replicas 100 --poll-replicas 100 --window "${WINDOW:-10}" >"$out/live.json"
    stop_server
fi

python3 - "$out" "$push_rss" "$idle_rss" <<'PY'
import json, sys, os
out, push_rss, idle_rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def load(name):
    path = os.path.join(out, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None
mx, half, single, idle, sq = load("max"), load("half"), load("single"), load("idle"), load("sqlite")
mb = lambda kb: f"{kb / 1024:.0f} MB"
rows = []
failures = 0
if mx:
    rows += [
        ("64 clients, batches of 10, unpaced", f"{mx['acknowledged']:,} ops in {mx['seconds']:.1f} s",
         f"{mx['ops_per_second']:,.0f} ops/s", f"p50 {mx['p50_ms']:.1f} ms, p99 {mx['p99_ms']:.1f} ms"),
        (f"64 clients, batches of 10, paced to {half['rate']:,.0f} ops/s", f"{half['acknowledged']:,} ops",
         f"{half['ops_per_second']:,.0f} ops/s", f"p50 {half['p50_ms']:.1f} ms, p99 {half['p99_ms']:.1f} ms"),
        ("64 clients, one op per push, unpaced", f"{single['acknowledged']:,} ops",
         f"{single['ops_per_second']:,.0f} ops/s", f"p50 {single['p50_ms']:.1f} ms, p99 {single['p99_ms']:.1f} ms"),
        ("server peak memory over the three push runs", "", mb(push_rss), ""),
    ]
    failures += mx["failures"] + half["failures"] + single["failures"]
if idle:
    rows.append((f"{idle['connections']:,} idle sessions held ({idle['alive']:,} answered a ping after)",
                 f"before {mb(idle['server_rss_before_kb'])}", f"held {mb(idle['server_rss_held_kb'])}",
                 f"peak {mb(idle_rss)}"))
    failures += idle["failures"]
if sq:
    rows += [
        (f"SQLite, {sq['rows']:,} single-row transactions (WAL, synchronous=FULL)", f"{sq['single_seconds']:.1f} s",
         f"{sq['single_rows_per_second']:,.0f} rows/s", ""),
        (f"SQLite, the same rows in transactions of {sq['batch']}", f"{sq['batched_seconds']:.2f} s",
         f"{sq['batched_rows_per_second']:,.0f} rows/s", ""),
    ]
if rows:
    print("| measurement | amount | rate or memory | latency to ack |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
live = load("live")
if live:
    print()
    print("| live replicas (in-process net::LiveSync clients) | figure |")
    print("| --- | --- |")
    print(f"| {live['replicas']} connected, {live['labels']} labels one at a time ({live['gap_ms']} ms apart): "
          f"from the writer's acknowledgement to all {live['replicas'] - 1} others storing it | "
          f"p50 {live['every_p50_ms']:.1f} ms, p99 {live['every_p99_ms']:.1f} ms, max {live['every_max_ms']:.1f} ms |")
    print(f"| the same, per receiving replica | p50 {live['each_p50_ms']:.1f} ms, p99 {live['each_p99_ms']:.1f} ms |")
    print(f"| {live['idle_replicas']} connected and idle, server CPU over {live['window_seconds']} s "
          f"({live['idle_pings']} pings, {live['idle_syncs']} syncs in the window) | {live['idle_cpu_percent']:.2f} % of a core |")
    print(f"| peer: {live['poll_replicas']} replicas polling every 2 s (a connection and hello each), server CPU over "
          f"{live['window_seconds']} s ({live['poll_syncs']} syncs, {live['poll_failures']} failed) | "
          f"{live['poll_cpu_percent']:.1f} % of a core |")
    if live["incomplete_rounds"] or live["offline_events"]:
        print(f"\n{live['incomplete_rounds']} rounds incomplete, {live['offline_events']} offline events")
if failures:
    print(f"\n{failures} client failures (see the logs in {out})")
PY
