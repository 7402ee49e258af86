// The extraction contract on disk: one JSON object per document, one per line
// (shared formats/EXTRACTION.md). Keys are written in a fixed order so that the
// same Extraction always gives the same bytes. RapidJSON lives behind this file.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "ontology/diagnostic.hpp"
#include "ontology/extraction.hpp"

namespace kgraph {

// One line of JSON, without the trailing newline.
std::string to_json_line(const Extraction& x);

// Parses one line written by to_json_line (or by another tool following the
// contract). On failure returns nullopt and fills `error` (its location is left
// for the caller to set to file:line).
std::optional<Extraction> parse_json_line(std::string_view line, Diagnostic& error);

}  // namespace kgraph
