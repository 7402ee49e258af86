// One HtmlArticle as one line of JSON (for `kgraph text --json`).
#pragma once

#include <string>
#include <string_view>

#include "extract/html/html_article.hpp"

namespace kgraph::extract::html {

// {"file":..., "title":..., "date":..., "source":..., "author":..., "canonical_url":...,
//  "language":..., "text":..., "comments":...} without a trailing newline. Empty fields
// are written as "" so that every object has the same keys.
std::string to_json(const HtmlArticle& article, std::string_view file);

}  // namespace kgraph::extract::html
