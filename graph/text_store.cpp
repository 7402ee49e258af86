#include "graph/text_store.hpp"

#include <cstring>

namespace kgraph::graph {

std::string_view TextStore::copy(std::string_view text) {
  if (text.empty()) return {};
  used_ += text.size();
  char* at = nullptr;
  if (text.size() > kBlock / 4) {
    // A large text gets a block of its own, so the current block's free space is not lost.
    auto own = std::make_unique<char[]>(text.size());
    at = own.get();
    if (blocks_.empty()) {
      blocks_.push_back(std::move(own));
    } else {
      blocks_.insert(blocks_.end() - 1, std::move(own));  // the current block stays last
    }
  } else {
    if (blocks_.empty() || free_ < text.size()) {
      blocks_.push_back(std::make_unique<char[]>(kBlock));
      free_ = kBlock;
    }
    at = blocks_.back().get() + (kBlock - free_);
    free_ -= text.size();
  }
  std::memcpy(at, text.data(), text.size());
  return {at, text.size()};
}

std::string_view TextStore::intern(std::string_view text) {
  if (text.empty()) return {};
  if (auto it = interned_.find(text); it != interned_.end()) return *it;
  const std::string_view mine = copy(text);
  interned_.insert(mine);
  return mine;
}

void TextStore::stop_interning() { std::unordered_set<std::string_view>().swap(interned_); }

}  // namespace kgraph::graph
