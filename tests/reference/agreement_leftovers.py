#!/usr/bin/python3
"""Reference values for the agreement coefficients of issue 16 (tests/core/test_agreement_*.cpp).

    /usr/bin/python3 tests/reference/agreement_leftovers.py STATISTIC FILE.csv [OPTION]

FILE.csv has the header item,annotator,value (an empty value is missing, as Concord reads it).
Each STATISTIC prints its value with repr() precision:

  kendall FILE        Kendall's W as scipy.stats.friedmanchisquare(...).statistic / (m (n - 1)),
                      on the things every ranker ranked (scipy ranks each ranker's values with
                      average ranks for ties and applies the tie correction)
  light FILE          the mean of sklearn.metrics.cohen_kappa_score over annotator pairs, each on
                      the items both rated
  cohen FILE WEIGHTS  sklearn's cohen_kappa_score (weights None, linear or quadratic) of a file
                      with two annotators: it weights by the rank among the values seen
  cohen-by-value FILE WEIGHTS
                      the same with labels= every integer from the least to the greatest value,
                      so that a value's rank is its number minus the least: weights by value
  alpha-edit FILE     nltk.metrics.agreement.AnnotationTask(...).alpha() with the distance
                      edit_distance(a, b) / max(len(a), len(b)) (0 when both are empty)
  gwet FILE [linear|quadratic]
                      Gwet's AC1 / AC2, written here from Gwet (2014), Handbook of Inter-Rater
                      Reliability, 4th ed., eqs. for r*_ik, p_a, pi_k and p_e with missing
                      ratings (no Debian package computes it; R's irrCAC is not in Debian)
  conger FILE         Conger's (1980) kappa, written here: p_a as Fleiss' with missing ratings,
                      p_e = sum_k (mean_g p_gk)^2 - var_g(p_gk) / r (Gwet 2014, ch. 2)

Both hand-written formulas follow the published equations directly (loops over categories and
raters), not Concord's code.
"""

import csv
import itertools
import sys


def read(path):
    values = {}
    for row in csv.DictReader(open(path, encoding="utf-8")):
        if row["value"] != "":
            values.setdefault(row["item"], {})[row["annotator"]] = row["value"]
    return values


def annotators_of(values):
    return sorted({a for ratings in values.values() for a in ratings})


def categories_of(values):
    seen = {v for ratings in values.values() for v in ratings.values()}
    try:
        return sorted(seen, key=float)
    except ValueError:
        return sorted(seen)


def kendall(path):
    from scipy.stats import friedmanchisquare
    values = read(path)
    rankers = annotators_of(values)
    things = [i for i in values if len(values[i]) == len(rankers)]
    samples = [[float(values[t][r]) for r in rankers] for t in things]
    chi2 = friedmanchisquare(*samples).statistic
    return chi2 / (len(rankers) * (len(things) - 1))


def light(path):
    from sklearn.metrics import cohen_kappa_score
    values = read(path)
    kappas = []
    for a, b in itertools.combinations(annotators_of(values), 2):
        both = [i for i in values if a in values[i] and b in values[i]]
        kappas.append(cohen_kappa_score([values[i][a] for i in both], [values[i][b] for i in both]))
    return sum(kappas) / len(kappas)


def cohen(path, weights):
    from sklearn.metrics import cohen_kappa_score
    values = read(path)
    a, b = annotators_of(values)
    both = [i for i in values if a in values[i] and b in values[i]]
    return cohen_kappa_score([float(values[i][a]) for i in both], [float(values[i][b]) for i in both],
                             weights=None if weights == "none" else weights)


def cohen_by_value(path, weights):
    from sklearn.metrics import cohen_kappa_score
    values = read(path)
    a, b = annotators_of(values)
    both = [i for i in values if a in values[i] and b in values[i]]
    first = [int(values[i][a]) for i in both]
    second = [int(values[i][b]) for i in both]
    labels = list(range(min(first + second), max(first + second) + 1))
    return cohen_kappa_score(first, second, labels=labels, weights=None if weights == "none" else weights)


def alpha_edit(path):
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import edit_distance

    def distance(a, b):
        longer = max(len(a), len(b))
        return 0.0 if longer == 0 else edit_distance(a, b) / longer

    values = read(path)
    data = [(a, i, v) for i, ratings in values.items() for a, v in ratings.items()]
    return AnnotationTask(data=data, distance=distance).alpha()


def weights_matrix(categories, kind):
    q = len(categories)
    x = [float(c) for c in categories] if kind != "none" else list(range(q))
    span = max(x) - min(x)
    w = [[0.0] * q for _ in range(q)]
    for k in range(q):
        for l in range(q):
            if kind == "none":
                w[k][l] = 1.0 if k == l else 0.0
            elif kind == "linear":
                w[k][l] = 1.0 - abs(x[k] - x[l]) / span
            else:
                w[k][l] = 1.0 - (x[k] - x[l]) ** 2 / span ** 2
    return w


def percent_agreement(values, categories, w):
    q = len(categories)
    total, count = 0.0, 0
    for ratings in values.values():
        r_i = len(ratings)
        if r_i < 2:
            continue
        r = [sum(1 for v in ratings.values() if v == c) for c in categories]
        r_star = [sum(w[k][l] * r[l] for l in range(q)) for k in range(q)]
        total += sum(r[k] * (r_star[k] - 1) for k in range(q)) / (r_i * (r_i - 1))
        count += 1
    return total / count


def gwet(path, kind="none"):
    values = read(path)
    categories = categories_of(values)
    q = len(categories)
    w = weights_matrix(categories, kind)
    pa = percent_agreement(values, categories, w)
    n = len(values)
    pi = [sum(sum(1 for v in ratings.values() if v == c) / len(ratings) for ratings in values.values()) / n
          for c in categories]
    t_w = sum(sum(row) for row in w)
    pe = t_w / (q * (q - 1)) * sum(p * (1 - p) for p in pi)
    return (pa - pe) / (1 - pe)


def conger(path):
    values = read(path)
    categories = categories_of(values)
    raters = annotators_of(values)
    r = len(raters)
    pa = percent_agreement(values, categories, weights_matrix(categories, "none"))
    pe = 0.0
    for c in categories:
        p = []
        for g in raters:
            given = [ratings[g] for ratings in values.values() if g in ratings]
            p.append(sum(1 for v in given if v == c) / len(given))
        mean = sum(p) / r
        variance = sum((x - mean) ** 2 for x in p) / (r - 1)
        pe += mean * mean - variance / r
    return (pa - pe) / (1 - pe)


if __name__ == "__main__":
    statistic, path, *rest = sys.argv[1:]
    function = {"kendall": kendall, "light": light, "cohen": cohen, "cohen-by-value": cohen_by_value, "alpha-edit": alpha_edit, "gwet": gwet,
                "conger": conger}[statistic]
    print(repr(function(path, *rest)))
