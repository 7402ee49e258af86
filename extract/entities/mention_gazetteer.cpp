// Gazetteer passes of the mention stage: names of the ontology (countries, capitals, demonyms,
// organisations, places) found longest first, extended to the longer name around them ("Eastern
// Ukraine", "NATO allies"), and marked as locatives.
// The order the passes run in is find_mentions's (mention_finder.cpp).
#include "extract/entities/mention_passes.hpp"

#include <vector>

#include "extract/entities/name_rules.hpp"

namespace kgraph::extract {

namespace {

// Does the text of token i satisfy the entry's case rule for its j-th token?
bool case_fits(const Analysis& a, std::size_t i, const LexEntry& e, std::size_t j) {
  const TokenInfo& t = a.tokens[i];
  if (e.exact_case[j]) return t.caps;
  if (e.capitalised[j]) return t.upper;
  return true;
}

// Prefer the reading that names a country, then an organisation, a place, a capital.
int kind_rank(LexKind k) {
  switch (k) {
    case LexKind::CountryName: return 0;
    case LexKind::Organisation: return 1;
    case LexKind::Place: return 2;
    case LexKind::Metonym: return 3;
    case LexKind::Capital: return 4;
    case LexKind::Demonym: return 5;
    case LexKind::Event: return 6;
  }
  return 7;
}

// Whether the phrase [i, i + len) of a sentence ending at `end` is only the start of a longer name:
// "the Gulf" (Persian Gulf) of "the Gulf War", a listed phrase starting after the article and
// ending later; or "the" and a one-word place followed by "of" and a capitalised word, "the Gulf of
// Mexico". Then the
// phrase is no mention, and the longer name is read from the next token. `spare` holds room for
// Lexicon::phrases_at's hits.
bool part_of_longer_name(const Analysis& a, LexKind kind, std::uint32_t i, std::uint32_t len, std::uint32_t end,
                         PhraseHit* spare) {
  const std::uint32_t after = i + len;
  if (kind == LexKind::Place && len == 2 && a.key(i) == "the" && after + 1 < end && a.key(after) == "of" &&
      a.tokens[after + 1].upper)
    return true;
  if (len < 2 || a.key(i) != "the") return false;
  const int hits = a.lex.phrases_at(
      end - i - 1, [&](std::size_t k) -> const std::string& { return a.key(i + 1 + k); },
      [&](std::size_t k) { return a.tokens[i + 1 + k].key_hash; }, spare);
  return hits > 0 && i + 1 + static_cast<std::uint32_t>(spare[0].length) > after;
}

// "28th", "1st", "43rd": a number written as an ordinal.
bool is_ordinal(std::string_view w) {
  std::size_t d = 0;
  while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
  if (d == 0 || w.size() != d + 2) return false;
  const std::string_view tail = w.substr(d);
  return tail == "st" || tail == "nd" || tail == "rd" || tail == "th";
}

// A hyphen or an en dash written between two names ("DPRK-PRC", "DPRK\u2013PRC").
bool is_dash(std::string_view w) { return w == "-" || w == "\u2013"; }

}  // namespace

void find_gazetteer_mentions(Analysis& a) {
  // (twice the room: part_of_longer_name probes the next token's phrases behind the hits)
  std::vector<PhraseHit> found(2 * static_cast<std::size_t>(a.lex.max_phrase_tokens()));
  for (int s = 0; s + 1 < static_cast<int>(a.doc.sentence_first_token.size()); ++s) {
    const std::uint32_t end = a.sentence_last(s);
    for (std::uint32_t i = a.sentence_first(s); i < end;) {
      bool matched = false;
      // "Nagorno - Karabakh", "Bosnia - Herzegovina": a hyphenated name of the ontology written
      // with spaces around its hyphen (as some wires and scrapers do) is that name, not its halves.
      if (i + 2 < end && a.tokens[i].upper && a.tokens[i + 2].upper && is_dash(a.token_text(i + 1)) &&
          a.doc.tokens[i + 1].begin > a.doc.tokens[i].end && a.doc.tokens[i + 2].begin > a.doc.tokens[i + 1].end) {
        const LexEntry* best = nullptr;
        if (const auto* entries = a.lex.phrase(a.key(i) + "-" + a.key(i + 2)))
          for (const LexEntry& e : *entries)
            if (!best || kind_rank(e.kind) < kind_rank(best->kind)) best = &e;
        if (best) {
          MentionDraft m;
          m.first = i;
          m.last = i + 3;
          m.type = best->kind == LexKind::Demonym || best->kind == LexKind::Metonym ? EntityType::Country : best->type;
          m.source = MentionSource::Gazetteer;
          m.kind = best->kind;
          m.name = best->name;
          m.org_kind = best->org_kind;
          a.mentions.push_back(std::move(m));
          i += 3;
          continue;
        }
      }
      // The phrases starting at i, longest first: one hash probe per token (Lexicon::phrases_at).
      const int hits = a.lex.phrases_at(
          end - i, [&](std::size_t k) -> const std::string& { return a.key(i + k); },
          [&](std::size_t k) { return a.tokens[i + k].key_hash; }, found.data());
      for (int h = 0; h < hits && !matched; ++h) {
        const int len = found[static_cast<std::size_t>(h)].length;
        const auto* entries = found[static_cast<std::size_t>(h)].entries;
        const LexEntry* best = nullptr;
        for (const LexEntry& e : *entries) {
          bool fits = true;
          for (int j = 0; j < len && fits; ++j) fits = case_fits(a, i + static_cast<std::uint32_t>(j), e, static_cast<std::size_t>(j));
          if (fits && (!best || kind_rank(e.kind) < kind_rank(best->kind))) best = &e;
        }
        if (!best) continue;
        if (part_of_longer_name(a, best->kind, i, static_cast<std::uint32_t>(len), end, found.data() + hits)) break;
        MentionDraft m;
        m.first = i;
        m.last = i + static_cast<std::uint32_t>(len);
        m.type = best->type;
        m.source = MentionSource::Gazetteer;
        m.kind = best->kind;
        m.name = best->name;
        m.org_kind = best->org_kind;
        if (best->kind == LexKind::Demonym || best->kind == LexKind::Metonym) m.type = EntityType::Country;
        // "the West Bank", "the Gulf": the article helps to match the phrase but is no part of the
        // name's span, unless the name has it ("The Hague")
        if (len > 1 && a.key(i) == "the" && normalize_key(m.name).rfind("the ", 0) != 0) ++m.first;
        a.mentions.push_back(std::move(m));
        i += static_cast<std::uint32_t>(len);
        matched = true;
      }
      if (!matched) ++i;
    }
  }
}

// "Eastern Ukraine" is Ukraine; "NATO allies" are NATO acting together.
void extend_gazetteer_mentions(Analysis& a) {
  for (MentionDraft& m : a.mentions) {
    if (m.source != MentionSource::Gazetteer) continue;
    const int s = a.tokens[m.first].sentence;
    // (a capitalised direction only: "Eastern Europe" is written as one name, while in "northern
    // Iraq" the name is Iraq)
    if ((m.type == EntityType::Country || m.type == EntityType::Location) && m.kind != LexKind::Demonym &&
        m.first > a.sentence_first(s) && a.in_list("compass", m.first - 1) && a.tokens[m.first - 1].mention < 0 &&
        a.tokens[m.first - 1].upper) {
      --m.first;
      // a part of a continent or a city is a region of its own ("Western Europe", "East Asia", "East
      // Jerusalem"), while a country's part stays the country for its relations ("Eastern Ukraine")
      if (m.type == EntityType::Location) {
        const auto begin = a.doc.tokens[m.first].begin;
        m.name = std::string(a.doc.text.substr(begin, a.doc.tokens[m.last - 1].end - begin));
      }
    }
    // "the NATO summit", "the 28th NATO summit", "the Singapore summit": a known body or place before
    // a lower-case word of a gathering (word list held_event) names the gathering it holds or that is
    // held there, as the text writes it with its ordinal, not the body or place. (After a hyphen the
    // place is one of two, "the PRC-DPRK summit", whose name the tagger reads.)
    if (m.last < a.sentence_last(s) && m.kind != LexKind::Demonym && m.kind != LexKind::Event &&
        !a.tokens[m.last].upper && a.in_list("held_event", m.last) &&
        !(m.first > a.sentence_first(s) && is_dash(a.token_text(m.first - 1)))) {
      if (m.first > a.sentence_first(s) && is_ordinal(a.token_text(m.first - 1))) --m.first;
      m.last += 1;
      const auto begin = a.doc.tokens[m.first].begin;
      m.name = std::string(a.doc.text.substr(begin, a.doc.tokens[m.last - 1].end - begin));
      m.type = EntityType::Event;
      m.kind = LexKind::Event;
      m.source = MentionSource::Name;
      m.org_kind.clear();
      continue;
    }
    if (m.type == EntityType::Organisation && m.last < a.sentence_last(s)) {
      if (m.last + 1 < a.sentence_last(s) && a.in_list("collective", m.last, 2))
        m.last += 2;
      else if (a.in_list("collective", m.last))
        m.last += 1;
    }
  }
}

void mark_locatives(Analysis& a) {
  for (MentionDraft& m : a.mentions) {
    if (m.first == 0) continue;
    const int s = a.tokens[m.first].sentence;
    std::uint32_t p = m.first - 1;
    if (p > a.sentence_first(s) && a.key(p) == "the") --p;
    if (p >= a.sentence_first(s) && a.tokens[p].sentence == s && a.in_list("locative", p)) m.locative = true;
    // A capital someone travels to, or one a place lies near, is the city: "flew to Washington",
    // "west of Baghdad" (a government is met or talked to by name, "talks with Washington", not gone to).
    if (m.kind == LexKind::Capital && p >= a.sentence_first(s) && a.tokens[p].sentence == s && a.in_list("city_cue", p))
      m.locative = true;
    // A dateline opens a paragraph: "Brussels, Jan 8 (Agency):", "Washington (CNN)"
    if (m.first == a.sentence_first(s) && m.last < a.sentence_last(s) &&
        (a.token_text(m.last) == "," || a.token_text(m.last) == "(") && m.kind == LexKind::Capital)
      m.locative = true;
  }
}

}  // namespace kgraph::extract
