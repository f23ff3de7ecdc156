#!/usr/bin/python3
"""The Python reference side of the agreement benchmark: reads the same item,annotator,value CSV
as concord-cli and prints the coefficient as JSON, {"value": ..., "annotations": N}.

    reference.py alpha FILE nominal|interval [--items N]   NLTK's AnnotationTask.alpha
    reference.py fleiss FILE                                statsmodels' fleiss_kappa

alpha: reads the file with the csv module (rows with an empty value are missing ratings and
skipped) and runs nltk.metrics.agreement.AnnotationTask(data).alpha() with binary_distance
(nominal) or interval_distance on float values (interval). --items N keeps only the rows of the
first N items (the file lists an item's rows together), for a subset when the whole file takes
NLTK too long.

fleiss: reads the file with pandas (its C parser, the fastest reading Python offers), numbers
items and values with pandas.factorize, counts each item's ratings per value into the subjects
x categories table with numpy.bincount (pandas.crosstab takes several times longer), and runs
statsmodels.stats.inter_rater.fleiss_kappa(table, method="fleiss"). It refuses a file in which
items have different numbers of ratings, as Fleiss' kappa requires.
"""

import argparse
import csv
import json
import sys


def alpha(path, metric, items):
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import binary_distance, interval_distance

    data = []
    seen_items = 0
    last = None
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        i_item, i_annotator, i_value = (header.index(name) for name in ("item", "annotator", "value"))
        for row in reader:
            item = row[i_item]
            if item != last:
                seen_items += 1
                last = item
                if items is not None and seen_items > items:
                    break
            value = row[i_value]
            if value == "":
                continue
            data.append((row[i_annotator], item, float(value) if metric == "interval" else value))
    distance = interval_distance if metric == "interval" else binary_distance
    task = AnnotationTask(data=data, distance=distance)
    return {"value": task.alpha(), "annotations": len(data)}


def fleiss(path):
    import numpy
    import pandas
    from statsmodels.stats.inter_rater import fleiss_kappa

    frame = pandas.read_csv(path, dtype={"item": str, "annotator": str, "value": str}, keep_default_na=False)
    frame = frame[frame["value"] != ""]
    item_codes, items = pandas.factorize(frame["item"])
    value_codes, values = pandas.factorize(frame["value"])
    counts = numpy.bincount(item_codes * len(values) + value_codes, minlength=len(items) * len(values))
    table = counts.reshape(len(items), len(values))
    per_item = table.sum(axis=1)
    if per_item.min() != per_item.max():
        sys.exit("items have different numbers of ratings (%d to %d)" % (per_item.min(), per_item.max()))
    return {"value": float(fleiss_kappa(table, method="fleiss")), "annotations": int(len(frame))}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("alpha")
    a.add_argument("file")
    a.add_argument("metric", choices=["nominal", "interval"])
    a.add_argument("--items", type=int)
    f = sub.add_parser("fleiss")
    f.add_argument("file")
    args = parser.parse_args()
    result = alpha(args.file, args.metric, args.items) if args.command == "alpha" else fleiss(args.file)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
