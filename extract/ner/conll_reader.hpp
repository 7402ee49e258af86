// Reads NER training/dev data: JSONL, one document per line,
//   {"text", "sentences": [[s,e]...], "entities": [{"type","start","end"}...]}
// with Unicode code-point offsets (end exclusive) and text that is already
// tokenised (tokens separated by spaces), as in the CoNLL-2003 copies under
// /work/shared/data/ner. Offsets are converted to UTF-8 byte spans here, once.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "extract/ner/ner_label.hpp"
#include "ontology/diagnostic.hpp"
#include "ontology/span.hpp"

namespace kgraph::extract::ner {

// One sentence with its gold BIO tags. The text is the whole document's; tokens
// are byte spans into it.
struct LabelledSentence {
  std::string text;
  std::vector<Span> tokens;
  std::vector<Tag> gold;
};

struct ConllData {
  std::vector<LabelledSentence> sentences;
  std::size_t bytes = 0;                 // UTF-8 bytes of sentence text, for speed reports
  std::vector<Diagnostic> problems;      // bad lines and entities off token boundaries, skipped
};

// Throws DataFileError if the file cannot be opened; a bad line is reported in
// `problems` (as "file:line") and skipped. `limit` > 0 stops after that many sentences.
ConllData read_conll_jsonl(const std::filesystem::path& path, std::size_t limit = 0);

}  // namespace kgraph::extract::ner
