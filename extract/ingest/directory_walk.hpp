// Expands a directory argument into the files below it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "ontology/diagnostic.hpp"

namespace kgraph::extract {

struct FoundFile {
  std::filesystem::path path;  // root / relative, as it can be opened
  std::string relative;        // generic form ("a/b.txt"), relative to the root: the document id
};

// What a walk found, and what it passed over on purpose.
struct DirectoryListing {
  std::vector<FoundFile> files;
  std::size_t skipped_kinds = 0;          // files of a kind kgraph does not read (.pdf, .docx, .csv, ...)
  std::set<std::string> skipped_extensions;  // their extensions, lower case ("" for none)
  std::size_t skipped_outputs = 0;        // kgraph's own outputs
  std::set<std::string> output_folders;   // where those were, relative to the root ("." for the root)
};

// True for the extensions read in a folder: .txt, .text, .html, .htm, .json,
// .jsonl, .ndjson, in any case. A file named on the command line is read
// whatever its extension.
bool is_input_extension(const std::filesystem::path& path);

// Every regular file below `root` that is an input, following symbolic links,
// sorted by `relative` (byte order), so the order does not depend on the file
// system. Passed over, and counted in the listing:
// - hidden entries (names starting with '.'): version-control and editor files,
//   never articles (not counted);
// - files whose extension is not an input's (is_input_extension): a PDF or a
//   Word file is not text;
// - kgraph's own outputs: in a folder that holds `extractions.jsonl` (which
//   every build and merge writes) or the lock file `.kgraph.lock`, the files
//   named as build and merge name theirs (extractions.jsonl, graph.graphml,
//   graph.gexf, graph.ttl, graph.nt, graph.nq, graph.trig, report.md,
//   report.html, nodes.csv, relationships.csv, and their NAME.tmp.* temporaries),
//   so that `build dir -o dir/out` (or `-o dir`) run twice does not read its own
//   graph as articles. Other files in such a folder are read.
// A directory reached a second time (a symlink loop, or two links to one place)
// is skipped with warning E106, so loops end. Unreadable directories and broken
// links are reported as E101 and skipped.
DirectoryListing list_directory(const std::filesystem::path& root,
                                const std::function<void(const Diagnostic&)>& on_error);

}  // namespace kgraph::extract
