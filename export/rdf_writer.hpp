// The knowledge graph as RDF, in the vocabulary of ontology/kgraph.ttl.
//
// What is written (IRIs under ExportOptions::base_iri, "B/"):
//   B/entity/SLUG        one per node: rdf:type kg:<Type>, rdfs:label, skos:altLabel
//                        per alias, counts, dates and analytics as typed literals.
//   B/relation/H--T--O   one kg:Relation per edge (rdf:subject/predicate/object,
//                        strongest modality, weight, source and outlet counts).
//   H kg:T O             the plain triple, only when some source asserts or
//                        reports it; for met_with/spoke_with in both directions.
//   B/article/SLUG       one kg:Article per source (dcterms:title/date, kg:outlet ...).
//   B/assertion/A/H--T--O/BEGIN-END
//                        one kg:RelationAssertion per supporting mention, derived
//                        from article A, with the evidence sentence and offsets.
// N-Quads and TriG put each article and its assertions in the named graph
// B/graph/SLUG and everything else in the default graph; Turtle and N-Triples
// hold the same statements as plain triples.
//
// serd writes every byte of the syntax; input text only ever reaches it as node
// values (after valid_utf8), so any name or sentence gives parseable output.
// Output depends only on the graph and the options: statements are written in
// the graph's finalized order and numbers with fixed precision.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "export/export_options.hpp"
#include "export/slugs.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

enum class RdfSyntax { Turtle, NTriples, NQuads, TriG };

// What the RDF syntaxes of one graph name alike, built once and read by the
// writers of all four (side by side on several threads) instead of once by each.
// Throws std::invalid_argument when options.base_iri is not absolute.
struct RdfShared {
  RdfShared(const graph::KnowledgeGraph& graph, const ExportOptions& options);
  std::string base;                       // the base IRI, ending in '/' or '#'
  GraphSlugs slugs;
  // Each source's relation mentions in edge order, then support order: those of
  // source i are by_source[source_first[i]] up to by_source[source_first[i + 1]],
  // as indices for graph.mention().
  std::vector<std::uint32_t> source_first;
  std::vector<std::size_t> by_source;
};

// Assumes graph.finalize() was called, and `shared` was built from this graph
// and these options. Throws std::runtime_error when serd reports an error or
// the stream fails (write through write_atomically so that a failure leaves no
// partial file).
void write_rdf(const graph::KnowledgeGraph& graph, std::ostream& out, RdfSyntax syntax, const ExportOptions& options,
               const RdfShared& shared);
// One partition's share of the statements, for `kgraph merge --mpi`: the
// relations of the edges `graph` holds and their assertions (each in its
// article's named graph) and, with `graph_wide`, the dataset, every entity and
// every article's own statements, which one rank writes. `graph` holds every
// node and source and only its partition's edges (KnowledgeGraph::use_partition),
// its nodes' analytics those of the whole graph (KnowledgeGraph::analyse). In
// the line syntaxes (N-Triples, N-Quads) the lines of all partitions are those
// of write_rdf() on the whole graph, in another order.
void write_rdf_part(const graph::KnowledgeGraph& graph, std::ostream& out, RdfSyntax syntax,
                    const ExportOptions& options, const RdfShared& shared, bool graph_wide);
// The same, for one syntax alone.
void write_rdf(const graph::KnowledgeGraph& graph, std::ostream& out, RdfSyntax syntax,
               const ExportOptions& options);

}  // namespace kgraph::exports
