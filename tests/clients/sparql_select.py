#!/usr/bin/python3
"""Run a SPARQL query file with rdflib over one or more RDF files loaded into
one graph. Prints one line per result row: the values in the order of the
SELECT variables, joined by " | " (unbound as "-", newlines as "\\n"); for ASK,
"true" or "false". Usage:
  /usr/bin/python3 sparql_select.py QUERY.rq FILE:FORMAT [FILE:FORMAT ...]
FORMAT is turtle, nt, nquads or trig. Quads are read into one graph (union of
named graphs), like a store with a union default graph."""
import io
import logging
import sys

import rdflib

log = io.StringIO()
handler = logging.StreamHandler(log)
handler.setLevel(logging.WARNING)
logging.getLogger("rdflib").addHandler(handler)

query = open(sys.argv[1], encoding="utf-8").read()
graph = rdflib.ConjunctiveGraph()
graph.default_union = True
for arg in sys.argv[2:]:
    path, fmt = arg.rsplit(":", 1)
    graph.parse(path, format=fmt)
result = graph.query(query)
if result.type == "ASK":
    print("true" if result.askAnswer else "false")
else:
    for row in result:
        cells = ["-" if v is None else str(v).replace("\n", "\\n") for v in row]
        print(" | ".join(cells))
if log.getvalue().strip():
    print(f"rdflib: warnings: {log.getvalue().strip()[:500]}", file=sys.stderr)
    sys.exit(1)
