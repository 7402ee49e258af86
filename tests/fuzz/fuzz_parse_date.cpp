// libFuzzer target for the date parser and the dateline finder.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/html/date_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  int year = size > 0 ? 1990 + data[0] % 40 : 0;
  auto d = kgraph::extract::html::parse_date(s, year);
  if (d && d->size() != 10) __builtin_trap();  // always YYYY-MM-DD
  auto l = kgraph::extract::html::find_dateline_date(s, year);
  if (l && l->size() != 10) __builtin_trap();
  return 0;
}
