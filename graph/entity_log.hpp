// What documents said about each entity, kept on disk until the nodes are made
// (KnowledgeGraph::finalize).
//
// An entity's node is a sum over every document that names it: type votes,
// mention counts, spellings, aliases, the documents, a Wikidata id. Summed up
// in memory as the documents came, every entity held about 128 bytes of
// accumulation plus three small heap blocks from its first mention to the end
// of reading, which is where a merge peaks (issue 16): with several new
// entities per article, that was the largest part of the memory per article.
// Nothing reads those sums before finalize(), and every one of them is a sum
// whose result does not depend on the order it is taken in (counts add up,
// spellings and aliases are sets, documents are sorted afterwards, the
// Wikidata id is the smallest). So add() only appends one fixed-size event per
// fact here, and finalize() reads the events back sorted by entity (an
// external sort in runs, graph/external_sort.hpp) and sums up one entity at a
// time, just before its node is made.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

#include "graph/spill_file.hpp"

namespace kgraph::graph {

// One fact a document gave about an entity. `text` points into the graph's
// text store, which outlives the log.
struct EntityEvent {
  enum Kind : std::uint8_t { Seen, Alias, Wikidata };
  const char* text = nullptr;  // Seen: the spelling (display name); Alias, Wikidata: the text
  std::uint32_t size = 0;      // of text
  std::uint32_t vertex = 0;    // the entity, by insertion index
  std::uint32_t doc = 0;       // the document, by insertion index
  std::int32_t mentions = 0;   // Seen: the entity's mentions in the document
  Kind kind = Seen;
  std::uint8_t type = 0;       // Seen: the EntityType the document gave it
  std::string_view view() const { return {text, size}; }
};

class EntityLog {
 public:
  // The scratch files go in `dir` (the system's temporary folder when empty).
  explicit EntityLog(std::filesystem::path dir);
  ~EntityLog();
  EntityLog(EntityLog&&) noexcept;
  EntityLog& operator=(EntityLog&&) noexcept;
  void add(const EntityEvent& e);
  std::size_t size() const { return count_; }
  // Every event, by (vertex, doc); the events of one vertex and document in
  // any order (nothing summed from them depends on it). The sort holds at most
  // `buffer_bytes` of events. The log is empty afterwards.
  void replay(std::size_t buffer_bytes, const std::function<void(const EntityEvent&)>& each);

 private:
  std::filesystem::path dir_;
  std::unique_ptr<SpillFile> file_;  // made on the first event
  std::size_t count_ = 0;
};

}  // namespace kgraph::graph
