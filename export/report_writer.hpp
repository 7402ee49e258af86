// Human-readable reports of a knowledge graph: what the corpus says, who is
// connected to whom, on whose word, and where outlets disagree.
//
// Both reports have the same sections: a summary (documents, entities by type,
// relations by type), the sources, every relation grouped by type with its
// modality, weight, outlets and each evidence sentence with its source, a
// profile per entity, and the pairs that outlets describe differently. The
// HTML report adds a picture of the graph drawn by Graphviz.
//
// All input text (names, titles, sentences, ids) is escaped for the format,
// so markup in an article never becomes markup in the report. Output depends
// only on the graph and the options (Graphviz's SVG is deterministic too).
#pragma once

#include <ostream>
#include <string>

#include "export/export_options.hpp"
#include "export/slugs.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// Assumes graph.finalize() was called.
void write_markdown_report(const graph::KnowledgeGraph& graph, std::ostream& out, const ExportOptions& options);

// Self-contained: inline CSS and inline SVG, no script, no external asset.
// Node colours come from options.ontology_dir/lexicon/entity_types.tsv (throws
// DataFileError when it is unusable). When Graphviz's `dot` cannot be run the
// report says so in place of the picture instead of failing.
void write_html_report(const graph::KnowledgeGraph& graph, std::ostream& out, const ExportOptions& options);
// The same with the graph's slugs made already (graph_slugs(graph)).
void write_html_report(const graph::KnowledgeGraph& graph, std::ostream& out, const ExportOptions& options,
                       const GraphSlugs& slugs);

// The Markdown profile of one node (0 <= node < graph.nodes().size()): a
// heading, type, aliases, counts, offices held (holds_position with titles)
// and neighbours with relation, direction and modality.
std::string entity_profile_markdown(const graph::KnowledgeGraph& graph, int node);

}  // namespace kgraph::exports
