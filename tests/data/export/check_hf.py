"""Checks a Concord Hugging Face JSONL export the way a training script would load it:
line by line with json.loads, each line having the layout docs/formats.md states.

usage: check_hf.py EXPORT.jsonl KIND EXPECTED.json
KIND is single, multi, spans or rating. EXPECTED maps a record id to what it must hold:
for spans, the list of substrings text[start:end] in order; otherwise the label value(s).
Prints "ok N" (N lines checked) and exits 0, or exits 1 with the reason.
"""
import json
import sys


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    path, kind, expected_path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    checked = 0
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            where = "line %d" % number
            if not isinstance(row, dict):
                fail(where + ": not an object")
            if not isinstance(row.get("id"), str):
                fail(where + ": id is not a string")
            if not isinstance(row.get("text"), str):
                fail(where + ": text is not a string")
            want = expected.get(row["id"])
            if kind == "single":
                if not (row["label"] is None or isinstance(row["label"], (str, int))):
                    fail(where + ": label is neither a name, an id nor null")
                if want is not None and row["label"] != want:
                    fail(where + ": label %r, expected %r" % (row["label"], want))
            elif kind == "multi":
                if not isinstance(row["labels"], list):
                    fail(where + ": labels is not a list")
                if want is not None and row["labels"] != want:
                    fail(where + ": labels %r, expected %r" % (row["labels"], want))
            elif kind == "spans":
                if not isinstance(row["spans"], list):
                    fail(where + ": spans is not a list")
                got = []
                for span in row["spans"]:
                    for key, kind_of in (("start", int), ("end", int), ("label", str)):
                        if not isinstance(span.get(key), kind_of):
                            fail(where + ": span %r has no %s %s" % (span, kind_of.__name__, key))
                    if not 0 <= span["start"] < span["end"] <= len(row["text"]):
                        fail(where + ": span %r does not fit the text" % span)
                    got.append(row["text"][span["start"]:span["end"]])
                if want is not None and got != want:
                    fail(where + ": spans cover %r, expected %r" % (got, want))
            elif kind == "rating":
                if not (row["rating"] is None or isinstance(row["rating"], int)):
                    fail(where + ": rating is not an integer")
                if want is not None and row["rating"] != want:
                    fail(where + ": rating %r, expected %r" % (row["rating"], want))
            else:
                fail("unknown kind " + kind)
            checked += 1
    if checked != len(expected):
        fail("%d lines checked, %d expected" % (checked, len(expected)))
    print("ok %d" % checked)


if __name__ == "__main__":
    main()
