// libFuzzer target: text cleaning, tokenizing and sentence splitting on any
// UTF-8 text (the cleaner requires valid UTF-8; the reader checks that first,
// so invalid input is skipped here rather than fed where it is never fed).
// Checks the contracts the later stages rely on: spans inside the text and sorted.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/clean/text_cleaner.hpp"
#include "extract/lexicon/lexicon.hpp"
#include "extract/text/sentence_splitter.hpp"
#include "extract/text/utf8.hpp"

using namespace kgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const extract::Lexicon lexicon = extract::Lexicon::load(KGRAPH_ONTOLOGY);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!extract::is_valid_utf8(text)) return 0;
  Document doc;
  doc.text = std::string(text);
  extract::clean_text(doc, lexicon);
  std::uint32_t last_end = 0;
  for (const Span& block : doc.content) {
    if (block.end > doc.text.size() || block.begin > block.end) __builtin_trap();
    (void)last_end;
    const std::size_t first = doc.tokens.size();
    lexicon.tokenizer().tokenize(doc.text, block, doc.tokens);
    for (std::size_t i = first; i < doc.tokens.size(); ++i) {
      const Span& t = doc.tokens[i];
      if (t.begin < block.begin || t.end > block.end || t.begin >= t.end) __builtin_trap();
      if (i > first && t.begin < doc.tokens[i - 1].end) __builtin_trap();
    }
    std::vector<std::uint32_t> starts;
    extract::split_sentences(doc.text, doc.tokens, first, doc.tokens.size(), starts);
    for (std::size_t i = 0; i < starts.size(); ++i)
      if (starts[i] < first || starts[i] >= doc.tokens.size() || (i && starts[i] <= starts[i - 1])) __builtin_trap();
  }
  // The tokenizer alone over the whole text, as the NER trainer and tests use it.
  std::vector<Span> all;
  lexicon.tokenizer().tokenize(doc.text, Span{0, static_cast<std::uint32_t>(doc.text.size())}, all);
  return 0;
}
