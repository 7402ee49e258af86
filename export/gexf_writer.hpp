// GEXF 1.3 (http://gexf.net/1.3) for Gephi and graphology, with viz colour,
// size and position, the same columns as the GraphML export, and a timeline:
// each node and edge gets one <spell> per distinct date of the articles that
// support it (none when no article is dated), so Gephi's timeline can replay
// how the story grew. met_with/spoke_with edges are type="undirected" in an
// otherwise directed graph; the relation type is the edge `kind` and `label`.
#pragma once

#include <ostream>

#include "export/export_options.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// Requires a finalized graph. Reads the node palette from opts.ontology_dir
// (throws DataFileError if it is missing or bad); throws std::runtime_error
// if writing fails.
void write_gexf(const graph::KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts);

}  // namespace kgraph::exports
