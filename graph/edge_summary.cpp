#include "graph/edge_summary.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <tuple>

namespace kgraph::graph {
namespace {

template <typename T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_text(std::string& out, std::string_view text) {
  put(out, static_cast<std::uint64_t>(text.size()));
  out.append(text);
}

template <typename T>
T take(std::string_view& in) {
  if (in.size() < sizeof(T)) throw std::runtime_error("edge summary: record cut short");
  T value;
  std::memcpy(&value, in.data(), sizeof value);
  in.remove_prefix(sizeof value);
  return value;
}

std::string take_text(std::string_view& in) {
  const auto size = take<std::uint64_t>(in);
  if (in.size() < size) throw std::runtime_error("edge summary: text cut short");
  std::string text(in.substr(0, size));
  in.remove_prefix(size);
  return text;
}

}  // namespace

bool summary_before(const EdgeSummary& a, const EdgeSummary& b) {
  return std::tie(a.head, a.type, a.tail) < std::tie(b.head, b.type, b.tail);
}

void append_summary(std::string& out, const EdgeSummary& e) {
  put(out, e.head);
  put(out, e.tail);
  put(out, e.type);
  put(out, e.modality);
  put(out, e.weight);
  put(out, e.source_count);
  put(out, e.outlet_count);
  put(out, e.modality_mentions);
  put_text(out, e.first_seen);
  put_text(out, e.last_seen);
  put(out, static_cast<std::uint64_t>(e.sources.size()));
  out.append(reinterpret_cast<const char*>(e.sources.data()), e.sources.size() * sizeof(int));
  put_text(out, e.first_evidence);
}

EdgeSummary read_summary(std::string_view& in) {
  EdgeSummary e;
  e.head = take<int>(in);
  e.tail = take<int>(in);
  e.type = take<RelationType>(in);
  e.modality = take<Modality>(in);
  e.weight = take<double>(in);
  e.source_count = take<int>(in);
  e.outlet_count = take<int>(in);
  e.modality_mentions = take<std::array<int, kModalityCount>>(in);
  e.first_seen = take_text(in);
  e.last_seen = take_text(in);
  const auto n = take<std::uint64_t>(in);
  if (in.size() / sizeof(int) < n) throw std::runtime_error("edge summary: source list cut short");
  e.sources.resize(n);
  std::memcpy(e.sources.data(), in.data(), n * sizeof(int));
  in.remove_prefix(n * sizeof(int));
  e.first_evidence = take_text(in);
  return e;
}

}  // namespace kgraph::graph
