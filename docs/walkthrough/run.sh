#!/usr/bin/env bash
# The walk-through of docs/feedback.md: each of the five templates from init to export, with two
# annotators answering on their own replicas through a server on loopback. Run from anywhere:
#   docs/walkthrough/run.sh [path/to/concord-cli]   (default: build/release/app/concord-cli)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=${1:-$here/../../build/release/app/concord-cli}
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
say() { printf '\n$ %s\n' "$*"; "$@"; }

for template in preference ranking sft evaluate classify; do
    printf '\n## %s\n' "$template"
    say "$cli" init "$template.concord" --template "$template"
    say "$cli" import "$template.concord" "$here/$template.jsonl"
    ana=$("$cli" user add "$template.concord" ana --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    ben=$("$cli" user add "$template.concord" ben --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    "$cli" serve "$template.concord" --port 0 >"serve-$template.log" 2>&1 &
    server=$!
    until grep -q 'Stop with Ctrl' "serve-$template.log" 2>/dev/null; do
        kill -0 $server 2>/dev/null || { cat "serve-$template.log"; exit 1; }
        sleep 0.1
    done
    address=$(grep -o 'Listening on [^ ]*' "serve-$template.log" | head -1 | cut -d' ' -f3)
    "$cli" join "$address" --user ana --token "$ana" --out "ana-$template.concord" --quiet
    "$cli" join "$address" --user ben --token "$ben" --out "ben-$template.concord" --quiet
    case $template in
    preference)
        say "$cli" show ana-preference.concord p1
        say "$cli" label ana-preference.concord p1 --question preference --value response_b --seconds 40
        say "$cli" label ana-preference.concord p1 --question reason --value "B is right and pitched for a child."
        say "$cli" label ana-preference.concord p2 --question preference --value '{"preference":{"winner":"response_a","strength":2}}' --draft
        say "$cli" label ben-preference.concord p1 --question preference --value tie
        say "$cli" label ben-preference.concord p2 --discard "prompt too easy to compare"
        ;;
    ranking)
        say "$cli" label ana-ranking.concord k1 --question ranking --value '["response_2","response_1","response_3","response_4"]'
        say "$cli" label ana-ranking.concord k2 --question ranking --value '{"response_1":1,"response_2":1,"response_3":3,"response_4":4}'
        say "$cli" label ben-ranking.concord k1 --question ranking --value '{"response_1":2,"response_2":1,"response_3":3,"response_4":4}'
        say "$cli" label ben-ranking.concord k2 --question ranking --value '["response_2","response_1"]' || true
        ;;
    sft)
        say "$cli" label ana-sft.concord s2 --question correction --value "17 times 3 is 51." 
        say "$cli" label ana-sft.concord s2 --question quality --value unusable
        say "$cli" label ana-sft.concord s1 --question correction --value "Rain on the tin roof" --draft
        say "$cli" label ben-sft.concord s2 --question correction --value "51" --submit
        ;;
    evaluate)
        say "$cli" label ana-evaluate.concord e1 --question correct --value no
        say "$cli" label ana-evaluate.concord e1 --question helpfulness --value 2
        say "$cli" label ana-evaluate.concord e1 --question hallucinations --value '{"spans":[{"start":22,"end":41,"label":"hallucination"}]}'
        say "$cli" label ana-evaluate.concord e1 --question why --value "Shakespeare wrote it." --submit
        say "$cli" label ben-evaluate.concord e1 --question correct --value no
        say "$cli" label ben-evaluate.concord e1 --question helpfulness --value 1 --submit
        say "$cli" label ben-evaluate.concord e2 --discard ""
        ;;
    classify)
        say "$cli" label ana-classify.concord c1 --label positive
        say "$cli" label ben-classify.concord c1 --label positive
        say "$cli" label ben-classify.concord c2 --label negative
        ;;
    esac
    say "$cli" sync "ana-$template.concord"
    say "$cli" sync "ben-$template.concord"
    say "$cli" sync "ana-$template.concord"
    say "$cli" export "ana-$template.concord" - --responses all
    say "$cli" export "ben-$template.concord" - --responses all
    say "$cli" export "$template.concord" - --responses all
    kill $server
    wait $server 2>/dev/null || true
done
