// An input iterator over a table whose rows are made on demand by index (`table[i]` returns a
// value, read from memory or from a scratch file), for the tables that keep their rows on disk:
// documents, nodes, an edge's mentions. Dereferencing gives a value, not a reference, because
// there is no row object in memory to refer to.
#pragma once

#include <cstddef>
#include <iterator>

namespace kgraph::graph {

template <class Table, class Value>
class ByIndexIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using pointer = const Value*;
  using reference = Value;
  ByIndexIterator() = default;
  ByIndexIterator(const Table* table, std::size_t at) : table_(table), at_(at) {}
  Value operator*() const { return (*table_)[at_]; }
  ByIndexIterator& operator++() {
    ++at_;
    return *this;
  }
  ByIndexIterator operator++(int) {
    ByIndexIterator old = *this;
    ++at_;
    return old;
  }
  bool operator==(const ByIndexIterator& o) const { return at_ == o.at_ && table_ == o.table_; }
  bool operator!=(const ByIndexIterator& o) const { return !(*this == o); }

 private:
  const Table* table_ = nullptr;
  std::size_t at_ = 0;
};

}  // namespace kgraph::graph
