#!/usr/bin/python3
"""Reference values for Concord's agreement tests, computed by independent implementations.

Writes, into tests/data/agreement/ (or the directory given as the first argument):

  nominal.csv       150 items x 6 annotators, 5 colour labels, missing ratings, items rated once
  interval.csv      120 items x 5 annotators, numbers 1..7 (and some halves), missing ratings
  cohen.csv         300 items x 2 annotators, ratings 1..5, some items rated by one only
  cohen_labels.csv  200 items x 2 annotators, ordered labels low < mid < high < top
  fleiss.csv        200 items x 8 annotators, exactly 4 ratings per item, 5 categories
  masi.csv          100 items x 5 annotators, label sets such as "a;c", missing ratings
  expected.json     the values below, written with repr() precision (17 significant digits)

Every CSV has the header item,annotator,value; a row with an empty value is a missing rating
(the loader must skip it), and other missing ratings have no row at all.

The expected values come from:
  - NLTK's AnnotationTask.alpha (nltk.metrics.agreement) with binary_distance (nominal),
    interval_distance (interval), masi_distance (label sets, as frozensets), and with two
    distance functions written here: the ratio metric ((a-b)/(a+b))^2 and Krippendorff's ordinal
    metric built from the pairable values' frequencies. NLTK does the alpha arithmetic (items
    rated once ignored, observed and expected disagreement); those two only supply distances.
  - scikit-learn's cohen_kappa_score (weights None, 'linear', 'quadratic') on the items both
    annotators rated; for cohen_labels.csv with labels= the stated order, so that weights use
    positions in that order, as Concord does for labels.
  - statsmodels' fleiss_kappa on the subjects x categories count table: method='fleiss' for
    Fleiss' kappa and for Scott's pi (Fleiss' kappa with two ratings per item is Scott's pi),
    method='randolph' for Bennett's S (free-marginal kappa: chance 1/q).
  - plain Python below for what no library offers in Concord's form: percent agreement (mean
    over items with two or more ratings of the share of agreeing pairs), the per-annotator
    majority of the others (strict plurality; ties left out) scored with cohen_kappa_score, and
    the per-sample majority share and vote entropy (bits) with the review-queue order.

The output depends only on this file (fixed seeds, no clock). Run it with Debian's python3 and
python3-nltk, python3-sklearn, python3-statsmodels:

    /usr/bin/python3 tests/reference/make_agreement_expected.py

Versions used are recorded in expected.json under "versions".
"""

import csv
import json
import math
import os
import random
import sys
from collections import Counter, OrderedDict

import numpy
import nltk
import sklearn
import statsmodels
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance, masi_distance
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data", "agreement")


# --- data generation -------------------------------------------------------------------------

def rate(rng, truth, values, skill):
    """The true value with probability `skill`, else a uniformly random one."""
    return truth if rng.random() < skill else rng.choice(values)


def generate(rng, items, annotators, values, raters_per_item, skill, empty_share=0.3):
    """Rows (item, annotator, value). raters_per_item(rng) says how many annotators rate an item;
    of the others, some get an explicit row with an empty value (missing), the rest no row."""
    rows = []
    for i in range(items):
        item = "i%03d" % i
        truth = rng.choice(values)
        count = raters_per_item(rng)
        chosen = set(rng.sample(annotators, count))
        for annotator in annotators:
            if annotator in chosen:
                rows.append((item, annotator, rate(rng, truth, values, skill[annotator])))
            elif rng.random() < empty_share:
                rows.append((item, annotator, ""))
    return rows


def write_csv(name, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["item", "annotator", "value"])
        for row in rows:
            writer.writerow(row)


def present(rows):
    return [r for r in rows if r[2] != ""]


def item_order(rows):
    """Items in order of first appearance, as Concord numbers them."""
    return list(OrderedDict.fromkeys(r[0] for r in rows))


def by_item(rows):
    grouped = OrderedDict()
    for item in item_order(rows):
        grouped[item] = []
    for item, annotator, value in present(rows):
        grouped[item].append((annotator, value))
    return grouped


# --- references --------------------------------------------------------------------------------

def nltk_alpha(rows, distance=binary_distance, convert=lambda v: v):
    task = AnnotationTask(data=[(a, i, convert(v)) for i, a, v in present(rows)], distance=distance)
    return task.alpha()


def pairable_counts(rows, convert):
    counts = Counter()
    for item, ratings in by_item(rows).items():
        if len(ratings) >= 2:
            counts.update(convert(v) for _, v in ratings)
    return counts


def ordinal_distance(rows, convert):
    """Krippendorff's ordinal metric: (sum of n_g from c to k - (n_c + n_k)/2)^2 over the
    pairable values' frequencies n_g, values in numeric order."""
    counts = pairable_counts(rows, convert)
    ordered = sorted(counts)

    def distance(c, k):
        low, high = min(c, k), max(c, k)
        span = sum(counts[g] for g in ordered if low <= g <= high) - (counts[c] + counts[k]) / 2.0
        return span * span

    return distance


def ratio_distance(a, b):
    return 0.0 if a + b == 0 else ((a - b) / (a + b)) ** 2


def two_annotator_pairs(rows, first, second):
    values = {}
    for item, annotator, value in present(rows):
        values.setdefault(item, {})[annotator] = value
    pairs = [(v[first], v[second]) for v in values.values() if first in v and second in v]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def percent_agreement(rows):
    shares = []
    for ratings in by_item(rows).values():
        m = len(ratings)
        if m >= 2:
            counts = Counter(v for _, v in ratings)
            shares.append(sum(n * (n - 1) for n in counts.values()) / (m * (m - 1)))
    return sum(shares) / len(shares)


def count_table(rows, categories):
    table = []
    for ratings in by_item(rows).values():
        if ratings:
            counts = Counter(v for _, v in ratings)
            table.append([counts[c] for c in categories])
    return numpy.array(table)


def versus_rest(rows, annotator):
    """The annotator's values against the strict plurality of the others on the same items."""
    mine, majority = [], []
    for ratings in by_item(rows).values():
        own = [v for a, v in ratings if a == annotator]
        others = Counter(v for a, v in ratings if a != annotator)
        if not own or not others:
            continue
        ranked = others.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue  # tie
        mine.append(own[0])
        majority.append(ranked[0][0])
    kappa = cohen_kappa_score(mine, majority)
    agreement = sum(1 for a, b in zip(mine, majority) if a == b) / len(mine)
    return kappa, agreement


def contest(rows, values_order):
    """Per item with two or more ratings: majority share and vote entropy (bits), sorted most
    contested first (share up, entropy down, ratings down, item order)."""
    position = {item: k for k, item in enumerate(item_order(rows))}
    entries = []
    for item, ratings in by_item(rows).items():
        m = len(ratings)
        if m < 2:
            continue
        counts = sorted(Counter(v for _, v in ratings).values(), reverse=True)
        entropy = 0.0
        for n in counts:
            p = n / m
            entropy -= p * math.log2(p)
        entries.append({"item": item, "ratings": m, "share": counts[0] / m, "entropy": entropy})
    entries.sort(key=lambda e: (e["share"], -e["entropy"], -e["ratings"], position[e["item"]]))
    return entries


# --- the data sets -------------------------------------------------------------------------------

def nominal_set(rng):
    labels = ["red", "green", "blue", "amber", "violet"]
    annotators = ["a1", "a2", "a3", "a4", "a5", "a6"]
    skill = {"a1": 0.8, "a2": 0.75, "a3": 0.7, "a4": 0.6, "a5": 0.5, "a6": 0.3}
    rows = generate(rng, 150, annotators, labels, lambda r: r.choice([1, 2, 3, 3, 4, 4, 5, 6]), skill)
    write_csv("nominal.csv", rows)
    expected = {"alpha": nltk_alpha(rows), "percent": percent_agreement(rows)}
    expected["pairs"] = []
    for i, first in enumerate(annotators):
        for second in annotators[i + 1:]:
            a, b = two_annotator_pairs(rows, first, second)
            if a:
                expected["pairs"].append({"first": first, "second": second, "items": len(a),
                                          "kappa": cohen_kappa_score(a, b)})
    expected["per_label"] = {
        label: nltk_alpha(rows, convert=lambda v, label=label: int(v == label)) for label in labels
    }
    expected["per_annotator"] = {}
    for annotator in annotators:
        kappa, agreement = versus_rest(rows, annotator)
        expected["per_annotator"][annotator] = {"kappa": kappa, "agreement": agreement}
    expected["contested"] = contest(rows, labels)
    expected["rated_once"] = sum(1 for r in by_item(rows).values() if len(r) == 1)
    return expected


def interval_set(rng):
    values = ["1", "2", "3", "4", "5", "6", "7", "2.5", "4.5"]
    annotators = ["r1", "r2", "r3", "r4", "r5"]
    skill = {"r1": 0.7, "r2": 0.6, "r3": 0.6, "r4": 0.5, "r5": 0.4}
    rows = []
    for i in range(120):
        item = "u%03d" % i
        truth = rng.randint(1, 7)
        count = rng.choice([1, 2, 3, 4, 5, 5])
        chosen = set(rng.sample(annotators, count))
        for annotator in annotators:
            if annotator in chosen:
                if rng.random() < skill[annotator]:
                    value = str(truth)
                elif rng.random() < 0.15:
                    value = rng.choice(["2.5", "4.5"])
                else:
                    value = str(min(7, max(1, truth + rng.choice([-2, -1, 1, 2]))))
                rows.append((item, annotator, value))
            elif rng.random() < 0.3:
                rows.append((item, annotator, ""))
    write_csv("interval.csv", rows)
    number = float
    return {
        "nominal": nltk_alpha(rows),
        "interval": nltk_alpha(rows, interval_distance, number),
        "ordinal": nltk_alpha(rows, ordinal_distance(rows, number), number),
        "ratio": nltk_alpha(rows, ratio_distance, number),
    }


def cohen_set(rng):
    rows = []
    for i in range(300):
        item = "c%03d" % i
        truth = rng.randint(1, 5)
        who = rng.random()
        for annotator, skill in (("ann", 0.65), ("bob", 0.55)):
            if (who < 0.08 and annotator == "bob") or (0.08 <= who < 0.14 and annotator == "ann"):
                if rng.random() < 0.5:
                    rows.append((item, annotator, ""))
                continue
            if rng.random() < skill:
                value = truth
            else:
                value = min(5, max(1, truth + rng.choice([-2, -1, 1, 2])))
            rows.append((item, annotator, str(value)))
    write_csv("cohen.csv", rows)
    a, b = two_annotator_pairs(rows, "ann", "bob")
    a, b = [int(x) for x in a], [int(x) for x in b]
    # Scott's pi: statsmodels' Fleiss' kappa on the items both rated (two ratings each).
    table = numpy.array([[int(x == c) + int(y == c) for c in range(1, 6)] for x, y in zip(a, b)])
    return {
        "items": len(a),
        "excluded": sum(1 for r in by_item(rows).values() if len(r) == 1),
        "none": cohen_kappa_score(a, b),
        "linear": cohen_kappa_score(a, b, weights="linear"),
        "quadratic": cohen_kappa_score(a, b, weights="quadratic"),
        "scott_pi": fleiss_kappa(table, method="fleiss"),
        "percent": sum(1 for x, y in zip(a, b) if x == y) / len(a),
    }


def cohen_labels_set(rng):
    order = ["low", "mid", "high", "top"]
    rows = []
    for i in range(200):
        item = "l%03d" % i
        truth = rng.randrange(4)
        for annotator, skill in (("x", 0.6), ("y", 0.5)):
            if rng.random() < 0.05:
                continue
            position = truth if rng.random() < skill else min(3, max(0, truth + rng.choice([-1, 1, 2])))
            rows.append((item, annotator, order[position]))
    write_csv("cohen_labels.csv", rows)
    a, b = two_annotator_pairs(rows, "x", "y")
    return {
        "order": order,
        "none": cohen_kappa_score(a, b, labels=order),
        "linear": cohen_kappa_score(a, b, labels=order, weights="linear"),
        "quadratic": cohen_kappa_score(a, b, labels=order, weights="quadratic"),
    }


def fleiss_set(rng):
    categories = ["c1", "c2", "c3", "c4", "c5"]
    annotators = ["f%d" % k for k in range(1, 9)]
    skill = {a: 0.35 + 0.06 * k for k, a in enumerate(annotators)}
    rows = generate(rng, 200, annotators, categories, lambda r: 4, skill)
    write_csv("fleiss.csv", rows)
    table = count_table(rows, categories)
    return {
        "fleiss": fleiss_kappa(table, method="fleiss"),
        "randolph": fleiss_kappa(table, method="randolph"),
        "percent": percent_agreement(rows),
    }


def masi_set(rng):
    labels = ["a", "b", "c", "d", "e"]
    annotators = ["m1", "m2", "m3", "m4", "m5"]
    rows = []
    for i in range(100):
        item = "s%03d" % i
        truth = set(rng.sample(labels, rng.choice([1, 1, 2, 2, 3])))
        count = rng.choice([1, 2, 3, 4, 5])
        chosen = set(rng.sample(annotators, count))
        for annotator in annotators:
            if annotator not in chosen:
                if rng.random() < 0.3:
                    rows.append((item, annotator, ""))
                continue
            given = set(truth)
            if rng.random() < 0.4:
                given.symmetric_difference_update({rng.choice(labels)})
            if not given:
                given = {rng.choice(labels)}  # NLTK's masi_distance divides by zero on two empty sets
            names = sorted(given)
            rng.shuffle(names)  # the order within a value must not matter
            rows.append((item, annotator, ";".join(names)))
    write_csv("masi.csv", rows)
    to_set = lambda v: frozenset(v.split(";"))
    per_label = {}
    for label in labels:
        per_label[label] = nltk_alpha(rows, convert=lambda v, label=label: int(label in v.split(";")))
    return {"masi": nltk_alpha(rows, masi_distance, to_set), "per_label": per_label}


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = OrderedDict()
    expected["versions"] = {"nltk": nltk.__version__, "sklearn": sklearn.__version__,
                            "statsmodels": statsmodels.__version__, "numpy": numpy.__version__}
    # One generator per data set, so that changing one leaves the others as they are.
    expected["nominal"] = nominal_set(random.Random(101))
    expected["interval"] = interval_set(random.Random(202))
    expected["cohen"] = cohen_set(random.Random(303))
    expected["cohen_labels"] = cohen_labels_set(random.Random(404))
    expected["fleiss"] = fleiss_set(random.Random(505))
    expected["masi"] = masi_set(random.Random(606))
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, default=float)
        f.write("\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
