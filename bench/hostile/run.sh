#!/usr/bin/env bash
# bench/hostile: `concord-cli serve` with default options against 1,000 silent TCP connections
# (a slot-holding attack that needs no token). Measures the server's open descriptors and
# resident memory idle, while the connections are held and after the server closed them at the
# handshake deadline, and the time an honest `concord-cli join` then takes.
#
#   bench/hostile/run.sh BUILD_DIR [N=1000]      (BUILD_DIR: a Release build with concord-cli)
#
# Needs python3. Writes bench/out/hostile/.
set -euo pipefail

build=$(cd "${1:?usage: bench/hostile/run.sh BUILD_DIR [N]}" && pwd)
count=${2:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/bench/out/hostile"
cli="$build/app/concord-cli"
[[ -x "$cli" ]] || { echo "run.sh: no $cli; build concord-cli first" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out"

"$cli" init "$out/server.concord" --kind single --labels pos,neg >/dev/null
printf '{"id":"s1","text":"one"}\n{"id":"s2","text":"two"}\n' >"$out/samples.jsonl"
"$cli" import "$out/server.concord" "$out/samples.jsonl" >/dev/null
token=$("$cli" user add "$out/server.concord" alice --role annotator --json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')

"$cli" serve "$out/server.concord" --bind 127.0.0.1 --port 0 >"$out/serve.log" 2>&1 &
server_pid=$!
trap 'kill -TERM $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 200); do
    grep -q '^Listening on' "$out/serve.log" 2>/dev/null && break
    sleep 0.05
done
port=$(sed -n 's/^Listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$out/serve.log")
[[ -n $port ]] || { echo "run.sh: the server did not start:" >&2; cat "$out/serve.log" >&2; exit 1; }

# One login first, so that the idle figures include what any login opens once.
"$cli" join "127.0.0.1:$port" --user alice --token "$token" --out "$out/warm.concord" --quiet >/dev/null
python3 "$root/bench/hostile/flood.py" "$port" "$server_pid" "$count" 2 >"$out/flood.json"
start=$(date +%s.%N)
"$cli" join "127.0.0.1:$port" --user alice --token "$token" --out "$out/honest.concord" --quiet >/dev/null
join_seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")

python3 - "$out/flood.json" "$join_seconds" <<'PY'
import json, sys
flood, join_seconds = json.load(open(sys.argv[1])), sys.argv[2]
mb = lambda kb: f"{kb / 1024:.1f} MB"
print("| state | server descriptors | server resident memory |")
print("| --- | --- | --- |")
print(f"| idle, before the flood | {flood['idle']['fds']} | {mb(flood['idle']['rss_kb'])} |")
for number, round_ in enumerate(flood["rounds"], 1):
    print(f"| flood {number}: {flood['connections']:,} silent connections held | {round_['held']['fds']} | "
          f"{mb(round_['held']['rss_kb'])} |")
    print(f"| flood {number}: after the server closed them | {round_['after']['fds']} | "
          f"{mb(round_['after']['rss_kb'])} |")
print()
for number, round_ in enumerate(flood["rounds"], 1):
    print(f"Flood {number}: {round_['closed_by_server']:,} of {flood['connections']:,} closed by the server, the "
          f"last {round_['all_closed_after_s']} s after the first was opened.")
print(f"An honest join then took {join_seconds} s.")
PY
