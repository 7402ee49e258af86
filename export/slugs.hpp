// Stable, readable IRI path segments for the entities and articles of a graph.
// An entity's slug comes from its canonical name, an article's from its id, so
// the same thing gets the same IRI in every export of every corpus that does
// not hold a colliding name. The same slugs name HTML anchors in the reports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// Lower-case ASCII letters and digits separated by single '-': letters with
// diacritics lose them ("Łódź" -> "lodz"), everything else separates words.
// Text with no Latin letter or digit at all (a name in Cyrillic, say) gets
// "x-" and eight hex digits of a hash of its UTF-8, which is stable too.
// The result is never empty and is safe in any IRI, URL, id or file name.
std::string slugify(std::string_view text);

// slugify() each text; a slug already taken by an earlier text gets "-2",
// "-3" ... (the first free one), so the result is unique and depends only on
// the order of `texts`.
std::vector<std::string> unique_slugs(const std::vector<std::string>& texts);

// Slugs held end to end in one string. A graph has one per entity and one per
// article, most of them short: as a std::string each they cost 32 bytes and
// often a heap block of their own, held while every file is written (issue 16).
class SlugTable {
 public:
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(chars_).substr(begin, ends_[i] - begin);
  }
  std::size_t size() const { return ends_.size(); }
  void push_back(std::string_view slug) {
    chars_ += slug;
    ends_.push_back(chars_.size());
  }
  void pop_back() {
    ends_.pop_back();
    chars_.resize(ends_.empty() ? 0 : ends_.back());
  }
  void shrink_to_fit() {
    chars_.shrink_to_fit();
    ends_.shrink_to_fit();
  }

 private:
  std::string chars_;
  std::vector<std::uint64_t> ends_;  // where slug i ends in chars_
};

// unique_slugs() of `count` texts, text(i) the i-th, as one table: the texts
// are asked for one at a time, never all held at once.
SlugTable unique_slug_table(std::size_t count, const std::function<std::string(std::size_t)>& text);

struct GraphSlugs {
  SlugTable nodes;    // parallel to graph.nodes(), from names
  SlugTable sources;  // parallel to graph.sources(), from ids
};

// Assumes graph.finalize() was called: collisions resolve in its node order.
GraphSlugs graph_slugs(const graph::KnowledgeGraph& graph);

}  // namespace kgraph::exports
