// The canonical order of extraction lines, without holding them in memory.
//
// `kgraph build`, `kgraph merge` and `kgraph build --mpi` all pass their
// extraction lines through a spool: lines go to a temporary file as they come
// (in whatever order threads, shards or ranks produced them) and only
// (id, offset, length) stays in memory. replay() then delivers them sorted by
// (document id, line bytes), which is the order of extractions.jsonl and the
// order documents are added to the graph. So every way of producing the same
// extractions gives the same bytes, even when two documents share an id (the
// graph keeps the first in this order).
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {
struct Extraction;
}
namespace kgraph::graph {
class KnowledgeGraph;
}

namespace kgraph::cli {

class ExtractionSpool {
 public:
  // The temporary file lives in `dir` (removed by the destructor).
  explicit ExtractionSpool(const std::filesystem::path& dir);
  ~ExtractionSpool();
  ExtractionSpool(const ExtractionSpool&) = delete;
  ExtractionSpool& operator=(const ExtractionSpool&) = delete;

  // `line` is one JSON line without its newline.
  void add(std::string_view id, std::string_view line);
  std::size_t size() const { return index_.size(); }

  // The entries (numbers add() gave, from 0) in (id, line) order.
  std::vector<std::size_t> canonical_order();
  // Calls `fn` with every line in (id, line) order, and the number add() gave
  // it (from 0, in add order). Throws std::runtime_error on an I/O error.
  void replay(const std::function<void(const std::string& line, std::size_t entry)>& fn);
  // The id and the line of entry `entry` (for looking back during replay).
  const std::string& id(std::size_t entry) const { return index_.at(entry).id; }
  std::string line(std::size_t entry) { return read_at(index_.at(entry)); }

 private:
  struct Entry {
    std::string id;
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
  };
  std::string read_at(const Entry& e);

  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::uint64_t end_ = 0;
  std::deque<Entry> index_;  // grows without copying what it holds (a vector held two copies at each doubling)
};

// Writes every spooled line to `out` (one per line) in canonical order and adds
// its extraction to `g`; returns how many were added. A line that does not
// parse (a spool only holds lines kgraph wrote) throws std::runtime_error.
// `edit`, when given, sees each extraction first, in that order; when it
// changes one it sets `line` to the new JSON, else leaves `line` empty and the
// spooled line is written as it was.
using ReplayEdit = std::function<void(Extraction& x, std::string& line, std::size_t entry)>;
std::size_t write_and_add(ExtractionSpool& spool, graph::KnowledgeGraph& g, std::ostream& out,
                          const ReplayEdit& edit = {});

}  // namespace kgraph::cli
