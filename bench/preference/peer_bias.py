#!/usr/bin/env python3
"""The peer of `concord-cli check --only position-bias --only length-bias` for bench/preference:
the same tests with numpy and scipy on the same project file.

Usage: /usr/bin/python3 peer_bias.py PROJECT.concord [QUESTION=preference]

Reads the submitted votes (no response row, or status 'submitted') of a preference question
with Python's sqlite3 and json, the two compared fields of every record, and computes the
overall shares and two-sided exact binomial tests (scipy.stats.binomtest) of votes for the
response shown first and for the longer response (code points; equal lengths left out), and per
annotator with Holm's correction (statsmodels is not needed: Holm is a few lines of numpy).
Prints JSON with n, k and p of each, and the seconds spent reading and computing.
"""

import json
import sqlite3
import sys
import time

import numpy as np
from scipy.stats import binomtest


def holm(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.maximum.accumulate((m - np.arange(m)) * p[order])
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def main():
    path = sys.argv[1]
    question = sys.argv[2] if len(sys.argv) > 2 else "preference"
    start = time.monotonic()
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    schema = json.loads(db.execute("SELECT value FROM settings WHERE key = 'record_schema'").fetchone()[0])
    fields = next(q["fields"] for q in schema["questions"] if q["name"] == question)
    longer = {}  # sample -> index of the longer field, or -1 when equal
    for pk, record in db.execute("SELECT pk, record FROM samples"):
        texts = json.loads(record)["fields"]
        la, lb = len(texts[fields[0]]), len(texts[fields[1]])
        longer[pk] = -1 if la == lb else (0 if la > lb else 1)
    rows = db.execute(
        "SELECT a.sample, a.annotator, a.value, a.context FROM answers a LEFT JOIN responses r "
        "ON r.sample = a.sample AND r.annotator = a.annotator "
        "WHERE a.question = ? AND (r.status IS NULL OR r.status = 'submitted')", (question,))
    names, annotator, winner, first, long_side = {}, [], [], [], []
    for sample, who, value, context in rows:
        chosen = json.loads(value)["preference"]["winner"]
        annotator.append(names.setdefault(who, len(names)))
        winner.append(-1 if chosen is None else fields.index(chosen))
        first.append(fields.index(json.loads(context)["order"][0]))
        long_side.append(longer[sample])
    annotator, winner = np.array(annotator), np.array(winner)
    first, long_side = np.array(first), np.array(long_side)
    loaded = time.monotonic()

    def test(mask, hit):
        out = {}
        k, n = int(np.count_nonzero(hit & mask)), int(np.count_nonzero(mask))
        out["overall"] = {"k": k, "n": n, "p": binomtest(k, n, 0.5).pvalue if n else 1.0}
        per = []
        for name, index in sorted(names.items()):
            mine = mask & (annotator == index)
            k, n = int(np.count_nonzero(hit & mine)), int(np.count_nonzero(mine))
            per.append({"annotator": name, "k": k, "n": n, "p": binomtest(k, n, 0.5).pvalue if n else 1.0})
        for entry, adjusted in zip(per, holm([e["p"] for e in per])):
            entry["holm"] = float(adjusted)
        out["annotators"] = per
        return out

    voted = winner >= 0
    result = {
        "position": test(voted, winner == first),
        "length": test(voted & (long_side >= 0), winner == long_side),
    }
    result["seconds"] = {"load": loaded - start, "compute": time.monotonic() - loaded}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
