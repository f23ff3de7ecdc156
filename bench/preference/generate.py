#!/usr/bin/env python3
"""Generate preference records with votes for Concord's preference benchmark.

Usage:
    generate.py N OUT.jsonl [--annotators A] [--models M] [--seed S]

One JSON object a line, the fields of `concord-cli init --template preference`, the models that
wrote the two responses and one vote per annotator:

    {"id":"q0000001","prompt":"...","response_a":"...","response_b":"...",
     "model_a":"model-03","model_b":"model-01","v0":"response_b","v1":"tie",...}

The prompt is 40-160 characters, each response 80-900 characters of words from
bench/import/generate.py's vocabulary. Model k has the log-strength k/2 (Bradley-Terry); a vote
is a tie with probability 0.1, else the winner is drawn from the two strengths, except that
annotator 0 votes `response_a` outright in 40 % of its other votes (a bias towards a field; the
import shows the fields in an order drawn per annotator, so not towards a shown position). The output depends only on the
arguments: the same arguments give the same bytes. Python 3 standard library only.
"""

import argparse
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "import"))
from generate import VOCAB  # noqa: E402  (bench/import/generate.py's vocabulary)


def words(rng, length):
    out = " ".join(rng.choices(VOCAB, k=max(1, length // 6)))
    return out[:1].upper() + out[1:] + "."


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--annotators", type=int, default=10)
    parser.add_argument("--models", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.n < 1 or args.annotators < 1 or args.models < 2:
        parser.error("N and --annotators must be positive, --models at least 2")
    rng = random.Random(args.seed)
    strength = [math.exp(k / 2) for k in range(args.models)]
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(1, args.n + 1):
            a, b = rng.sample(range(args.models), 2)
            line = {
                "id": "q%07d" % i,
                "prompt": words(rng, rng.randint(40, 160)),
                "response_a": words(rng, rng.randint(80, 900)),
                "response_b": words(rng, rng.randint(80, 900)),
                "model_a": "model-%02d" % a,
                "model_b": "model-%02d" % b,
            }
            p_a = strength[a] / (strength[a] + strength[b])
            for k in range(args.annotators):
                if rng.random() < 0.1:
                    vote = "tie"
                elif k == 0 and rng.random() < 0.4:
                    vote = "response_a"
                else:
                    vote = "response_a" if rng.random() < p_a else "response_b"
                line["v%d" % k] = vote
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
