// Article facts from a page's JSON-LD (<script type="application/ld+json">).
// The only file of the HTML extractor that sees RapidJSON.
#pragma once

#include <string>
#include <string_view>

namespace kgraph::extract::html {

struct JsonLdFacts {
  std::string headline, date_published, author, publisher, url;
  std::string article_body;  // "articleBody" of an article object, as the page gives it (may hold markup)
};

// Reads one JSON-LD script and fills the fields of `facts` that are still empty,
// preferring objects typed as articles (NewsArticle, BlogPosting ...) and looking
// into "@graph" arrays. Malformed JSON is ignored (pages carry plenty of it).
void read_json_ld(std::string_view json, JsonLdFacts& facts);

}  // namespace kgraph::extract::html
