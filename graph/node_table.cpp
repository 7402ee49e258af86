#include "graph/node_table.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <stdexcept>

#include "graph/knowledge_graph.hpp"
#include "graph/permute_in_place.hpp"

namespace kgraph::graph {
namespace {

// A record: aliases (a count, then each as a 32-bit length and its bytes),
// sources (a count, then 32-bit indices), first seen, last seen, Wikidata id.
void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

void put_text(std::string& out, const std::string& text) {
  put_u32(out, static_cast<std::uint32_t>(text.size()));
  out += text;
}

class Reader {
 public:
  Reader(std::string_view record, const std::string& what) : record_(record), what_(what) {}
  std::uint32_t u32() {
    std::uint32_t v = 0;
    std::memcpy(&v, take(sizeof v), sizeof v);
    return v;
  }
  std::string text() {
    const std::uint32_t n = u32();
    return std::string(take(n), n);
  }
  // A count of items of at least `item_bytes` each, checked against what is left.
  std::uint32_t count(std::size_t item_bytes) {
    const std::uint32_t n = u32();
    if (n > (record_.size() - at_) / item_bytes) damaged("a count larger than the record");
    return n;
  }
  void finish() const {
    if (at_ != record_.size()) damaged("bytes left over");
  }

 private:
  const char* take(std::size_t n) {
    if (record_.size() - at_ < n) damaged("cut short");
    const char* p = record_.data() + at_;
    at_ += n;
    return p;
  }
  [[noreturn]] void damaged(const char* how) const {
    throw std::runtime_error(what_ + ": a damaged node record (" + how + ")");
  }
  std::string_view record_;
  const std::string& what_;
  std::size_t at_ = 0;
};

std::uint64_t next_id() {
  static std::atomic<std::uint64_t> ids{1};
  return ids++;
}

// The part of a node file this thread read last: writers take the nodes in
// order, and the records are in that order (seal), so one read serves many.
struct Window {
  std::uint64_t table = 0;  // NodeTable::id_ of the file it holds; 0: none
  std::uint64_t at = 0;
  std::string bytes;
};
constexpr std::size_t kWindow = std::size_t{64} << 10;

bool has_record(const Node& node) {
  return !node.aliases.empty() || !node.sources.empty() || !node.first_seen.empty() || !node.last_seen.empty() ||
         !node.wikidata.empty();
}

}  // namespace

std::string node_record(const Node& node) {
  std::string record;
  put_u32(record, static_cast<std::uint32_t>(node.aliases.size()));
  for (const std::string& alias : node.aliases) put_text(record, alias);
  put_u32(record, static_cast<std::uint32_t>(node.sources.size()));
  for (int source : node.sources) put_u32(record, static_cast<std::uint32_t>(source));
  put_text(record, node.first_seen);
  put_text(record, node.last_seen);
  put_text(record, node.wikidata);
  return record;
}

void read_node_record(std::string_view record, Node& node, const std::string& what) {
  Reader in(record, what);
  node.aliases.resize(in.count(sizeof(std::uint32_t)));
  for (std::string& alias : node.aliases) alias = in.text();
  node.sources.resize(in.count(sizeof(std::uint32_t)));
  for (int& source : node.sources) source = static_cast<int>(in.u32());
  node.first_seen = in.text();
  node.last_seen = in.text();
  node.wikidata = in.text();
  in.finish();
}

NodeTable::NodeTable(std::filesystem::path dir)
    : id_(next_id()),
      dir_(std::move(dir)),
      what_("a temporary node file in " + (dir_.empty() ? std::string("the temporary folder") : dir_.string())) {}
NodeTable::~NodeTable() = default;
NodeTable::NodeTable(NodeTable&&) noexcept = default;
NodeTable& NodeTable::operator=(NodeTable&&) noexcept = default;

void NodeTable::push_back(const Node& node) {
  Row row;
  row.name = names_.copy(node.name);
  row.mentions = node.mentions;
  row.type = node.type;
  if (has_record(node)) {
    const std::string record = node_record(node);
    if (!file_) file_ = std::make_unique<SpillFile>(dir_, std::size_t{1} << 20, "node");
    row.record = file_->bytes();
    row.record_bytes = static_cast<std::uint32_t>(record.size());
    file_->append(record.data(), record.size());
  }
  rows_.push_back(row);
}

// Follows the cycles of the permutation in place: the rows are never held twice.
void NodeTable::permute(const std::vector<std::uint32_t>& order) {
  if (order.size() != rows_.size()) throw std::invalid_argument("NodeTable::permute: not a permutation of the table");
  permute_in_place(rows_, order);
  permuted_ = true;
}

// Records rewritten in row order once the rows are permuted: a writer going
// through the nodes then reads the file front to back.
void NodeTable::seal() {
  if (!file_) return;
  file_->flush();
  if (!permuted_) return;
  auto sorted = std::make_unique<SpillFile>(dir_, std::size_t{1} << 20, "node");
  std::string record;
  for (Row& row : rows_) {
    if (row.record_bytes == 0) continue;
    record.resize(row.record_bytes);
    file_->read(row.record, record.data(), record.size());
    row.record = sorted->bytes();
    sorted->append(record.data(), record.size());
  }
  sorted->flush();
  file_ = std::move(sorted);
  id_ = next_id();
  permuted_ = false;
}

void NodeTable::clear() {
  rows_.clear();
  names_ = TextStore();
  file_.reset();
  id_ = next_id();
  permuted_ = false;
}

Node NodeTable::operator[](std::size_t i) const {
  const Row& row = rows_[i];
  Node node;
  node.name = std::string(row.name);
  node.type = row.type;
  node.mentions = row.mentions;
  node.degree = row.measures.degree;
  node.component = row.measures.component;
  node.weighted_degree = row.measures.weighted_degree;
  node.pagerank = row.measures.pagerank;
  node.betweenness = row.measures.betweenness;
  node.x = row.measures.x;
  node.y = row.measures.y;
  if (row.record_bytes > 0) {
    thread_local Window window;
    if (window.table != id_ || row.record < window.at || row.record + row.record_bytes > window.at + window.bytes.size()) {
      window.table = 0;  // not valid should the read throw
      window.bytes.resize(static_cast<std::size_t>(
          std::min<std::uint64_t>(std::max<std::size_t>(row.record_bytes, kWindow), file_->bytes() - row.record)));
      file_->read(row.record, window.bytes.data(), window.bytes.size());
      window.at = row.record;
      window.table = id_;
    }
    read_node_record(std::string_view(window.bytes).substr(static_cast<std::size_t>(row.record - window.at), row.record_bytes),
                     node, what_);
  }
  return node;
}

Node NodeTable::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("NodeTable::at: no node " + std::to_string(i));
  return (*this)[i];
}

}  // namespace kgraph::graph
