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

CodePoint decode_utf8(std::string_view s, std::size_t pos);

enum class CharClass : std::uint8_t { Space, Letter, Digit, Apostrophe, Hyphen, Period, Quote, Punct, Symbol };

// Classifies a code point for tokenisation (letters of every script are Letter).
CharClass classify(char32_t c);

bool is_upper(char32_t c);
bool is_lower(char32_t c);

// First code point of `s` is an upper-case letter.
bool starts_upper(std::string_view s);
// Every letter of `s` is upper case and there are at least two of them ("NATO", "U.S.").
bool is_all_caps(std::string_view s);
bool has_letter(std::string_view s);
bool is_valid_utf8(std::string_view s);

}  // namespace kgraph::extract
