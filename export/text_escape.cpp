#include "export/text_escape.hpp"

#include <cstdint>

namespace kgraph::exports {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence starting at text[i], or 0.
// Follows the table of well-formed byte sequences in Unicode 15, section 3.9.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t b0 = byte(i);
  if (b0 < 0x80) return b0 == 0 ? 0 : 1;
  std::size_t n = 0;
  std::uint8_t lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

bool is_space_or_control(unsigned char c) { return c <= 0x20 || c == 0x7F; }

// Index of the first byte that is not part of a well-formed sequence (or is
// NUL), or text.size(). Plain ASCII, the common case, is one compare a byte.
std::size_t first_invalid(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != 0 && c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return i;
}

}  // namespace

bool is_valid_utf8(std::string_view text) { return first_invalid(text) == text.size(); }

std::string valid_utf8(std::string_view text) {
  const std::size_t valid_prefix = first_invalid(text);
  std::string out;
  out.reserve(text.size());
  out.append(text.substr(0, valid_prefix));
  for (std::size_t i = valid_prefix; i < text.size();) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string_view as_valid_utf8(std::string_view text, std::string& storage) {
  if (is_valid_utf8(text)) return text;
  storage = valid_utf8(text);
  return storage;
}

std::string one_line(std::string_view text) {
  std::string storage;
  const std::string_view valid = as_valid_utf8(text, storage);
  std::string out;
  out.reserve(valid.size());
  bool pending_space = false;
  for (const char ch : valid) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_space_or_control(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += ch;
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string storage;
  const std::string_view valid = as_valid_utf8(text, storage);
  std::string out;
  out.reserve(valid.size() + valid.size() / 8);
  auto plain = [](unsigned char c) {
    return c >= 0x20 && c != 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
  };
  for (std::size_t i = 0; i < valid.size(); ++i) {
    // Runs that need no escaping are copied in one go.
    std::size_t run = i;
    while (run < valid.size() && plain(static_cast<unsigned char>(valid[run]))) ++run;
    out.append(valid.substr(i, run - i));
    if (run == valid.size()) break;
    i = run;
    const char ch = valid[i];
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((c < 0x20 && ch != '\t' && ch != '\n') || c == 0x7F) break;
        out += ch;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text) {
  // Only what can open markup inline; '.', ',', '-' ... matter only at the
  // start of a line, and callers always put a fixed prefix there.
  constexpr std::string_view kPunctuation = "\\`*_{}[]<>()#+!|~&$^";
  const std::string line = one_line(text);
  std::string out;
  out.reserve(line.size() + line.size() / 4);
  for (const char ch : line) {
    if (kPunctuation.find(ch) != std::string_view::npos) out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace kgraph::exports
