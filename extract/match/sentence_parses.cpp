#include "extract/match/sentence_parses.hpp"

#include <cstdio>
#include <cstdlib>

#include "extract/match/rule_set.hpp"
#include "extract/syntax/syntax_model.hpp"

namespace kgraph::extract::match {
namespace {

bool worth_parsing(const Analysis& a, int s) {
  for (std::uint32_t i = a.sentence_first(s); i < a.sentence_last(s); ++i)
    if (a.rules->is_trigger_lemma(a.rules->lemma(a.key(i)))) return true;
  return false;
}

}  // namespace

void parse_trigger_sentences(Analysis& a, const syntax::SyntaxModel& model) {
  const int sentences = static_cast<int>(a.doc.sentence_first_token.size()) - 1;
  a.parsed.assign(static_cast<std::size_t>(std::max(sentences, 0)), 0);
  std::vector<std::string> words;
  for (int s = 0; s < sentences; ++s) {
    const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
    if (last - first < 2 || last - first > kMaxParsedTokens || !worth_parsing(a, s)) continue;
    words.clear();
    for (std::uint32_t i = first; i < last; ++i) words.emplace_back(a.token_text(i));
    const syntax::Parse p = model.parse(words);
    if (a.deps.empty()) a.deps.resize(a.token_count());
    for (std::uint32_t i = first; i < last; ++i) {
      const std::size_t w = i - first;
      DepInfo& d = a.deps[i];
      d.head = p.heads[w] == 0 ? -1 : static_cast<int>(first) + p.heads[w] - 1;
      d.label = static_cast<std::uint8_t>(std::max(a.rules->label(p.deprels[w]), 0));
      d.upos = static_cast<std::uint8_t>(std::max(a.rules->tag(p.upos[w]), 0));
      d.lemma = a.rules->lemma(a.key(i));
    }
    a.parsed[static_cast<std::size_t>(s)] = 1;
    if (std::getenv("KGRAPH_DEBUG_PARSE")) {  // TEMP debug
      std::fprintf(stderr, "# %s\n", std::string(a.doc.sentences[static_cast<std::size_t>(s)].of(a.doc.text)).c_str());
      for (std::uint32_t i = first; i < last; ++i)
        std::fprintf(stderr, "%u\t%s\t%s\t%s\t%d\t%s\tm%d\n", i - first + 1, std::string(a.token_text(i)).c_str(), a.deps[i].lemma.c_str(),
                     p.upos[i - first].c_str(), a.deps[i].head < 0 ? 0 : a.deps[i].head - static_cast<int>(first) + 1,
                     p.deprels[i - first].c_str(), a.tokens[i].mention);
    }
  }
}

}  // namespace kgraph::extract::match
