#!/usr/bin/env python3
"""Turns bench/out/learn/ (written by run.sh) into the Markdown tables of docs/benchmarks.md.

usage: report.py OUT_DIR
"""
import csv
import json
import os
import sys


def main():
    out = sys.argv[1]
    times = {}
    with open(os.path.join(out, "times.txt")) as handle:
        for line in handle:
            *name, seconds, kb = line.split()
            times[" ".join(name)] = (float(seconds), int(kb))

    def load(name):
        with open(os.path.join(out, name)) as handle:
            return json.loads(handle.readline())

    for data in ("sentiment", "fortunes"):
        rows = []
        c = load(f"{data}.concord.json")
        rows.append(("Concord built-in (learn_bench)", c, *times[f"{data} concord"]))
        for setting in ("default", "tuned"):
            t1, m1 = times[f"{data} fasttext-{setting}-train"]
            t2, m2 = times[f"{data} fasttext-{setting}-predict"]
            rows.append((f"fastText {setting}", load(f"{data}.fasttext-{setting}.json"), t1 + t2, max(m1, m2)))
        for model, title in (("sgd", "scikit-learn SGDClassifier"), ("logreg", "scikit-learn LogisticRegression")):
            rows.append((title, load(f"{data}.sklearn-{model}.json"), *times[f"{data} sklearn-{model}"]))
        base = rows[1][2]
        print(f"\n**{data}** ({c['train']} train, {c['test']} test, {c['labels']} labels)\n")
        print("| tool | accuracy | macro-F1 | train + predict, whole process (s) | vs fastText default | peak memory (MB) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, scores, seconds, kb in rows:
            print(f"| {name} | {scores['accuracy']:.4f} | {scores['macro_f1']:.4f} | {seconds:.2f} | "
                  f"{seconds / base:.2f}x | {kb / 1024:.0f} |")

    rank = load("rank.json")
    diverse = load("rank-diverse.json")
    seconds, kb = times["rank concord-cli"]
    print("\n**Ranking 100,000 unlabeled samples** (model trained on the fortunes' training split)\n")
    print("| what | time (s) |")
    print("| --- | ---: |")
    print(f"| features + prediction + entropy + top 100 (in process) | {rank['rank_s']:.3f} |")
    print(f"| the same with `--diverse 0.8` | {diverse['rank_s']:.3f} |")
    print(f"| `concord-cli rank --batch 100`, whole process (reading the project, loading the model) | "
          f"{seconds:.2f} ({kb / 1024:.0f} MB) |")

    curves = {}
    with open(os.path.join(out, "simulation.csv")) as handle:
        for row in csv.DictReader(handle):
            curves.setdefault(int(row["labels"]), {})[row["strategy"]] = (float(row["accuracy"]), float(row["macro_f1"]))
    strategies = ["entropy", "margin", "random"]
    seconds, _ = times["simulate concord-cli"]
    print(f"\n**Active learning on the fortunes** (`concord-cli simulate`, {seconds:.0f} s; accuracy / macro-F1 on the "
          "held-out 20 %)\n")
    print("| labels | " + " | ".join(strategies) + " |")
    print("| ---: | " + " | ".join("---" for _ in strategies) + " |")
    for labels in sorted(curves):
        cells = [f"{curves[labels][s][0]:.3f} / {curves[labels][s][1]:.3f}" if s in curves[labels] else "-"
                 for s in strategies]
        print(f"| {labels} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
