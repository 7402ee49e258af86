// A half-open byte range [begin, end) into a Document's text. Every position in
// the model (token, sentence, mention, evidence) is a Span, so provenance is exact
// and text is stored once.
#pragma once

#include <cstdint>
#include <string_view>

namespace kgraph {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  std::uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

}  // namespace kgraph
