#!/usr/bin/python3
"""The peer: the same Bradley-Terry MM fit as Concord's (Hunter 2004, ties as half a win,
Jacobi updates, log-strengths centred on zero after each iteration, stop when no log-strength
moves by more than TOL = 1e-10, at most 10000 iterations), vectorised with numpy, and the same
bootstrap over records (ROUNDS resamples of as many records as there are, each fit started from
the full estimate; numpy's generator, so the draws differ from Concord's). Prints JSON: each
model's log-strength and rating, the intervals, and the time of each phase.

    bt_numpy.py VOTES.csv ROUNDS SEED
"""
import csv
import json
import sys
import time

import numpy as np

TOL = 1e-10
CAP = 10000


def fit(games, score, theta):
    for iteration in range(1, CAP + 1):
        p = np.exp(theta)
        den = (games / (p[:, None] + p[None, :])).sum(axis=1)
        new = np.log(score / den)
        new -= new.mean()
        moved = np.abs(new - theta).max()
        theta = new
        if moved < TOL:
            break
    return theta, iteration


def counts(n, winner, loser, tie_a, tie_b, weights=None):
    wins = np.bincount(winner * n + loser, weights=None if weights is None else weights[0], minlength=n * n)
    ties = np.bincount(tie_a * n + tie_b, weights=None if weights is None else weights[1], minlength=n * n)
    wins = wins.reshape(n, n).astype(float)
    ties = ties.reshape(n, n).astype(float)
    ties = ties + ties.T
    games = wins + wins.T + ties
    score = (wins + ties / 2).sum(axis=1)
    return games, score


def main():
    path, rounds, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    started = time.perf_counter()
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    index, records = {}, {}
    a = np.fromiter((index.setdefault(r["model_a"], len(index)) for r in rows), dtype=np.int64, count=len(rows))
    b = np.fromiter((index.setdefault(r["model_b"], len(index)) for r in rows), dtype=np.int64, count=len(rows))
    rec = np.fromiter((records.setdefault(r["record"], len(records)) for r in rows), dtype=np.int64, count=len(rows))
    outcome = np.array([{"a": 0, "b": 1, "tie": 2}[r["winner"]] for r in rows], dtype=np.int8)
    del rows
    loaded = time.perf_counter()

    n, r = len(index), len(records)
    is_tie = outcome == 2
    winner = np.where(outcome == 0, a, b)[~is_tie]
    loser = np.where(outcome == 0, b, a)[~is_tie]
    tie_a, tie_b = a[is_tie], b[is_tie]
    rec_win, rec_tie = rec[~is_tie], rec[is_tie]
    games, score = counts(n, winner, loser, tie_a, tie_b)
    theta, iterations = fit(games, score, np.zeros(n))
    fitted = time.perf_counter()

    rng = np.random.default_rng(seed)
    draws = np.empty((rounds, n))
    for k in range(rounds):
        times = np.bincount(rng.integers(0, r, r), minlength=r).astype(float)
        g, s = counts(n, winner, loser, tie_a, tie_b, (times[rec_win], times[rec_tie]))
        draws[k], _ = fit(g, s, theta)
    lower = np.percentile(draws, 2.5, axis=0) if rounds else theta
    upper = np.percentile(draws, 97.5, axis=0) if rounds else theta
    done = time.perf_counter()

    names = list(index)
    rating = lambda t: 1000 + 400 * t / np.log(10)
    print(json.dumps({
        "models": {names[i]: {"log_strength": theta[i], "rating": rating(theta[i]),
                              "rating_interval": [rating(lower[i]), rating(upper[i])]} for i in range(n)},
        "iterations": iterations,
        "seconds": {"load": loaded - started, "fit": fitted - loaded, "bootstrap": done - fitted,
                    "total": done - started},
    }))


main()
