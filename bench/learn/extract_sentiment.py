#!/usr/bin/env python3
"""Extracts the UCI Sentiment Labelled Sentences from the npm package sentiment@5.0.2 as JSONL.

Reads PACKAGE/test/fixtures/{amazon,imdb,yelp}.json (each 1,000 {"text", "class": 0|1}
records and a trailing empty one, which is skipped) and writes
{"id": "SOURCE-NNNN", "text": ..., "label": "positive"|"negative", "source": SOURCE}, NNNN
being the 1-based position in the fixture. Texts are trimmed; the characters the fixture
decoded as Latin-1 although they were Windows-1252 (U+0085, U+0096, U+0097) are repaired.
Licence of the sentences: CC BY 4.0 (Kotzias et al., KDD 2015); see tests/data/learn/SOURCE.md.

usage: extract_sentiment.py PACKAGE_DIR OUT.jsonl   (PACKAGE_DIR from `npm pack sentiment@5.0.2`)
"""
import json
import os
import sys

REPAIRS = {"\u0085": "\u2026", "\u0096": "\u2013", "\u0097": "\u2014"}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    package, out_path = sys.argv[1], sys.argv[2]
    count = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for source in ("amazon", "imdb", "yelp"):
            with open(os.path.join(package, "test", "fixtures", source + ".json"), encoding="utf-8") as handle:
                records = json.load(handle)
            for position, record in enumerate(records, start=1):
                text = "".join(REPAIRS.get(c, c) for c in (record.get("text") or "")).strip()
                if not text or record.get("class") not in (0, 1):
                    continue
                label = "positive" if record["class"] == 1 else "negative"
                out.write(json.dumps({"id": f"{source}-{position:04d}", "text": text, "label": label,
                                      "source": source}, ensure_ascii=False) + "\n")
                count += 1
    print(f"{out_path}: {count} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
