#!/usr/bin/python3
"""Reference Bradley-Terry fits for tests/core/test_bradley_terry*.cpp, independent of Concord.

Plain Python (no numpy): Hunter's (2004) MM algorithm, written here from the paper, with a
tie counted as half a win for each side, iterated until no log-strength moves by more than
1e-15 (or 100000 iterations); log-strengths centred on zero. Prints each case's values with 15
significant digits. The cases without ties are also fitted by R's BradleyTerry2 (the commands
are in the tests); the cases with ties are checked here and, for two models, against the closed
form log(p_a / p_b) = log(W_a / W_b).

    python3 tests/reference/bradley_terry_mm.py
"""
import math

# Each case: models, then (a, b, wins of a, wins of b, ties) per pair.
CASES = {
    "four": (["alpha", "beta", "gamma", "delta"],
             [("alpha", "beta", 7, 3, 0), ("alpha", "gamma", 8, 2, 0), ("alpha", "delta", 5, 5, 0),
              ("beta", "gamma", 6, 4, 0), ("beta", "delta", 3, 7, 0), ("gamma", "delta", 2, 8, 0)]),
    "sparse": (["m1", "m2", "m3", "m4", "m5"],
               [("m1", "m2", 4, 1, 0), ("m2", "m3", 3, 2, 0), ("m3", "m4", 5, 3, 0),
                ("m4", "m5", 2, 2, 0), ("m5", "m1", 1, 3, 0), ("m1", "m3", 2, 2, 0)]),
    # citations of Stigler (1994), as BradleyTerry2's `citations`: row journal cited by column's.
    # A "win" of i over j: j cites i (the cited journal is the stronger).
    "citations": (["Biometrika", "Comm Statist", "JASA", "JRSS-B"],
                  [("Biometrika", "Comm Statist", 730, 33, 0), ("Biometrika", "JASA", 498, 320, 0),
                   ("Biometrika", "JRSS-B", 221, 284, 0), ("Comm Statist", "JASA", 68, 813, 0),
                   ("Comm Statist", "JRSS-B", 17, 276, 0), ("JASA", "JRSS-B", 142, 325, 0)]),
    "ties": (["x", "y", "z"],
             [("x", "y", 5, 2, 3), ("x", "z", 4, 4, 2), ("y", "z", 1, 5, 4)]),
    "two": (["a", "b"], [("a", "b", 6, 2, 2)]),
}

# With the prior: a virtual reference model "ref" tied with each model in `prior` games (ties of
# weight prior), fitted as one more model and left out of the centring and the result. On data
# where "top" never loses, so that only the prior makes the estimate exist.
PRIOR_CASES = {
    "prior 1": (["top", "mid", "low"], [("top", "mid", 3, 0, 0), ("top", "low", 2, 0, 0), ("mid", "low", 2, 1, 0)], 1.0),
    "prior 0.5 on four": (CASES["four"][0], CASES["four"][1], 0.5),
}


def fit(models, pairs, tolerance=1e-15, cap=100000, prior=0.0):
    real = len(models)
    if prior > 0:
        pairs = pairs + [(m, "ref", 0, 0, prior) for m in models]
        models = models + ["ref"]
    n = len(models)
    index = {m: i for i, m in enumerate(models)}
    games = [[0.0] * n for _ in range(n)]
    score = [0.0] * n
    for a, b, wa, wb, t in pairs:
        i, j = index[a], index[b]
        games[i][j] += wa + wb + t
        games[j][i] += wa + wb + t
        score[i] += wa + t / 2
        score[j] += wb + t / 2
    theta = [0.0] * n
    for _ in range(cap):
        p = [math.exp(x) for x in theta]
        new = [math.log(score[i] / sum(games[i][j] / (p[i] + p[j]) for j in range(n) if games[i][j] > 0))
               for i in range(n)]
        mean = sum(new[:real]) / real
        new = [x - mean for x in new]
        moved = max(abs(x - y) for x, y in zip(new, theta))
        theta = new
        if moved < tolerance:
            break
    return theta[:real]


for name, (models, pairs) in CASES.items():
    theta = fit(models, pairs)
    print(name + ": " + ", ".join("%s %.15g" % (m, t) for m, t in zip(models, theta)))
for name, (models, pairs, prior) in PRIOR_CASES.items():
    theta = fit(models, pairs, prior=prior)
    print(name + ": " + ", ".join("%s %.15g" % (m, t) for m, t in zip(models, theta)))
a_wins, b_wins, ties = 6, 2, 2
theta_a = 0.5 * math.log((a_wins + ties / 2) / (b_wins + ties / 2))
print("two, closed form: a %.15g, rating %.15g" % (theta_a, 1000 + 400 * math.log10(math.exp(theta_a))))
