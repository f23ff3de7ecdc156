#!/usr/bin/python3
"""Reference values for per-question agreement (tests/core/test_question_agreement.cpp).

    /usr/bin/python3 tests/reference/question_agreement.py

Prints, for each case below (the same answers the C++ test gives a project), with repr()
precision:
  preference  percent agreement (mean over records with two or more answers of the share of
              agreeing pairs), nltk AnnotationTask alpha on the choice (binary_distance) and on
              the signed strength with Krippendorff's ordinal distance (marginals of the pairable
              values), the share of records with opposite winners
  ranking     per record with two or more rankers, Kendall's W =
              scipy.stats.friedmanchisquare(*things).statistic / (m (n - 1)) (scipy ranks with
              average ranks and corrects for ties), their mean and numpy.percentile quartiles;
              nltk alpha on the ranks (item = record/field) with the ordinal distance
  text        nltk alpha with edit_distance(a, b) / max(len(a), len(b)) (0 when both are empty),
              mean over records of the mean pairwise 1 - distance, exact-match share
  suggestion  sklearn cohen_kappa_score(agent, majority) and the share that agree, on records
              whose answers have a strict plurality
"""

import itertools
from collections import Counter

import numpy
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, edit_distance
from scipy.stats import friedmanchisquare
from sklearn.metrics import cohen_kappa_score

# record -> {annotator: value}; a preference is its signed strength (+ first field, - second).
PREFERENCE = {
    "P1": {"r1": {"a1": 2, "a2": 1, "a3": 2}, "r2": {"a1": -1, "a2": -2, "a3": 0},
           "r3": {"a1": 0, "a2": 0, "a3": 0}, "r4": {"a1": 1, "a2": -1, "a3": 1},
           "r5": {"a1": -2, "a2": -2, "a3": -1}},
    "P2": {"r1": {"a1": 1, "a2": 2}, "r2": {"a1": -2, "a3": -1}, "r3": {"a2": 0, "a3": 1},
           "r4": {"a1": 2}, "r5": {"a1": -1, "a2": 1, "a3": 0}, "r6": {"a2": -2, "a3": -2}},
    "P3": {"r1": {"a1": 1, "a2": 1}, "r2": {"a1": -1, "a2": 1}, "r3": {"a1": 0, "a2": -1},
           "r4": {"a1": -1, "a2": -1}, "r5": {"a1": 1, "a2": 0}},
}
# record -> {annotator: [rank of field 1, field 2, ...]}
RANKING = {
    "K1": {"r1": {"a1": [1, 2, 3, 4], "a2": [1, 3, 2, 4], "a3": [2, 1, 3, 4]},
           "r2": {"a1": [1, 1, 3, 4], "a2": [2, 1, 3, 3], "a3": [1, 2, 4, 3]},
           "r3": {"a1": [4, 3, 2, 1], "a2": [1, 2, 3, 4]},
           "r4": {"a1": [1, 2, 3, 4]}},
    "K2": {"r1": {"a1": [1, 2, 3], "a2": [1, 2, 3], "a3": [1, 2, 3]},
           "r2": {"a1": [1, 1, 1], "a2": [1, 1, 1]},
           "r3": {"a1": [3, 1, 2], "a2": [1, 1, 3], "a3": [2, 3, 1]},
           "r4": {"a1": [2, 1, 3], "a3": [1, 2, 2]}},
}
TEXT = {
    "T1": {"r1": {"a1": "the cat sat", "a2": "the cat sat", "a3": "a cat sat"},
           "r2": {"a1": "h\u00e9llo w\u00f6rld", "a2": "hello world"},
           "r3": {"a1": "abc"},
           "r4": {"a1": "same", "a2": "same", "a3": "same"}},
    "T2": {"r1": {"a1": "kitten", "a2": "sitting"}, "r2": {"a1": "flaw", "a3": "lawn"},
           "r3": {"a2": "gumbo", "a3": "gambol", "a1": "gumbo"}},
    # Empty answers are values (built in memory by the test: a project refuses an empty text).
    "T3": {"r1": {"a1": "", "a2": ""}, "r2": {"a1": "", "a2": "x"}, "r3": {"a1": "ab", "a2": "ab", "a3": ""}},
}
# (answers per record, one agent's suggestion per record) for a label question
SUGGESTION = {
    "S1": ({"r1": ["pos", "pos", "neg"], "r2": ["neg", "neg"], "r3": ["pos", "neg"], "r4": ["neu"],
            "r5": ["neu", "neu", "pos"], "r6": ["pos", "pos"]},
           {"r1": "pos", "r2": "pos", "r3": "pos", "r4": "neu", "r5": "neu", "r6": "pos", "r7": "neg"}),
    "S2": ({"r1": ["pos", "pos", "neg"], "r2": ["neg", "neg"], "r3": ["pos", "neg"], "r4": ["neu"],
            "r5": ["neu", "neu", "pos"], "r6": ["pos", "pos"]},
           {"r1": "neg", "r2": "neg", "r4": "pos", "r5": "neu", "r6": "pos"}),
    # preference winners: A, B, tie
    "S3": ({"r1": ["A", "A"], "r2": ["B", "tie", "B"], "r3": ["tie", "tie"], "r4": ["A", "B"], "r5": ["B"]},
           {"r1": "A", "r2": "A", "r3": "tie", "r4": "A", "r5": "B"}),
}


def ordinal_distance(pairable):
    counts = Counter(pairable)
    values = sorted(counts)

    def distance(a, b):
        lo, hi = sorted((values.index(a), values.index(b)))
        between = sum(counts[values[g]] for g in range(lo, hi + 1))
        return (between - (counts[a] + counts[b]) / 2) ** 2

    return distance


def alpha(records, distance_of):
    triples = [(coder, item, value) for item, answers in records.items() for coder, value in answers.items()]
    pairable = [value for answers in records.values() if len(answers) >= 2 for value in answers.values()]
    return AnnotationTask(triples, distance=distance_of(pairable)).alpha()


def paired(records):
    return [answers for answers in records.values() if len(answers) >= 2]


def percent(records):
    shares = []
    for answers in paired(records):
        pairs = list(itertools.combinations(answers.values(), 2))
        shares.append(sum(a == b for a, b in pairs) / len(pairs))
    return sum(shares) / len(shares)


def choice(strength):
    return "A" if strength > 0 else ("B" if strength < 0 else "tie")


for name, records in PREFERENCE.items():
    choices = {r: {a: choice(v) for a, v in answers.items()} for r, answers in records.items()}
    opposite = sum(1 for answers in paired(choices) if "A" in answers.values() and "B" in answers.values())
    print(name, "percent", repr(percent(choices)))
    print(name, "alpha-nominal", repr(alpha(choices, lambda _: binary_distance)))
    print(name, "alpha-ordinal", repr(alpha(records, ordinal_distance)))
    print(name, "opposite", opposite, "of", len(paired(choices)))

for name, records in RANKING.items():
    ws = []
    for record, answers in records.items():
        if len(answers) < 2:
            continue
        rankings = list(answers.values())
        if all(len(set(r)) == 1 for r in rankings):
            print(name, record, "W undefined: every ranker tied everything")
            continue
        things = list(zip(*rankings))
        m, n = len(rankings), len(things)
        w = friedmanchisquare(*things).statistic / (m * (n - 1))
        ws.append(w)
        print(name, record, "W", repr(w))
    print(name, "W mean", repr(float(numpy.mean(ws))), "quartiles",
          [repr(float(q)) for q in numpy.percentile(ws, [0, 25, 50, 75, 100])])
    flat = {(r, f): {} for r in records for f in range(len(next(iter(records[r].values()))))}
    for r, answers in records.items():
        for a, ranks in answers.items():
            for f, rank in enumerate(ranks):
                flat[(r, f)][a] = rank
    print(name, "alpha-ordinal ranks", repr(alpha(flat, ordinal_distance)))


def normalized(a, b):
    return 0.0 if not a and not b else edit_distance(a, b) / max(len(a), len(b))


for name, records in TEXT.items():
    print(name, "alpha-edit", repr(alpha(records, lambda _: normalized)))
    means = []
    for answers in paired(records):
        pairs = list(itertools.combinations(answers.values(), 2))
        means.append(sum(1 - normalized(a, b) for a, b in pairs) / len(pairs))
    print(name, "similarity", repr(sum(means) / len(means)))
    print(name, "exact", repr(sum(len(set(a.values())) == 1 for a in paired(records)) / len(paired(records))))

for name, (answers, suggested) in SUGGESTION.items():
    agent, majority, tied = [], [], 0
    for record, votes in answers.items():
        if record not in suggested:
            continue
        top = Counter(votes).most_common()
        if len(top) > 1 and top[0][1] == top[1][1]:
            tied += 1
            continue
        agent.append(suggested[record])
        majority.append(top[0][0])
    agreed = sum(a == b for a, b in zip(agent, majority))
    print(name, "compared", len(agent), "agreed", agreed, "tied", tied, "kappa",
          repr(cohen_kappa_score(agent, majority)))
