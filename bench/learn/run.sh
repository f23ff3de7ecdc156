#!/usr/bin/env bash
# bench/learn: the built-in classifier against fastText and scikit-learn on real labeled text
# (Debian's fortunes, and the UCI sentiment sentences from the npm package sentiment@5.0.2), on
# the same train/test split, in one run; then the time to rank 100,000 unlabeled samples and
# the active-learning curves (entropy, margin, random) on the fortunes.
#
#   bench/learn/run.sh BUILD_DIR          (BUILD_DIR: a Release build with concord-cli)
#
# Needs: python3 (standard library), /usr/bin/python3 with python3-sklearn, fasttext, the
# fortunes package, npm (for the sentiment package), GNU time, g++. Writes bench/out/learn/.
set -euo pipefail

build=$(cd "${1:?usage: bench/learn/run.sh BUILD_DIR}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bench/learn"
out="$root/bench/out/learn"
mkdir -p "$out"
cli="$build/app/concord-cli"
[[ -x "$cli" ]] || { echo "run.sh: no $cli; build concord-cli first" >&2; exit 2; }
[[ -f "$build/core/libconcord_core.a" ]] || { echo "run.sh: no libconcord_core.a in $build" >&2; exit 2; }

# The data: extract, then one stratified 80/20 split per data set (seed 1).
python3 "$here/extract_fortunes.py" "$out/fortunes.jsonl"
if [[ ! -f "$out/sentiment.jsonl" ]]; then
    pkg=$(mktemp -d)
    (cd "$pkg" && npm pack --silent sentiment@5.0.2 >/dev/null && tar xzf sentiment-5.0.2.tgz)
    python3 "$here/extract_sentiment.py" "$pkg/package" "$out/sentiment.jsonl"
    rm -rf "$pkg"
fi
for data in fortunes sentiment; do
    python3 "$here/split.py" "$out/$data.jsonl" "$out/$data"
done

# The built-in model's driver, linked against the build's library.
g++ -O3 -std=c++20 -I"$root" "$here/learn_bench.cpp" "$build/core/libconcord_core.a" -lsqlite3 -o "$out/learn_bench"

# measure NAME COMMAND...: runs it under GNU time; appends "NAME seconds peak_kb" to $times.
times="$out/times.txt"
: >"$times"
measure() {
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$out/time.tmp" "$@"
    echo "$name $(cat "$out/time.tmp")" >>"$times"
}

results="$out/results.jsonl"
: >"$results"
for data in sentiment fortunes; do
    train="$out/$data.train"
    test="$out/$data.test"
    # Concord's built-in model: reading, features, training, prediction, scoring in one process.
    measure "$data concord" "$out/learn_bench" train "$train.jsonl" "$test.jsonl" >"$out/$data.concord.json"
    # fastText, defaults, then the settings of its tutorial (more epochs, word bigrams); train
    # and predict are two processes: times add, memory is the larger peak.
    for setting in default tuned; do
        args=()
        [[ $setting == tuned ]] && args=(-lr 1.0 -epoch 25 -wordNgrams 2)
        measure "$data fasttext-$setting-train" fasttext supervised -input "$train.ft" -output "$out/ft-$data" \
            -verbose 0 "${args[@]}"
        measure "$data fasttext-$setting-predict" fasttext predict "$out/ft-$data.bin" "$test.ft" \
            >"$out/$data.ft-$setting.txt"
        python3 "$here/score.py" "$test.ft" "$out/$data.ft-$setting.txt" >"$out/$data.fasttext-$setting.json"
    done
    for model in sgd logreg; do
        measure "$data sklearn-$model" /usr/bin/python3 "$here/sk_bench.py" "$model" "$train.jsonl" "$test.jsonl" \
            >"$out/$data.sklearn-$model.json"
    done
done

# Ranking 100,000 unlabeled samples with a model trained on the fortunes (in-process time of
# features, prediction, scores and the batch), without and with the diversity filter.
"$out/learn_bench" rank "$out/fortunes.train.jsonl" 100000 --batch 100 >"$out/rank.json"
"$out/learn_bench" rank "$out/fortunes.train.jsonl" 100000 --batch 100 --diverse 0.8 >"$out/rank-diverse.json"
# The same through concord-cli on a project of 100,000 unlabeled samples: whole process,
# reading the project included.
rm -f "$out/rank.concord" "$out/rank.concord.model"
labels=$(python3 -c "import json,sys; print(','.join(sorted({json.loads(l)['label'] for l in open(sys.argv[1])})))" \
    "$out/fortunes.jsonl")
python3 - "$out/fortunes.train.jsonl" "$out/pool.jsonl" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, record in enumerate(records):
        out.write(json.dumps({"id": "l" + str(i), "text": record["text"], "label": record["label"]}) + "\n")
    for i in range(100000):
        out.write(json.dumps({"id": "u" + str(i), "text": records[i % len(records)]["text"] + " " + str(i)}) + "\n")
PY
"$cli" init "$out/rank.concord" --kind single --labels "$labels" >/dev/null
"$cli" import "$out/rank.concord" "$out/pool.jsonl" --label-field label --annotator bench >/dev/null
"$cli" train "$out/rank.concord" >/dev/null
measure "rank concord-cli" "$cli" rank "$out/rank.concord" --batch 100 >/dev/null

# Active-learning curves on the fortunes through concord-cli simulate.
rm -f "$out/sim.concord" "$out/sim.concord.model"
"$cli" init "$out/sim.concord" --kind single --labels "$labels" >/dev/null
"$cli" import "$out/sim.concord" "$out/fortunes.jsonl" --label-field label --annotator fortune >/dev/null
measure "simulate concord-cli" "$cli" simulate "$out/sim.concord" --strategies entropy,margin,random \
    --seed-size 100 --batch 100 --rounds 20 --out "$out/simulation.csv"

python3 "$here/report.py" "$out" | tee "$out/report.md"
