#!/usr/bin/env python3
"""Pages of a snippet-scored set (trafilatura-eval) by what they lose, worst first.

  scripts/eval-html-snippet-losses.py INDEX.jsonl OUT_DIR [N]

INDEX lines: {"id","url","with":[...],"without":[...]}; OUT_DIR holds one ID.txt per page
(html_text_tool's output). For the N pages (default 40) with most expected snippets missed
plus unwanted snippets kept, prints the page, then each MISS (expected, not in the text)
and KEPT (unwanted, in the text). Texts are compared after collapsing whitespace, as
snippet_score.py does. Used by scripts/eval-html with EVAL_HTML_VERBOSE=1."""
import json
import os
import re
import sys


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    rows = []
    for line in open(sys.argv[1], encoding="utf-8"):
        if not line.strip():
            continue
        d = json.loads(line)
        path = os.path.join(sys.argv[2], d["id"] + ".txt")
        text = norm(open(path, encoding="utf-8", errors="replace").read()) if os.path.exists(path) else ""
        missed = [w for w in d["with"] if norm(w) not in text]
        kept = [w for w in d["without"] if norm(w) in text]
        if missed or kept:
            rows.append((-(len(missed) + len(kept)), d["id"], d.get("url", ""), missed, kept))
    rows.sort()
    print("pages with a loss: %d, expected snippets missed: %d, unwanted kept: %d"
          % (len(rows), sum(len(r[3]) for r in rows), sum(len(r[4]) for r in rows)))
    for loss, page, url, missed, kept in rows[:limit]:
        print("%s  loss %d  %s" % (page, -loss, url))
        for w in missed:
            print("   MISS %s" % norm(w)[:120])
        for w in kept:
            print("   KEPT %s" % norm(w)[:120])
    return 0


if __name__ == "__main__":
    sys.exit(main())
