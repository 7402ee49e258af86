// Readers for documents given as JSON records (shared formats/INPUT.md):
// JSON Lines (.jsonl/.ndjson, and stdin) and a .json file holding an array of
// records or one record. Both stream: one line, or one array element, at a time;
// a record is delivered only once it has parsed completely. RapidJSON lives
// behind this header and nowhere else in extract/.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <string>

#include "extract/ingest/input_reader.hpp"

namespace kgraph::extract {

// Where a stream of records comes from.
struct RecordSource {
  std::string location;  // path as opened, or "-"; messages name LOCATION:LINE
  std::string id_base;   // a record without an id gets ID_BASE:LINE
};

using RawSink = std::function<void(RawInput&&)>;
using DiagnosticSink = std::function<void(const Diagnostic&)>;

// One record per line; blank lines are skipped; a broken line is reported
// (E110, or E103/E105 for bad bytes) and the next line is read. A line
// longer than options.max_line_bytes is not buffered past the limit. Bytes
// that are not UTF-8 are replaced by U+FFFD with warning W141 (JSON is UTF-8
// by definition). A string value longer than options.max_document_bytes is not
// kept past the limit: its record is refused (E105).
void read_json_lines(std::istream& in, const RecordSource& source, const InputOptions& options,
                     const RawSink& sink, const DiagnosticSink& on_error);

// A JSON array of records (or a single record), parsed with a SAX reader over a
// file stream, so the file is never held in memory, and no string value past
// options.max_document_bytes either (E105 for its record). If the file breaks
// in the middle, the records before the break have already been delivered.
// Bytes that are not UTF-8 are replaced by U+FFFD, with one W141 per file.
void read_json_file(const std::filesystem::path& path, const RecordSource& source, const InputOptions& options,
                    const RawSink& sink, const DiagnosticSink& on_error);

}  // namespace kgraph::extract
