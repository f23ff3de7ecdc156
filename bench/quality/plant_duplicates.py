#!/usr/bin/env python3
"""Plant near and exact duplicates into a JSONL file of samples, for the
near-duplicate benchmark of `concord-cli check`.

Usage:
    plant_duplicates.py IN.jsonl OUT.jsonl N [--near K] [--exact K] [--seed S]

Takes the first N - K_near - K_exact rows of IN (as written by
bench/import/generate.py) and appends
  - K_near near twins ("near-0000001", ...): a copy of a random earlier row with
    one word replaced by "zzplanted";
  - K_exact exact twins ("exact-0000001", ...): a copy with its ASCII letters
    upper-cased and its spaces doubled, which the exact-duplicate check must see
    through.
Defaults: K_near = 1% of N, K_exact = 0.5% of N, seed 1.

Also writes OUT.pairs.tsv: one planted near pair a line, "original<TAB>twin<TAB>J",
where J is the Jaccard similarity of the two texts' sets of word pairs computed
the way Concord does (ASCII lower-casing; words split at whitespace and ASCII
punctuation; a text shorter than two words is one shingle). Pairs with J under
the check's threshold (0.7 by default) are not expected to be found.
Python 3 standard library only; the same arguments give the same bytes.
"""

import argparse
import json
import random
import re
import string

_SEPARATORS = re.compile("[" + re.escape(string.punctuation) + r"\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def words(text):
    lowered = "".join(c.lower() if "A" <= c <= "Z" else c for c in text)
    return [w for w in _SEPARATORS.split(lowered) if w]


def shingles(text, width=2):
    ws = words(text)
    if not ws:
        return set()
    width = min(width, len(ws))
    return {tuple(ws[i:i + width]) for i in range(len(ws) - width + 1)}


def jaccard(a, b):
    sa, sb = shingles(a), shingles(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("n", type=int)
    parser.add_argument("--near", type=int)
    parser.add_argument("--exact", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    near = args.near if args.near is not None else args.n // 100
    exact = args.exact if args.exact is not None else args.n // 200
    base_count = args.n - near - exact
    if base_count < 1:
        parser.error("N is too small for the planted duplicates")

    rows = []
    with open(args.input, encoding="utf-8") as source:
        for line in source:
            rows.append(json.loads(line))
            if len(rows) == base_count:
                break
    if len(rows) < base_count:
        parser.error(f"{args.input} has only {len(rows)} rows; need {base_count}")

    rng = random.Random(args.seed)
    pairs = []
    planted = []
    for k in range(1, near + 1):
        original = rows[rng.randrange(base_count)]
        tokens = original["text"].split(" ")
        position = rng.randrange(len(tokens))
        tokens[position] = "zzplanted"
        twin = dict(original, id=f"near-{k:07d}", text=" ".join(tokens))
        planted.append(twin)
        pairs.append((original["id"], twin["id"], jaccard(original["text"], twin["text"])))
    for k in range(1, exact + 1):
        original = rows[rng.randrange(base_count)]
        # ASCII upper-casing only: Concord folds ASCII case alone (docs/quality.md).
        shouted = "".join(c.upper() if "a" <= c <= "z" else c for c in original["text"])
        twin = dict(original, id=f"exact-{k:07d}", text=shouted.replace(" ", "  "))
        planted.append(twin)

    with open(args.output, "w", encoding="utf-8") as out:
        for row in rows + planted:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(args.output + ".pairs.tsv", "w", encoding="utf-8") as out:
        for a, b, similarity in pairs:
            out.write(f"{a}\t{b}\t{similarity:.4f}\n")


if __name__ == "__main__":
    main()
