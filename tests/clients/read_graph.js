#!/usr/bin/env node
// Reads a graph file the way Gephi Lite does (graphology + graphology-graphml
// or graphology-gexf) and prints "nodes=N edges=M".
// Usage: node read_graph.js graphml|gexf FILE      exit 1 on any error.
//        node read_graph.js graphml|gexf FILE [--nodes] PREFIX...
// The second form prints one line per edge, sorted, "n0 met_with n1: k=v ..."
// (with --nodes one per node, "n0 Ann Able: k=v ..."), with the attributes
// whose names start with a PREFIX, sorted by name.
// The XML is parsed first with the same xmldom the parsers use, with every
// warning and error fatal, so that a lenient parser cannot hide a bad file.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');
const here = createRequire(path.join(__dirname, 'package.json'));
const Graph = here('graphology');

const [kind, file, ...prefixes] = process.argv.slice(2);
try {
  const text = fs.readFileSync(file, 'utf8');
  const parser = here(kind === 'gexf' ? 'graphology-gexf' : 'graphology-graphml');
  const { DOMParser } = createRequire(here.resolve(`graphology-${kind}/package.json`))('@xmldom/xmldom');
  const problems = [];
  const onError = (m) => problems.push(String(m));
  const doc = new DOMParser({ errorHandler: { warning: onError, error: onError, fatalError: onError } })
    .parseFromString(text, 'application/xml');
  if (problems.length) throw new Error('XML: ' + problems.join(' | '));
  const g = kind === 'gexf' ? parser.parse(Graph, doc) : parser.parse(Graph, doc, { addMissingNodes: false });
  const pick = (a) => Object.keys(a).filter((k) => prefixes.some((p) => k.startsWith(p))).sort();
  if (prefixes.length === 0) {
    console.log(`nodes=${g.order} edges=${g.size}`);
  } else if (prefixes[0] === '--nodes') {
    prefixes.shift();
    const lines = [];
    g.forEachNode((node, a) => lines.push(`${node} ${a.label}: ` + pick(a).map((k) => `${k}=${a[k]}`).join(' ')));
    console.log(lines.sort().join('\n'));
  } else {
    const lines = [];
    g.forEachEdge((edge, a, source, target) => {
      const picked = Object.keys(a).filter((k) => prefixes.some((p) => k.startsWith(p))).sort();
      lines.push(`${source} ${a.relation} ${target}: ` + picked.map((k) => `${k}=${a[k]}`).join(' '));
    });
    console.log(lines.sort().join('\n'));
  }
} catch (e) {
  console.log('error: ' + String((e && e.message) || e).slice(0, 400));
  process.exit(1);
}
