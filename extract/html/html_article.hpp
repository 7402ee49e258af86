// HTML page -> the article it carries: main text plus the metadata news pages
// publish about themselves (Open Graph, JSON-LD, <meta>, <time>, <link rel=canonical>).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/html/html_rules.hpp"

namespace kgraph::extract::html {

// What one page says about its article. Every field is valid UTF-8 with
// whitespace collapsed; a field the page does not give is "".
struct HtmlArticle {
  std::string text;  // main text; paragraphs separated by "\n\n", headings kept as paragraphs
  std::string comments;  // readers' comments below the article, same layout; never part of `text`
  std::string title;
  std::string date;  // publication date, YYYY-MM-DD
  std::string source;  // outlet name
  std::string author;
  std::string canonical_url;
  std::string language;  // as the page declares it (<html lang>), e.g. "en-GB"
  std::size_t depth = 0;  // deepest element nesting of the parsed page (libxml2 stops at 256)
};

// Never throws on bad HTML and never recurses on the page's nesting; returns an
// article with empty text when the page has none. `declared_charset` (from an
// HTTP header, say) overrides the page's own <meta charset>.
HtmlArticle extract_article(std::string_view html, const HtmlRules& rules, std::string_view declared_charset = {});

}  // namespace kgraph::extract::html
