// The merge keys of a graph's entities, numbered in the order they were first
// met: what KnowledgeGraph::add() looks every document's entities up in.
//
// An std::unordered_map<std::string, index> held a hash node (64 bytes with its
// malloc header), a bucket and often a heap string per entity, from the first
// document to finalize(): about 100 bytes per distinct entity at the peak of a
// merge (issue 16). Here the keys lie end to end in a TextStore and the table
// is open addressing over 32-bit indices (the hash worked out again from the
// key an index points to): the key's bytes plus about 24 bytes per entity.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/text_store.hpp"

namespace kgraph::graph {

class KeyTable {
 public:
  static constexpr std::uint32_t kNone = 0xffffffffu;
  // The index of `key`, and whether it was new (then it gets the next index).
  std::pair<std::uint32_t, bool> insert(std::string_view key);
  // The index of `key`, or kNone.
  std::uint32_t find(std::string_view key) const;
  // Key `i` (i < size()); valid as long as the table.
  std::string_view key(std::uint32_t i) const { return keys_[i]; }
  std::size_t size() const { return keys_.size(); }

 private:
  std::size_t slot_of(std::string_view key) const;  // where key is, or the empty slot it would go in
  void grow();
  TextStore text_;
  std::deque<std::string_view> keys_;  // a deque: no spare capacity
  std::vector<std::uint32_t> slots_;  // kNone or an index into keys_; size a power of two
};

}  // namespace kgraph::graph
