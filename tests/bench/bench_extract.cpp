// Google Benchmark of the extract hot stages on the example corpus (not a test:
// run build*/tests/bench/bench_extract). Bytes/s are of document text.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/extractor.hpp"
#include "extract/lexicon/lexicon.hpp"
#include "extract/ner/ner_tagger.hpp"

namespace {

using namespace kgraph;
using namespace kgraph::extract;

std::vector<std::string> corpus() {
  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(KGRAPH_EXAMPLES) / "nato-russia")) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

const Lexicon& lexicon() {
  static const Lexicon lex = Lexicon::load(KGRAPH_ONTOLOGY);
  return lex;
}

std::size_t total_bytes(const std::vector<std::string>& texts) {
  std::size_t n = 0;
  for (const auto& t : texts) n += t.size();
  return n;
}

void BM_Tokenize(benchmark::State& state) {
  const auto texts = corpus();
  std::vector<Span> tokens;
  for (auto _ : state)
    for (const std::string& t : texts) {
      tokens.clear();
      lexicon().tokenizer().tokenize(t, {0, static_cast<std::uint32_t>(t.size())}, tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(texts)));
}
BENCHMARK(BM_Tokenize);

// Token keys and their hashes, then the gazetteer probe at every token.
void BM_GazetteerLookup(benchmark::State& state) {
  const auto texts = corpus();
  std::vector<std::vector<std::string>> keys;
  std::vector<std::vector<std::uint64_t>> hashes;
  for (const std::string& t : texts) {
    std::vector<Span> tokens;
    lexicon().tokenizer().tokenize(t, {0, static_cast<std::uint32_t>(t.size())}, tokens);
    keys.emplace_back();
    hashes.emplace_back();
    for (const Span& s : tokens) {
      keys.back().push_back(normalize_key(s.of(t)));
      hashes.back().push_back(key_hash(keys.back().back()));
    }
  }
  std::vector<PhraseHit> hits(static_cast<std::size_t>(lexicon().max_phrase_tokens()));
  std::size_t found = 0;
  for (auto _ : state)
    for (std::size_t d = 0; d < keys.size(); ++d)
      for (std::size_t i = 0; i < keys[d].size(); ++i)
        found += static_cast<std::size_t>(lexicon().phrases_at(
            keys[d].size() - i, [&](std::size_t k) -> const std::string& { return keys[d][i + k]; },
            [&](std::size_t k) { return hashes[d][i + k]; }, hits.data()));
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(texts)));
}
BENCHMARK(BM_GazetteerLookup);

void BM_Tagger(benchmark::State& state) {
  const auto texts = corpus();
  const auto tagger = ner::NerTagger::load(std::filesystem::path(KGRAPH_ONTOLOGY) / "models" / "ner-conll2003.model",
                                           KGRAPH_ONTOLOGY);
  std::vector<std::vector<Span>> tokens;
  for (const std::string& t : texts) {
    tokens.emplace_back();
    lexicon().tokenizer().tokenize(t, {0, static_cast<std::uint32_t>(t.size())}, tokens.back());
  }
  for (auto _ : state)
    for (std::size_t d = 0; d < texts.size(); ++d)  // 40-token windows stand in for sentences
      for (std::size_t i = 0; i < tokens[d].size(); i += 40) {
        std::span<const Span> s(tokens[d].data() + i, std::min<std::size_t>(40, tokens[d].size() - i));
        benchmark::DoNotOptimize(tagger.tag(texts[d], s));
      }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(texts)));
}
BENCHMARK(BM_Tagger);

// The whole pipeline after prepare() (clean, tokens, tagger, entities, quotes,
// relations); the relation stage's own share is in `kgraph --profile`.
void BM_ExtractDocument(benchmark::State& state) {
  const auto texts = corpus();
  Extractor extractor(KGRAPH_ONTOLOGY);
  for (auto _ : state)
    for (const std::string& t : texts) {
      state.PauseTiming();
      RawInput raw;
      raw.body = t;
      raw.meta.id = "bench";
      Diagnostic error;
      std::optional<Document> doc = extractor.prepare(std::move(raw), error);
      state.ResumeTiming();
      benchmark::DoNotOptimize(extractor.extract(std::move(*doc)));
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(texts)));
}
BENCHMARK(BM_ExtractDocument);

}  // namespace

BENCHMARK_MAIN();
