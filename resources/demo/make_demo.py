#!/usr/bin/env python3
"""Build resources/demo/reviews.jsonl for Concord's bundled demo project.

The texts are the UCI "Sentiment Labelled Sentences" data set (Kotzias, Denil,
de Freitas, Smyth, KDD 2015, CC BY 4.0), as shipped in the test fixtures of the
npm package sentiment@5.0.2 (test/fixtures/{amazon,imdb,yelp}.json). See
SOURCE.md beside this script.

Usage:
    cd "$(mktemp -d)" && npm pack sentiment@5.0.2 && tar xzf sentiment-5.0.2.tgz
    python3 resources/demo/make_demo.py /path/to/that/dir/package [--out FILE]

Each fixture is a JSON array of {"text": str, "class": 0|1}; the last element of
each is an empty placeholder {"text": "", "class": null}. The script:
  * skips records whose text is empty or whose class is not 0 or 1;
  * repairs the few characters that were decoded as Latin-1 although the
    original file was Windows-1252 (U+0080..U+009F: en dash, em dash, ellipsis);
  * trims surrounding whitespace (the IMDB sentences end in two spaces);
  * skips exact duplicates of a text already taken (across all sources);
  * skips the records listed in EXCLUDED (a slur and a censored expletive that
    have no place in a bundled demo);
  * takes, per source in file order, the first PER_CLASS sentences of class 1
    and the first PER_CLASS of class 0, so each source is balanced;
  * writes them in file order, with id "<source>-<NNNN>", where NNNN is the
    1-based position of the record in the fixture array, so an id always
    points back to the same original sentence.

Python 3 standard library only. Output is byte-for-byte deterministic.
"""

import argparse
import json
import os
import sys
import unicodedata

SOURCES = ("amazon", "imdb", "yelp")
PER_CLASS = 50  # 50 positive + 50 negative = 100 per source
LABELS = {1: "positive", 0: "negative"}


def repair(text):
    """Map C1 controls (U+0080..U+009F) to their Windows-1252 characters."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0x80 <= code <= 0x9F:
            try:
                ch = bytes([code]).decode("cp1252")
            except UnicodeDecodeError:
                ch = " "  # the five code points cp1252 leaves undefined
        out.append(ch)
    text = unicodedata.normalize("NFC", "".join(out))
    # No other control characters may survive (tabs, newlines -> space).
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return text.strip()


# Records left out of the bundled demo, by id: wording we do not want to ship.
EXCLUDED = {"imdb-0081", "imdb-0095"}


def select(source, records, seen):
    taken = {0: 0, 1: 0}
    rows = []
    for index, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            continue
        cls = record.get("class")
        text = record.get("text")
        if cls not in LABELS or not isinstance(text, str):
            continue
        text = repair(text)
        if "%s-%04d" % (source, index) in EXCLUDED:
            continue
        if not text or text in seen or taken[cls] >= PER_CLASS:
            continue
        seen.add(text)
        taken[cls] += 1
        rows.append({
            "id": "%s-%04d" % (source, index),
            "text": text,
            "source": source,
            "reference": LABELS[cls],
        })
        if taken[0] >= PER_CLASS and taken[1] >= PER_CLASS:
            break
    if taken[0] < PER_CLASS or taken[1] < PER_CLASS:
        sys.exit("%s: only %d negative and %d positive usable sentences"
                 % (source, taken[0], taken[1]))
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("package_dir",
                        help="the unpacked npm package sentiment@5.0.2 "
                             "(the folder named 'package')")
    parser.add_argument("--out", default=os.path.join(here, "reviews.jsonl"),
                        help="output file (default: reviews.jsonl beside this script)")
    args = parser.parse_args()

    fixtures = os.path.join(args.package_dir, "test", "fixtures")
    seen = set()
    rows = []
    for source in SOURCES:
        path = os.path.join(fixtures, source + ".json")
        with open(path, encoding="utf-8") as f:
            records = json.load(f)
        rows.extend(select(source, records, seen))

    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "ids must be unique"

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")

    counts = {}
    for row in rows:
        key = (row["source"], row["reference"])
        counts[key] = counts.get(key, 0) + 1
    for (source, ref), n in sorted(counts.items()):
        print("%-7s %-8s %d" % (source, ref, n), file=sys.stderr)
    print("wrote %d samples to %s" % (len(rows), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
