#!/usr/bin/python3
"""Checks every output of one `kgraph build` folder with the real clients:
xmllint (GraphML, GEXF, report.html as HTML), networkx and igraph (GraphML),
rdflib (Turtle, N-Triples, N-Quads, TriG), rapper (Turtle, N-Triples),
serdi (all four RDF syntaxes), Python's csv module (strict) and html.parser.
Also checks that every IRI is a clean IRI (no space, control, <>"{}|^`\\),
and that no markup from the input became markup in report.html: the input's
<script>, <img> and <iframe> tags must not be elements there.
Usage: check_outputs.py DIR [MARKER...]
  MARKER: a string from the input (such as '<script>alert') that must appear
  in report.html's text (that is, shown as text, escaped in the source).
Prints one line per check; exit 1 if any failed."""
import csv
import html.parser
import re
import subprocess
import sys
import warnings
from pathlib import Path

CLIENTS = Path(__file__).resolve().parent.parent / "clients"
failures = []


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(name)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    return p.returncode, (p.stdout + p.stderr)[-600:]


def main(out, markers):
    graphml, gexf = out / "graph.graphml", out / "graph.gexf"
    for f in (graphml, gexf):
        rc, msg = run(["xmllint", "--noout", str(f)])
        check(f"xmllint {f.name}", rc == 0, msg)
    try:
        import networkx as nx
        nx.read_graphml(graphml)
        check("networkx graphml", True)
    except Exception as e:
        check("networkx graphml", False, f"{type(e).__name__}: {e}")
    try:
        import igraph as ig
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ig.Graph.Read_GraphML(str(graphml))
        check("igraph graphml", not caught, "; ".join(str(w.message) for w in caught))
    except Exception as e:
        check("igraph graphml", False, f"{type(e).__name__}: {e}")

    import rdflib
    rdf = {"graph.ttl": ("turtle", "turtle", "turtle"), "graph.nt": ("nt", "ntriples", "ntriples"),
           "graph.nq": ("nquads", None, "nquads"), "graph.trig": ("trig", None, "trig")}
    for name, (rdflib_fmt, rapper_fmt, serdi_fmt) in rdf.items():
        f = out / name
        try:
            g = rdflib.ConjunctiveGraph()
            g.parse(str(f), format=rdflib_fmt)
            check(f"rdflib {name}", True)
        except Exception as e:
            check(f"rdflib {name}", False, f"{type(e).__name__}: {e}")
        if rapper_fmt:
            rc, msg = run(["rapper", "-q", "-i", rapper_fmt, "-c", str(f)])
            check(f"rapper {name}", rc == 0, msg)
        rc, msg = run(["serdi", "-i", serdi_fmt, "-o", "ntriples" if serdi_fmt in ("turtle", "ntriples") else "nquads", str(f)])
        check(f"serdi {name}", rc == 0, msg)
    # Every IRI in the N-Quads (all statements, all graphs) must be a clean IRI.
    bad_iri = re.compile(r'[\x00-\x20<>"{}|^`\\]')
    g = rdflib.ConjunctiveGraph()
    g.parse(str(out / "graph.nq"), format="nquads")
    iris = set()
    for s, p, o, c in g.quads((None, None, None, None)):
        for t in (s, p, o, c.identifier if c is not None else None):
            if isinstance(t, rdflib.URIRef):
                iris.add(str(t))
    broken = [i for i in iris if bad_iri.search(i)]
    check(f"{len(iris)} IRIs clean", not broken, repr(broken[:3]))

    for name in ("nodes.csv", "relationships.csv"):
        try:
            with open(out / name, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f, strict=True))
            widths = {len(r) for r in rows}
            check(f"csv {name}", len(widths) == 1, f"row widths {widths}")
        except Exception as e:
            check(f"csv {name}", False, f"{type(e).__name__}: {e}")

    report = (out / "report.html").read_text(encoding="utf-8")
    # libxml2's HTML parser knows HTML 4 only: "Tag article invalid" is about the
    # HTML5 element, not the file; any other error is a real one.
    p = subprocess.run(["xmllint", "--html", "--noout", str(out / "report.html")], capture_output=True, text=True,
                       errors="replace")
    errors = [l for l in p.stderr.splitlines() if "parser error" in l and not re.search(r"Tag \w+ invalid", l)]
    check("xmllint --html report.html", not errors, "\n".join(errors[:5]))

    class Tags(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.text, self.scripts = [], [], []
            self._in_script = False

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, attrs))
            self._in_script = tag == "script"

        def handle_endtag(self, tag):
            self._in_script = False

        def handle_data(self, data):
            (self.scripts if self._in_script else self.text).append(data)

    p = Tags()
    p.feed(report)
    injected = [t for t in p.tags if t[0] in ("iframe", "img") or any(a.startswith("on") for a, _ in t[1])]
    check("report.html: no element or handler from the input", not injected, repr(injected[:3]))
    check("report.html: no script from the input", not any("alert" in s for s in p.scripts))
    text = "".join(p.text)
    for m in markers:
        check(f"report.html shows {m!r} as text", m in text)
    md = (out / "report.md").read_text(encoding="utf-8")
    check("report.md is UTF-8 text", "\x00" not in md)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
    sys.exit(1 if failures else 0)
