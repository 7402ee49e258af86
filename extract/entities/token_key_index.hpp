// The tokens of a document chained by key hash, built in one pass: the passes that ask of a
// word "is it written so anywhere else in the document?" walk the tokens of its key only.
// (Sorting the tokens by key, or a scan of the document per asked word, cost more than the
// tests themselves: 2% of extract's instructions on the bench corpus.)
#pragma once

#include <cstdint>
#include <vector>

#include "extract/analysis.hpp"

namespace kgraph::extract {

class TokenKeyIndex {
 public:
  explicit TokenKeyIndex(const Analysis& a) : a_(a) {
    std::size_t size = 16;
    while (size < 2 * a.token_count()) size *= 2;
    heads_.assign(size, 0);
    next_.assign(a.token_count(), 0);
    for (std::uint32_t j = 0; j < a.token_count(); ++j) {
      std::uint32_t& head = heads_[slot(a.tokens[j].key_hash)];
      next_[j] = head;
      head = j + 1;
    }
  }

  // Whether some token with this key hash passes `test` (a test without side effects: the
  // tokens of a key are visited in no set order).
  template <class Test>
  bool any(std::uint64_t key, Test&& test) const {
    for (std::uint32_t j = heads_[slot(key)]; j != 0; j = next_[j - 1])
      if (test(j - 1)) return true;
    return false;
  }

 private:
  // The slot of a key: its own, or the free one where it would go (the table is at most half full).
  std::size_t slot(std::uint64_t key) const {
    const std::size_t mask = heads_.size() - 1;
    std::size_t h = static_cast<std::size_t>(key) & mask;
    while (heads_[h] != 0 && a_.tokens[heads_[h] - 1].key_hash != key) h = (h + 1) & mask;
    return h;
  }

  const Analysis& a_;
  std::vector<std::uint32_t> heads_;  // open addressing by key hash: a key's last token + 1, 0 free
  std::vector<std::uint32_t> next_;   // per token: the one before it with the same key + 1, 0 none
};

}  // namespace kgraph::extract
