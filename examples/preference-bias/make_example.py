#!/usr/bin/env python3
"""Writes preference-bias.jsonl: a preference data set with planted biases, for `concord-cli check`
and `concord-cli leaderboard` (see README.md beside this file). Standard library only; seeded, so
every run writes the same file.

What is planted:
  - three models of clearly different quality, as Bradley-Terry log-strengths (STRENGTHS);
  - a length bias: every annotator's odds for the longer response are multiplied by
    exp(LENGTH_EFFECT), while the responses' lengths do not depend on the model;
  - a position bias: dee takes the response shown first with probability FIRST_BLINDLY and
    otherwise votes like the others, so about 80% of her non-tie votes go to the response shown
    first;
  - records that teach nothing (identical and near-identical responses) and prompts shared by
    several records.

The order each annotator sees is the one Concord draws (core/feedback/ShownOrder.cpp) from the
project's order seed, which build.sh sets with `concord-cli init --order-seed ORDER_SEED`; it is
computed here the same way, so that dee's votes follow what she was shown.
"""

import json
import math
import random
import sys

SEED = 16
ORDER_SEED = 16
QUESTION = "preference"
FIELDS = ["response_a", "response_b"]
STRENGTHS = {"atlas-70b": 0.9, "birch-13b": 0.0, "cedar-7b": -0.9}
ANNOTATORS = ["ana", "ben", "cal", "dee"]
POSITION_BIASED = "dee"
FIRST_BLINDLY = 0.6  # dee's non-tie votes for the first shown: 0.6 + 0.4 * 0.5 = 0.8
LENGTH_EFFECT = 0.8  # log-odds added for the longer response
TIE_SHARE = 0.1
PROMPTS = 300
REPEATED = 30  # prompts that get a second record, with another pair of models

MASK = (1 << 64) - 1


def fnv_parts(seed, parts):
    """FNV-1a over the parts, each followed by a zero byte (hashParts in ShownOrder.cpp)."""
    h = 1469598103934665603 ^ seed
    for part in parts:
        for byte in part.encode("utf-8"):
            h = ((h ^ byte) * 1099511628211) & MASK
        h = (h * 1099511628211) & MASK
    return h


def shown_order(seed, record_id, annotator, question, fields):
    """The order Concord shows `fields` in to `annotator` on `record_id` (shownOrder())."""
    state = fnv_parts(seed, [record_id, annotator, question])
    order = list(fields)
    for i in range(len(order), 1, -1):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        j = z % i
        order[i - 1], order[j] = order[j], order[i - 1]
    return order


TOPICS = ["photosynthesis", "compound interest", "the water cycle", "plate tectonics", "vaccines",
          "black holes", "inflation", "the immune system", "recursion", "supply and demand",
          "tides", "climate change", "the printing press", "neural networks", "volcanoes",
          "the French Revolution", "DNA replication", "public key cryptography", "rainbows", "jet engines",
          "sleep", "the stock market", "antibiotics", "electric cars", "the Roman Empire"]
TASKS = ["Explain {} to a ten-year-old.", "Summarise what is known about {}.", "Give three facts about {}.",
         "What are common misconceptions about {}?", "Write a short paragraph on {} for a newsletter.",
         "How would you teach {} in five minutes?", "Why does {} matter today?",
         "Compare two views on {}.", "What question about {} is still open?",
         "Describe {} without technical words.", "List the key terms of {} with one line each.",
         "Write a quiz question about {} with its answer."]
SUBJECTS = ["The idea", "This process", "A simple way to see it", "The main point", "In practice it",
            "One example", "The evidence", "A useful picture", "Most people", "The first step"]
VERBS = ["shows", "explains", "changes", "connects", "depends on", "follows from", "leads to",
         "builds on", "turns into", "is shaped by"]
OBJECTS = ["the energy involved", "small everyday choices", "a chain of causes", "what we observe",
           "the wider system", "a balance of forces", "the history behind it", "simple rules",
           "the numbers over time", "the people affected"]
ENDINGS = ["over many years", "in a clear way", "more than it seems", "step by step", "at every scale",
           "for most readers", "with a few exceptions", "in the long run", "again and again", "quietly"]


def response(rng, topic):
    sentences = []
    for _ in range(rng.randint(1, 7)):
        sentence = " ".join([rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(ENDINGS)])
        if rng.random() < 0.3:
            sentence += ", as " + topic + " shows"
        sentences.append(sentence + ".")
    return " ".join(sentences)


def prompts():
    texts = [task.format(topic) for topic in TOPICS for task in TASKS]
    return [(text, topic) for text, topic in zip(texts, [t for t in TOPICS for _ in TASKS])][:PROMPTS]


def vote(rng, record, annotator):
    """One annotator's choice: 'response_a', 'response_b' or 'tie'."""
    if rng.random() < TIE_SHARE:
        return "tie"
    if annotator == POSITION_BIASED and rng.random() < FIRST_BLINDLY:
        return shown_order(ORDER_SEED, record["id"], annotator, QUESTION, FIELDS)[0]
    a, b = record["response_a"], record["response_b"]
    logit = STRENGTHS[record["model_a"]] - STRENGTHS[record["model_b"]]
    if len(a) != len(b):
        logit += LENGTH_EFFECT if len(a) > len(b) else -LENGTH_EFFECT
    return "response_a" if rng.random() < 1.0 / (1.0 + math.exp(-logit)) else "response_b"


def main(path):
    rng = random.Random(SEED)
    models = sorted(STRENGTHS)
    pairs = [(models[i], models[j]) for i in range(3) for j in range(i + 1, 3)]
    chosen = prompts()
    plan = [(n, prompt, pairs[n % 3]) for n, prompt in enumerate(chosen)]
    plan += [(n, chosen[n * 10], pairs[(n * 10 + 1) % 3]) for n in range(REPEATED)]
    records = []
    for number, ((prompt, topic), pair) in enumerate([(p, q) for _, p, q in plan], start=1):
        a, b = pair if rng.random() < 0.5 else (pair[1], pair[0])
        record = {"id": "r%03d" % number, "prompt": prompt, "response_a": response(rng, topic),
                  "response_b": response(rng, topic), "model_a": a, "model_b": b}
        if number in (7, 77, 177):  # identical responses
            record["response_b"] = record["response_a"]
        if number in (50, 150):  # near-identical: one word of a long response changed
            words = record["response_a"].split(" ") * 3
            record["response_a"] = " ".join(words)
            record["response_b"] = " ".join(words[:-1] + ["differently."])
        records.append(record)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for record in records:
            for annotator in ANNOTATORS:
                record["vote_" + annotator] = vote(rng, record, annotator)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("wrote %d records to %s" % (len(records), path))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "preference-bias.jsonl")
