// Names a document's outlet from what the news text itself says, for documents
// whose metadata gives none (plain-text dumps, JSON records without "source").
// In this order, the first that names a known outlet wins:
//   1. a dateline opening one of the first content blocks:
//      "ANKARA (Reuters) -", "NEW DELHI, Dec 3 (Reuters) -", "(AP) —", "Brussels, Jan 8 (IANS):";
//   2. a byline among the lines before the end of those blocks:
//      "By Jane Doe, Reuters", "By Jane Doe | AP", "By Reuters Staff";
//   3. the host of doc.meta.url (http/https): the outlet listed for that host in
//      ontology/lexicon/outlets.tsv, else the host itself without "www."
//      ("https://www.example-news.com/a" -> "example-news.com").
// The agency a dateline or byline names goes before the site that carried the
// story: the same wire story on many sites is one source, not many.
// Datelines and bylines count only with an outlet the table lists, so a place or
// a person in brackets is never taken for one.
#pragma once

#include <string>
#include <string_view>

#include "extract/lexicon/outlet_table.hpp"
#include "ontology/document.hpp"

namespace kgraph::extract {

// Requires: doc.content holds the cleaned blocks (clean_text has run).
// Returns the outlet's name, or "" when the text names none and there is no URL.
std::string find_outlet(const Document& doc, const OutletTable& outlets);

// The pieces, exposed for tests: the outlet named by a dateline at the start of
// `line`, by a byline `line`, and the site name of a URL ("" when none).
std::string dateline_outlet(std::string_view line, const OutletTable& outlets);
std::string byline_outlet(std::string_view line, const OutletTable& outlets);
std::string url_outlet(std::string_view url, const OutletTable& outlets);

}  // namespace kgraph::extract
