// Small UTF-8 text helpers shared by the HTML extractor: whitespace collapsing
// that knows the Unicode spaces pages use (&nbsp;, thin space ...), repair of
// invalid UTF-8, ASCII lower-casing for matching word lists.
#pragma once

#include <string>
#include <string_view>

namespace kgraph::extract::html {

// Replaces every invalid UTF-8 sequence with U+FFFD, so that callers can rely
// on valid UTF-8 whatever the page declared.
std::string make_valid_utf8(std::string_view s);

// Appends `s` to `out`, turning every run of whitespace (ASCII, NBSP, U+2000..U+200A,
// U+202F, U+205F, U+3000, zero-width space, BOM) into one ASCII space. A run at the
// start of `s` is only kept when `out` does not already end in a space.
void append_collapsed(std::string& out, std::string_view s);

// Removes leading and trailing ASCII spaces/newlines.
std::string_view trim(std::string_view s);

std::string ascii_lower(std::string_view s);

// ascii_lower, and the capitals of Latin-1 (Ä, É, Ü ...) lower-cased too: for matching
// text against the word lists of languages that write them ("Über den Autor").
std::string text_lower(std::string_view s);

// Number of code points (not bytes) in valid UTF-8.
std::size_t utf8_length(std::string_view s);

}  // namespace kgraph::extract::html
