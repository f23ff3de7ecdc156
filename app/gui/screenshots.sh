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
# Each feedback screen at 1280x800 and at 1920x1080 (NAME-1920.png).
both() {
    name=$1
    shift
    shot "$@" --screenshot "$out/$name.png"
    xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" "$@" --size 1920x1080 --screenshot "$out/$name-1920.png"
}
both annotate-preference "$preference"

# A chat with three replies to rank, an SFT correction with its changes, a multi-question evaluation.
cat >"$work/chat-schema.json" <<'JSON'
{"fields": [{"name": "conversation", "title": "Conversation", "kind": "chat"},
            {"name": "reply_1", "kind": "markdown"}, {"name": "reply_2", "kind": "markdown"},
            {"name": "reply_3", "kind": "markdown"}],
 "questions": [{"name": "ranking", "title": "Rank the replies, best first", "kind": "ranking",
                "fields": ["reply_1", "reply_2", "reply_3"]},
               {"name": "safe", "title": "Is the best reply safe?", "kind": "label", "labels": ["safe", "unsafe"]}]}
JSON
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
turns = [{"role": "system", "content": "You are a careful assistant for a bicycle shop. Answer in two sentences or fewer."},
         {"role": "user", "content": "My chain keeps slipping when I climb hills. What should I check first?"},
         {"role": "assistant", "content": "Check whether the chain is worn: a chain checker or a ruler will tell you."},
         {"role": "user", "content": "It is new. What else?"}]
with open(f"{work}/chat.jsonl", "w") as out:
    out.write(json.dumps({"id": "chat-1", "conversation": turns,
                          "reply_1": "Then look at the **cassette**: a new chain on worn cogs slips under load.",
                          "reply_2": "Adjust the rear derailleur's *B-tension* and indexing; a barrel adjuster turn at a time.",
                          "reply_3": "Buy a new bike."}) + "\n")
with open(f"{work}/sft.jsonl", "w") as out:
    out.write(json.dumps({"id": "sft-1", "prompt": "When did the Berlin Wall fall, and why did it matter?",
                          "response": "The Berlin Wall fell on 9 November 1988. It mattered because it ended the Cold "
                                      "War overnight and reunited Germany the same week."}) + "\n")
with open(f"{work}/evaluate.jsonl", "w") as out:
    out.write(json.dumps({"id": "e1", "prompt": "What is the boiling point of water at sea level?",
                          "response": "Water boils at **100 °C** (212 °F) at sea level. At higher altitudes it boils at "
                                      "a *lower* temperature, which is why pasta takes longer to cook in Denver."}) + "\n")
PY
"$cli" init "$work/chat.concord" --schema "$work/chat-schema.json" >/dev/null
"$cli" import "$work/chat.concord" "$work/chat.jsonl" >/dev/null
both annotate-chat-ranking "$work/chat.concord"
"$cli" init "$work/sft.concord" --template sft >/dev/null
"$cli" import "$work/sft.concord" "$work/sft.jsonl" >/dev/null
"$cli" label "$work/sft.concord" sft-1 --annotator maria --question correction --value \
    '{"text":"The Berlin Wall fell on 9 November 1989. It mattered because it opened the border between East and West Berlin and led to German reunification in October 1990."}' \
    >/dev/null
both annotate-sft-correction "$work/sft.concord" --sample sft-1
"$cli" init "$work/evaluate.concord" --template evaluate >/dev/null
"$cli" import "$work/evaluate.concord" "$work/evaluate.jsonl" >/dev/null
both annotate-evaluate "$work/evaluate.concord"

# Claims marked as spans in a response (a record of fields), beside a rating of the response.
cat >"$work/claims-schema.json" <<'JSON'
{"fields": [{"name": "prompt", "title": "Prompt"}, {"name": "response", "title": "Response"}],
 "questions": [{"name": "claims", "title": "Mark the response's claims", "kind": "spans", "field": "response",
                "labels": [{"name": "supported", "key": "s"}, {"name": "unsupported", "key": "u"},
                           {"name": "wrong", "key": "w"}]},
               {"name": "accuracy", "title": "How accurate is the response?", "kind": "rating",
                "rating": {"min": 1, "max": 5}}]}
JSON
cat >"$work/claims.jsonl" <<'JSONL'
{"id":"claims-1","prompt":"Who built the first programmable computer?","response":"Konrad Zuse finished the Z3 in Berlin in 1941. It was the first working programmable, fully automatic computer. It was destroyed in an air raid in 1943, and Zuse later founded the first computer company in Germany."}
JSONL
"$cli" init "$work/claims.concord" --schema "$work/claims-schema.json" >/dev/null
"$cli" import "$work/claims.concord" "$work/claims.jsonl" >/dev/null
"$cli" label "$work/claims.concord" claims-1 --annotator maria --question claims --value \
    '{"spans":[{"start":0,"end":45,"label":"supported"},{"start":47,"end":110,"label":"unsupported"}]}' >/dev/null
both annotate-spans-field "$work/claims.concord"
# Its review: maria and bob marked different claims; the lead marks the gold in the same text.
"$cli" label "$work/claims.concord" claims-1 --annotator maria --question accuracy --rating 3 >/dev/null
"$cli" label "$work/claims.concord" claims-1 --annotator bob --question claims --value \
    '{"spans":[{"start":0,"end":45,"label":"supported"},{"start":47,"end":110,"label":"wrong"}]}' >/dev/null
"$cli" label "$work/claims.concord" claims-1 --annotator bob --question accuracy --rating 2 >/dev/null
shot "$work/claims.concord" --screen review --annotator lead --screenshot "$out/review-spans-field.png"

# The bundled preference example (a position-biased annotator, a length bias, three models):
# the review of its disagreements, and the dashboard's leaderboard and bias panel.
CONCORD_CLI="$cli" examples/preference-bias/build.sh "$work/preference-bias.concord" >/dev/null
both review-preference "$work/preference-bias.concord" --screen review --annotator lead
both dashboard-questions "$work/preference-bias.concord" --screen dashboard
both dashboard-preferences "$work/preference-bias.concord" --screen preferences

# A new project from a template: the schema beside a live preview of the annotate screen.
shot --new-from-template ranking --screenshot "$out/new-from-template.png"
# Importing records into it: the file's keys mapped to fields and suggestions, the first records previewed.
"$cli" init "$work/pairs.concord" --template preference >/dev/null
head -5 resources/feedback-demo/records.jsonl >"$work/pairs.jsonl"
shot "$work/pairs.concord" --import-records "$work/pairs.jsonl" --screenshot "$out/import-records.png"

# The bundled feedback demo: a record whose better response holds code and a table.
both annotate-feedback-demo --feedback-demo --sample p004
echo "wrote $(ls "$out"/*.png | tr '\n' ' ')"
