// Options shared by every writer in export/.
#pragma once

#include <filesystem>
#include <string>

namespace kgraph::exports {

struct ExportOptions {
  // Entity, article and assertion IRIs are minted under this base (--base-iri).
  std::string base_iri = "https://kgraph.example.org/";
  // --graphml-strict: leave out Gephi's non-schema `label` attribute on <edge>
  // so that the file validates against the GraphML XSD.
  bool graphml_strict = false;
  // --graphml-mixed: mark symmetric edges directed="false" in a directed graph.
  // Gephi reads such mixed graphs, but networkx refuses them, so it is off by
  // default; the `symmetric` edge attribute always says which edges are symmetric,
  // and GEXF marks them undirected in every case.
  bool graphml_mixed = false;
  // Value of prov:generatedAtTime and similar "when was this made" fields.
  // Never the wall clock by default, so that two runs give identical bytes:
  // the CLI fills it from SOURCE_DATE_EPOCH or --timestamp, else leaves it empty
  // and writers fall back to the newest article date (or omit the field).
  std::string generated_at;
  std::string generator = "kgraph";
  // Where the graph writers read lexicon/entity_types.tsv (node colours) from.
  std::filesystem::path ontology_dir = "ontology";
};

}  // namespace kgraph::exports
