// A Document is one news article as the pipeline sees it: its id, what is known
// about where it came from, and the text every offset in the model points into.
// It owns its characters; the extract stages add spans (content blocks,
// sentences, tokens) but never copy or modify `text`.
#pragma once

#include <string>
#include <vector>

#include "ontology/span.hpp"

namespace kgraph {

// Where an article came from. Empty strings mean "unknown".
struct DocumentMeta {
  std::string id;      // unique within a run: file path, path:line, or URL
  std::string title;
  std::string date;    // ISO 8601 date (YYYY-MM-DD) when known
  std::string source;  // outlet name ("Reuters", "Al Jazeera")
  std::string url;
  std::string author;
};

struct Document {
  DocumentMeta meta;
  std::string text;  // valid UTF-8; mention offsets are UTF-8 byte offsets into it

  // Filled by the extract stages, in this order. All are sorted by begin.
  std::vector<Span> content;    // blocks of article text kept after boilerplate removal
  std::vector<Span> sentences;  // sentences inside content blocks
  std::vector<Span> tokens;     // tokens inside sentences
  std::vector<std::uint32_t> sentence_first_token;  // index into tokens, one per sentence (+1 sentinel)
};

}  // namespace kgraph
