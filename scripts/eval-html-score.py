#!/usr/bin/env python3
"""Bag-of-words token F1 of extracted text against gold, as the article-extraction
benchmark computes it: \\w+ tokens, lower-cased, multiset precision/recall/F1 per
page, averaged over the pages of a set. A page with no prediction scores 0.

usage: eval-html-score.py GOLD_DIR PRED_DIR [cleaneval]
prints: pages precision recall f1
"""
import os
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+")
# CleanEval gold marks paragraphs, headings and list items and starts with a URL line.
CLEANEVAL_MARKER = re.compile(r"^\s*<[phl]>", re.MULTILINE)


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace")


def tokens(text):
    return Counter(t.lower() for t in TOKEN.findall(text))


def clean_gold(text, cleaneval):
    if not cleaneval:
        return text
    lines = text.split("\n")
    if lines and lines[0].startswith("URL:"):
        lines = lines[1:]
    return CLEANEVAL_MARKER.sub(" ", "\n".join(lines))


def score(gold, pred):
    if not gold and not pred:
        return 1.0, 1.0, 1.0
    common = sum((gold & pred).values())
    p = common / sum(pred.values()) if pred else 0.0
    r = common / sum(gold.values()) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    gold_dir, pred_dir = sys.argv[1], sys.argv[2]
    cleaneval = len(sys.argv) > 3 and sys.argv[3] == "cleaneval"
    verbose = os.environ.get("EVAL_HTML_VERBOSE")
    totals = [0.0, 0.0, 0.0]
    n = 0
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".txt"):
            continue
        gold = tokens(clean_gold(read(os.path.join(gold_dir, name)), cleaneval))
        pred_path = os.path.join(pred_dir, name)
        pred = tokens(read(pred_path)) if os.path.exists(pred_path) else Counter()
        s = score(gold, pred)
        if verbose:
            print(f"{name}\t{s[0]:.3f}\t{s[1]:.3f}\t{s[2]:.3f}", file=sys.stderr)
        for i in range(3):
            totals[i] += s[i]
        n += 1
    if n == 0:
        print("0 0 0 0")
        return
    print(n, *(f"{t / n:.3f}" for t in totals))


if __name__ == "__main__":
    main()
