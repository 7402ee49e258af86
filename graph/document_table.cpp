#include "graph/document_table.hpp"

#include <cstring>
#include <stdexcept>

#include "graph/permute_in_place.hpp"

namespace kgraph::graph {
namespace {

// A record: each field as a 32-bit length and its bytes, in DocumentMeta order.
void put(std::string& record, const std::string& field) {
  const auto n = static_cast<std::uint32_t>(field.size());
  record.append(reinterpret_cast<const char*>(&n), sizeof n);
  record.append(field);
}

void take(const std::string& record, std::size_t& at, std::string& field) {
  std::uint32_t n = 0;
  if (at + sizeof n > record.size()) throw std::runtime_error("a damaged document record in a temporary file");
  std::memcpy(&n, record.data() + at, sizeof n);
  at += sizeof n;
  if (at + n > record.size()) throw std::runtime_error("a damaged document record in a temporary file");
  field.assign(record, at, n);
  at += n;
}

}  // namespace

DocumentTable::DocumentTable() = default;
DocumentTable::~DocumentTable() = default;
DocumentTable::DocumentTable(DocumentTable&&) noexcept = default;
DocumentTable& DocumentTable::operator=(DocumentTable&&) noexcept = default;

void DocumentTable::keep_on_disk(const std::filesystem::path& dir) {
  if (!empty()) throw std::logic_error("DocumentTable::keep_on_disk on a table that holds documents");
  file_ = std::make_unique<SpillFile>(dir, std::size_t{1} << 20, "document");
  memory_ = {};
}

std::uint32_t DocumentTable::value_index(std::string_view text) {
  if (auto it = value_of_.find(text); it != value_of_.end()) return it->second;
  const auto index = static_cast<std::uint32_t>(values_.size());
  values_.emplace_back(text);
  value_of_.emplace(values_.back(), index);
  return index;
}

void DocumentTable::push_back(const DocumentMeta& m) {
  if (!file_) {
    memory_.push_back(m);
    return;
  }
  std::string record;
  for (const std::string* field : {&m.id, &m.title, &m.date, &m.source, &m.url, &m.author}) put(record, *field);
  Row row;
  row.offset = file_->bytes();
  row.bytes = static_cast<std::uint32_t>(record.size());
  row.date = value_index(m.date);
  row.outlet = value_index(m.source);
  file_->append(record.data(), record.size());
  rows_.push_back(row);
}

void DocumentTable::reserve(std::size_t documents) {
  if (file_) {
    rows_.reserve(documents);
  } else {
    memory_.reserve(documents);
  }
}

// Follows the cycles of the permutation in place, so the table is never held twice.
void DocumentTable::permute(const std::vector<std::uint32_t>& order) {
  if (order.size() != size()) throw std::invalid_argument("DocumentTable::permute: not a permutation of the table");
  if (file_) {
    permute_in_place(rows_, order);
  } else {
    permute_in_place(memory_, order);
  }
}

void DocumentTable::seal() {
  if (file_) file_->flush();
  value_of_ = {};  // nothing more is added: the views in values_ are all that is read
}

DocumentMeta DocumentTable::operator[](std::size_t i) const {
  if (!file_) return memory_[i];
  const Row& row = rows_[i];
  std::string record(row.bytes, '\0');
  file_->read(row.offset, record.data(), record.size());
  DocumentMeta m;
  std::size_t at = 0;
  for (std::string* field : {&m.id, &m.title, &m.date, &m.source, &m.url, &m.author}) take(record, at, *field);
  return m;
}

DocumentMeta DocumentTable::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("DocumentTable::at: no document " + std::to_string(i));
  return (*this)[i];
}

std::string DocumentTable::id(std::size_t i) const {
  if (!file_) return memory_[i].id;
  return (*this)[i].id;
}

std::string_view DocumentTable::date(std::size_t i) const {
  return file_ ? std::string_view(values_[rows_[i].date]) : std::string_view(memory_[i].date);
}

std::string_view DocumentTable::outlet(std::size_t i) const {
  return file_ ? std::string_view(values_[rows_[i].outlet]) : std::string_view(memory_[i].source);
}

}  // namespace kgraph::graph
