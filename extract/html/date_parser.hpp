// Publication dates as they appear in pages and article text, normalised to
// "YYYY-MM-DD". English month names and abbreviations are a small table in
// date_parser.cpp: they are general facts, not site conventions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kgraph::extract::html {

// Accepts ISO dates and date-times ("2017-01-31", "2017-01-31T16:24:00Z"),
// "2017.01.31 / 16:24", "2017/01/31", "31.01.2017", "01/31/2017" (US order unless
// the first number cannot be a month), "January 31, 2017", "31 January 2017",
// "Tuesday, 31 Jan 2017 16:24 GMT", RFC 822 ("Tue, 31 Jan 17 16:24:00 +0000") and
// "Jan 8" (the year comes from context_year; 0 means unknown and gives nullopt).
// Text around the date is tolerated ("Published: January 31, 2017").
// Ensures: the result is a real calendar date (no 31 April, 29 February only in
// leap years) with a year in 1900..2100.
std::optional<std::string> parse_date(std::string_view s, int context_year = 0);

// Finds the publication date in the first lines of plain article text: a short
// line that is only a date ("Date\n2017.01.31 / 16:24"), or a dateline opening a
// paragraph ("Brussels, Jan 8 (IANS): ..."). Dates without a year resolve only
// when context_year > 0.
std::optional<std::string> find_dateline_date(std::string_view text, int context_year);

}  // namespace kgraph::extract::html
