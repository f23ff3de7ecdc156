#!/usr/bin/env python3
"""Generate synthetic text samples for Concord's import benchmark.

Usage:
    generate.py N OUT.jsonl [--seed S] [--csv OUT.csv]

Writes N samples to OUT.jsonl, one JSON object per line:

    {"id":"s0000001","text":"...","source":"web","lang":"en"}

ids are "s" + the 1-based row number, zero-padded to 7 digits (wider if N
needs it). Texts are 40 to 300 characters of words drawn from a fixed
vocabulary, with a few non-ASCII words ("café", "naïve", ...), an occasional
emoji, and characters that need escaping in JSON and quoting in CSV (double
quotes, commas). source is one of web, news, forum; lang is always "en".

With --csv, the same rows are also written as CSV (header id,text,source,lang;
RFC 4180 quoting) for the sqlite3 shell's `.import --csv --skip 1`.

The output depends only on N and the seed (default 1): the same arguments give
the same bytes. Python 3 standard library only.
"""

import argparse
import csv
import json
import random
import sys
import time

MIN_LEN = 40
MAX_LEN = 300

# A fixed vocabulary: ordinary English words, weighted by repetition.
_COMMON = """
the of and to in a is that for it as was with be by on not he I this are or his
from at which but have an they you were her she there been one all we their has
would when if so no what up out about who them more some could time very then
into like than only other new just over also any my these its two first your
way may our well after most should people made good much many such how because
work before through back years where little still even great think make same
""".split()

_CONTENT = """
label annotator sample review dataset model training evaluation agreement
reviewer project schema import export sentence paragraph document corpus token
quality integrity duplicate benchmark server client sync offline network report
product service restaurant movie phone battery screen camera delivery price
support customer order refund shipping package quality design feature update
weather market economy election council budget policy energy transport housing
school hospital research study science climate season match team player coach
forum thread post comment reply question answer opinion thanks issue problem
solution version release install configure error warning message window button
keyboard shortcut progress history timeline summary overview detail example
simple quick slow fast cheap expensive broken excellent terrible average decent
happy unhappy useful useless clear confusing friendly rude helpful reliable
recommend suggest expect receive return replace repair charge wait arrive leave
morning evening weekend yesterday today tomorrow recently finally honestly
really probably actually almost nearly always never sometimes often usually
city village river mountain garden street station airport museum library
coffee breakfast dinner lunch dessert menu table waiter kitchen flavour
""".split()

_PUNCTUATED = ['"great"', '"fine"', 'well,', 'however,', 'yes,', 'no,',
               '(again)', 'so-called', "don't", "it's", "can't", '50%', '$20',
               'e.g.', 'etc.', 'and/or', '3.5', '#1', 'a&b', 'semi-colon;']

_NON_ASCII = ['café', 'naïve', 'résumé', 'façade', 'jalapeño', 'über',
              'crème', 'brûlée', 'Zürich', 'São', 'piñata', 'coöperate',
              'déjà', 'vu', 'Ångström', 'smörgåsbord', '—', '…', '“quoted”',
              '€5', 'straße', 'Ελλάδα', 'Москва', '日本語']

_EMOJI = ['🙂', '👍', '🎉', '😞', '🔥', '❤️', '🤔']

# Repetition sets the frequencies: common words dominate, about 1 word in 40
# is non-ASCII (so roughly half the rows hold some non-ASCII text) and about
# 1 word in 1,000 is an emoji (roughly 2-3 % of rows).
VOCAB = (_COMMON * 6 + _CONTENT * 2 + _PUNCTUATED * 2 + _NON_ASCII
         + _EMOJI[:1])
_EMOJI_SLOTS = _EMOJI  # an emoji slot picks one of these

SOURCES = ("web", "news", "forum")
SENTENCE_END = (".", ".", ".", ".", "!", "?")


def make_text(choices, random, vocab):
    target = MIN_LEN + int(random() * (MAX_LEN - MIN_LEN + 1))
    # Words average a little under 6 characters with their space.
    words = choices(vocab, k=target // 5 + 2)
    if words[0] == _EMOJI[0]:
        words[0] = "Yes"
    # Break into sentences of 4..18 words with capitals and end marks.
    out = []
    i = 0
    n = len(words)
    while i < n:
        j = min(n, i + 4 + int(random() * 15))
        sentence = words[i:j]
        sentence[0] = sentence[0][:1].upper() + sentence[0][1:]
        out.append(" ".join(sentence) + SENTENCE_END[j % 6])
        i = j
    text = " ".join(out)
    if len(text) > target:
        cut = text.rfind(" ", MIN_LEN - 1, target)
        text = text[:cut] if cut >= MIN_LEN else text[:target]
        text = text.rstrip(" ,;(") + "."
    while len(text) < MIN_LEN:
        text += " " + " ".join(choices(vocab, k=4)) + "."
    if text.count(_EMOJI[0]):
        # Vary the emoji deterministically.
        text = text.replace(_EMOJI[0], _EMOJI_SLOTS[len(text) % len(_EMOJI_SLOTS)])
    return text


def main():
    parser = argparse.ArgumentParser(
        description="Generate N synthetic samples as JSONL (and CSV).")
    parser.add_argument("n", type=int, help="number of samples")
    parser.add_argument("out", help="output JSONL file")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--csv", dest="csv_out", help="also write the rows as CSV here")
    args = parser.parse_args()
    if args.n < 0:
        parser.error("N must be >= 0")

    started = time.monotonic()
    rng = random.Random(args.seed)
    choices = rng.choices
    random_ = rng.random
    vocab = VOCAB
    width = max(7, len(str(args.n)))
    id_fmt = "s%0" + str(width) + "d"
    dumps = json.JSONEncoder(ensure_ascii=False).encode

    jsonl = open(args.out, "w", encoding="utf-8", newline="\n")
    csv_file = open(args.csv_out, "w", encoding="utf-8", newline="") if args.csv_out else None
    writer = csv.writer(csv_file, lineterminator="\n") if csv_file else None
    if writer:
        writer.writerow(("id", "text", "source", "lang"))

    batch = []
    csv_batch = []
    for row in range(1, args.n + 1):
        sid = id_fmt % row
        text = make_text(choices, random_, vocab)
        source = SOURCES[int(random_() * 3)]
        batch.append('{"id":"%s","text":%s,"source":"%s","lang":"en"}\n'
                     % (sid, dumps(text), source))
        if writer:
            csv_batch.append((sid, text, source, "en"))
        if len(batch) >= 20000:
            jsonl.write("".join(batch))
            batch.clear()
            if writer:
                writer.writerows(csv_batch)
                csv_batch.clear()
    jsonl.write("".join(batch))
    if writer:
        writer.writerows(csv_batch)
        csv_file.close()
    jsonl.close()
    print("generated %d samples in %.1f s: %s%s"
          % (args.n, time.monotonic() - started, args.out,
             (" and " + args.csv_out) if args.csv_out else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
