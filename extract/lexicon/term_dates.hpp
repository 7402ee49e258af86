#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace kgraph::extract {

// Whether `date` falls within a term [from, to], the office data's one reading of dates, for every
// stage that asks who held an office on a document's date.
// - Both ends count: `to` is the day the term ended, which some rows give as the successor's first
//   day (a handover day then has two holders, and an article of that day may mean either).
// - Dates compare as ISO text cut to the bound's length, so a bound given as a year covers its
//   whole year and a document date with a time ("2017-01-20T14:00") reads as its day.
// - An empty `to` is a term still running; an empty `from` or date holds no term.
inline bool date_within(std::string_view date, std::string_view from, std::string_view to) {
  if (date.empty() || from.empty() || date.substr(0, from.size()) < from) return false;
  return to.empty() || date.substr(0, to.size()) <= to;
}

// Why a term's dates cannot be read as above ("" when they can): each bound is a year, year-month
// or day (YYYY, YYYY-MM, YYYY-MM-DD), `from` is given, and the term does not end before it starts.
inline std::string term_dates_error(std::string_view from, std::string_view to) {
  auto iso = [](std::string_view d) {
    if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
    for (std::size_t i = 0; i < d.size(); ++i)
      if ((i == 4 || i == 7) ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
    return true;
  };
  if (!iso(from)) return "'from' date '" + std::string(from) + "' is not YYYY, YYYY-MM or YYYY-MM-DD";
  if (!to.empty() && !iso(to)) return "'to' date '" + std::string(to) + "' is not YYYY, YYYY-MM or YYYY-MM-DD";
  const std::size_t n = std::min(from.size(), to.size());
  if (!to.empty() && to.substr(0, n) < from.substr(0, n)) return "term ends (" + std::string(to) + ") before it starts (" + std::string(from) + ")";
  return "";
}

}  // namespace kgraph::extract
