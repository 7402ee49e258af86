#include "extract/ingest/document_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

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

std::optional<RawInput> read_document_file(const std::filesystem::path& path, const std::string& location,
                                           const std::string& id, const InputOptions& options, Diagnostic& error) {
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
  if (skip_bom_and_space(raw.body).empty()) return fail("E102", location, "file holds only whitespace");
  if (auto nul = raw.body.find('\0'); nul != std::string::npos) {
    LineColumn lc = line_column_at(raw.body, nul);
    return fail("E103", location + ":" + std::to_string(lc.line),
                "binary file (NUL byte at byte " + std::to_string(nul) + "); skipped");
  }
  raw.kind = has_html_extension(path) || looks_like_html(raw.body) ? InputKind::Html : InputKind::Text;
  // HTML may declare another charset; the HTML stage decodes it. Text is taken
  // as it is, so it has to be UTF-8 already.
  if (raw.kind == InputKind::Text) {
    if (auto bad = find_invalid_utf8(raw.body); bad != std::string_view::npos) {
      LineColumn lc = line_column_at(raw.body, bad);
      return fail("E104", location + ":" + std::to_string(lc.line),
                  "invalid UTF-8 at byte " + std::to_string(bad) + " (column " + std::to_string(lc.column) +
                      "); skipped");
    }
  }
  raw.meta.id = id;
  raw.location = location;
  return raw;
}

}  // namespace kgraph::extract
