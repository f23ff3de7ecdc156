#!/usr/bin/env python3
"""Copy a JSONL file with one line replaced by a truncated JSON object.

Usage:
    make_broken.py IN.jsonl OUT.jsonl [K] [--line TEXT]

Line K (1-based; default: the line just past the middle, N // 2 + 1, which is
500,001 for a 1,000,000-line file) is replaced by

    {"id": "broken", "text":

(or TEXT, if given), a JSON object cut off in the middle. Every other line is
copied byte for byte. Used to show that `concord-cli import` of such a file
fails with an error naming line K and leaves the project untouched (the import
is one transaction: no sample of the file is added).

Python 3 standard library only. Streams the file, so it needs little memory.
"""

import argparse
import sys

BROKEN = '{"id": "broken", "text": '


def count_lines(path):
    n = 0
    last = b"\n"
    with open(path, "rb") as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n if last == b"\n" else n + 1


def main():
    parser = argparse.ArgumentParser(
        description="Copy a JSONL file with line K replaced by broken JSON.")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("k", type=int, nargs="?",
                        help="1-based line to break (default: N // 2 + 1)")
    parser.add_argument("--line", default=BROKEN,
                        help="the replacement line (default: %r)" % BROKEN)
    args = parser.parse_args()

    total = count_lines(args.input)
    k = args.k if args.k is not None else total // 2 + 1
    if not 1 <= k <= total:
        parser.error("K must be between 1 and %d (the file's line count)" % total)

    replacement = args.line.encode("utf-8") + b"\n"
    with open(args.input, "rb") as src, open(args.output, "wb") as dst:
        for number, line in enumerate(src, start=1):
            if number == k:
                dst.write(replacement)
            else:
                dst.write(line)
    print("wrote %s: %d lines, line %d broken" % (args.output, total, k),
          file=sys.stderr)


if __name__ == "__main__":
    main()
