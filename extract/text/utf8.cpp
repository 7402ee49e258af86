#include "extract/text/utf8.hpp"

#include <utf8proc.h>

namespace kgraph::extract {

CodePoint decode_utf8_multibyte(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return {U'\uFFFD', 1};  // as utf8proc_iterate of nothing gives
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                            static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
  if (n <= 0) return {U'\uFFFD', 1};
  return {static_cast<char32_t>(cp), static_cast<std::uint32_t>(n)};
}

namespace detail {

CharClass classify_non_ascii(char32_t c) {
  switch (c) {
    case U'\u2019': return CharClass::Apostrophe;  // right single quote doubles as apostrophe
    case U'\u2018': case U'\u201C': case U'\u201D': case U'\u00AB': case U'\u00BB': case U'\u201E':
    case U'\u2039': case U'\u203A':
      return CharClass::Quote;
    case U'\u2010': case U'\u2011': return CharClass::Hyphen;
    case U'\uFEFF': case U'\u200B': case U'\u200C': case U'\u200D': case U'\u2060': return CharClass::Space;
    default: break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return CharClass::Letter;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return CharClass::Digit;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return CharClass::Space;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
      return CharClass::Symbol;
    default:
      return CharClass::Punct;
  }
}

bool is_upper_non_ascii(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU ||
         utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LT;
}

bool is_lower_non_ascii(char32_t c) { return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL; }

}  // namespace detail

bool starts_upper(std::string_view s) { return !s.empty() && is_upper(decode_utf8(s, 0).value); }

bool is_all_caps(std::string_view s) {
  int letters = 0;
  for (std::size_t i = 0; i < s.size();) {
    CodePoint cp = decode_utf8(s, i);
    i += cp.length;
    if (classify(cp.value) != CharClass::Letter) continue;
    if (!is_upper(cp.value)) return false;
    ++letters;
  }
  return letters >= 2;
}

bool has_letter(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    CodePoint cp = decode_utf8(s, i);
    i += cp.length;
    if (classify(cp.value) == CharClass::Letter) return true;
  }
  return false;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace kgraph::extract
