// Writing every output of a finished graph into a folder, each file atomically.
// Shared by `kgraph build`, `kgraph merge` and the export benchmark, so all
// three give the same bytes.
//
// The formats are independent of each other, so with threads > 1 they are
// written side by side, the largest first; each file's bytes depend only on
// the graph and the options, never on the number of threads or their timing.
#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "export/export_options.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// Known output formats, in the order their files are listed.
const std::vector<std::string>& all_formats();

// Parses "graphml,ttl,md"; throws std::invalid_argument naming an unknown format.
std::set<std::string> parse_formats(const std::string& list);

// Called once per format written, on the thread that wrote it, with the wall
// time it took (for the benchmark and --profile style reports).
using FormatTimer = std::function<void(const std::string& format, double seconds)>;

// Writes the chosen formats into `dir` (created if missing) on up to `threads`
// threads and returns the paths written, in all_formats() order.
//
// With an OutputBatch open on the calling thread, every file joins it in that
// order (and is renamed into place by its commit()); without one, the files
// are renamed into place together once all are written. If a writer throws,
// the first error in all_formats() order is rethrown and no file of this call
// replaces an existing one.
std::vector<std::filesystem::path> write_graph_outputs(const graph::KnowledgeGraph& g, const std::filesystem::path& dir,
                                                       const std::set<std::string>& formats,
                                                       const ExportOptions& options, int threads = 1,
                                                       const FormatTimer& timer = {});

}  // namespace kgraph::exports
