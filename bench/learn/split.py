#!/usr/bin/env python3
"""Splits a labeled JSONL file into train and test files, stratified by label, from a seed.

Writes OUT_PREFIX.train.jsonl and OUT_PREFIX.test.jsonl (the records as they are) and, for
fastText, OUT_PREFIX.train.ft and OUT_PREFIX.test.ft (`__label__LABEL text` with the text's
white space collapsed to single spaces). Each label's records are shuffled with the seed and
the first round(share × count) go to the test file, so every run of the benchmark compares the
tools on exactly the same split.

usage: split.py IN.jsonl OUT_PREFIX [--test-share 0.2] [--seed 1]
"""
import argparse
import json
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("prefix")
    parser.add_argument("--test-share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    by_label = {}
    with open(args.input, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                by_label.setdefault(record["label"], []).append(record)
    rng = random.Random(args.seed)
    train, test = [], []
    for label in sorted(by_label):
        records = by_label[label]
        rng.shuffle(records)
        cut = round(args.test_share * len(records))
        test.extend(records[:cut])
        train.extend(records[cut:])
    rng.shuffle(train)
    rng.shuffle(test)
    for name, records in (("train", train), ("test", test)):
        with open(f"{args.prefix}.{name}.jsonl", "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        with open(f"{args.prefix}.{name}.ft", "w", encoding="utf-8") as out:
            for record in records:
                text = " ".join(record["text"].split())
                out.write(f"__label__{record['label']} {text}\n")
    print(f"{args.prefix}: {len(train)} train, {len(test)} test, {len(by_label)} labels")


if __name__ == "__main__":
    main()
