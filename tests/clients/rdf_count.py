#!/usr/bin/python3
"""Parse an RDF file with rdflib (Debian python3-rdflib) and print its number
of statements (triples, or quads over all graphs).
Usage: /usr/bin/python3 rdf_count.py FILE turtle|nt|nquads|trig
Exit 1 (message on stderr) on a parse error or any warning rdflib logs, such as
an ill-typed literal it could not convert."""
import io
import logging
import sys

import rdflib

log = io.StringIO()
handler = logging.StreamHandler(log)
handler.setLevel(logging.WARNING)
logging.getLogger("rdflib").addHandler(handler)

path, fmt = sys.argv[1], sys.argv[2]
graph = rdflib.ConjunctiveGraph()
try:
    graph.parse(path, format=fmt)
except Exception as e:  # rdflib raises many types; all mean "did not parse"
    print(f"rdflib: {path}: {type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(1)
if log.getvalue().strip():
    print(f"rdflib: {path}: warnings: {log.getvalue().strip()[:500]}", file=sys.stderr)
    sys.exit(1)
print(len(graph))
