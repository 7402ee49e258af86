// One file that holds one document (plain text or an HTML page).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "extract/ingest/input_reader.hpp"

namespace kgraph::extract {

// True for content that starts, after a BOM and whitespace, with `<!doctype`
// or `<html` in any case.
bool looks_like_html(std::string_view bytes);

// Reads `path` whole, after checking its size against options.max_document_bytes
// without reading it. Html when the extension is .html/.htm or the content looks
// like HTML; otherwise Text, which must be valid UTF-8. Rejects empty or
// whitespace-only files (E102), NUL bytes (E103), invalid UTF-8 in text (E104),
// and files past the size limit (E105). `location` names the file in messages;
// `id` becomes meta.id.
std::optional<RawInput> read_document_file(const std::filesystem::path& path, const std::string& location,
                                           const std::string& id, const InputOptions& options, Diagnostic& error);

}  // namespace kgraph::extract
