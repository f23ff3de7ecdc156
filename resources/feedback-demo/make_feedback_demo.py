#!/usr/bin/env python3
"""Writes the bundled feedback demo (app/gui/project/DemoProject.cpp builds a project from it):

  records.jsonl  300 prompts, each with two markdown responses from two of three named models,
                 the model behind each response, and a judge model's suggested preference;
  votes.jsonl    the votes of three annotators on the first 240 records (the rest are left for
                 whoever opens the demo).

Every text is put together from the templates below; nothing is copied from a data set. Python
standard library only and seeded: running it again writes the same files. Usage:
    python3 resources/feedback-demo/make_feedback_demo.py [OUTPUT_DIR]

Planted so that the dashboard has something to show:
  - one model clearly better than the other two (Bradley-Terry log-strengths in STRENGTHS);
  - one annotator, omar, who takes the response shown first in 60% of his non-tie votes and
    otherwise judges like the others (his shown order is the one Concord draws from the
    project's order seed, ORDER_SEED, which DemoProject.cpp sets);
  - a judge that agrees with the better model most of the time, with a score per suggestion.
"""

import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples",
                                "preference-bias"))
from make_example import shown_order  # noqa: E402  (the same draw as core/feedback/ShownOrder.cpp)

SEED = 2026
ORDER_SEED = 17  # DemoProject.cpp: kFeedbackOrderSeed
QUESTION = "preference"
FIELDS = ["response_a", "response_b"]
STRENGTHS = {"aurora-70b": 1.2, "basalt-13b": 0.0, "cobalt-7b": -0.5}
ANNOTATORS = ["maya", "noor", "omar"]
POSITION_BIASED = "omar"
FIRST_BLINDLY = 0.6
TIE_SHARE = 0.08
RECORDS = 300
VOTED = 240

TOPICS = ["photosynthesis", "compound interest", "the water cycle", "plate tectonics", "vaccines", "black holes",
          "inflation", "recursion", "supply and demand", "tides", "the printing press", "volcanoes",
          "public key cryptography", "rainbows", "sleep", "antibiotics", "electric cars", "binary search",
          "hash tables", "the immune system", "the Roman Empire", "jet engines", "climate change", "DNA",
          "the stock market"]
QUESTIONS = ["Explain {} to a ten-year-old.", "What are common misconceptions about {}?",
             "Give me a short study guide on {}.", "Why does {} matter today?",
             "Summarise {} in a few bullet points.", "How would you teach {} in five minutes?",
             "Describe {} without technical words.", "What question about {} is still open?",
             "Write a short paragraph on {} for a newsletter.", "Give three facts about {}."]
CODE_TASKS = [("reverse a string", "def reverse(text):\n    return text[::-1]",
               "def reverse(text):\n    out = ''\n    for ch in text:\n        out = ch + out\n    return out"),
              ("count the words in a sentence", "def count_words(sentence):\n    return len(sentence.split())",
               "def count_words(sentence):\n    return sentence.count(' ') + 1"),
              ("check whether a number is prime",
               "def is_prime(n):\n    if n < 2:\n        return False\n    d = 2\n    while d * d <= n:\n"
               "        if n % d == 0:\n            return False\n        d += 1\n    return True",
               "def is_prime(n):\n    for d in range(2, n):\n        if n % d == 0:\n            return False\n"
               "    return True"),
              ("find the largest value in a list", "def largest(values):\n    return max(values)",
               "def largest(values):\n    best = 0\n    for v in values:\n        if v > best:\n            best = v\n"
               "    return best"),
              ("merge two sorted lists",
               "import heapq\n\ndef merge(a, b):\n    return list(heapq.merge(a, b))",
               "def merge(a, b):\n    return sorted(a + b)")]
POINTS = ["it starts with a simple cause", "small changes add up over time", "it follows a few clear rules",
          "the same pattern shows up at every scale", "it depends on a balance of forces",
          "people often mix it up with something similar", "the numbers tell a clearer story than intuition",
          "it has a long history of being misunderstood", "a good picture makes it easy to remember",
          "experts still argue about the details"]
OPENERS = ["Here is a clear way to think about {}.", "{} is easier than it sounds.",
           "Let's take {} one step at a time.", "A quick overview of {}:"]
VAGUE = ["{} is a complex topic with many aspects.", "There are many things to say about {}.",
         "{} is important and interesting.", "It depends on the situation, but {} matters."]


def cap(text):
    return text[0].upper() + text[1:]


def prose_response(rng, topic, quality):
    """Markdown on `topic`; `quality` 2 (structured and complete), 1 (plain) or 0 (vague)."""
    if quality == 0:
        return cap(rng.choice(VAGUE).format(topic)) + " " + cap(rng.choice(POINTS)) + "."
    points = rng.sample(POINTS, 3 + quality)
    lines = [cap(rng.choice(OPENERS).format(topic)), ""]
    if quality == 2:
        lines = ["### " + cap(topic), ""] + lines
    lines += ["- " + cap(point) + "." for point in points]
    if quality == 2:
        lines += ["", "**In short:** " + points[0] + ", and " + points[1] + "."]
    return "\n".join(lines)


def code_response(rng, task, quality):
    name, good, weak = task
    if quality == 0:
        return "You can write a loop to " + name + "."
    code = good if quality == 2 else weak
    lines = ["Here is a function to " + name + ":", "", "```python", code, "```"]
    if quality == 2:
        lines += ["", "| input | result |", "|---|---|", "| empty | handled |", "| large | fast |"]
    return "\n".join(lines)


def quality_of(rng, model):
    """The better the model, the likelier a structured answer."""
    roll = rng.random() + STRENGTHS[model] * 0.35
    return 2 if roll > 0.75 else (1 if roll > 0.3 else 0)


def prompts(rng):
    plain = [(q.format(t), t, None) for t in TOPICS for q in QUESTIONS]
    code = [("Write a Python function to " + task[0] + ".", None, task) for task in CODE_TASKS]
    chosen = rng.sample(plain, RECORDS - 10 * len(code)) + code * 10
    rng.shuffle(chosen)
    return chosen


def preference(rng, record, annotator):
    """A vote as Concord stores it: a field name, "tie", or a winner with strength 2 (much better)."""
    if rng.random() < TIE_SHARE:
        return "tie"
    if annotator == POSITION_BIASED and rng.random() < FIRST_BLINDLY:
        return shown_order(ORDER_SEED, record["id"], annotator, QUESTION, FIELDS)[0]
    logit = STRENGTHS[record["model_a"]] - STRENGTHS[record["model_b"]]
    winner = "response_a" if rng.random() < 1.0 / (1.0 + math.exp(-logit)) else "response_b"
    if abs(logit) > 1.0 and (winner == "response_a") == (logit > 0) and rng.random() < 0.4:
        return {"preference": {"winner": winner, "strength": 2}}
    return winner


def main(out_dir):
    rng = random.Random(SEED)
    models = sorted(STRENGTHS)
    pairs = [(models[i], models[j]) for i in range(3) for j in range(i + 1, 3)]
    records, votes = [], []
    for number, (prompt, topic, task) in enumerate(prompts(rng), start=1):
        a, b = pairs[number % 3] if rng.random() < 0.5 else pairs[number % 3][::-1]
        texts = []
        for model in (a, b):
            quality = quality_of(rng, model)
            texts.append(code_response(rng, task, quality) if task else prose_response(rng, topic, quality))
        record = {"id": "p%03d" % number, "prompt": prompt, "response_a": texts[0], "response_b": texts[1],
                  "model_a": a, "model_b": b}
        judge_logit = 1.5 * (STRENGTHS[a] - STRENGTHS[b])
        p_a = 1.0 / (1.0 + math.exp(-judge_logit))
        record["judge"] = "response_a" if rng.random() < p_a else "response_b"
        record["judge_score"] = round(max(p_a, 1.0 - p_a) * 0.9 + rng.random() * 0.1, 2)
        records.append(record)
        if number <= VOTED:
            votes.append(dict({"id": record["id"]}, **{name: preference(rng, record, name) for name in ANNOTATORS}))
    for name, rows in (("records.jsonl", records), ("votes.jsonl", votes)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("wrote %d records and %d records' votes to %s" % (len(records), len(votes), out_dir))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
