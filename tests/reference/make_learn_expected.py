#!/usr/bin/env python3
"""Writes the expected values of Concord's learning metrics, computed by scikit-learn, for
tests/core/test_learn_metrics.cpp, and (with --sentiment) the test copy of the UCI sentiment
sentences that tests/core/test_learn_model.cpp trains on.

Deterministic: the same scikit-learn version gives the same bytes. Run from the repository's
root with Debian's python3-sklearn (`.ci/setup --dev`):

    /usr/bin/python3 tests/reference/make_learn_expected.py
    /usr/bin/python3 tests/reference/make_learn_expected.py --sentiment PACKAGE_DIR

Outputs (in tests/data/learn/):
  metrics_cases.json  generated cases: inputs (true labels, probabilities) and sklearn's
                      accuracy, confusion matrix, precision/recall/F1/support per label,
                      macro and micro averages (zero_division=0), AUC-ROC (binary, or
                      one-vs-rest macro), log loss; multi-label cases: subset accuracy,
                      Hamming loss, per-label/macro/micro precision/recall/F1, macro AUC.
  sentiment.jsonl     with --sentiment PACKAGE_DIR (from `npm pack sentiment@5.0.2`): the first
                      250 positive and 250 negative sentences of each of amazon, imdb and yelp
                      (1,500), as {"id", "text", "label"}; see SOURCE.md.
"""
import argparse
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, confusion_matrix, hamming_loss, log_loss,
                             precision_recall_fscore_support, roc_auc_score)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "learn")


def probabilities(rng, n, k, resolution):
    """Rows of k probabilities in steps of 1/resolution (coarse steps make ties), summing to 1."""
    rows = []
    for _ in range(n):
        cuts = np.sort(rng.randint(0, resolution + 1, size=k - 1))
        parts = np.diff(np.concatenate([[0], cuts, [resolution]]))
        rows.append([float(p) / resolution for p in parts])
    return np.array(rows)


def informative(rng, y, k, resolution, strength):
    """Probabilities that lean towards the true label, so that metrics are not all near chance."""
    p = probabilities(rng, len(y), k, resolution)
    for i, label in enumerate(y):
        if rng.rand() < strength:
            best = int(np.argmax(p[i]))
            p[i, [best, label]] = p[i, [label, best]]
    return p


def single_case(name, rng, n, k, resolution, strength, absent=None):
    labels = [c for c in range(k) if c != absent]
    y = rng.choice(labels, size=n)
    y[: len(labels)] = labels  # every present label occurs at least once
    p = informative(rng, y, k, resolution, strength)
    if absent is not None:
        p[:, absent] = 0.0  # never predicted either: left out of sklearn's averages
    y_pred = np.argmax(p, axis=1)
    per = precision_recall_fscore_support(y, y_pred, labels=list(range(k)), average=None, zero_division=0)
    macro = precision_recall_fscore_support(y, y_pred, average="macro", zero_division=0)
    micro = precision_recall_fscore_support(y, y_pred, average="micro", zero_division=0)
    if absent is not None:
        auc = None  # sklearn refuses a label that never occurs
    elif k == 2:
        auc = roc_auc_score(y, p[:, 1])
    else:
        auc = roc_auc_score(y, p, multi_class="ovr", average="macro", labels=list(range(k)))
    return {
        "name": name,
        "kind": "single",
        "labels": k,
        "truth": [int(v) for v in y],
        "probabilities": p.tolist(),
        "expected": {
            "accuracy": accuracy_score(y, y_pred),
            "confusion": confusion_matrix(y, y_pred, labels=list(range(k))).tolist(),
            "precision": per[0].tolist(),
            "recall": per[1].tolist(),
            "f1": per[2].tolist(),
            "support": [int(s) for s in per[3]],
            "macro": {"precision": macro[0], "recall": macro[1], "f1": macro[2]},
            "micro": {"precision": micro[0], "recall": micro[1], "f1": micro[2]},
            "auc": auc,
            "log_loss": log_loss(y, p, labels=list(range(k))),
        },
    }


def multi_case(name, rng, n, k, resolution):
    y = (rng.rand(n, k) < 0.4).astype(int)
    y[0, :] = 1  # every column has both classes
    y[1, :] = 0
    p = np.clip(0.5 * y + 0.5 * rng.randint(0, resolution + 1, size=(n, k)) / resolution, 0, 1)
    y_pred = (p >= 0.5).astype(int)
    per = precision_recall_fscore_support(y, y_pred, average=None, zero_division=0)
    macro = precision_recall_fscore_support(y, y_pred, average="macro", zero_division=0)
    micro = precision_recall_fscore_support(y, y_pred, average="micro", zero_division=0)
    return {
        "name": name,
        "kind": "multi",
        "labels": k,
        "truth": [[int(c) for c in range(k) if row[c]] for row in y],
        "probabilities": p.tolist(),
        "expected": {
            "accuracy": accuracy_score(y, y_pred),
            "hamming": hamming_loss(y, y_pred),
            "precision": per[0].tolist(),
            "recall": per[1].tolist(),
            "f1": per[2].tolist(),
            "support": [int(s) for s in per[3]],
            "macro": {"precision": macro[0], "recall": macro[1], "f1": macro[2]},
            "micro": {"precision": micro[0], "recall": micro[1], "f1": micro[2]},
            "auc": roc_auc_score(y, p, average="macro"),
        },
    }


def write_metrics():
    rng = np.random.RandomState(20240611)
    cases = [
        single_case("binary, many ties", rng, 60, 2, 10, 0.6),
        single_case("binary, fine probabilities", rng, 200, 2, 1000, 0.7),
        single_case("three labels", rng, 90, 3, 20, 0.5),
        single_case("five labels, weak model", rng, 150, 5, 100, 0.2),
        single_case("four labels, one never seen", rng, 80, 4, 50, 0.5, absent=3),
        single_case("eight labels, small", rng, 40, 8, 100, 0.6),
        multi_case("multi-label, three labels", rng, 50, 3, 10),
        multi_case("multi-label, six labels", rng, 120, 6, 100),
    ]
    document = {"generator": "tests/reference/make_learn_expected.py", "sklearn": sklearn.__version__,
                "cases": cases}
    path = os.path.join(OUT, "metrics_cases.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=None, separators=(",", ":"))
        out.write("\n")
    print(f"{path}: {len(cases)} cases (scikit-learn {sklearn.__version__})")


def write_sentiment(package):
    lines = []
    for source in ("amazon", "imdb", "yelp"):
        with open(os.path.join(package, "test", "fixtures", source + ".json"), encoding="utf-8") as handle:
            records = json.load(handle)
        taken = {0: 0, 1: 0}
        for position, record in enumerate(records, start=1):
            text = (record.get("text") or "").strip()
            label = record.get("class")
            if not text or label not in (0, 1) or taken[label] >= 250:
                continue
            taken[label] += 1
            text = text.replace("\u0085", "\u2026").replace("\u0096", "\u2013").replace("\u0097", "\u2014")
            lines.append({"id": f"{source}-{position:04d}", "text": text,
                          "label": "positive" if label == 1 else "negative"})
    path = os.path.join(OUT, "sentiment.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{path}: {len(lines)} sentences")


def main():
    parser = argparse.ArgumentParser(description="expected values for Concord's learning tests")
    parser.add_argument("--sentiment", metavar="PACKAGE_DIR", help="also write the sentiment test copy")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    write_metrics()
    if args.sentiment:
        write_sentiment(args.sentiment)


if __name__ == "__main__":
    main()
