#!/usr/bin/env python3
"""Accuracy and macro-F1 (over the labels in the truth or the predictions, as scikit-learn
averages by default) of fastText's `predict` output against a fastText-format test file.
Standard library only.

usage: score.py TEST.ft PREDICTIONS.txt   → one JSON line
"""
import json
import sys


def labels_of(path):
    with open(path, encoding="utf-8") as handle:
        return [line.split(" ", 1)[0].strip() for line in handle]


def main():
    truth = labels_of(sys.argv[1])
    predicted = labels_of(sys.argv[2])
    assert len(truth) == len(predicted), "the prediction count differs from the test set's"
    right = sum(t == p for t, p in zip(truth, predicted))
    f1s = []
    for label in sorted(set(truth) | set(predicted)):
        tp = sum(t == label and p == label for t, p in zip(truth, predicted))
        fp = sum(t != label and p == label for t, p in zip(truth, predicted))
        fn = sum(t == label and p != label for t, p in zip(truth, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    print(json.dumps({"accuracy": right / len(truth), "macro_f1": sum(f1s) / len(f1s)}))


if __name__ == "__main__":
    main()
