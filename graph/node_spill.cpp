#include "graph/node_spill.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace kgraph::graph {
namespace {

// A node's record: its length, then its fields in the order write() puts them.
void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

void put_text(std::string& out, const std::string& text) {
  put_u32(out, static_cast<std::uint32_t>(text.size()));
  out += text;
}

class Reader {
 public:
  Reader(const char* record, std::size_t size) : record_(record), size_(size) {}
  std::uint32_t u32() {
    std::uint32_t v = 0;
    std::memcpy(&v, take(sizeof v), sizeof v);
    return v;
  }
  std::string text() {
    const std::uint32_t n = u32();
    return std::string(take(n), n);
  }

 private:
  const char* take(std::size_t n) {
    if (size_ - at_ < n) throw std::runtime_error("a temporary node record ends early");
    const char* p = record_ + at_;
    at_ += n;
    return p;
  }
  const char* record_;
  std::size_t size_, at_ = 0;
};

}  // namespace

NodeSpill::NodeSpill(const std::filesystem::path& dir) : file_(dir, std::size_t{1} << 20, "node") {}

void NodeSpill::write(const Node& node) {
  std::string record;
  put_text(record, node.name);
  put_u32(record, static_cast<std::uint32_t>(node.type));
  put_u32(record, static_cast<std::uint32_t>(node.mentions));
  put_u32(record, static_cast<std::uint32_t>(node.aliases.size()));
  for (const std::string& alias : node.aliases) put_text(record, alias);
  put_u32(record, static_cast<std::uint32_t>(node.sources.size()));
  record.append(reinterpret_cast<const char*>(node.sources.data()), node.sources.size() * sizeof(int));
  put_text(record, node.first_seen);
  put_text(record, node.last_seen);
  put_text(record, node.wikidata);
  const std::uint64_t size = record.size();
  file_.append(&size, sizeof size);
  file_.append(record.data(), record.size());
  ++count_;
}

void NodeSpill::read_all(std::deque<Node>& nodes) {
  // Records are read through a window of the file (1 MiB, or one record if
  // larger) rather than with two reads each.
  std::string window;
  std::uint64_t window_at = 0;
  auto bytes = [&](std::uint64_t at, std::size_t n) {
    if (at < window_at || at + n > window_at + window.size()) {
      window.resize(static_cast<std::size_t>(std::min<std::uint64_t>(std::max<std::size_t>(n, std::size_t{1} << 20), file_.bytes() - at)));
      file_.read(at, window.data(), window.size());
      window_at = at;
    }
    return window.data() + (at - window_at);
  };
  std::uint64_t at = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    std::uint64_t size = 0;
    std::memcpy(&size, bytes(at, sizeof size), sizeof size);
    at += sizeof size;
    Reader in(bytes(at, static_cast<std::size_t>(size)), static_cast<std::size_t>(size));
    at += size;
    Node node;
    node.name = in.text();
    node.type = static_cast<EntityType>(in.u32());
    node.mentions = static_cast<int>(in.u32());
    node.aliases.resize(in.u32());
    for (std::string& alias : node.aliases) alias = in.text();
    node.sources.resize(in.u32());
    for (int& source : node.sources) source = static_cast<int>(in.u32());
    node.first_seen = in.text();
    node.last_seen = in.text();
    node.wikidata = in.text();
    nodes.push_back(std::move(node));
  }
}

}  // namespace kgraph::graph
