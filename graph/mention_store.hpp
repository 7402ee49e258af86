// The graph's one store of relation mentions, in memory or on disk.
//
// In memory (the default) it is a deque that finalize() sorts in place. With a
// memory budget (`kgraph merge --memory SIZE`) the mentions of the final graph
// are written, already sorted, to a scratch file (graph/spill_file.hpp) and
// read back by index: Support is a record of fixed size, so mention i is at
// i * sizeof(Support). Reads go through a small block cache of each thread, so
// a writer that walks an edge's mentions in order reads the file in blocks,
// and one that jumps (the RDF writers go article by article) reads a block per
// jump. Either way the mentions come by value, in the same order, with the
// same fields: the outputs cannot tell the two apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>

#include "graph/spill_file.hpp"
#include "graph/support.hpp"

namespace kgraph::graph {

class MentionStore {
 public:
  MentionStore();
  ~MentionStore();
  MentionStore(MentionStore&&) noexcept;
  MentionStore& operator=(MentionStore&&) noexcept;

  // From now on push_back() writes to a scratch file in `dir` (the system's
  // temporary folder when empty). Only while the store is empty.
  void keep_on_disk(const std::filesystem::path& dir);
  bool on_disk() const { return file_ != nullptr; }

  void push_back(const Support& s);
  // Once the last push_back() is done, before reads from several threads.
  void seal();
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  // Mention i (i < size()); throws std::runtime_error on an I/O error.
  Support operator[](std::size_t i) const;

  // The in-memory mentions, for sorting in place (empty when on disk).
  std::deque<Support>& memory() { return memory_; }

 private:
  std::deque<Support> memory_;
  std::unique_ptr<SpillFile> file_;
  std::size_t count_ = 0;  // mentions in file_
  std::uint64_t id_;       // tells stores apart in the threads' block caches
};

}  // namespace kgraph::graph
