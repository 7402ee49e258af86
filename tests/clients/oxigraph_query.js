#!/usr/bin/env node
// Load RDF files into one in-memory Oxigraph store (npm "oxigraph") with a
// strict parser. Without a query, print the number of quads in the store;
// with one, run it over the union of all graphs and print one line per row as
// values joined by " | " ("-" for unbound, newlines as "\n").
// Usage: node oxigraph_query.js [--query QUERY.rq] FILE:FORMAT [FILE:FORMAT ...]
// FORMAT is turtle, ntriples, nquads or trig.
'use strict';
const fs = require('fs');
const path = require('path');
const oxigraph = require(path.join(__dirname, 'node_modules', 'oxigraph'));

const mime = {
  turtle: 'text/turtle', ntriples: 'application/n-triples', nquads: 'application/n-quads', trig: 'application/trig',
};
let args = process.argv.slice(2);
let queryFile = null;
if (args[0] === '--query') {
  queryFile = args[1];
  args = args.slice(2);
}
try {
  const store = new oxigraph.Store();
  for (const arg of args) {
    const at = arg.lastIndexOf(':');
    const file = arg.slice(0, at);
    const format = mime[arg.slice(at + 1)];
    if (!format) throw new Error('unknown format in ' + arg);
    store.load(fs.readFileSync(file, 'utf8'), { format, base_iri: 'file://' + path.resolve(file) });
  }
  if (!queryFile) {
    console.log(String(store.size));
  } else {
    const result = store.query(fs.readFileSync(queryFile, 'utf8'), { use_default_graph_as_union: true });
    if (typeof result === 'boolean') {
      console.log(result ? 'true' : 'false');
    } else {
      for (const row of result) {
        const cells = [];
        for (const [, term] of row) cells.push(term ? term.value.replace(/\n/g, '\\n') : '-');
        console.log(cells.join(' | '));
      }
    }
  }
} catch (e) {
  console.error('oxigraph: ' + String((e && e.message) || e).slice(0, 500));
  process.exit(1);
}
