#include "export/field_text.hpp"

#include <cstdio>

namespace kgraph::exports {
namespace {

// Length of the well-formed UTF-8 sequence at s[i] and its code point, or 0
// when the bytes there are not one (RFC 3629 table of well-formed sequences).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len;
  char32_t min;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool allowed_in_xml(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// Printable ASCII, tab, newline and carriage return: kept as they are.
bool plain_xml_byte(unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == 0x9 || c == 0xA || c == 0xD; }

}  // namespace

std::string xml_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    // Runs of plain ASCII, most of any text, are copied in one go.
    std::size_t run = i;
    while (run < s.size() && plain_xml_byte(static_cast<unsigned char>(s[run]))) ++run;
    out.append(s.substr(i, run - i));
    i = run;
    if (i == s.size()) break;
    char32_t cp = 0;
    std::size_t len = decode(s, i, cp);
    if (len == 0) {
      ++i;  // skip one bad byte and resynchronise on the next
      continue;
    }
    if (allowed_in_xml(cp)) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string format_number(double v) {
  if (v == 0) v = 0;  // turns -0 into +0
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace kgraph::exports
