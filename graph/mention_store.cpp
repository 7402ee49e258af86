#include "graph/mention_store.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <vector>

namespace kgraph::graph {
namespace {

// A page's worth of mentions: one pread() serves a run of sequential reads.
constexpr std::size_t kBlock = std::max<std::size_t>(1, 4096 / sizeof(Support));

std::uint64_t next_id() {
  static std::atomic<std::uint64_t> ids{1};
  return ids++;
}

// The last block this thread read, of whichever store.
struct BlockCache {
  std::uint64_t store = 0;
  std::size_t block = 0;
  std::vector<Support> mentions;
};

}  // namespace

MentionStore::MentionStore() : id_(next_id()) {}
MentionStore::~MentionStore() = default;
MentionStore::MentionStore(MentionStore&&) noexcept = default;
MentionStore& MentionStore::operator=(MentionStore&&) noexcept = default;

void MentionStore::keep_on_disk(const std::filesystem::path& dir) {
  if (size() != 0) throw std::logic_error("MentionStore::keep_on_disk on a store that holds mentions");
  file_ = std::make_unique<SpillFile>(dir);
  id_ = next_id();
}

void MentionStore::push_back(const Support& s) {
  if (!file_) {
    memory_.push_back(s);
    return;
  }
  file_->append(&s, sizeof s);
  ++count_;
}

void MentionStore::seal() {
  if (file_) file_->flush();
}

std::size_t MentionStore::size() const { return file_ ? count_ : memory_.size(); }

Support MentionStore::operator[](std::size_t i) const {
  if (!file_) return memory_[i];
  thread_local BlockCache cache;
  const std::size_t block = i / kBlock;
  if (cache.store != id_ || cache.block != block || cache.mentions.empty()) {
    const std::size_t first = block * kBlock;
    const std::size_t n = std::min(kBlock, count_ - first);
    cache.mentions.resize(n);
    cache.store = 0;  // not valid should the read throw
    file_->read(static_cast<std::uint64_t>(first) * sizeof(Support), cache.mentions.data(), n * sizeof(Support));
    cache.store = id_;
    cache.block = block;
  }
  return cache.mentions[i - block * kBlock];
}

}  // namespace kgraph::graph
