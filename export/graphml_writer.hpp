// GraphML for Gephi, Gephi Lite, networkx, igraph and yEd.
//
// Nodes n0.. and edges e0.. in KnowledgeGraph order. Keys use the names
// Gephi's importer maps onto its own properties (node label/x/y/size/r/g/b,
// edge label/weight); the rest become ordinary columns. Empty strings are left
// out rather than written as empty <data>.
//
// Two flavours, chosen by ExportOptions::graphml_strict:
//  - default (Gephi): each <edge> also carries a `label` XML attribute, which
//    Gephi reads as the edge type and so keeps relation types apart, and
//    met_with/spoke_with edges are marked directed="false" so Gephi draws a
//    mixed graph.
//  - strict: validates against the GraphML 1.0 XSD and reads in every GraphML
//    library we test. Besides dropping `label` it leaves out directed="false":
//    that is valid GraphML, but networkx refuses any mixed graph ("directed=false
//    edge found in directed graph"). The `symmetric` edge column carries the
//    same fact in both flavours.
#pragma once

#include <ostream>

#include "export/export_options.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// Requires a finalized graph. Reads the node palette from
// opts.ontology_dir (throws DataFileError if it is missing or bad) and throws
// std::runtime_error if writing fails.
void write_graphml(const graph::KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts);

}  // namespace kgraph::exports
