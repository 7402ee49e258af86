// Loader for the vocabulary files in ontology/ (gazetteers, triggers, titles,
// colours ...). Every file is UTF-8 TSV and starts with a header line
//     # kgraph-data <kind> v<version>
// followed by one line naming the columns. Further lines starting with '#' and
// blank lines are comments. The loader refuses a file of another kind, a newer
// version, or a row with the wrong number of columns, and names file:line.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "ontology/diagnostic.hpp"

namespace kgraph {

struct TsvRow {
  int line = 0;  // 1-based line number in the file, for messages
  std::vector<std::string> cells;
  const std::string& operator[](std::size_t i) const { return cells[i]; }
};

struct TsvTable {
  std::filesystem::path path;
  std::vector<std::string> columns;
  std::vector<TsvRow> rows;

  std::string where(const TsvRow& r) const { return path.string() + ":" + std::to_string(r.line); }
  // Column index by name; throws std::runtime_error naming the file if missing.
  std::size_t column(const std::string& name) const;
};

// Throws DataFileError on any problem; data files are setup, so failing is right.
// The non-empty pieces of `text` between `separator`s: list cells ("a|b"),
// words, comma-separated options.
std::vector<std::string> split_nonempty(const std::string& text, char separator);

TsvTable load_tsv(const std::filesystem::path& path, const std::string& kind, int max_version = 1);

struct DataFileError : std::runtime_error {
  Diagnostic diagnostic;
  explicit DataFileError(Diagnostic d) : std::runtime_error(d.format()), diagnostic(std::move(d)) {}
};

}  // namespace kgraph
