// The statistical tagger's run, and the gazetteer mentions that give way to a longer name the
// tagger read around them ("Air France", "National Security Council").
// The order the passes run in is find_mentions's (mention_finder.cpp).
#include "extract/entities/mention_passes.hpp"

#include <algorithm>
#include <vector>

#include "extract/entities/name_rules.hpp"
#include "extract/text/utf8.hpp"
#include "extract/ner/ner_tagger.hpp"

namespace kgraph::extract {

void run_tagger(Analysis& a, const ner::NerTagger& tagger) {
  const int sentences = static_cast<int>(a.doc.sentence_first_token.size()) - 1;
  for (int s = 0; s < sentences; ++s) {
    const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
    std::span<const Span> tokens(a.doc.tokens.data() + first, last - first);
    for (const ner::NerSpan& n : tagger.tag(a.doc.text, tokens))
      for (std::uint32_t i = first + n.first; i < first + n.last; ++i) {
        a.tokens[i].ner_label = static_cast<int>(n.label);
        a.tokens[i].ner_first = first + n.first;
        a.tokens[i].ner_last = first + n.last;
        a.tokens[i].ner_confidence = n.confidence;
      }
  }
}

// The tagger reads a longer name around the name of a place: "Air France", "Paris St Germain",
// "Dynamo Moscow" are organisations, not the country or city they contain. The place's mention
// goes and the tagger's span is the mention (find_name_mentions). The gazetteer's reading stays
// where the ontology or the rules know the longer form: a known organisation's name (the tagger
// adding "The" or "Defence Ministers" to NATO), a direction ("Eastern Europe" is Europe), members
// acting together ("NATO allies"), a country that opens its institution's name ("U.S. Air
// Force", which the rules name in full), a hyphenated first part ("All - Russia ..."), a title
// inside ("NATO Secretary General X"); a MISC span leaves the phrase too.
void drop_places_inside_tagged_names(Analysis& a) {
  // (teams play in sports reports: a state the tagger reads as a body elsewhere is still the state,
  // "an Oregon hotelier", "Arizona Republican")
  bool sports = false;
  for (std::uint32_t k = 0; k < a.token_count() && !sports; ++k) sports = a.in_list("sports_context", k);
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    const TokenInfo& t = a.tokens[m.first];
    if (m.source != MentionSource::Gazetteer || t.ner_label < 0 || t.ner_label == static_cast<int>(ner::NerLabel::Misc))
      return false;
    // "Texas beat Florida": a US state the tagger reads, exactly, as a team or body is one (word list
    // tagger_first_kind names the kinds of place whose names serve so).
    if (m.kind == LexKind::Place && t.ner_first == m.first && t.ner_last == m.last &&
        t.ner_label == static_cast<int>(ner::NerLabel::Organisation) && t.ner_confidence >= 0.9f &&
        a.lex.in_list("tagger_first_kind", m.org_kind) && sports)
      return true;
    if (m.kind != LexKind::CountryName && m.kind != LexKind::Capital && m.kind != LexKind::Place) return false;
    if (t.ner_first > m.first || t.ner_last < m.last || t.ner_last - t.ner_first <= m.last - m.first) return false;
    if (m.first > 0 && a.token_text(m.first - 1) == "-") return false;
    if (m.kind == LexKind::CountryName && m.first == t.ner_first && t.ner_label == static_cast<int>(ner::NerLabel::Organisation))
      return false;
    // A country the tagger reads on into a name of two or more words it still calls a place is
    // the country and a second name side by side: "envoy to Syria Staffan de Mistura". One word
    // more builds on the country ("the Iraq War"), and regions do open longer place names.
    if (m.kind == LexKind::CountryName && m.first == t.ner_first && t.ner_last >= m.last + 2 &&
        t.ner_label == static_cast<int>(ner::NerLabel::Location))
      return false;
    bool only_article = true;
    for (std::uint32_t k = t.ner_first; k < t.ner_last; ++k) {
      if (k >= m.first && k < m.last) continue;
      if (a.in_list("collective", k) || a.in_list("compass", k)) return false;
      only_article = only_article && (a.key(k) == "the");
    }
    return !only_article && !title_inside(a, t.ner_first, t.ner_last);
  });
}

// "National Security Council": a known organisation's name ("Security Council") that the tagger
// reads as the end of a longer organisation's name, after capitalised words no other name holds, is
// part of that longer name: the gazetteer's mention goes and the tagger's span is the mention
// (find_name_mentions). Words after a known name stay apart ("NATO Defence Ministers"), and so do a
// country, a title or an article before it.
void drop_organisations_ending_tagged_names(Analysis& a) {
  std::vector<bool> held(a.token_count(), false);
  for (const MentionDraft& m : a.mentions)
    for (std::uint32_t k = m.first; k < m.last; ++k) held[k] = true;
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    const TokenInfo& t = a.tokens[m.first];
    if (m.source != MentionSource::Gazetteer || m.kind != LexKind::Organisation ||
        t.ner_label != static_cast<int>(ner::NerLabel::Organisation) || t.ner_last != m.last || t.ner_first >= m.first ||
        t.ner_confidence < 0.9f)
      return false;
    for (std::uint32_t k = t.ner_first; k < m.first; ++k)
      if (held[k] || !a.tokens[k].upper || a.key(k) == "the" || title_starting_at(a, k, t.ner_last) > 0 || a.in_list("compass", k) ||
          a.in_list("not_a_name", k) || !has_letter(a.token_text(k)))
        return false;
    return !title_inside(a, t.ner_first, t.ner_last);
  });
  if (a.mentions.size() != before) std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& x, const MentionDraft& y) { return x.first < y.first; });
}

}  // namespace kgraph::extract
