#!/usr/bin/env bash
# bench/pgstore: the PostgreSQL store's append path against PostgreSQL's own inserts of the same
# batches (append_bench.cpp says what each line is), on a cluster of its own: initdb in
# bench/out/pgstore (as nobody when run as root), durable settings (fsync and synchronous_commit
# on, the defaults), stopped at the end.
#
#   bench/pgstore/run.sh BUILD_DIR [CLIENTS=64] [BATCH=10] [SECONDS=5]
#
# BUILD_DIR: a build with concord_pgstore (any build of the tree). Needs g++, postgresql-15.
set -euo pipefail
build=$(cd "${1:?usage: bench/pgstore/run.sh BUILD_DIR [CLIENTS] [BATCH] [SECONDS]}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/bench/out/pgstore"
bindir=$(pg_config --bindir)
rm -rf "$out"
mkdir -p "$out"
g++ -O2 -std=c++20 -I"$root" "$root/bench/pgstore/append_bench.cpp" "$build/pgstore/libconcord_pgstore.a" \
    "$build/core/libconcord_core.a" -lpq -lsqlite3 -pthread -o "$out/append_bench"

as=()
if [[ $(id -u) -eq 0 ]]; then
    chown nobody "$out"
    as=(runuser -u nobody --)
fi
port=55432
"${as[@]}" "$bindir/initdb" -D "$out/data" -U concord -A trust --no-instructions >/dev/null
"${as[@]}" "$bindir/pg_ctl" -D "$out/data" -l "$out/server.log" -w \
    -o "-p $port -k $out -c listen_addresses='' -c max_connections=200" start >/dev/null
trap '"${as[@]}" "$bindir/pg_ctl" -D "$out/data" -m fast stop >/dev/null' EXIT
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
"$out/append_bench" "host=$out port=$port user=concord dbname=postgres" "${2:-64}" "${3:-10}" "${4:-5}" |
    tee "$out/results.txt"
echo "machine: $(nproc) CPU(s), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
