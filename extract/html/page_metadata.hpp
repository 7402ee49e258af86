// The metadata half of extract_article: title, date, outlet, author, canonical
// URL and language from the tags a page declares about itself.
#pragma once

#include <libxml/tree.h>

#include "extract/html/html_article.hpp"

namespace kgraph::extract::html {

// Fills every metadata field of `article` (not `text`). Reads `doc` only.
// `article_body`, when given, receives the JSON-LD articleBody ("" if none): a
// candidate for the main text, which the caller checks against the page.
void read_page_metadata(xmlDoc* doc, HtmlArticle& article, std::string* article_body = nullptr);

}  // namespace kgraph::extract::html
