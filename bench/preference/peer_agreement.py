#!/usr/bin/python3
"""The numpy peer of `concord-cli agreement PROJECT --question NAME --json` for a preference
question: percent agreement and Krippendorff's alpha (nominal on the choice, ordinal on the
signed strength) from a vectorised coincidence matrix, and the share of opposite winners.

Usage: /usr/bin/python3 peer_agreement.py PROJECT.concord [QUESTION]   (QUESTION: preference)
Prints {"percent", "alpha_nominal", "alpha_ordinal", "opposite_share", "seconds": {...}}.

Definitions as Concord's (core/quality/agreement): a vote counts when its response is
submitted or has no response row; records with two or more votes are the pairable ones.
percent: the mean over pairable records of sum_c n_c (n_c - 1) / (m (m - 1)).
alpha: 1 - (n - 1) * sum(o_ck d_ck) / sum(n_c n_k d_ck), o the coincidence matrix.
choice: the winning field or "(tie)", ordered first field, tie, second field.
signed strength: +s when the first field wins, -s when the second does, 0 a tie; ordered
-max..max (max = points // 2), values off that scale after it in order of appearance.
"""
import json
import sqlite3
import sys
import time

import numpy as np

TIE = "(tie)"


def question_of(db, name):
    schema = json.loads(db.execute("SELECT value FROM settings WHERE key = 'record_schema'").fetchone()[0])
    for question in schema.get("questions", []):
        if question["name"] == name:
            return question
    sys.exit(f"no question '{name}' in the project")


def load(path, name):
    """The question; per vote its record's key and the code of its text; the distinct texts."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    question = question_of(db, name)
    # As Concord reads them: the few unsubmitted responses aside, then one scan of the answers in
    # primary-key order (`+question` keeps SQLite off the question index and its seeks).
    unsubmitted = set(db.execute("SELECT sample, annotator FROM responses WHERE status <> 'submitted'"))
    rows = db.execute("SELECT sample, annotator, value FROM answers WHERE +question = ?", (name,))
    codes = {}
    votes = [(s, codes.setdefault(v, len(codes))) for s, a, v in rows if not unsubmitted or (s, a) not in unsubmitted]
    texts = list(codes)
    votes = np.array(votes, dtype=np.int64).reshape(-1, 2)
    db.close()
    return question, votes[:, 0], votes[:, 1], texts


def ordered_codes(listed, seen):
    """Each seen value's position: listed values first (all kept), the others after, by first seen."""
    position = {value: i for i, value in enumerate(listed)}
    for value in seen:
        position.setdefault(value, len(position))
    return position


def counts_by_record(record, category, categories):
    records = int(record.max()) + 1 if record.size else 0
    flat = np.bincount(record * categories + category, minlength=records * categories)
    return flat.reshape(records, categories).astype(np.float64)


def percent_agreement(counts):
    m = counts.sum(axis=1)
    paired = m >= 2
    n, m = counts[paired], m[paired]
    return float(np.mean((n * (n - 1)).sum(axis=1) / (m * (m - 1))))


def coincidence(counts):
    """o_ck = sum over pairable records of n_c (n_k - [c == k]) / (m - 1)."""
    n = counts[counts.sum(axis=1) >= 2]
    weighted = n / (n.sum(axis=1) - 1.0)[:, None]
    return n.T @ weighted - np.diag(weighted.sum(axis=0))


def alpha(counts, distance):
    matrix = coincidence(counts)
    marginal = matrix.sum(axis=1)
    total = marginal.sum()
    observed = (matrix * distance).sum()
    expected = (np.outer(marginal, marginal) * distance).sum()
    return float(1.0 - (total - 1.0) * observed / expected)


def ordinal_distance(marginal):
    below = np.concatenate(([0.0], np.cumsum(marginal)))
    c, k = np.meshgrid(np.arange(marginal.size), np.arange(marginal.size), indexing="ij")
    low, high = np.minimum(c, k), np.maximum(c, k)
    span = below[high + 1] - below[low] - (marginal[c] + marginal[k]) / 2.0
    return np.where(c == k, 0.0, span * span)


def main():
    path = sys.argv[1]
    name = sys.argv[2] if len(sys.argv) > 2 else "preference"
    started = time.perf_counter()
    question, sample, code, texts = load(path, name)
    loaded = time.perf_counter()

    first, second = question["fields"][0], question["fields"][1]
    top = question.get("scale", {}).get("points", 3) // 2
    # Each distinct text parsed once: its choice and its signed strength.
    choice_of, strength_of = [], []
    for text in texts:
        preference = json.loads(text)["preference"]
        winner = preference["winner"]
        strength = preference.get("strength", 0)
        choice_of.append(winner if isinstance(winner, str) else TIE)
        strength_of.append(0 if not isinstance(winner, str) else strength if winner == first else -strength)
    # Order of first appearance among the votes, as Concord appends values off the listed order.
    firsts = np.unique(code, return_index=True)
    by_appearance = firsts[0][np.argsort(firsts[1])]
    choices = ordered_codes([first, TIE, second], [choice_of[c] for c in by_appearance])
    strengths = ordered_codes([str(s) for s in range(-top, top + 1)], [str(strength_of[c]) for c in by_appearance])
    choice_code = np.array([choices[c] for c in choice_of], dtype=np.int64)
    strength_code = np.array([strengths[str(s)] for s in strength_of], dtype=np.int64)

    _, record = np.unique(sample, return_inverse=True)
    choice_counts = counts_by_record(record, choice_code[code], len(choices))
    strength_counts = counts_by_record(record, strength_code[code], len(strengths))
    nominal = 1.0 - np.eye(len(choices))
    alpha_nominal = alpha(choice_counts, nominal)
    alpha_ordinal = alpha(strength_counts, ordinal_distance(coincidence(strength_counts).sum(axis=1)))
    paired = choice_counts.sum(axis=1) >= 2
    opposite = paired & (choice_counts[:, choices[first]] > 0) & (choice_counts[:, choices[second]] > 0)
    result = {
        "percent": percent_agreement(choice_counts),
        "alpha_nominal": alpha_nominal,
        "alpha_ordinal": alpha_ordinal,
        "opposite_share": float(opposite.sum() / paired.sum()),
    }
    computed = time.perf_counter()
    result["seconds"] = {"load": round(loaded - started, 3), "compute": round(computed - loaded, 3)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
