#!/usr/bin/python3
"""Reads a graph file with a real Python library and prints "nodes=N edges=M".
Usage: read_graph.py networkx-graphml|igraph-graphml|csv-nodes|csv-edges FILE
Exit 1 on any error, and (igraph) on any warning: igraph only warns about
things like undeclared keys, which a clean export must not have."""
import csv
import sys
import warnings


def main(kind, path):
    if kind == "networkx-graphml":
        import networkx as nx
        g = nx.read_graphml(path)
        return g.number_of_nodes(), g.number_of_edges()
    if kind == "igraph-graphml":
        import igraph as ig
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            g = ig.Graph.Read_GraphML(path)
        if caught:
            raise RuntimeError("igraph warned: " + "; ".join(str(w.message) for w in caught))
        return g.vcount(), g.ecount()
    if kind in ("csv-nodes", "csv-edges"):
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f, strict=True))
        width = len(rows[0])
        bad = [i for i, r in enumerate(rows) if len(r) != width]
        if bad:
            raise RuntimeError(f"rows with {width} columns expected, line {bad[0] + 1} differs")
        return (len(rows) - 1, 0) if kind == "csv-nodes" else (0, len(rows) - 1)
    raise SystemExit(f"unknown kind {kind}")


try:
    n, m = main(sys.argv[1], sys.argv[2])
except Exception as e:  # report, do not trace back: the C++ test prints this line
    print(f"error: {type(e).__name__}: {e}")
    sys.exit(1)
print(f"nodes={n} edges={m}")
