#include "extract/match/sentence_parses.hpp"

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
  }
}

}  // namespace kgraph::extract::match
