// Finds the article's main text in a parsed page, the way the best extractors
// do: drop furniture by tag and class/id words, cut the rest into text blocks,
// score containers by the paragraphs they hold (length, commas, link density,
// class/id words, <article>/<main>/articleBody hints), take the best container
// with its like-minded siblings, then drop link lists and boilerplate blocks.
#pragma once

#include <libxml/tree.h>

#include <string>

#include "extract/html/html_rules.hpp"

namespace kgraph::extract::html {

struct MainText {
  std::string text;      // the article
  std::string comments;  // readers' comments sections outside the article
};

// Requires: `doc` parsed by libxml2's HTML parser (text in UTF-8).
// `article_body` is what the page's JSON-LD claims the article is ("" if none): when
// the page's own blocks show that text, the container holding them is the article;
// when the page shows almost nothing of it (rendered by script), it is the text.
// Ensures: paragraphs separated by "\n\n", whitespace collapsed, "" when the page
// has no article text. Uses node->_private as scratch space and resets it.
MainText extract_main_text(xmlDoc* doc, const HtmlRules& rules, std::string_view article_body = {});

}  // namespace kgraph::extract::html
