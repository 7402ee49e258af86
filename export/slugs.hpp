// Stable, readable IRI path segments for the entities and articles of a graph.
// An entity's slug comes from its canonical name, an article's from its id, so
// the same thing gets the same IRI in every export of every corpus that does
// not hold a colliding name. The same slugs name HTML anchors in the reports.
#pragma once

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

struct GraphSlugs {
  std::vector<std::string> nodes;    // parallel to graph.nodes(), from names
  std::vector<std::string> sources;  // parallel to graph.sources(), from ids
};

// Assumes graph.finalize() was called: collisions resolve in its node order.
GraphSlugs graph_slugs(const graph::KnowledgeGraph& graph);

}  // namespace kgraph::exports
