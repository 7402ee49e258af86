// Reordering a large table without a second copy of it: the graph sorts its nodes and its
// document table by key once all documents are in, when they are at their largest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kgraph::graph {

// Moves v[order[i]] to v[i] for every i, in place (following the cycles of the permutation), so
// that sorting a large table never holds it twice. Requires: order is a permutation of
// 0..v.size()-1. `Table` is a std::vector or a std::deque.
template <typename Table>
void permute_in_place(Table& v, const std::vector<std::uint32_t>& order) {
  std::vector<bool> done(v.size(), false);
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (done[i]) continue;
    typename Table::value_type held = std::move(v[i]);
    for (std::size_t j = i;;) {
      const std::size_t k = order[j];
      done[j] = true;
      if (k == i) {
        v[j] = std::move(held);
        break;
      }
      v[j] = std::move(v[k]);
      j = k;
    }
  }
}

}  // namespace kgraph::graph
