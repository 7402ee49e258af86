#!/usr/bin/env python3
"""Scores `kgraph extract` output against the relation dev sets (issue 4).

usage: eval-dev-score.py kgdev GOLD.jsonl PRED.jsonl [--list]
       eval-dev-score.py recall GOLD.jsonl PRED.jsonl NAME

kgdev: a prediction matches a gold relation of the same type when one of the
names or mention texts of its head entity contains (or equals) the gold head
and one of its tail entity's contains the gold tail; met_with and spoke_with
match in either direction. Gold relations with "required": false count neither
way (a prediction that matches only such a relation is neutral). Recall is over
the required gold relations as listed; precision over the distinct predicted
(type, head, tail) of a document. Modality is reported, not scored.

recall (RAMS / WikiEvents dev): only relations whose two arguments are names
(head_canonical / tail_canonical when given, head_alternatives for the head)
are scored, recall only. Plain python3, no modules beyond the standard library.
"""
import json
import re
import sys

TYPES = ["met_with", "spoke_with", "deployed_to", "holds_position"]
SYMMETRIC = {"met_with", "spoke_with"}

# Words that make an argument a description or pronoun rather than a name.
NOT_NAME_FIRST = {"the", "a", "an", "he", "she", "they", "we", "i", "it", "you", "us", "them", "his", "her",
                  "their", "our", "your", "my", "this", "that", "these", "those", "him", "me"}
CONNECTORS = {"of", "the", "de", "del", "da", "al", "el", "la", "le", "von", "van", "der", "and", "for", "bin", "ibn"}


def norm(s):
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s*-\s*", "-", s)   # RAMS tokenised text spells "Al - Monitor"
    s = re.sub(r"\s*'\s*", "'", s)
    s = re.sub(r"\s*\.\s*", ".", s)
    return re.sub(r"\s+", " ", s).strip(" .")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def predictions(path):
    """doc id -> list of (type, head strings, tail strings, head name, tail name, modality, evidence)."""
    out = {}
    for doc in read_jsonl(path):
        ents = {}
        for e in doc.get("entities", []):
            names = {norm(e["name"])} | {norm(m["text"]) for m in e.get("mentions", [])}
            ents[e["id"]] = (e["name"], {n for n in names if n})
        rels, seen = [], set()
        for r in doc.get("relations", []):
            if r["head"] not in ents or r["tail"] not in ents:
                continue
            hn, hs = ents[r["head"]]
            tn, ts = ents[r["tail"]]
            key = (r["type"], hn, tn) if r["type"] not in SYMMETRIC else (r["type"],) + tuple(sorted((hn, tn)))
            if key in seen:
                continue
            seen.add(key)
            rels.append({"type": r["type"], "hs": hs, "ts": ts, "head": hn, "tail": tn,
                         "modality": r.get("modality", ""), "evidence": r.get("evidence", {}).get("text", ""),
                         "rule": r.get("evidence", {}).get("rule", ""), "title": r.get("attributes", {}).get("title", "")})
        out[str(doc["id"])] = rels
    return out


def covers(strings, gold_names):
    return any(g and any(g in s for s in strings) for g in gold_names)


def matches(p, rtype, heads, tails):
    if p["type"] != rtype:
        return False
    if covers(p["hs"], heads) and covers(p["ts"], tails):
        return True
    return rtype in SYMMETRIC and covers(p["hs"], tails) and covers(p["ts"], heads)


def short(s, n=220):
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


def score_kgdev(gold_path, pred_path, listing):
    preds = predictions(pred_path)
    tp_g = {t: 0 for t in TYPES}
    n_g = {t: 0 for t in TYPES}
    tp_p = {t: 0 for t in TYPES}
    n_p = {t: 0 for t in TYPES}
    modality_ok = modality_n = 0
    misses, fps = [], []
    for doc in read_jsonl(gold_path):
        doc_id = str(doc["id"])
        gold = [g for g in doc.get("relations", []) if g["type"] in TYPES]
        mine = [p for p in preds.get(doc_id, []) if p["type"] in TYPES]
        for g in gold:
            if not g.get("required", True):
                continue
            n_g[g["type"]] += 1
            hit = [p for p in mine if matches(p, g["type"], [norm(g["head"])], [norm(g["tail"])])]
            if hit:
                tp_g[g["type"]] += 1
                modality_n += 1
                modality_ok += any(p["modality"] == g.get("modality", "asserted") for p in hit)
            else:
                misses.append((doc_id, g))
        for p in mine:
            req = [g for g in gold if matches(p, g["type"], [norm(g["head"])], [norm(g["tail"])])]
            if not req:
                n_p[p["type"]] += 1
                fps.append((doc_id, p))
            elif any(g.get("required", True) for g in req):
                n_p[p["type"]] += 1
                tp_p[p["type"]] += 1
            # matching only borderline gold: neutral
    print("kgdev (%s)" % gold_path)
    print("  %-15s %9s %9s %7s" % ("type", "precision", "recall", "f1"))
    rows = [(t, tp_p[t], n_p[t], tp_g[t], n_g[t]) for t in TYPES]
    rows.append(("overall", sum(tp_p.values()), sum(n_p.values()), sum(tp_g.values()), sum(n_g.values())))
    summary = {}
    for name, tpp, np_, tpg, ng in rows:
        p = tpp / np_ if np_ else 0.0
        r = tpg / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        summary[name] = (p, r)
        print("  %-15s %4.2f %2d/%-3d %4.2f %2d/%-3d %4.2f" % (name, p, tpp, np_, r, tpg, ng, f))
    if modality_n:
        print("  modality agrees on %d/%d matched gold relations" % (modality_ok, modality_n))
    if listing:
        print("\n  misses (required gold not found):")
        for doc_id, g in misses:
            extra = (" title=%r" % g["title"]) if g.get("title") else ""
            print("    - %s  %s(%s, %s)%s\n        %s" % (doc_id, g["type"], g["head"], g["tail"], extra,
                                                         short(g.get("evidence", ""))))
        print("\n  false positives:")
        for doc_id, p in fps:
            extra = (" title=%r" % p["title"]) if p["title"] else ""
            print("    - %s  %s(%s, %s) %s [%s]%s\n        %s" % (doc_id, p["type"], p["head"], p["tail"], p["modality"],
                                                                p["rule"], extra, short(p["evidence"])))
    return summary


def is_name(s):
    words = [w for w in re.findall(r"[^\W\d_][\w'.-]*", s)]
    if not words or words[0].lower() in NOT_NAME_FIRST:
        return False
    return all(w[0].isupper() or w.lower() in CONNECTORS for w in words)


def score_recall(gold_path, pred_path, label):
    preds = predictions(pred_path)
    hit = {t: 0 for t in TYPES}
    total = {t: 0 for t in TYPES}
    for doc in read_jsonl(gold_path):
        mine = preds.get(str(doc["id"]), [])
        for g in doc.get("relations", []):
            if g["type"] not in TYPES:
                continue
            heads = [g.get("head_canonical") or g["head"]] + list(g.get("head_alternatives") or [])
            heads = [h for h in heads if is_name(h)]
            tail = g.get("tail_canonical") or g["tail"]
            if not heads or not is_name(tail):
                continue
            total[g["type"]] += 1
            if any(matches(p, g["type"], [norm(h) for h in heads], [norm(tail)]) for p in mine):
                hit[g["type"]] += 1
    parts = ["%s %d/%d" % (t, hit[t], total[t]) for t in TYPES if total[t]]
    h, n = sum(hit.values()), sum(total.values())
    print("%-11s recall %.2f (%d/%d name-argument relations; %s)" % (label, h / n if n else 0.0, h, n, ", ".join(parts)))


def main(argv):
    if len(argv) >= 4 and argv[1] == "kgdev":
        score_kgdev(argv[2], argv[3], "--list" in argv[4:])
        return 0
    if len(argv) == 5 and argv[1] == "recall":
        score_recall(argv[2], argv[3], argv[4])
        return 0
    print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
