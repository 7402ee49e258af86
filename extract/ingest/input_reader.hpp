// The front door of the pipeline: turns command-line arguments (files,
// directories, "-" for stdin, URLs) into raw documents, one at a time, in a
// deterministic order, and reports every bad input as a Diagnostic without
// stopping. Formats are described in shared formats/INPUT.md.
//
// Message codes (stable; scripts grep for them):
//   E101 cannot open (missing path, permission denied, unreadable directory entry, not a regular file)
//   E102 empty input (no bytes, or only whitespace)
//   E103 binary content (NUL bytes)
//   W141 warning: input not in UTF-8 (or with stray bytes): decoded by a detected charset or repaired with U+FFFD
//   E105 too large (file past max_document_bytes, line past max_line_bytes, record text past max_document_bytes)
//   E106 warning: directory already visited (symlink loop or second link), skipped
//   E110 broken JSON (a JSON Lines line, or a JSON file at the point where it breaks)
//   E111 record has no text/html
//   E112 record field of the wrong type
//   E113 JSON value that is not a record (top level or array element that is not an object)
//   E114 warning: duplicate document id, renamed `ID#2`, `ID#3`, ...
//   E120 URL could not be fetched (or no fetcher configured)
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ontology/diagnostic.hpp"
#include "ontology/document.hpp"

namespace kgraph::extract {

enum class InputKind { Text, Html };

// One input document before cleaning. For Text, `body` is the document text
// itself, in UTF-8 (the file's bytes, decoded when they were not UTF-8, see
// charset_decode.hpp; or the decoded JSON `text` field) and every later offset
// points into it; a UTF-8 BOM is kept, so offsets count it, and the cleaner
// skips it. For Html, `body` is the page, not yet valid UTF-8 necessarily: the
// HTML stage decodes it by `charset`, else by the page's declared charset
// (the reader has already made UTF-8 of a page that declares none).
struct RawInput {
  DocumentMeta meta;
  std::string body;
  InputKind kind = InputKind::Text;
  std::string location;  // file path, file:line, or URL, for messages
  std::string charset;   // the transport's charset (HTTP Content-Type), for Html overriding the page's own; "" if none
};

struct InputOptions {
  std::string text_field = "text";  // JSON field holding the document text
  std::string id_field = "id";      // JSON field holding the document id
  std::size_t max_document_bytes = 64u << 20;
  std::size_t max_line_bytes = 64u << 20;
};

// True for "scheme://..." arguments, which read() hands to `fetch`.
bool is_url(const std::string& argument);

class InputReader {
 public:
  explicit InputReader(InputOptions options);

  // Expands `arguments` in order: a file is one document (or one per record for
  // .jsonl/.ndjson/.json); a directory is every non-hidden file below it,
  // recursively, sorted by relative path (generic form, byte order); "-" is stdin
  // read as JSON Lines; URLs (any "scheme://...") go to `fetch`, which accepts
  // only http and https.
  // Calls `sink` once per good document and `on_error` once per bad input or bad
  // record (and for warnings, see E106/E114), then continues with the rest.
  // Document ids are unique within one call: a repeated id gets a `#N` suffix.
  // Returns the number of errors (warnings are not counted).
  std::size_t read(const std::vector<std::string>& arguments, const std::function<void(RawInput&&)>& sink,
                   const std::function<void(const Diagnostic&)>& on_error) const;

  // Set by the caller that can reach the network. Returns the page, or nullopt
  // with `error` filled. Unset: URLs are reported as E120.
  std::function<std::optional<RawInput>(const std::string& url, Diagnostic& error)> fetch;

 private:
  InputOptions options_;
};

}  // namespace kgraph::extract
