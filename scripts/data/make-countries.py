#!/usr/bin/env python3
"""Regenerate ontology/lexicon/countries.tsv from the mledoze/countries JSON
(../shared/data/gazetteer/countries.json). Run by hand when the source changes;
the TSV is committed so that the project builds without ../shared."""
import json, sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteer/countries.json"
rows = json.load(open(src, encoding="utf-8"))
out = sys.stdout
out.write("# kgraph-data countries v1\n")
out.write("# Derived from the \"countries\" database by Mohammed Le Doze (github.com/mledoze/countries, commit 5e9f3700),\n")
out.write("# licensed under the Open Database License (ODbL 1.0): https://opendatacommons.org/licenses/odbl/1-0/\n")
out.write("# This derived file is likewise available under the ODbL 1.0.\n")
out.write("# Lists are '|'-separated. alt_names keeps only Latin-script spellings longer than 3 letters.\n")
out.write("name\tcca3\tcca2\tofficial\talt_names\tcapitals\tdemonyms\tregion\tsubregion\tindependent\n")

def clean(s):
    return s.replace("\t", " ").replace("|", "/").strip()

def latin(s):
    return all(ord(c) < 0x250 or c in "’'" for c in s)

for r in sorted(rows, key=lambda r: r["common"]):
    alts = [a for a in r.get("altSpellings", []) if len(a) > 3 and latin(a) and a not in (r["common"], r["official"])]
    dem = []
    for k in ("m", "f"):
        d = (r.get("demonym") or {}).get(k)
        if d and d not in dem:
            dem.append(d)
    out.write("\t".join([
        clean(r["common"]), r["cca3"], r["cca2"], clean(r["official"]),
        "|".join(clean(a) for a in alts),
        "|".join(clean(c) for c in r.get("capital", [])),
        "|".join(clean(d) for d in dem),
        r.get("region", ""), r.get("subregion", ""),
        "1" if r.get("independent") else "0",
    ]) + "\n")
