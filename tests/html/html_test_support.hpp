// Shared by the HTML tests: the rules from the source ontology/ and a page builder.
#pragma once

#include <string>

#include "extract/html/html_article.hpp"

namespace kgraph::extract::html::test {

inline const HtmlRules& rules() {
  static const HtmlRules r = HtmlRules::load(KGRAPH_ONTOLOGY);
  return r;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace kgraph::extract::html::test
