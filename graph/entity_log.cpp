#include "graph/entity_log.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/external_sort.hpp"

namespace kgraph::graph {

EntityLog::EntityLog(std::filesystem::path dir) : dir_(std::move(dir)) {}
EntityLog::~EntityLog() = default;
EntityLog::EntityLog(EntityLog&&) noexcept = default;
EntityLog& EntityLog::operator=(EntityLog&&) noexcept = default;

void EntityLog::add(const EntityEvent& e) {
  if (!file_) file_ = std::make_unique<SpillFile>(dir_, std::size_t{1} << 20, "entity-log");
  file_->append(&e, sizeof e);
  ++count_;
}

void EntityLog::replay(std::size_t buffer_bytes, const std::function<void(const EntityEvent&)>& each) {
  auto by_entity = [](const EntityEvent& a, const EntityEvent& b) {
    return a.vertex != b.vertex ? a.vertex < b.vertex : a.doc < b.doc;
  };
  if (file_ && file_->bytes() != static_cast<std::uint64_t>(count_) * sizeof(EntityEvent))
    throw std::runtime_error("temporary entity-log file in " + dir_.string() + ": " + std::to_string(file_->bytes()) +
                             " bytes for " + std::to_string(count_) + " events");
  ExternalSorter<EntityEvent, decltype(by_entity)> sorter(dir_, std::max(buffer_bytes, sizeof(EntityEvent)), by_entity,
                                                          Ties::Interchangeable);
  if (file_) {
    std::vector<EntityEvent> chunk(4096);
    for (std::size_t at = 0; at < count_; at += chunk.size()) {
      const std::size_t n = std::min(chunk.size(), count_ - at);
      file_->read(static_cast<std::uint64_t>(at) * sizeof(EntityEvent), chunk.data(), n * sizeof(EntityEvent));
      for (std::size_t i = 0; i < n; ++i) sorter.add(chunk[i]);
    }
    file_.reset();
  }
  count_ = 0;
  sorter.merge(each);
}

}  // namespace kgraph::graph
