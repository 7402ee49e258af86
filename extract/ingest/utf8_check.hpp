// Byte-level checks an input must pass before it becomes a document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kgraph::extract {

// Offset of the first byte that does not begin a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF are ill-formed),
// or std::string_view::npos when the whole of `s` is valid.
std::size_t find_invalid_utf8(std::string_view s);

// Length of the well-formed UTF-8 sequence that starts at `i`, or 0 when the
// byte there does not begin one (the rules of find_invalid_utf8).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// What a scan of bytes that may not be UTF-8 found: how many well-formed
// multi-byte sequences (evidence that the bytes are UTF-8) and how many bytes
// that are not part of any.
struct Utf8Census {
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  std::size_t first_invalid = std::string_view::npos;
};
Utf8Census utf8_census(std::string_view s);

// `s` with every byte that is not part of a well-formed sequence replaced by
// U+FFFD (EF BF BD), the rest unchanged; the number replaced in `replaced`.
std::string repair_utf8(std::string_view s, std::size_t& replaced);

// 1-based line and column (in bytes) of `offset` in `s`, for messages.
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};
LineColumn line_column_at(std::string_view s, std::size_t offset);

}  // namespace kgraph::extract
