#!/usr/bin/env python3
"""scikit-learn's side of bench/learn/run.sh: HashingVectorizer (word 1-2-grams, 2^18 features,
sublinear-free counts, L2 norm) with SGDClassifier (log loss) or LogisticRegression, trained on
TRAIN.jsonl and scored on TEST.jsonl. Prints one JSON line (accuracy, macro-F1, in-process
times); run.sh measures the whole process with GNU time. Needs Debian's python3-sklearn.

usage: /usr/bin/python3 sk_bench.py sgd|logreg TRAIN.jsonl TEST.jsonl
"""
import json
import sys
import time

start = time.perf_counter()
from sklearn.feature_extraction.text import HashingVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression, SGDClassifier  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402


def read(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append(record["text"])
            labels.append(record["label"])
    return texts, labels


def main():
    kind, train_path, test_path = sys.argv[1:4]
    train_x, train_y = read(train_path)
    test_x, test_y = read(test_path)
    vectorizer = HashingVectorizer(ngram_range=(1, 2), n_features=2**18, alternate_sign=False, norm="l2")
    fit_start = time.perf_counter()
    x = vectorizer.transform(train_x)
    if kind == "sgd":
        model = SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=20, tol=None, random_state=1)
    else:
        model = LogisticRegression(C=10.0, max_iter=200)  # lbfgs; more iterations change little but time
    model.fit(x, train_y)
    predicted = model.predict(vectorizer.transform(test_x))
    print(json.dumps({"accuracy": accuracy_score(test_y, predicted),
                      "macro_f1": f1_score(test_y, predicted, average="macro"),
                      "fit_predict_s": time.perf_counter() - fit_start,
                      "total_s": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
