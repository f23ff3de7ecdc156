#!/usr/bin/env bash
# bench/sync on PostgreSQL: `concord-cli serve --store` under the load of bench/sync's load
# generator (64 clients pushing annotate operations in batches of 10, unpaced), beside the same
# load on a project file and PostgreSQL's own insert rate for batches of 10 (bench/pgstore's
# peer: 64 connections committing plain INSERTs), in one run on a cluster of its own (initdb in
# bench/out/sync-pg, as nobody when run as root; fsync and synchronous_commit on, the defaults):
#   sqlite       one server on a project file (the default store);
#   pg-one       one server on a project of the store;
#   pg-two       two servers on the same project, 32 clients on each;
#   pg-projects  two servers, each on a project of its own, 32 clients on each;
#   pg-whole     one server for every project of the store (serve --store without --project),
#                32 clients on each of two projects;
#   peer         PostgreSQL alone, 64 connections, transactions of 10 INSERTs;
#   pg-live      propagation across two servers on one project: 20 live replicas (net::LiveSync),
#                10 on each, 200 labels one at a time; the time from the writer's
#                acknowledgement to a replica on the other server having stored the label.
#
#   bench/sync/run_pg.sh BUILD_DIR          (BUILD_DIR: a Release build with concord-cli)
#
# Environment: OPS (operations per client, default 300). Needs g++, python3, postgresql-15.
# Writes bench/out/sync-pg/.
set -euo pipefail

build=$(cd "${1:?usage: bench/sync/run_pg.sh BUILD_DIR}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/bench/out/sync-pg"
cli="$build/app/concord-cli"
bindir=$(pg_config --bindir)
ops=${OPS:-300}
[[ -x "$cli" ]] || { echo "run_pg.sh: no $cli; build concord-cli first" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

g++ -O2 -std=c++20 -DBOOST_ASIO_NO_DEPRECATED -I"$root" "$root/bench/sync/loadgen.cpp" "$root/bench/sync/LiveBench.cpp" \
    "$build/net/libconcord_net.a" "$build/core/libconcord_core.a" -lssl -lcrypto -lsqlite3 -pthread -o "$out/loadgen"
g++ -O2 -std=c++20 -I"$root" "$root/bench/pgstore/append_bench.cpp" "$build/pgstore/libconcord_pgstore.a" \
    "$build/net/libconcord_net.a" "$build/core/libconcord_core.a" -lpq -lssl -lcrypto -lsqlite3 -pthread \
    -o "$out/append_bench"

as=()
if [[ $(id -u) -eq 0 ]]; then
    chown nobody "$out"
    as=(runuser -u nobody --)
fi
port=55433
"${as[@]}" "$bindir/initdb" -D "$out/data" -U concord -A trust --no-instructions >/dev/null
"${as[@]}" "$bindir/pg_ctl" -D "$out/data" -l "$out/postgres.log" -w \
    -o "-p $port -k $out -c listen_addresses='' -c max_connections=200" start >/dev/null
trap '"${as[@]}" "$bindir/pg_ctl" -D "$out/data" -m fast stop >/dev/null' EXIT
store="host=$out port=$port user=concord dbname=postgres"

# The project file with 64 users and 1,000 records; the store's two projects made from it, the
# same 64 accounts with a role in each (accounts are server-wide: one token for both).
"$out/loadgen" setup "$out/server.concord" --users 64 --samples 1000 --tokens "$out/tokens.txt"
"$cli" project create bench --store "$store" --from "$out/server.concord" >/dev/null
"$cli" project create bench2 --store "$store" --from "$out/server.concord" >/dev/null
: >"$out/pg-tokens.txt"
while read -r name _; do
    token=$("$cli" user add --store "$store" --project bench "$name" --json |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    echo "$name $token" >>"$out/pg-tokens.txt"
    "$cli" user add --store "$store" --project bench2 "$name" >/dev/null
done <"$out/tokens.txt"
head -32 "$out/pg-tokens.txt" >"$out/pg-tokens-a.txt"
tail -32 "$out/pg-tokens.txt" >"$out/pg-tokens-b.txt"

pids=()
# serve NAME ARGS...: a server on 127.0.0.1, a free port; sets port.
serve() {
    local name=$1
    shift
    "$cli" serve "$@" --bind 127.0.0.1 --port 0 --quiet --cert "$out/cert.pem" --key "$out/key.pem" \
        >"$out/$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 200); do
        grep -q '^Listening on' "$out/$name.log" 2>/dev/null && break
        sleep 0.05
    done
    port=$(sed -n 's/^Listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$out/$name.log")
    [[ -n $port ]] || { echo "run_pg.sh: the server $name did not start:" >&2; cat "$out/$name.log" >&2; exit 1; }
}
stop_servers() {
    kill -TERM "${pids[@]}"
    wait "${pids[@]}" || true
    pids=()
}
push() { # push PORT TOKENS CLIENTS OUT [PROJECT]
    "$out/loadgen" push --port "$1" --tokens "$2" --clients "$3" --ops "$ops" --batch 10 ${5:+--project "$5"} >"$4"
}

serve sqlite "$out/server.concord"
push "$port" "$out/tokens.txt" 64 "$out/sqlite.json"
stop_servers

serve pg-one --store "$store" --project bench
push "$port" "$out/pg-tokens.txt" 64 "$out/pg-one.json"
stop_servers

# two_servers NAME PROJECT_A PROJECT_B: a server on each, 32 clients on each at once.
two_servers() {
    serve "$1-a" --store "$store" --project "$2"
    local first=$port
    serve "$1-b" --store "$store" --project "$3"
    push "$first" "$out/pg-tokens-a.txt" 32 "$out/$1-a.json" &
    local other=$!
    push "$port" "$out/pg-tokens-b.txt" 32 "$out/$1-b.json"
    wait "$other"
    stop_servers
}
two_servers pg-two bench bench
two_servers pg-projects bench bench2

serve pg-whole --store "$store"
push "$port" "$out/pg-tokens-a.txt" 32 "$out/pg-whole-a.json" bench &
whole_a=$!
push "$port" "$out/pg-tokens-b.txt" 32 "$out/pg-whole-b.json" bench2
wait "$whole_a"
stop_servers

serve pg-live-a --store "$store" --project bench
first=$port
serve pg-live-b --store "$store" --project bench
mkdir -p "$out/replicas"
"$out/loadgen" live --port "$first" --other-port "$port" --tokens "$out/pg-tokens.txt" --dir "$out/replicas" \
    --server-pid "${pids[0]}" --replicas 20 --labels 200 --idle-replicas 20 --poll-replicas 2 --window 1 \
    >"$out/pg-live.json"
stop_servers

"$out/append_bench" "$store" 64 10 5 >"$out/peer.txt"

python3 - "$out" <<'PY'
import json, os, re, sys
out = sys.argv[1]
load = lambda name: json.load(open(os.path.join(out, name + ".json")))
peer_line = next(l for l in open(os.path.join(out, "peer.txt")) if l.startswith("peer"))
peer = float(re.search(r"([\d.]+) rows/s", peer_line).group(1))
peer_p99 = float(re.search(r"p99\s+([\d.]+) ms", peer_line).group(1))
def combined(*names):
    runs = [load(n) for n in names]
    acked = sum(r["acknowledged"] for r in runs)
    seconds = max(r["seconds"] for r in runs)
    return acked, acked / seconds, max(r["p99_ms"] for r in runs), sum(r["failures"] for r in runs)
rows = [("one server, project file (SQLite)", combined("sqlite")),
        ("one server, PostgreSQL", combined("pg-one")),
        ("two servers, one project, PostgreSQL", combined("pg-two-a", "pg-two-b")),
        ("two servers, two projects, PostgreSQL", combined("pg-projects-a", "pg-projects-b")),
        ("one server, two projects, PostgreSQL", combined("pg-whole-a", "pg-whole-b"))]
one = rows[1][1][1]
print("| 64 clients, batches of 10, unpaced | acked ops | acked ops/s | p99 to ack | ratio to PostgreSQL's own inserts | ratio to one server on PostgreSQL |")
print("| --- | --- | --- | --- | --- | --- |")
for name, (acked, rate, p99, failures) in rows:
    note = f" ({failures} client failures)" if failures else ""
    print(f"| {name}{note} | {acked:,} | {rate:,.0f} | {p99:.1f} ms | {rate / peer:.2f} | {rate / one:.2f} |")
print(f"| peer: PostgreSQL alone, 64 connections, transactions of 10 INSERTs | | {peer:,.0f} rows/s | {peer_p99:.1f} ms (a transaction) | 1.00 | |")
live = load("pg-live")
print()
print(f"Propagation across two servers ({live['replicas']} live replicas, half on each, {live['labels']} labels): "
      f"p50 {live['across_p50_ms']:.1f} ms, p99 {live['across_p99_ms']:.1f} ms to a replica on the other server; "
      f"p99 {live['each_p99_ms']:.1f} ms to any replica; {live['incomplete_rounds']} incomplete rounds")
PY
echo "machine: $(nproc) CPU(s), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
