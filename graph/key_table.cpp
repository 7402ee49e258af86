#include "graph/key_table.hpp"

#include <functional>
#include <stdexcept>

namespace kgraph::graph {

std::size_t KeyTable::slot_of(std::string_view key) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = std::hash<std::string_view>()(key) & mask;
  while (slots_[at] != kNone && keys_[slots_[at]] != key) at = (at + 1) & mask;  // linear probing
  return at;
}

void KeyTable::grow() {
  std::vector<std::uint32_t> old(slots_.empty() ? 16 : slots_.size() * 2, kNone);
  old.swap(slots_);
  for (std::uint32_t i = 0; i < keys_.size(); ++i) slots_[slot_of(keys_[i])] = i;
}

std::pair<std::uint32_t, bool> KeyTable::insert(std::string_view key) {
  if (slots_.empty()) grow();
  std::size_t at = slot_of(key);
  if (slots_[at] != kNone) return {slots_[at], false};
  if (keys_.size() >= kNone - 1) throw std::length_error("KeyTable: more than 2^32 - 2 keys");
  const auto index = static_cast<std::uint32_t>(keys_.size());
  keys_.push_back(text_.copy(key));
  if (2 * keys_.size() > slots_.size()) {  // at most half full: probes stay short
    grow();
    at = slot_of(key);
  }
  slots_[at] = index;
  return {index, true};
}

std::uint32_t KeyTable::find(std::string_view key) const {
  if (slots_.empty()) return kNone;
  return slots_[slot_of(key)];
}

}  // namespace kgraph::graph
