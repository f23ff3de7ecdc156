#!/usr/bin/env python3
"""Extracts the Debian `fortunes` package's fortunes as labeled JSONL for bench/learn.

Each fortune becomes {"id": "CATEGORY-NNNN", "text": ..., "label": CATEGORY}, where CATEGORY
is the fortune file's name (art, computers, ..., zippy) and NNNN its 1-based position in the
file. Backspace overstrike (X BS X for bold, _ BS X for underline) is reduced to the plain
character; fortunes that are empty after stripping are skipped. Offensive fortunes (the "off/"
directory or "-o" files of other fortune packages) are skipped if present. Files are read as
UTF-8 with invalid bytes replaced. The output is deterministic (sorted file names).

usage: extract_fortunes.py OUT.jsonl [--dir /usr/share/games/fortunes] [--min-count N]
"""
import argparse
import json
import os
import re
import sys

OVERSTRIKE = re.compile(r".\x08")


def fortunes_of(path):
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8", errors="replace")
    for chunk in re.split(r"^%\s*$", text, flags=re.MULTILINE):
        # Remove "char + backspace" pairs until none is left (some files stack several).
        while "\x08" in chunk:
            stripped = OVERSTRIKE.sub("", chunk)
            if stripped == chunk:
                chunk = chunk.replace("\x08", "")
                break
            chunk = stripped
        chunk = chunk.strip()
        if chunk:
            yield chunk


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--dir", default="/usr/share/games/fortunes")
    parser.add_argument("--min-count", type=int, default=1,
                        help="leave out categories with fewer fortunes than this")
    args = parser.parse_args()

    names = []
    for name in sorted(os.listdir(args.dir)):
        path = os.path.join(args.dir, name)
        if "." in name or name.endswith("-o") or not os.path.isfile(path) or os.path.islink(path):
            continue  # .dat indexes, .u8 links, offensive -o files, the off/ directory
        names.append(name)

    counts = {}
    with open(args.out, "w", encoding="utf-8") as out:
        for name in names:
            items = list(fortunes_of(os.path.join(args.dir, name)))
            if len(items) < args.min_count:
                continue
            for position, text in enumerate(items, start=1):
                record = {"id": f"{name}-{position:04d}", "text": text, "label": name}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            counts[name] = len(items)
    total = sum(counts.values())
    print(f"{args.out}: {total} fortunes in {len(counts)} categories", file=sys.stderr)


if __name__ == "__main__":
    main()
