// Writing every output of a finished graph into a folder, each file atomically.
// Shared by `kgraph build` and `kgraph merge`, so both give the same bytes.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "export/export_options.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph::cli {

// Known output formats, in the order they are written.
const std::vector<std::string>& all_formats();

// Parses "graphml,ttl,md"; throws std::invalid_argument naming an unknown format.
std::set<std::string> parse_formats(const std::string& list);

// Writes the chosen formats into `dir` (created if missing) and returns the paths written.
std::vector<std::filesystem::path> write_graph_outputs(const graph::KnowledgeGraph& g, const std::filesystem::path& dir,
                                                       const std::set<std::string>& formats,
                                                       const exports::ExportOptions& options);

// ExportOptions.generated_at from SOURCE_DATE_EPOCH when set (never the wall clock).
std::string generated_at_from_environment();

}  // namespace kgraph::cli
