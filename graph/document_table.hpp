// The graph's table of documents (article metadata), in memory or on disk.
//
// In memory (the default) it is a vector of DocumentMeta. With a memory budget
// (`kgraph merge --memory SIZE`) each document's record (id, title, date,
// outlet, url, author) goes to a scratch file (graph/spill_file.hpp) as add()
// meets it, and the table holds per document only where its record is and its
// date and outlet as indices into tables of the distinct dates and outlets:
// 24 bytes instead of a DocumentMeta (192 bytes and its strings). Date and
// outlet are what the graph reads per mention (first/last seen, outlet
// counts); the other fields are read back when a writer asks for a document.
// Either way documents come by value with the same fields, so the outputs
// cannot tell the two apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/by_index_iterator.hpp"
#include "graph/spill_file.hpp"
#include "ontology/document.hpp"

namespace kgraph::graph {

class DocumentTable {
 public:
  using const_iterator = ByIndexIterator<DocumentTable, DocumentMeta>;

  DocumentTable();
  ~DocumentTable();
  DocumentTable(DocumentTable&&) noexcept;
  DocumentTable& operator=(DocumentTable&&) noexcept;

  // From now on push_back() writes records to a scratch file in `dir` (the
  // system's temporary folder when empty). Only while the table is empty.
  void keep_on_disk(const std::filesystem::path& dir);
  bool on_disk() const { return file_ != nullptr; }

  void push_back(const DocumentMeta& m);
  // Puts document order[i] at i for every i (order a permutation of the indices).
  void permute(const std::vector<std::uint32_t>& order);
  // Once the last push_back() is done, before reads from several threads.
  void seal();
  void reserve(std::size_t documents);

  std::size_t size() const { return file_ ? rows_.size() : memory_.size(); }
  bool empty() const { return size() == 0; }
  // Document i (i < size()), read back from disk when kept there; throws
  // std::runtime_error on an I/O error. at() also throws std::out_of_range.
  DocumentMeta operator[](std::size_t i) const;
  DocumentMeta at(std::size_t i) const;
  std::string id(std::size_t i) const;
  // Held in memory either way; valid as long as the table.
  std::string_view date(std::size_t i) const;
  std::string_view outlet(std::size_t i) const;  // DocumentMeta::source

  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size()); }

 private:
  struct Row {
    std::uint64_t offset = 0;  // of the record in file_
    std::uint32_t bytes = 0;   // the record's size
    std::uint32_t date = 0, outlet = 0;  // indices into values_
  };
  std::uint32_t value_index(std::string_view text);

  std::vector<DocumentMeta> memory_;
  std::unique_ptr<SpillFile> file_;
  std::vector<Row> rows_;
  // Distinct dates and outlets (a deque: its strings never move, so the views stay valid).
  std::deque<std::string> values_;
  std::unordered_map<std::string_view, std::uint32_t> value_of_;
};

}  // namespace kgraph::graph
