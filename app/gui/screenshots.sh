#!/bin/sh
# Makes docs/screenshots/*.png: each screen of the GUI at 1280x800 under Xvfb, on the bundled
# demo (and a small span project), in a throw-away data folder. Needs xvfb-run, python3 and a
# build of concord and concord-cli:
#   app/gui/screenshots.sh [BUILD_DIR]      (default build/gui; run from the repository root)
set -eu
build=${1:-build/gui}
gui=$build/app/gui/concord
cli=$build/app/concord-cli
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=xcb CONCORD_USER=maria
mkdir -p "$out"

shot() { xvfb-run -a -s "-screen 0 1280x800x24" "$gui" "$@"; }

# The first start builds the demo project in $XDG_DATA_HOME/Concord.
shot --demo --screenshot "$work/first.png"
demo="$XDG_DATA_HOME/Concord/demo.concord"

# Annotate: maria has labeled the first five sentences.
for entry in amazon-0001:negative amazon-0002:positive amazon-0003:positive amazon-0004:negative \
             amazon-0005:positive; do
    "$cli" label "$demo" "${entry%%:*}" --label "${entry#*:}" --annotator maria >/dev/null
done
shot --demo --screenshot "$out/annotate.png"

# Samples filtered by a signal.
"$cli" signal add "$demo" "long texts" "length > 120" >/dev/null
shot --demo --signal "long texts" --screenshot "$out/samples-filter.png"

# Review: two more annotators who disagree with the reference now and then, and the built-in
# model's predictions.
python3 - "$work/labels.txt" <<'PY'
import json, sys
flip = {"positive": "negative", "negative": "neutral", "neutral": "positive"}
with open("resources/demo/reviews.jsonl") as rows, open(sys.argv[1], "w") as out:
    for n, line in enumerate(rows):
        if n >= 60:
            break
        row = json.loads(line)
        ref = row["reference"]
        out.write(f"{row['id']} bob {flip[ref] if n % 3 == 1 else ref}\n")
        out.write(f"{row['id']} carol {flip[flip[ref]] if n % 4 == 1 else ref}\n")
PY
while read -r id who label; do
    "$cli" label "$demo" "$id" --label "$label" --annotator "$who" >/dev/null
done <"$work/labels.txt"
"$cli" train "$demo" >/dev/null
"$cli" predict "$demo" >/dev/null
shot --demo --screen review --annotator lead --screenshot "$out/review.png"

# Dashboard: agreement among maria, bob and carol on the same demo.
shot --demo --screen dashboard --annotator lead --screenshot "$out/dashboard.png"
# Its model results: the built-in model cross-validated on those labels, the confusion matrix,
# ROC curves, the active-learning curve and the models compared (evaluated in the background).
shot --demo --screen model --annotator lead --screenshot "$out/dashboard-model.png"
# The samples table: each sample's status, label, disagreement and the model's confidence.
shot --demo --screen samples --annotator lead --screenshot "$out/samples-table.png"

# Quality: a copied review, an edited copy and a one-word one imported into the demo, for the checks to find.
python3 - "$work/extra.jsonl" <<'PY'
import json, sys
with open("resources/demo/reviews.jsonl") as rows:
    texts = [json.loads(line)["text"] for line in rows]
with open(sys.argv[1], "w") as out:
    out.write(json.dumps({"id": "pasted-1", "text": texts[0].upper()}) + "\n")
    out.write(json.dumps({"id": "pasted-3", "text": texts[6].replace("several", "a few", 1)}) + "\n")
    out.write(json.dumps({"id": "pasted-2", "text": "ok"}) + "\n")
PY
"$cli" import "$demo" "$work/extra.jsonl" >/dev/null
shot --demo --screen quality --annotator lead --screenshot "$out/quality.png"

# Spans: a few sentences with people, organisations and places.
spans="$work/spans.concord"
"$cli" init "$spans" --kind spans --labels PER,ORG,LOC --name "Demo: entities" >/dev/null
cat >"$work/entities.jsonl" <<'JSONL'
{"id":"news-1","text":"Ada Lovelace wrote the first program for Charles Babbage's Analytical Engine in London in 1843."}
{"id":"news-2","text":"Grace Hopper joined the Navy and later worked on UNIVAC at Remington Rand."}
{"id":"news-3","text":"Alan Turing studied at King's College, Cambridge, and worked at Bletchley Park."}
JSONL
"$cli" import "$spans" "$work/entities.jsonl" >/dev/null
"$cli" label "$spans" news-1 --annotator maria --value \
    '{"spans":[{"start":0,"end":12,"label":"PER"},{"start":41,"end":56,"label":"PER"},{"start":80,"end":86,"label":"LOC"}]}' \
    >/dev/null
shot "$spans" --sample news-1 --screenshot "$out/annotate-spans.png"
# Reviewing spans: two annotators who drew different spans on the same sentences.
"$cli" label "$spans" news-1 --annotator bob --value \
    '{"spans":[{"start":0,"end":3,"label":"PER"},{"start":41,"end":56,"label":"PER"},{"start":59,"end":76,"label":"ORG"}]}' \
    >/dev/null
"$cli" label "$spans" news-2 --annotator maria --value \
    '{"spans":[{"start":0,"end":12,"label":"PER"},{"start":24,"end":28,"label":"ORG"},{"start":59,"end":73,"label":"ORG"}]}' \
    >/dev/null
"$cli" label "$spans" news-2 --annotator bob --value \
    '{"spans":[{"start":0,"end":12,"label":"PER"},{"start":49,"end":55,"label":"ORG"},{"start":59,"end":73,"label":"ORG"}]}' \
    >/dev/null
shot "$spans" --screen review --annotator lead --screenshot "$out/review-spans.png"
# Welcome: no project given; the recent projects are the demo and the span project opened above.
shot --screenshot "$out/welcome.png"

# New project: the import wizard on the demo's reviews, their fields previewed and mapped.
shot --import resources/demo/reviews.jsonl --screenshot "$out/import-wizard.png"

# Export: the dialog over the demo.
shot --demo --export --screenshot "$out/export.png"

# A preference between two markdown responses (with code and a table), at both window sizes.
preference="$work/preference.concord"
"$cli" init "$preference" --template preference >/dev/null
python3 - "$work/preference.jsonl" <<'PY'
import json, sys
a = ("## Use slicing\n\nThe shortest way:\n\n```python\nitems = [1, 2, 3]\nreversed_items = items[::-1]\n```\n\n"
     "- works on any sequence\n- returns a **new** list\n\nSee [the docs](https://docs.python.org).")
b = ("You can call `list.reverse()`, which reverses *in place*:\n\n```python\nitems.reverse()\n```\n\n"
     "| method | copies? |\n| --- | --- |\n| `items[::-1]` | yes |\n| `items.reverse()` | no |\n")
with open(sys.argv[1], "w") as out:
    for n in range(1, 6):
        out.write(json.dumps({"id": f"q{n}", "prompt": f"How do I reverse a list in Python? (variant {n})",
                              "response_a": a, "response_b": b}) + "\n")
PY
"$cli" import "$preference" "$work/preference.jsonl" >/dev/null
shot "$preference" --screenshot "$out/annotate-preference.png"
xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" "$preference" --size 1920x1080 \
    --screenshot "$out/annotate-preference-1920.png"
echo "wrote $(ls "$out"/*.png | tr '\n' ' ')"
