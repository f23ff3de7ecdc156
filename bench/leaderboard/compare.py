#!/usr/bin/env python3
"""Compares Concord's leaderboard JSON with the numpy peer's: the largest difference in rating
and in log-strength over the models (they must agree to 1e-6), and in the interval ends (the
two bootstraps draw different resamples, so those agree only statistically).

    compare.py CONCORD.json NUMPY.json
"""
import json
import sys

concord = json.load(open(sys.argv[1]))
peer = json.load(open(sys.argv[2]))["models"]
ours = {m["model"]: m for m in concord["models"]}
assert set(ours) == set(peer), "the two sides rank different models"
rating = max(abs(ours[m]["rating"] - peer[m]["rating"]) for m in ours)
log_strength = max(abs(ours[m]["log_strength"] - peer[m]["log_strength"]) for m in ours)
interval = max(abs(ours[m]["rating_interval"][k] - peer[m]["rating_interval"][k]) for m in ours for k in (0, 1))
width = sum(ours[m]["rating_interval"][1] - ours[m]["rating_interval"][0] for m in ours) / len(ours)
print("models %d, comparisons %d, records %d" % (len(ours), concord["comparisons"], concord["records"]))
print("max |rating difference| %.3g, max |log-strength difference| %.3g: %s" %
      (rating, log_strength, "agree to 1e-6" if rating < 1e-6 and log_strength < 1e-6 else "DIFFER"))
print("intervals: mean width %.2f rating points; max |end difference| %.2f (different resamples)" % (width, interval))
sys.exit(0 if rating < 1e-6 and log_strength < 1e-6 else 1)
