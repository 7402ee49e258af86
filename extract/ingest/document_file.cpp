#include "extract/ingest/document_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "extract/ingest/charset_decode.hpp"
#include "extract/ingest/utf8_check.hpp"

namespace kgraph::extract {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

std::string_view skip_bom_and_space(std::string_view s) {
  if (s.starts_with(kBom)) s.remove_prefix(kBom.size());
  std::size_t i = s.find_first_not_of(" \t\r\n\f\v");
  return i == std::string_view::npos ? std::string_view{} : s.substr(i);
}

bool has_html_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), lower);
  return ext == ".html" || ext == ".htm";
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
  std::string_view s = skip_bom_and_space(bytes);
  return starts_with_nocase(s, "<!doctype") || starts_with_nocase(s, "<html");
}

void decode_to_utf8(RawInput& raw, const std::function<void(const Diagnostic&)>& warn) {
  std::optional<Decoding> d =
      raw.kind == InputKind::Html ? decode_html(raw.body, raw.charset) : decode_text(raw.body, raw.charset);
  if (!d || !d->worth_warning()) return;
  std::string where = raw.location;
  if (d->first_invalid_line > 0) where += ":" + std::to_string(d->first_invalid_line);
  warn(make_warning("W141", std::move(where), d->describe()));
}

std::optional<RawInput> read_document_file(const std::filesystem::path& path, const std::string& location,
                                           const std::string& id, const InputOptions& options, Diagnostic& error,
                                           const std::function<void(const Diagnostic&)>& warn) {
  auto fail = [&](const char* code, std::string where, std::string message) -> std::optional<RawInput> {
    error = make_error(code, std::move(where), std::move(message));
    return std::nullopt;
  };
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return fail("E101", location, "cannot open: " + ec.message());
  if (size > options.max_document_bytes)
    return fail("E105", location,
                "file is " + std::to_string(size) + " bytes, more than the limit of " +
                    std::to_string(options.max_document_bytes) + "; skipped");

  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("E101", location, "cannot open: " + std::string(std::strerror(errno)));
  RawInput raw;
  // The file may grow between the size check and the read: read at most one
  // byte past the limit, so the limit still holds.
  raw.body.resize(static_cast<std::size_t>(size) + 1);
  in.read(raw.body.data(), static_cast<std::streamsize>(raw.body.size()));
  raw.body.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return fail("E101", location, "read error");
  if (raw.body.size() > options.max_document_bytes)
    return fail("E105", location, "file grew past the limit of " + std::to_string(options.max_document_bytes) + " bytes");

  if (raw.body.empty()) return fail("E102", location, "empty file");
  raw.meta.id = id;
  raw.location = location;
  // UTF-16 and UTF-32 hold NUL bytes: a file with their byte-order mark is
  // decoded first, and then checked like any other.
  if (raw.body.starts_with("\xFF\xFE") || raw.body.starts_with("\xFE\xFF") ||
      raw.body.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    decode_to_utf8(raw, warn);
    raw.charset = "UTF-8";  // what it is now, whatever a page's <meta> says
  }
  if (skip_bom_and_space(raw.body).empty()) return fail("E102", location, "file holds only whitespace");
  if (auto nul = raw.body.find('\0'); nul != std::string::npos) {
    LineColumn lc = line_column_at(raw.body, nul);
    return fail("E103", location + ":" + std::to_string(lc.line),
                "binary file (NUL byte at byte " + std::to_string(nul) + "); skipped");
  }
  raw.kind = has_html_extension(path) || looks_like_html(raw.body) ? InputKind::Html : InputKind::Text;
  // A page's charset is libxml2's to apply when the page declares one;
  // decode_to_utf8 takes the rest, and all text.
  decode_to_utf8(raw, warn);
  return raw;
}

}  // namespace kgraph::extract
