#!/usr/bin/env node
// Reads a graph file the way Gephi Lite does (graphology + graphology-graphml
// or graphology-gexf) and prints "nodes=N edges=M".
// Usage: node read_graph.js graphml|gexf FILE      exit 1 on any error.
// The XML is parsed first with the same xmldom the parsers use, with every
// warning and error fatal, so that a lenient parser cannot hide a bad file.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');
const here = createRequire(path.join(__dirname, 'package.json'));
const Graph = here('graphology');

const [kind, file] = process.argv.slice(2);
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
  console.log(`nodes=${g.order} edges=${g.size}`);
} catch (e) {
  console.log('error: ' + String((e && e.message) || e).slice(0, 400));
  process.exit(1);
}
