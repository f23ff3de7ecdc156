#!/usr/bin/python3
"""Synthetic annotations for the agreement benchmark, as a CSV of item,annotator,value triples.

    generate.py OUT.csv [--items 200000] [--annotators 5] [--labels 5] [--missing 0.1]
                        [--seed 1] [--complete]

Writes one row per (item, annotator): ITEMS x ANNOTATORS rows under the header
item,annotator,value (200,000 x 5 = 1,000,000 rows by default). A share MISSING of the rows
(10 % by default) has an empty value, which Concord and the Python references read as a
missing rating. Values are the numbers 1..LABELS, so the same file serves nominal and interval
alpha. --complete writes no missing values, which Fleiss' kappa needs (a fixed number of
ratings per item).

Each item has a true value (values 1..LABELS, lower ones more frequent); annotator k gives it
with probability 0.55 + 0.3 * k / (ANNOTATORS - 1), otherwise a neighbouring value two times in
three and a uniformly random one otherwise. The output depends only on the arguments.
"""

import argparse
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--items", type=int, default=200000)
    parser.add_argument("--annotators", type=int, default=5)
    parser.add_argument("--labels", type=int, default=5)
    parser.add_argument("--missing", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--complete", action="store_true", help="no missing values (for Fleiss' kappa)")
    args = parser.parse_args()
    if args.complete:
        args.missing = 0.0

    rng = random.Random(args.seed)
    values = [str(v) for v in range(1, args.labels + 1)]
    weights = [args.labels - v for v in range(args.labels)]  # 5, 4, 3, 2, 1
    annotators = ["ann%d" % (k + 1) for k in range(args.annotators)]
    skill = [0.55 + 0.3 * k / max(1, args.annotators - 1) for k in range(args.annotators)]
    lines = ["item,annotator,value\n"]
    for i in range(args.items):
        item = "item%07d" % (i + 1)
        truth = rng.choices(range(args.labels), weights)[0]
        for k, annotator in enumerate(annotators):
            if rng.random() < args.missing:
                lines.append("%s,%s,\n" % (item, annotator))
                continue
            if rng.random() < skill[k]:
                given = truth
            elif rng.random() < 2 / 3:
                given = min(args.labels - 1, max(0, truth + rng.choice((-1, 1))))
            else:
                given = rng.randrange(args.labels)
            lines.append("%s,%s,%s\n" % (item, annotator, values[given]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.writelines(lines)


if __name__ == "__main__":
    main()
