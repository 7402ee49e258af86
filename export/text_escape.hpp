// Making input text safe for an output format. Article text and names come from
// the web: they may hold invalid UTF-8, control characters, markup or syntax of
// the very format being written. Every writer passes input text through one of
// these before it reaches the output; none of them ever fails.
#pragma once

#include <string>
#include <string_view>

namespace kgraph::exports {

// Valid UTF-8: each byte that does not start a well-formed sequence (overlong,
// surrogate, truncated, > U+10FFFF) and each NUL becomes U+FFFD. Everything
// else, including other control characters, is kept for the format's escaper.
std::string valid_utf8(std::string_view text);

// True when valid_utf8(text) would return `text` unchanged, so a writer can
// use the input as it is and skip the copy.
bool is_valid_utf8(std::string_view text);

// `text` itself when it is valid UTF-8, else valid_utf8(text) kept in `storage`:
// most input is valid, and copying every string first is what cost the time.
std::string_view as_valid_utf8(std::string_view text, std::string& storage);

// valid_utf8, then every run of whitespace and control characters becomes one
// space and the ends are trimmed: for table cells, headings and labels.
std::string one_line(std::string_view text);

// HTML text and attribute values: valid_utf8, C0 controls other than tab and
// newline dropped (HTML forbids them), and & < > " ' as character references.
std::string html_escape(std::string_view text);

// Inline Markdown: one_line, then a backslash before each ASCII punctuation
// character that can open inline markup (links, emphasis, code, raw HTML,
// entities) or break a table cell, so that input renders as literal text.
// Assumes the caller never starts a line with the result (a list marker or a
// heading could form there).
std::string markdown_escape(std::string_view text);

}  // namespace kgraph::exports
