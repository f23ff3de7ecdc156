#!/usr/bin/env python3
"""Writes N synthetic votes between MODELS models as the CSV `concord-cli leaderboard
--comparisons` reads: record,model_a,model_b,winner. Each record holds 4 votes (4 annotators on one
pair, as a preference project gives). The models' true log-strengths are drawn from N(0, 1); a
vote is a tie with probability 0.1, else a win of a with probability 1 / (1 + exp(b - a)).
The output depends only on the arguments (seed 1 by default).

    generate.py N MODELS OUT.csv [--seed S]
"""
import argparse
import math
import random

parser = argparse.ArgumentParser()
parser.add_argument("n", type=int)
parser.add_argument("models", type=int)
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()

rng = random.Random(args.seed)
strength = [rng.gauss(0.0, 1.0) for _ in range(args.models)]
names = ["model-%03d" % i for i in range(args.models)]
with open(args.out, "w") as out:
    out.write("record,model_a,model_b,winner\n")
    written = 0
    record = 0
    while written < args.n:
        record += 1
        a, b = rng.sample(range(args.models), 2)
        p_a = 1.0 / (1.0 + math.exp(strength[b] - strength[a]))
        for _ in range(min(4, args.n - written)):
            u = rng.random()
            winner = "tie" if u < 0.1 else ("a" if rng.random() < p_a else "b")
            out.write("r%d,%s,%s,%s\n" % (record, names[a], names[b], winner))
            written += 1
