// One file that holds one document (plain text or an HTML page).
#pragma once

#include <filesystem>
#include <functional>
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
// like HTML; otherwise Text. Either is made UTF-8 (charset_decode.hpp): `warn`
// gets W141 when the charset had to be guessed or bytes were replaced. Rejects
// empty or whitespace-only files (E102), NUL bytes (E103) and files past the
// size limit (E105). `location` names the file in messages; `id` becomes meta.id.
std::optional<RawInput> read_document_file(const std::filesystem::path& path, const std::string& location,
                                           const std::string& id, const InputOptions& options, Diagnostic& error,
                                           const std::function<void(const Diagnostic&)>& warn);

// Makes a document's body UTF-8 by its kind (decode_text or decode_html, with
// raw.charset as the transport's declaration) and says so through `warn` (W141,
// at LOCATION:LINE of the first byte that is not UTF-8) when it was worth it.
void decode_to_utf8(RawInput& raw, const std::function<void(const Diagnostic&)>& warn);

}  // namespace kgraph::extract
