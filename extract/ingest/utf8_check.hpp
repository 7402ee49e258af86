// Byte-level checks an input must pass before it becomes a document.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgraph::extract {

// Offset of the first byte that does not begin a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF are ill-formed),
// or std::string_view::npos when the whole of `s` is valid.
std::size_t find_invalid_utf8(std::string_view s);

// 1-based line and column (in bytes) of `offset` in `s`, for messages.
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};
LineColumn line_column_at(std::string_view s, std::size_t offset);

}  // namespace kgraph::extract
