// libFuzzer target: the whole extract pipeline on one document, the way the
// CLI runs it: prepare (HTML main text, UTF-8 check, metadata) then extract
// (clean, tokens, sentences, mentions with the NER model, entities, quotes,
// relations) and the extraction JSON writer. The ontology loads once. The
// first byte picks plain text or HTML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/extractor.hpp"
#include "ontology/extraction_json.hpp"

using namespace kgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const extract::Extractor extractor(KGRAPH_ONTOLOGY);
  if (size == 0) return 0;
  extract::RawInput raw;
  raw.kind = (data[0] & 1) ? extract::InputKind::Html : extract::InputKind::Text;
  if (data[0] & 2) raw.meta.date = "2017-02-18";
  raw.meta.id = "fuzz";
  raw.location = "fuzz";
  raw.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  Diagnostic error;
  auto doc = extractor.prepare(std::move(raw), error);
  if (!doc) return 0;
  const std::size_t text_size = doc->text.size();
  Extraction x = extractor.extract(std::move(*doc));
  for (const Entity& e : x.entities)
    for (const Mention& m : e.mentions)
      if (m.span.end > text_size || m.span.begin > m.span.end) __builtin_trap();
  std::string line = to_json_line(x);
  Diagnostic again;
  if (!parse_json_line(line, again)) __builtin_trap();
  return 0;
}
