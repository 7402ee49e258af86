#include "extract/ingest/utf8_check.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kgraph::extract {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const unsigned char c = p[i];
  if (c < 0x80) return 1;
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
    return 0;
  }
  if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (i + k >= n || (p[i + k] & 0xC0) != 0x80) return 0;
  return len;
}

std::size_t find_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Eight ASCII bytes at a time: news text is mostly ASCII.
    std::uint64_t word = 0;
    while (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ull) == 0)) i += 8;
    if (i >= s.size()) break;
    // ASCII runs are the common case: skip them without the full check.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

Utf8Census utf8_census(std::string_view s) {
  Utf8Census c;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      if (c.invalid++ == 0) c.first_invalid = i;
      ++i;
    } else {
      ++c.multibyte;
      i += len;
    }
  }
  return c;
}

std::string repair_utf8(std::string_view s, std::size_t& replaced) {
  replaced = 0;
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++replaced;
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
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
