#!/usr/bin/python3
"""Reads a graph file with a real Python library and prints "nodes=N edges=M".
Usage: read_graph.py networkx-graphml|igraph-graphml|csv-nodes|csv-edges FILE
       read_graph.py networkx-graphml-edges|csv-edges-attributes FILE PREFIX...
       read_graph.py networkx-graphml-nodes|csv-nodes-attributes FILE PREFIX...
The other forms print one line per edge, sorted: "n0 met_with n1: k=v ...",
or per node: "n0 Ann Able: k=v ...", with the attributes whose names start
with one of the PREFIXes, sorted by name (Neo4j type suffixes such as ":int"
dropped).
Exit 1 on any error, and (igraph) on any warning: igraph only warns about
things like undeclared keys, which a clean export must not have."""
import csv
import sys
import warnings


def edge_line(source, relation, target, attributes, prefixes):
    picked = sorted((k, v) for k, v in attributes.items() if k.startswith(tuple(prefixes)))
    return f"{source} {relation} {target}: " + " ".join(f"{k}={v}" for k, v in picked)


def edge_attributes(kind, path, prefixes):
    lines = []
    if kind == "networkx-graphml-edges":
        import networkx as nx
        g = nx.read_graphml(path)
        for u, v, data in g.edges(data=True):
            lines.append(edge_line(u, data["relation"], v, data, prefixes))
    elif kind == "csv-edges-attributes":
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f, strict=True):
                data = {k.split(":")[0]: v for k, v in row.items() if not k.startswith(":")}
                lines.append(edge_line(row[":START_ID"], row[":TYPE"].lower(), row[":END_ID"], data, prefixes))
    elif kind == "networkx-graphml-nodes":
        import networkx as nx
        g = nx.read_graphml(path)
        for n, data in g.nodes(data=True):
            picked = sorted((k, v) for k, v in data.items() if k.startswith(tuple(prefixes)))
            lines.append(f"{n} {data['label']}: " + " ".join(f"{k}={v}" for k, v in picked))
    elif kind == "csv-nodes-attributes":
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f, strict=True):
                data = {k.split(":")[0]: v for k, v in row.items() if not k.startswith(":")}
                picked = sorted((k, v) for k, v in data.items() if k.startswith(tuple(prefixes)) and v != "")
                lines.append(f"{row['id:ID']} {row['name']}: " + " ".join(f"{k}={v}" for k, v in picked))
    else:
        raise SystemExit(f"unknown kind {kind}")
    return sorted(lines)


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
    if sys.argv[1] in ("networkx-graphml-edges", "csv-edges-attributes", "networkx-graphml-nodes",
                       "csv-nodes-attributes"):
        print("\n".join(edge_attributes(sys.argv[1], sys.argv[2], sys.argv[3:])))
        sys.exit(0)
    n, m = main(sys.argv[1], sys.argv[2])
except Exception as e:  # report, do not trace back: the C++ test prints this line
    print(f"error: {type(e).__name__}: {e}")
    sys.exit(1)
print(f"nodes={n} edges={m}")
