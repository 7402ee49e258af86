// Expands a directory argument into the files below it.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "ontology/diagnostic.hpp"

namespace kgraph::extract {

struct FoundFile {
  std::filesystem::path path;  // root / relative, as it can be opened
  std::string relative;        // generic form ("a/b.txt"), relative to the root: the document id
};

// Every regular file below `root`, following symbolic links, sorted by
// `relative` (byte order), so the order does not depend on the file system.
// Hidden entries (names starting with '.') are skipped: they are version-control
// and editor files, never articles. A directory reached a second time (a symlink
// loop, or two links to one place) is skipped with warning E106, so loops end.
// Unreadable directories and broken links are reported as E101 and skipped.
std::vector<FoundFile> list_directory(const std::filesystem::path& root,
                                      const std::function<void(const Diagnostic&)>& on_error);

}  // namespace kgraph::extract
