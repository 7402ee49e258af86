// Where the graph keeps the text of its mentions: evidence sentences, rule
// names, notes and attribute values.
//
// A corpus repeats most of that text: every mention names one of a few hundred
// rules, most carry the article's date, and several relations of one sentence
// share its text. Held as one std::string per field and mention, it was most of
// the memory a large merge needed (issue 16). Here each text is copied once into
// large blocks that never move, and handed out as a std::string_view that stays
// valid as long as the store (and across moves of it). intern() also finds a
// text stored before, so repeated texts are held once.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kgraph::graph {

class TextStore {
 public:
  TextStore() = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;
  TextStore(TextStore&&) noexcept = default;
  TextStore& operator=(TextStore&&) noexcept = default;

  // A copy of `text` held by the store; every call makes a new copy.
  std::string_view copy(std::string_view text);
  // The store's copy of `text`, made on the first call with these bytes only.
  std::string_view intern(std::string_view text);
  // Forgets what intern() has seen (the texts stay): its table costs memory
  // once nothing more will be added.
  void stop_interning();

  std::size_t bytes() const { return used_; }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t free_ = 0;  // bytes left in blocks_.back() (a block made for one large text is full)
  std::size_t used_ = 0;
  std::unordered_set<std::string_view> interned_;
};

}  // namespace kgraph::graph
