#include "extract/ingest/utf8_check.hpp"

#include <algorithm>

namespace kgraph::extract {

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  auto cont = [&](std::size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    // The allowed range of the second byte excludes overlongs (E0, F0),
    // surrogates (ED) and code points past U+10FFFF (F4).
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (!cont(i + k)) return i;
    i += len;
  }
  return std::string_view::npos;
}

LineColumn line_column_at(std::string_view s, std::size_t offset) {
  offset = std::min(offset, s.size());
  std::string_view before = s.substr(0, offset);
  LineColumn lc;
  lc.line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  std::size_t nl = before.rfind('\n');
  lc.column = nl == std::string_view::npos ? offset + 1 : offset - nl;
  return lc;
}

}  // namespace kgraph::extract
