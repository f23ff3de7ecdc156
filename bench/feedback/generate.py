#!/usr/bin/env python3
"""Generate synthetic records with several fields for Concord's feedback benchmarks.

Usage:
    generate.py preference N OUT.jsonl [--tsv OUT.tsv] [--seed S]
    generate.py chat N OUT.jsonl [--turns 6] [--tsv OUT.tsv] [--seed S]
    generate.py evaluate N OUT.jsonl [--seed S]

preference: the fields of `concord-cli init --template preference`, one JSON object a line:

    {"id":"p0000001","prompt":"...","response_a":"...","response_b":"..."}

Each of the three texts is 800 to 1,250 characters (mean about 1 KB, so about 3 KB a record):
sentences of words from bench/import/generate.py's vocabulary (a few non-ASCII words, quotes,
commas); the responses are markdown (a heading or a bullet list now and then, paragraphs
separated by blank lines, so that the JSON holds escaped newlines).

chat: one chat field (bench/feedback/chat-schema.json), TURNS messages alternating user and
assistant (user turns 60-400 characters, assistant turns 200-700):

    {"id":"c0000001","chat":[{"role":"user","content":"..."},{"role":"assistant",...},...]}

evaluate: the records of the sync benchmark's three-question project
(bench/feedback/answers-schema.json), a short prompt and response:

    {"id":"e0000001","prompt":"...","response":"..."}

With --tsv, the same records are also written for the sqlite3 shell's `.mode tabs` + `.import`:
one line a record, `ID<TAB>FIELDS`, where FIELDS is the record's fields as one JSON text
(exactly the object of the JSONL line without its "id"). JSON escapes tabs and newlines inside
strings and the text starts with "{", so no field needs quoting.

The output depends only on the kind, N, TURNS and the seed (default 1): the same arguments give
the same bytes. Python 3 standard library only.
"""

import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "import"))
from generate import VOCAB  # noqa: E402  (bench/import/generate.py's vocabulary)

SENTENCE_END = (".", ".", ".", ".", "!", "?")


def sentences(rng, length):
    """About `length` characters of sentences of 4..18 words."""
    choices, random_ = rng.choices, rng.random
    words = choices(VOCAB, k=length // 5 + 4)
    out = []
    size = 0
    i = 0
    while i < len(words) and size < length:
        j = min(len(words), i + 4 + int(random_() * 15))
        sentence = words[i:j]
        sentence[0] = sentence[0][:1].upper() + sentence[0][1:]
        text = " ".join(sentence) + SENTENCE_END[j % 6]
        out.append(text)
        size += len(text) + 1
        i = j
    text = " ".join(out)
    if len(text) > length:
        cut = text.rfind(" ", 0, length)
        text = (text[:cut] if cut > length // 2 else text[:length]).rstrip(" ,;(") + "."
    return text


def markdown(rng, length):
    """About `length` characters of markdown: paragraphs, now and then a heading or a list."""
    random_ = rng.random
    parts = []
    size = 0
    if random_() < 0.3:
        heading = "## " + sentences(rng, 30).rstrip(".!?")
        parts.append(heading)
        size += len(heading) + 2
    while size < length:
        left = length - size
        if random_() < 0.25 and left > 120:
            items = ["- " + sentences(rng, 40 + int(random_() * 60)) for _ in range(2 + int(random_() * 3))]
            block = "\n".join(items)
        else:
            block = sentences(rng, min(left, 200 + int(random_() * 300)))
        if random_() < 0.2:
            words = block.split(" ")
            k = int(random_() * len(words))
            words[k] = "**" + words[k] + "**"
            block = " ".join(words)
        parts.append(block)
        size += len(block) + 2
    return "\n\n".join(parts)


def preference(rng, index):
    random_ = rng.random
    return {
        "id": "p%07d" % index,
        "prompt": sentences(rng, 800 + int(random_() * 451)),
        "response_a": markdown(rng, 800 + int(random_() * 451)),
        "response_b": markdown(rng, 800 + int(random_() * 451)),
    }


def chat(rng, index, turns):
    random_ = rng.random
    messages = []
    for turn in range(turns):
        if turn % 2 == 0:
            messages.append({"role": "user", "content": sentences(rng, 60 + int(random_() * 341))})
        else:
            messages.append({"role": "assistant", "content": markdown(rng, 200 + int(random_() * 501))})
    return {"id": "c%07d" % index, "chat": messages}


def evaluate(rng, index):
    random_ = rng.random
    return {
        "id": "e%07d" % index,
        "prompt": sentences(rng, 60 + int(random_() * 140)),
        "response": sentences(rng, 150 + int(random_() * 350)),
    }


def main():
    parser = argparse.ArgumentParser(description="Generate N records with several fields as JSONL (and TSV).")
    parser.add_argument("kind", choices=("preference", "chat", "evaluate"))
    parser.add_argument("n", type=int, help="number of records")
    parser.add_argument("out", help="output JSONL file")
    parser.add_argument("--tsv", help="also write ID<TAB>FIELDS-AS-JSON lines here, for the sqlite3 shell")
    parser.add_argument("--turns", type=int, default=6, help="messages per chat (default 6)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    if args.n < 0 or args.turns < 1:
        parser.error("N must be >= 0 and TURNS >= 1")

    started = time.monotonic()
    rng = random.Random(args.seed)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    jsonl = open(args.out, "w", encoding="utf-8", newline="\n")
    tsv = open(args.tsv, "w", encoding="utf-8", newline="\n") if args.tsv else None
    lines, rows = [], []
    for index in range(1, args.n + 1):
        if args.kind == "preference":
            record = preference(rng, index)
        elif args.kind == "chat":
            record = chat(rng, index, args.turns)
        else:
            record = evaluate(rng, index)
        lines.append(dumps(record) + "\n")
        if tsv:
            fields = dict(record)
            rid = fields.pop("id")
            rows.append(rid + "\t" + dumps(fields) + "\n")
        if len(lines) >= 5000:
            jsonl.write("".join(lines))
            lines.clear()
            if tsv:
                tsv.write("".join(rows))
                rows.clear()
    jsonl.write("".join(lines))
    jsonl.close()
    if tsv:
        tsv.write("".join(rows))
        tsv.close()
    print("generated %d %s records in %.1f s: %s%s" % (args.n, args.kind, time.monotonic() - started, args.out,
                                                      (" and " + args.tsv) if args.tsv else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
