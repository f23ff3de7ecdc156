#!/usr/bin/env python3
"""Write a Concord project in the previous file format (version 2), for the migration benchmark.

Usage:
    make_v2.py OUT.concord [--samples 1000000] [--annotators 3] [--resolutions 100000] [--seed S]
    make_v2.py --v3-sql OUT.sql

With --v3-sql it writes instead the migration to version 3 as a script for the sqlite3 shell:
the kVersion3 SQL of core/store/Migrations.cpp and the two PRAGMAs Concord sets after it, in one
transaction, with the connection settings Concord's Project sets first (synchronous NORMAL,
foreign_keys ON; the file is already in WAL mode), and `.echo on` and `.timer on` (the
benchmark's peer and its per-statement split).

The tables are made by the version 1 and version 2 SQL of core/store/Migrations.cpp (the raw
strings kVersion1 and kVersion2, read from that file, so that the file is exactly what a
version 2 Concord made), then PRAGMA application_id = 1131376227 and user_version = 2. It holds:

- settings (name, overlap = ANNOTATORS, blind 0, no guidelines, max_text_bytes 1048576), a
  label_schema row of kind single and three labels (positive, negative, neutral);
- SAMPLES samples: ids s0000001..., texts of 40-300 characters of words from
  bench/import/generate.py's vocabulary (mean about 170), meta {"source": web|news|forum};
- ANNOTATORS annotations on every sample (ana, ben, cat, ...), {"labels":["positive"]} and so
  on, each with its row in annotation_history, as labeling in the app leaves them (a stamp from
  the hybrid clock, seq 0: a project that was never served);
- RESOLUTIONS gold labels (every SAMPLES/RESOLUTIONS-th sample) by rita, each with its row in
  resolution_history.

The file is left in WAL mode, as Concord leaves every project it opened. The output depends only
on the arguments. Python 3 standard library only (the sqlite3 module).
"""

import argparse
import os
import random
import re
import sqlite3
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(HERE, "..", "import"))
from generate import VOCAB  # noqa: E402

APPLICATION_ID = 1131376227
LABELS = (("positive", "#0072b2", "1"), ("negative", "#d55e00", "2"), ("neutral", "#009e73", "3"))
NAMES = ("ana", "ben", "cat", "dan", "eve", "fay", "gus", "hal", "ivy", "jo")


def migration_sql(name):
    source = open(os.path.join(ROOT, "core", "store", "Migrations.cpp"), encoding="utf-8").read()
    match = re.search(r"constexpr const char\* " + name + r' = R"sql\((.*?)\)sql";', source, re.S)
    if not match:
        sys.exit("make_v2.py: no raw string %s in core/store/Migrations.cpp" % name)
    return match.group(1)


def main():
    parser = argparse.ArgumentParser(description="Write a version 2 Concord project with labels.")
    parser.add_argument("out", nargs="?")
    parser.add_argument("--v3-sql", help="write the version 3 migration as a sqlite3 shell script here, and stop")
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--annotators", type=int, default=3)
    parser.add_argument("--resolutions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.v3_sql:
        with open(args.v3_sql, "w", encoding="utf-8") as script:
            script.write(".bail on\n.echo on\n.timer on\nPRAGMA synchronous = NORMAL;\nPRAGMA foreign_keys = ON;\nBEGIN;")
            script.write(migration_sql("kVersion3"))
            script.write("PRAGMA application_id = %d;\nPRAGMA user_version = 3;\nCOMMIT;\n" % APPLICATION_ID)
        return
    if not args.out:
        parser.error("give OUT.concord (or --v3-sql OUT.sql)")
    if not (1 <= args.annotators <= len(NAMES)) or args.samples < 1 or not (0 <= args.resolutions <= args.samples):
        parser.error("need 1..10 annotators, SAMPLES >= 1 and 0 <= RESOLUTIONS <= SAMPLES")
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(args.out + suffix):
            os.remove(args.out + suffix)

    started = time.monotonic()
    rng = random.Random(args.seed)
    choices, random_ = rng.choices, rng.random
    db = sqlite3.connect(args.out, isolation_level=None)
    # Building the file, not a measurement: no journal, no syncs.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.executescript("BEGIN;" + migration_sql("kVersion1") + migration_sql("kVersion2"))
    settings = {"name": "Migration bench", "overlap": str(args.annotators), "blind": "0", "guidelines": "",
                "max_text_bytes": "1048576"}
    db.executemany("INSERT INTO settings(key, value) VALUES (?, ?)", settings.items())
    db.execute("INSERT INTO label_schema(id, kind, rating_min, rating_max, allow_overlap) VALUES (1, 'single', 1, 5, 0)")
    db.executemany("INSERT INTO labels(position, name, color, key) VALUES (?, ?, ?, ?)",
                   [(i, name, color, key) for i, (name, color, key) in enumerate(LABELS)])

    width = max(7, len(str(args.samples)))
    id_fmt = "s%0" + str(width) + "d"
    sources = ('{"source":"web"}', '{"source":"news"}', '{"source":"forum"}')

    def samples():
        for pk in range(1, args.samples + 1):
            words = choices(VOCAB, k=8 + int(random_() * 52))
            text = " ".join(words)
            text = text[:1].upper() + text[1:300] + "."
            yield pk, id_fmt % pk, text, sources[pk % 3]

    db.executemany("INSERT INTO samples(pk, id, text, meta) VALUES (?, ?, ?, ?)", samples())

    base_ms = 1_764_000_000_000  # 2025-11-24
    values = ['{"labels":["%s"]}' % name for name, _, _ in LABELS]
    annotators = NAMES[:args.annotators]
    # One label per annotator and sample, a few seconds apart; the third annotator disagrees on
    # every fifth sample.
    def annotation_rows():
        for pk in range(1, args.samples + 1):
            for a, name in enumerate(annotators):
                value = values[(pk + (1 if a == 2 and pk % 5 == 0 else 0)) % 3]
                ms = base_ms + pk * 1000 + a * 300
                yield pk, name, value, ms, ms, 0, ms << 16, ""

    db.executemany("INSERT INTO annotations(sample, annotator, value, created_at, updated_at, seq, hlc, client) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", annotation_rows())
    db.execute("INSERT INTO annotation_history(sample, annotator, value, changed_at) "
               "SELECT sample, annotator, value, updated_at FROM annotations ORDER BY updated_at")

    step = args.samples // args.resolutions if args.resolutions else 0

    def resolution_rows():
        for r in range(args.resolutions):
            pk = 1 + r * step
            ms = base_ms + args.samples * 1000 + r * 500
            yield pk, values[pk % 3], "", "rita", ms, 0, ms << 16, ""

    db.executemany("INSERT INTO resolutions(sample, value, note, author, updated_at, seq, hlc, client) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", resolution_rows())
    db.execute("INSERT INTO resolution_history(sample, value, note, author, changed_at) "
               "SELECT sample, value, note, author, updated_at FROM resolutions ORDER BY updated_at")
    db.execute("PRAGMA application_id = %d" % APPLICATION_ID)
    db.execute("PRAGMA user_version = 2")
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode = WAL")
    counts = {table: db.execute("SELECT count(*) FROM " + table).fetchone()[0]
              for table in ("samples", "annotations", "annotation_history", "resolutions", "resolution_history")}
    db.close()
    print("wrote %s in %.1f s (%.0f MB): %s" % (args.out, time.monotonic() - started,
                                               os.path.getsize(args.out) / 1e6,
                                               ", ".join("%s %d" % item for item in counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
