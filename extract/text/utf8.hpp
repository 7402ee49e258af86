// Small UTF-8 helpers for the text stages. Decoding never fails: an invalid
// byte decodes as U+FFFD with length 1, so offsets always advance.
#pragma once

#include <cstdint>
#include <string_view>

namespace kgraph::extract {

struct CodePoint {
  char32_t value;
  std::uint32_t length;  // bytes consumed, >= 1
};

// The tokenizer and the rules call these once or more per byte of text, and
// news is mostly ASCII: the ASCII cases are inline here, the rest in utf8.cpp.
CodePoint decode_utf8_multibyte(std::string_view s, std::size_t pos);
inline CodePoint decode_utf8(std::string_view s, std::size_t pos) {
  if (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) return {static_cast<char32_t>(s[pos]), 1};
  return decode_utf8_multibyte(s, pos);
}

enum class CharClass : std::uint8_t { Space, Letter, Digit, Apostrophe, Hyphen, Period, Quote, Punct, Symbol };

namespace detail {
constexpr CharClass classify_ascii(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return CharClass::Space;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::Letter;
  if (c >= '0' && c <= '9') return CharClass::Digit;
  if (c == '\'') return CharClass::Apostrophe;
  if (c == '-') return CharClass::Hyphen;
  if (c == '.') return CharClass::Period;
  if (c == '"') return CharClass::Quote;
  if (c == '_') return CharClass::Letter;
  if (c == '@' || c == '#' || c == '$' || c == '%' || c == '&' || c == '+' || c == '=' || c == '<' || c == '>' ||
      c == '|' || c == '~' || c == '^' || c == '*' || c == '/' || c == '\\')
    return CharClass::Symbol;
  if (c < 0x20 || c == 0x7f) return CharClass::Space;
  return CharClass::Punct;
}
struct AsciiClasses {
  CharClass of[128];
  constexpr AsciiClasses() : of() {
    for (char32_t c = 0; c < 128; ++c) of[c] = classify_ascii(c);
  }
};
inline constexpr AsciiClasses kAsciiClasses{};
CharClass classify_non_ascii(char32_t c);
bool is_upper_non_ascii(char32_t c);
bool is_lower_non_ascii(char32_t c);
}  // namespace detail

// Classifies a code point for tokenisation (letters of every script are Letter).
inline CharClass classify(char32_t c) {
  return c < 0x80 ? detail::kAsciiClasses.of[c] : detail::classify_non_ascii(c);
}

inline bool is_upper(char32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : detail::is_upper_non_ascii(c); }
inline bool is_lower(char32_t c) { return c < 0x80 ? c >= 'a' && c <= 'z' : detail::is_lower_non_ascii(c); }

// First code point of `s` is an upper-case letter.
bool starts_upper(std::string_view s);
// Every letter of `s` is upper case and there are at least two of them ("NATO", "U.S.").
bool is_all_caps(std::string_view s);
bool has_letter(std::string_view s);
bool is_valid_utf8(std::string_view s);

}  // namespace kgraph::extract
