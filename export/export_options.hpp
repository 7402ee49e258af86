// Options shared by every writer in export/.
#pragma once

#include <filesystem>
#include <string>

namespace kgraph::exports {

struct ExportOptions {
  // Entity, article and assertion IRIs are minted under this base (--base-iri).
  std::string base_iri = "https://kgraph.example.org/";
  // --graphml-strict: leave out Gephi's non-schema `label` attribute on <edge>,
  // and directed="false" on symmetric edges (networkx refuses mixed graphs).
  bool graphml_strict = false;
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
