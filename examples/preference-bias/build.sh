#!/bin/sh
# Builds preference-bias.concord from preference-bias.jsonl: a preference project whose order
# seed is the one make_example.py computed the shown orders with, the records with the model
# behind each response, and each annotator's votes imported as that annotator's answers.
# Usage: build.sh [OUTPUT.concord] (default: preference-bias.concord here); CONCORD_CLI may name
# the concord-cli to run.
set -eu
here=$(dirname "$0")
cli=${CONCORD_CLI:-concord-cli}
project=${1:-$here/preference-bias.concord}
data=$here/preference-bias.jsonl

"$cli" init "$project" --template preference --order-seed 16
for annotator in ana ben cal dee; do
    "$cli" import "$project" "$data" --field-meta response_a.model=model_a --field-meta response_b.model=model_b \
        --answer preference=vote_$annotator --annotator $annotator
done
echo "Next: $cli check $project; $cli leaderboard $project"
