#include "extract/entities/mention_finder.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "extract/entities/name_rules.hpp"
#include "extract/ner/ner_tagger.hpp"
#include "extract/profile/stage_profile.hpp"
#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

// A mention's name as the text writes its tokens first..last: one space where the text has any
// gap between two tokens, none where they touch ("U.S.-led", "St. Peter's").
void spell_name(const Analysis& a, MentionDraft& m) {
  m.name.clear();
  for (std::uint32_t k = m.first; k < m.last; ++k) {
    if (k > m.first && a.doc.tokens[k].begin > a.doc.tokens[k - 1].end) m.name.push_back(' ');
    m.name += a.token_text(k);
  }
}

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

void find_gazetteer_mentions(Analysis& a) {
  // (twice the room: part_of_longer_name probes the next token's phrases behind the hits)
  std::vector<PhraseHit> found(2 * static_cast<std::size_t>(a.lex.max_phrase_tokens()));
  for (int s = 0; s + 1 < static_cast<int>(a.doc.sentence_first_token.size()); ++s) {
    const std::uint32_t end = a.sentence_last(s);
    for (std::uint32_t i = a.sentence_first(s); i < end;) {
      bool matched = false;
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
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    const TokenInfo& t = a.tokens[m.first];
    if (m.source != MentionSource::Gazetteer || t.ner_label < 0 || t.ner_label == static_cast<int>(ner::NerLabel::Misc))
      return false;
    // "Texas beat Florida": a US state the tagger reads, exactly, as a team or body is one (word list
    // tagger_first_kind names the kinds of place whose names serve so).
    if (m.kind == LexKind::Place && t.ner_first == m.first && t.ner_last == m.last &&
        t.ner_label == static_cast<int>(ner::NerLabel::Organisation) && t.ner_confidence >= 0.9f &&
        a.lex.in_list("tagger_first_kind", m.org_kind))
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

// A name the tagger is sure of that the gazetteer and the rules left in pieces ("China Daily" as
// the country China and a stray "Daily", "North Korean Red Cross" as a demonym and an
// organisation) is one mention of the tagger's type. Pieces stay where the ontology or the rules
// have evidence: a piece reaching outside the name, a description, a person after a title,
// a known organisation ("The North Atlantic Treaty Organization" is NATO), a title inside the name
// ("NATO Secretary General X"), or words between the pieces that are no name words ("NATO service").
void join_tagged_names_left_in_pieces(Analysis& a) {
  std::vector<bool> drop(a.mentions.size(), false);
  std::vector<MentionDraft> joined;
  for (std::uint32_t i = 0; i < a.token_count();) {
    const TokenInfo& t = a.tokens[i];
    if (t.ner_label < 0 || t.ner_first != i) {
      ++i;
      continue;
    }
    const std::uint32_t b = i, e = t.ner_last;
    i = e;
    if (t.ner_label == static_cast<int>(ner::NerLabel::Misc) || t.ner_confidence < 0.9f || e - b < 2) continue;
    std::vector<int> pieces;
    bool ok = true;
    for (std::size_t mi = 0; mi < a.mentions.size() && ok; ++mi) {
      const MentionDraft& m = a.mentions[mi];
      if (m.last <= b || m.first >= e) continue;
      const TitleEntry* te = nullptr;
      if (m.first < b || m.last > e || m.source == MentionSource::Description ||
          (m.type == EntityType::Person && m.first > 0 && title_ending_at(a, m.first - 1, &te) > 0) ||
          (m.source == MentionSource::Gazetteer && m.kind != LexKind::CountryName && m.kind != LexKind::Demonym &&
           m.kind != LexKind::Capital && m.kind != LexKind::Place))
        ok = false;
      pieces.push_back(static_cast<int>(mi));
    }
    // the words between the pieces must be name words: capitalised, "&" or a connector ("of", "and")
    for (std::uint32_t k = b; k < e && ok; ++k)
      if (a.tokens[k].mention < 0 && !a.tokens[k].upper && a.token_text(k) != "&" && !a.in_list("name_connector", k))
        ok = false;
    for (std::uint32_t k = b; k < e && ok; ++k)
      if (a.tokens[k].mention < 0 && a.in_list("not_a_name", k)) ok = false;
    // A person's full name is evidence of its own: "envoy to Syria Staffan de Mistura" is a
    // country and a person, not one place, whatever the tagger reads.
    for (int p : pieces) {
      const MentionDraft& m = a.mentions[static_cast<std::size_t>(p)];
      if (m.type == EntityType::Person && m.last - m.first >= 2 && t.ner_label != static_cast<int>(ner::NerLabel::Person))
        ok = false;
    }
    if (!ok || pieces.empty()) continue;
    if (pieces.size() == 1 && a.mentions[static_cast<std::size_t>(pieces[0])].first == b &&
        a.mentions[static_cast<std::size_t>(pieces[0])].last == e)
      continue;  // already whole
    if (title_inside(a, b, e)) continue;
    // a piece that the ontology or the rules extended over the whole name has no gap left
    bool gap_or_split = pieces.size() > 1;
    for (std::uint32_t k = b; k < e && !gap_or_split; ++k) gap_or_split = a.tokens[k].mention < 0;
    if (!gap_or_split) continue;
    for (int p : pieces) drop[static_cast<std::size_t>(p)] = true;
    MentionDraft m;
    m.first = b;
    m.last = e;
    m.source = MentionSource::Ner;
    m.type = *tagged_type(t.ner_label);  // MISC spans were passed over above
    spell_name(a, m);
    joined.push_back(std::move(m));
  }
  if (joined.empty()) return;
  std::vector<MentionDraft> kept;
  for (std::size_t mi = 0; mi < a.mentions.size(); ++mi)
    if (!drop[mi]) kept.push_back(std::move(a.mentions[mi]));
  for (MentionDraft& m : joined) kept.push_back(std::move(m));
  a.mentions = std::move(kept);
  std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& x, const MentionDraft& y) { return x.first < y.first; });
  index_mentions(a);
}

// Cuts the mention's last word off its name when the name ends in that word after a space;
// false (nothing changed) when the name is written otherwise.
bool drop_last_word(MentionDraft& m, std::string_view word) {
  if (m.name.size() <= word.size() + 1 || m.name.compare(m.name.size() - word.size(), word.size(), word) != 0 ||
      m.name[m.name.size() - word.size() - 1] != ' ')
    return false;
  m.name.resize(m.name.size() - word.size() - 1);
  --m.last;
  return true;
}

// "Foreign Minister Kim Sung-hwan Sunday", "jets to Vladivostok September 3": a day, or a month
// before a number, is a time, never the end of a name, whoever read it into one (the tagger, a
// capitalised run). A month that is no date stays ("Theresa May").
void trim_time_words(Analysis& a) {
  bool trimmed = false;
  for (MentionDraft& m : a.mentions) {
    if (m.source == MentionSource::Gazetteer || m.source == MentionSource::Description) continue;
    while (m.last - m.first >= 2 && a.in_list("time_word", m.last - 1)) {
      const std::uint32_t k = m.last - 1;
      const bool date = k + 1 < a.token_count() && a.tokens[k + 1].sentence == a.tokens[k].sentence &&
                        !a.token_text(k + 1).empty() && a.token_text(k + 1)[0] >= '0' && a.token_text(k + 1)[0] <= '9';
      if (a.in_list("month", k) && !date) break;
      if (!drop_last_word(m, a.token_text(k))) break;
      trimmed = true;
      // (the preposition that led to the time goes with it: "the House of Representatives on
      // January 6"; a name ends in no lower-case connector)
      while (m.last - m.first >= 2 && !a.tokens[m.last - 1].upper && a.in_list("institution_connector", m.last - 1))
        if (!drop_last_word(m, a.token_text(m.last - 1))) break;
    }
  }
  if (trimmed) index_mentions(a);
}

// Whether the word at token `k` is a mention of one word elsewhere in the text.
bool named_alone(const Analysis& a, std::uint32_t k) {
  return std::any_of(a.mentions.begin(), a.mentions.end(),
                     [&](const MentionDraft& o) { return o.last == o.first + 1 && o.first != k && a.key(o.first) == a.key(k); });
}

// Whether token k is a square bracket, which an editor writes around words added to a quotation.
bool square_bracket(const Analysis& a, std::uint32_t k) { return a.token_text(k) == "[" || a.token_text(k) == "]"; }

// "when [Kim] can switch", "[Shinzo] Abe and I", "with [Attorney General] Jeff [Sessions]": an
// editor's brackets inside a quotation are no part of the name they hold, whoever read them into it.
// A bracket at an edge goes; one inside leaves the name spelt without it ("Jeff Sessions").
void trim_editorial_brackets(Analysis& a) {
  bool trimmed = false;
  for (MentionDraft& m : a.mentions) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) continue;
    bool inside = false;
    for (std::uint32_t k = m.first; k < m.last && !inside; ++k) inside = square_bracket(a, k);
    if (!inside) continue;
    while (m.last - m.first >= 2 && square_bracket(a, m.first)) ++m.first;
    while (m.last - m.first >= 2 && square_bracket(a, m.last - 1)) --m.last;
    m.name.clear();
    for (std::uint32_t k = m.first; k < m.last; ++k) {
      if (square_bracket(a, k)) continue;
      if (!m.name.empty() && (a.doc.tokens[k].begin > a.doc.tokens[k - 1].end || square_bracket(a, k - 1))) m.name.push_back(' ');
      m.name += a.token_text(k);
    }
    trimmed = true;
  }
  if (trimmed) index_mentions(a);
}

// "you will end like [Moammar] Gadhafi", "(Russian President Vladimir) Putin had told him": an
// editor adds a given name in brackets before the surname the quotation has. A one-word person's
// name that ends an editor's brackets and a one-word name straight after them are one person's name.
void join_bracketed_given_names(Analysis& a) {
  bool joined = false;
  for (MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner) ||
        m.last - m.first != 1 || m.last + 1 >= a.token_count())
      continue;
    const std::string_view close = a.token_text(m.last);
    if (close != "]" && close != ")") continue;
    const int next = a.tokens[m.last + 1].mention;
    if (next < 0) continue;
    MentionDraft& o = a.mentions[static_cast<std::size_t>(next)];
    if ((o.source != MentionSource::Name && o.source != MentionSource::Ner) || o.first != m.last + 1 || o.last - o.first != 1 ||
        a.tokens[o.first].sentence != a.tokens[m.first].sentence)
      continue;
    // (the bracket opens a few words before: an insertion, not a name in brackets of its own)
    const std::string_view open = close == "]" ? "[" : "(";
    bool opened = false;
    for (std::uint32_t k = m.first; k + 5 > m.first && k > 0 && !opened; --k) opened = a.token_text(k - 1) == open;
    if (!opened) continue;
    m.name = m.name + " " + o.name;
    m.last = o.last;
    o.first = o.last;  // emptied, dropped below
    joined = true;
  }
  if (!joined) return;
  std::erase_if(a.mentions, [](const MentionDraft& m) { return m.first >= m.last; });
  index_mentions(a);
}

// Words a tagger or a capitalised run read into a name that no name has at its edges: a clause
// opener before it ("Despite Trump", "Before Obama"; word list clause_opener) and, in a person's
// name, lower-case words after it ("Kim did", "Putin one on one"), which are never part of a
// person's name unless they are a particle ("bin", "von").
void trim_name_edges(Analysis& a) {
  bool trimmed = false;
  // (a word with a capital inside is a name part: "al-Assad", "el-Sisi")
  auto lower_word = [&](std::uint32_t k) {
    const std::string_view t = a.token_text(k);
    return !t.empty() && t[0] >= 'a' && t[0] <= 'z' && std::none_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  for (MentionDraft& m : a.mentions) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) continue;
    while (m.last - m.first >= 2 && a.in_list("clause_opener", m.first) && a.tokens[m.first + 1].upper) {
      const std::string_view word = a.token_text(m.first);
      if (m.name.size() <= word.size() + 1 || m.name.compare(0, word.size(), word) != 0 || m.name[word.size()] != ' ') break;
      m.name.erase(0, word.size() + 1);
      ++m.first;
      trimmed = true;
    }
    // "led Exxon Mobil's oil operations", "Assad's office": a possessive before a lower-case noun
    // is whose the noun is, no part of the name. A name that ends in one stands before no noun ("St.
    // Peter's."), or is one word the text names nowhere without it ("a Pyongyang McDonald's seems").
    if (m.last - m.first >= 2 && m.last < a.token_count() && a.tokens[m.last].sentence == a.tokens[m.first].sentence &&
        (a.key(m.last - 1) == "'s" || a.key(m.last - 1) == "\u2019s") && lower_word(m.last) &&
        !a.in_list("locative", m.last) && (m.last - m.first >= 3 || named_alone(a, m.first))) {
      const std::string_view word = a.token_text(m.last - 1);
      if (m.name.size() > word.size() && m.name.compare(m.name.size() - word.size(), word.size(), word) == 0) {
        m.name.resize(m.name.size() - word.size());
        --m.last;
        trimmed = true;
      }
    }
    if (m.type != EntityType::Person) continue;
    while (m.last - m.first >= 2 && lower_word(m.last - 1) && !a.in_list("name_particle", m.last - 1)) {
      if (!drop_last_word(m, a.token_text(m.last - 1))) break;
      trimmed = true;
    }
  }
  if (trimmed) index_mentions(a);
}

// A name that ends in a word for an institution or a place ("Graduate School", "Independence
// Square", "MacDill Air Force Base"), or that follows "the" straight away ("the Christian Science
// Monitor reported"), is no one's name, whatever the tagger or a speech verb after it suggested:
// it is the organisation or the place. (A title between the article and a name, "the president,
// X", keeps the person.)
bool gazetteer_place(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  std::string key;
  for (std::uint32_t i = first; i < last; ++i) key += (i > first ? " " : "") + a.key(i);
  if (const auto* entries = a.lex.phrase(key))
    for (const LexEntry& e : *entries)
      if (e.kind == LexKind::Place || e.kind == LexKind::CountryName || e.kind == LexKind::Capital) return true;
  return false;
}

// A word for a kind of place, singular or plural: "region", "regions", "province".
bool place_word(const Analysis& a, std::uint32_t k) {
  if (a.in_list("place_class", k) || a.in_list("place_suffix", k)) return true;
  const std::string& w = a.key(k);
  if (w.size() < 4 || w.back() != 's') return false;
  const std::string singular = w.substr(0, w.size() - 1);
  return a.lex.in_list("place_class", singular) || a.lex.in_list("place_suffix", singular);
}

void retype_implausible_persons(Analysis& a) {
  for (MentionDraft& m : a.mentions) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) continue;
    // "Sen. John McCain, Arizona Republican", "Rep. X, New Jersey Democrat": the state and the
    // party, written after a legislator's name; the state is the name.
    if (m.last - m.first >= 2 && a.in_list("party_member", m.last - 1) &&
        (m.type != EntityType::Person || gazetteer_place(a, m.first, m.last - 1))) {
      const std::string_view word = a.token_text(m.last - 1);
      if (m.name.size() > word.size() + 1 && m.name.compare(m.name.size() - word.size(), word.size(), word) == 0) {
        m.name.resize(m.name.size() - word.size() - 1);
        --m.last;
        m.type = EntityType::Location;
        continue;
      }
    }
    // "the Belgorod and Rostov regions", "Sinjar city": a name before a word for a kind of place is that place
    if (m.last < a.token_count() && a.tokens[m.last].sentence == a.tokens[m.first].sentence && !a.tokens[m.last].upper &&
        m.type != EntityType::Location && m.type != EntityType::Country && place_word(a, m.last)) {
      m.type = EntityType::Location;
      // and the names listed with it: "the Belgorod, Bryansk and Rostov regions"
      for (std::uint32_t k = m.first; k >= 2 && (a.token_text(k - 1) == "," || a.key(k - 1) == "and" || a.key(k - 1) == "or");) {
        const int other = a.tokens[k - 2].mention;
        if (other < 0) break;
        MentionDraft& o = a.mentions[static_cast<std::size_t>(other)];
        if (o.last != k - 1 || (o.source != MentionSource::Name && o.source != MentionSource::Ner) || o.type == EntityType::Country)
          break;
        o.type = EntityType::Location;
        k = o.first;
        if (k >= 1 && a.token_text(k - 1) == ",") continue;
        break;
      }
      continue;
    }
    // "Atlapa Convention Center", "MacDill Air Force Base": a venue or site is a place, whoever runs it.
    // A last word that also heads institutions ("Center", institution_head) makes a place only
    // where the tagger does not read the whole name as an organisation: "Pew Research Center",
    // "Stimson Center" are think tanks, "World Trade Center" a site.
    auto site = [&]() {
      if (!a.in_list("place_suffix", m.last - 1) || m.last - m.first < 2) return false;
      if (!a.in_list("institution_head", m.last - 1)) return true;
      for (std::uint32_t k = m.first; k < m.last; ++k)
        if (a.tokens[k].ner_label != static_cast<int>(ner::NerLabel::Organisation)) return true;
      return false;
    };
    if (m.type == EntityType::Organisation && site() && a.tokens[m.last - 1].upper) {
      m.type = EntityType::Location;
      continue;
    }
    if (m.type != EntityType::Person) continue;
    if (site()) {
      m.type = EntityType::Location;
      continue;
    }
    if (a.in_list("org_suffix", m.last - 1) && m.last - m.first >= 2) {
      m.type = EntityType::Organisation;
      continue;
    }
    // (only where the name ends its phrase, before a verb or a sign: "the Marc Dutroux case" names a person)
    const int s = a.tokens[m.first].sentence;
    auto past_tense = [&](std::uint32_t k) {
      const std::string& w = a.key(k);
      return !a.tokens[k].upper && w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0;
    };
    const bool phrase_end = m.last >= a.sentence_last(s) || !has_letter(a.token_text(m.last)) ||
                            a.in_list("speech_verb", m.last) || a.in_list("verb_helper", m.last) || past_tense(m.last);
    if (m.first > a.sentence_first(s) && a.key(m.first - 1) == "the" && m.last - m.first >= 2 && phrase_end)
      m.type = EntityType::Organisation;
  }
}

// "Sunni", "Kurdish", "Europeans", "pro-Russian": a word for a religious, ethnic or political group,
// or an adjective of support or opposition, names no entity on its own (word list group_word),
// whatever type the tagger gave it; in a longer name it stays ("Muslim Brotherhood").
void drop_group_words(Analysis& a) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.last != m.first + 1 || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) return false;
    const std::string& k = a.key(m.first);
    return a.in_list("group_word", m.first) || k.rfind("pro-", 0) == 0 || k.rfind("anti-", 0) == 0;
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "Officials said ...", "Analysts expect ...": a plural noun for a group of people,
// capitalised because it starts the sentence, is no one's name (ontology word list
// people_group). Only the word alone goes; longer names that start with one stay
// ("Doctors Without Borders"), and so do names the gazetteer knows.
// So is a word for members of a force read as a person ("a retired Marine", "2,200 Marines"; word
// list personnel, singular or plural): a service member, no one's name.
void drop_people_groups(Analysis& a) {
  const auto before = a.mentions.size();
  // (a surname written before its given name stays: "Sailor, Perry")
  auto service_member = [&](const MentionDraft& m) {
    const bool inverted = m.last + 1 < a.token_count() && a.token_text(m.last) == "," && a.tokens[m.last + 1].upper &&
                          a.tokens[m.last + 1].sentence == a.tokens[m.first].sentence;
    return m.type == EntityType::Person && !inverted &&
           (a.in_list("personnel", m.first) || a.lex.in_list("personnel", a.key(m.first) + "s"));
  };
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    return m.last == m.first + 1 && m.source != MentionSource::Gazetteer &&
           (a.in_list("people_group", m.first) || service_member(m));
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "(R-Ariz.)", "(D-N.Y.)", "R-Oklahoma": the party and state written after a legislator's name
// (word lists party_letter and us_state_code, compared without dots, or a place of places.tsv in
// the United States).
bool party_designator(const Analysis& a, std::string_view text) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= text.size()) return false;
  if (!a.lex.in_list("party_letter", normalize_key(text.substr(0, dash)))) return false;
  std::string state;
  for (char c : text.substr(dash + 1))
    if (c != '.') state.push_back(c);
  if (a.lex.in_list("us_state_code", normalize_key(state))) return true;
  // the state written in full ("Sen. James Inhofe, R-Oklahoma"): a place in the United States
  if (const auto* entries = a.lex.phrase(normalize_key(state)))
    for (const LexEntry& e : *entries)
      if (e.kind == LexKind::Place && e.country == "United States") return true;
  return false;
}

// Whether the text [begin, end) is a paragraph of its own (nothing but quotes, brackets or
// punctuation beside it) and the document writes its last word nowhere else: a sub-heading between paragraphs ("Terrorism
// List", "Transcript Request", "'Absolute Right'", a byline's name), read as a name only for its
// capitals. A name the story is about comes back in its sentences. On realnews-train 15 of the 17
// entities named only on such lines were no annotated entity; the other two were bylines'
// journalists above the story, which stay.
bool subheading_only(std::string_view text, std::size_t begin, std::size_t end) {
  // Letters or digits in `part`; the general punctuation of U+2000..U+203F (curly quotes, dashes:
  // UTF-8 E2 80 xx) is none.
  auto wordy = [](std::string_view part) {
    for (std::size_t i = 0; i < part.size(); ++i) {
      const auto c = static_cast<unsigned char>(part[i]);
      if (c == 0xE2 && i + 2 < part.size() && static_cast<unsigned char>(part[i + 1]) == 0x80) i += 2;
      else if (c >= 0x80 || std::isalnum(c)) return true;
    }
    return false;
  };
  const std::size_t line_begin = begin == 0 ? 0 : text.rfind('\n', begin - 1) + 1;  // (npos + 1 is 0)
  const std::size_t line_end = std::min(text.find('\n', end), text.size());
  if (wordy(text.substr(line_begin, begin - line_begin)) || wordy(text.substr(end, line_end - end))) return false;
  // A paragraph of its own, a blank line either side: a line of a table or of a list ("American
  // League" above its results, a newspaper's name above its headlines) names what it heads.
  if (line_begin < 2 || text[line_begin - 2] != '\n' || line_end + 1 >= text.size() || text[line_end + 1] != '\n') return false;
  // (its last word, as written: a heading "Vladimir Putin" over a story of "Putin said" is his name)
  std::string_view name = text.substr(begin, end - begin);
  name.remove_prefix(name.rfind(' ') == std::string_view::npos ? 0 : name.rfind(' ') + 1);
  if (text.find(name) != text.rfind(name)) return false;
  // A line above the story's first sentence is its header (a byline's journalist, "Gregory
  // Korte\n\nUSA TODAY"), which names people: only after a line of running text (eight words or
  // more) is a line alone a sub-heading.
  std::size_t words = 0;
  for (std::size_t i = 0; i < line_begin; ++i) {
    if (text[i] == '\n') words = 0;
    else if (text[i] == ' ' && ++words >= 8) return true;
  }
  return false;
}

// Names no one has, whatever type the tagger gave them: a legislator's party and state ("R-Ariz."),
// a generational suffix alone ("Jr.", "II" cut from its name by a line break or a link), a word
// that is never a name on its own ("Obviously", "Everybody"; word list not_an_entity), a name
// holding a phrase of that list ("Air Force One", "Fake News Media": a plane, a slogan).
bool holds_no_entity_phrase(const Analysis& a, const MentionDraft& m) {
  for (std::uint32_t i = m.first; i + 1 < m.last; ++i)
    for (std::uint32_t n = 2; i + n <= m.last; ++n)
      if (a.in_list("not_an_entity", i, n)) return true;
  return false;
}

void drop_name_debris(Analysis& a) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) return false;
    const std::string_view text(a.doc.text.data() + a.doc.tokens[m.first].begin,
                                a.doc.tokens[m.last - 1].end - a.doc.tokens[m.first].begin);
    return party_designator(a, text) ||
           (m.last == m.first + 1 && (a.in_list("name_suffix", m.first) || a.in_list("not_an_entity", m.first))) ||
           holds_no_entity_phrase(a, m) ||
           subheading_only(a.doc.text, a.doc.tokens[m.first].begin, a.doc.tokens[m.last - 1].end);
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// Whether some token of the document with key hash `key` passes `test`; the answer is kept per key
// in `memo`, as a document asks again for every mention of the same word.
template <class Test>
bool some_token_with_key(const Analysis& a, std::unordered_map<std::uint64_t, bool>& memo, std::uint64_t key, Test test) {
  auto [it, fresh] = memo.try_emplace(key, false);
  if (fresh)
    for (std::uint32_t k = 0; k < a.token_count() && !it->second; ++k) it->second = a.tokens[k].key_hash == key && test(k);
  return it->second;
}

// A one-word name read as a person only where English capitalises any word (the first word of a
// sentence or a quotation: "Sadly, ...", "Destroy them", "Given the ..."), that the document never
// capitalises inside a sentence (after a title, in a longer name), that is no office holder's
// surname, and that no verb follows, has nothing but the tagger's guess for it: on realnews-train
// 24 such nodes went, all no entity the annotator listed ("Luckily", "Hallelujah", "Kimsaid").
void drop_lone_opening_persons(Analysis& a) {
  std::unordered_map<std::uint64_t, bool> named_inside;  // key hash -> capitalised inside a sentence
  auto inside = [&](std::uint64_t key) {
    return some_token_with_key(a, named_inside, key, [&](std::uint32_t k) { return a.tokens[k].upper && !opens_sentence_or_quote(a, k); });
  };
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.type != EntityType::Person || m.last != m.first + 1 ||
        (m.source != MentionSource::Name && m.source != MentionSource::Ner))
      return false;
    // (a verb after the word is evidence of a subject: '..., " Edberg said', "Prodi will also meet",
    // "Prodi met"; an adverb or a verb at the opening is followed by a comma or an object instead)
    const bool speaker = m.last < a.sentence_last(a.tokens[m.first].sentence) &&
                         (a.in_list("speech_verb", m.last) || a.in_list("verb_helper", m.last) || a.in_list("actor_verb", m.last));
    return opens_sentence_or_quotation(a, m.first) && !speaker && !inside(a.tokens[m.first].key_hash) &&
           a.lex.people_with_surname(a.key(m.first)).empty();
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// The words (by key hash) the document writes somewhere in lower case with no capital anywhere in
// them ("al-Qaida" is a name), gathered in one pass over the tokens when first asked: a scan per
// asked word cost 2% of extract on the bench corpus, as most names are never written small.
class LowerCaseWords {
 public:
  explicit LowerCaseWords(const Analysis& a) : a_(a) {}
  bool contains(std::uint64_t key) {
    if (!filled_) {
      for (std::uint32_t k = 0; k < a_.token_count(); ++k) {
        const std::string_view t = a_.token_text(k);
        if (!t.empty() && t[0] >= 'a' && t[0] <= 'z' &&
            std::none_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
          keys_.insert(a_.tokens[k].key_hash);
      }
      filled_ = true;
    }
    return keys_.count(key) != 0;
  }

 private:
  const Analysis& a_;
  bool filled_ = false;
  std::unordered_set<std::uint64_t> keys_;
};

// "said James Jay Carafano of ...", "host Bill O'Reilly": the tagger reads a given name it knows as
// a person and leaves a surname it has never seen untagged, so the person is named by the given
// name alone. Capitalised words straight after a person's name that the tagger reads as no name, no
// mention holds, and the document never writes in lower case (so not "Morning Edition", "Science
// Monitor", "I"), are the rest of that name.
void extend_tagged_given_names(Analysis& a) {
  bool extended = false;
  LowerCaseWords lower_case(a);
  for (MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) continue;
    if (a.tokens[m.last - 1].ner_label != static_cast<int>(ner::NerLabel::Person)) continue;
    const int s = a.tokens[m.first].sentence;
    std::uint32_t e = m.last;
    while (e < a.token_count() && a.tokens[e].sentence == s && a.tokens[e].upper && a.tokens[e].ner_label < 0 &&
           a.tokens[e].mention < 0 && has_letter(a.token_text(e)) && !a.tokens[e].vocab.title_word &&
           !lower_case.contains(a.tokens[e].key_hash) && !a.in_list("not_a_name", e) && !a.in_list("first_person", e) &&
           !a.in_list("org_suffix", e) && !a.in_list("place_suffix", e) && !a.in_list("name_suffix", e))
      ++e;
    // (the capitalised run ends there: "Kim Yo" of "Kim Yo Jong" read in two pieces is left to the
    // rules that join pieces; a person's name follows no article, "the Christian Science Monitor";
    // a line in title case capitalises every word, "Jerome Adams Talks ...")
    if (e == m.last || (e < a.token_count() && a.tokens[e].sentence == s && a.tokens[e].upper && has_letter(a.token_text(e))) ||
        (m.first > a.sentence_first(s) && a.key(m.first - 1) == "the") || is_title_case_line(a, s) || is_headline(a, s))
      continue;
    m.last = e;
    spell_name(a, m);
    extended = true;
  }
  // "like Donald Trump and Ted Cruz": the same for one capitalised word straight before the
  // tagger's person's name (a given name it did not read), inside a sentence (not its first word
  // or a quotation's), after a word that is no part of a name.
  for (MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) continue;
    if (a.tokens[m.first].ner_label != static_cast<int>(ner::NerLabel::Person) || a.tokens[m.first].ner_first != m.first) continue;
    const int s = a.tokens[m.first].sentence;
    if (m.first < a.sentence_first(s) + 2) continue;
    const std::uint32_t g = m.first - 1;
    if (!a.tokens[g].upper || a.tokens[g].ner_label >= 0 || a.tokens[g].mention >= 0 || !has_letter(a.token_text(g)) ||
        a.tokens[g].vocab.title_word || opens_sentence_or_quotation(a, g) || lower_case.contains(a.tokens[g].key_hash) ||
        a.in_list("not_a_name", g) || a.in_list("first_person", g) || a.in_list("clause_opener", g) ||
        a.in_list("not_an_entity", g) || a.tokens[g - 1].upper || !has_letter(a.token_text(g - 1)) ||
        is_title_case_line(a, s) || is_headline(a, s))
      continue;
    m.first = g;
    spell_name(a, m);
    extended = true;
  }
  if (extended) index_mentions(a);
}

// A one-word name that the same document also writes in lower case ("the Center" and "a center",
// "Justice" and "justice", "Nationalism" and "nationalism") is a common word written with a capital,
// whatever the tagger reads, unless it is a word of a longer name of the document (which it may
// stand for: "the Times" of "The New York Times"), an acronym, or an office holder's surname. On
// realnews-train 30 such nodes were no entity the annotator listed and 2 were.
void drop_capitalised_common_words(Analysis& a) {
  LowerCaseWords lower_case(a);
  auto lower = [&](std::uint64_t key) { return lower_case.contains(key); };
  auto in_longer_name = [&](std::uint32_t k) {
    for (const MentionDraft& o : a.mentions)
      if (o.last - o.first >= 2)
        for (std::uint32_t j = o.first; j < o.last; ++j)
          if (a.tokens[j].key_hash == a.tokens[k].key_hash) return true;
    return false;
  };
  // A person's name of several words every one of which the document also writes in lower case
  // ("Border Security", "Missed Opportunities", "Go Home") is a phrase written in title case (a
  // slogan, a heading, a programme), not anyone's name: people's names have a word no sentence
  // writes small. (Organisations are named by common words, "Foreign Ministry", and stay.)
  auto common_phrase = [&](const MentionDraft& m) {
    if (m.type != EntityType::Person || m.last - m.first < 2) return false;
    for (std::uint32_t k = m.first; k < m.last; ++k)
      if (!has_letter(a.token_text(k)) || !lower(a.tokens[k].key_hash)) return false;
    return a.lex.people_with_surname(a.key(m.last - 1)).empty();
  };
  const auto before = a.mentions.size();
  // (first, so that a word of such a phrase read alone, "Weather" beside "Bad Weather", is tested
  // below as the common word it is, with no longer name left to stand for)
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    return (m.source == MentionSource::Name || m.source == MentionSource::Ner) && common_phrase(m);
  });
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    // (a word in capitals of four letters or more is shouted, "CLOSE", "PHOTOS"; a shorter one is an
    // acronym that may spell a word, "US", "WHO")
    if (m.last != m.first + 1 || (m.source != MentionSource::Name && m.source != MentionSource::Ner) ||
        (a.tokens[m.first].caps && a.token_text(m.first).size() < 4))
      return false;
    return lower(a.tokens[m.first].key_hash) && !in_longer_name(m.first) && a.lex.people_with_surname(a.key(m.first)).empty();
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// A name read by the tagger in a line in title case (a headline "Kerry Reportedly Conducts Shadow
// Diplomacy", a byline "David Jackson and Tom Vanden Brook") whose last word the document never
// capitalises in running text is a piece of the headline or a journalist's name, not an entity of
// the story: a name the story is about comes back in its sentences ("Putin Meets Trump" over a
// story of "Putin said"). Names of the ontology (gazetteer mentions) stay. On realnews-train 18
// nodes went this way, one of them ("X is the Kinder Institute Assistant Professor of ...") an
// entity the annotator listed.
void drop_title_case_only_names(Analysis& a) {
  const int sentences = static_cast<int>(a.doc.sentence_first_token.size()) - 1;
  std::vector<char> title_case(static_cast<std::size_t>(std::max(sentences, 0)), 0);
  bool any = false;
  // (a list in title case, with commas, brackets or figures between the names, is a table of
  // results or a line-up: "Petr Korda ( Czech Republic ) bat ...", "Given , Breen , Staunton")
  // A short sentence of three long words ("The two met at Trump Tower on Thursday") is no
  // headline: four words of four letters or more at least.
  // A lower-case word other than the short ones title case leaves so (word list headline_lower)
  // makes the line a sentence: "Olaf Scholz met Emmanuel Macron on Monday."
  auto list_line = [&](int s) {
    int long_words = 0;
    for (std::uint32_t k = a.sentence_first(s); k < a.sentence_last(s); ++k) {
      const std::string_view t = a.token_text(k);
      if (t == "," || t == "(" || t == ";" || (!t.empty() && t[0] >= '0' && t[0] <= '9')) return true;
      if (!t.empty() && t[0] >= 'a' && t[0] <= 'z' && !a.in_list("headline_lower", k)) return true;
      long_words += t.size() >= 4 && has_letter(t);
    }
    return long_words < 4;
  };
  for (int s = 0; s < sentences; ++s) {
    title_case[static_cast<std::size_t>(s)] = is_title_case_line(a, s) && !is_headline(a, s) && !list_line(s);
    any = any || title_case[static_cast<std::size_t>(s)];
  }
  if (!any) return;
  std::unordered_map<std::uint64_t, bool> in_prose;  // key hash -> capitalised in running text
  auto prose = [&](std::uint64_t key) {
    auto [it, fresh] = in_prose.try_emplace(key, false);
    if (fresh)
      for (std::uint32_t k = 0; k < a.token_count() && !it->second; ++k)
        it->second = a.tokens[k].key_hash == key && a.tokens[k].upper &&
                     !title_case[static_cast<std::size_t>(a.tokens[k].sentence)] && !is_headline(a, a.tokens[k].sentence);
    return it->second;
  };
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) return false;
    if (!title_case[static_cast<std::size_t>(a.tokens[m.first].sentence)]) return false;
    return !prose(a.tokens[m.last - 1].key_hash);
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// Whether some token in (from, from + 8) of the sentence is `word` glued to a capitalised word
// ("PompeoProtests", "TrumpGOP"): the end of a full name run into the next headline.
bool glued_repeat_after(const Analysis& a, std::string_view word, std::uint32_t from) {
  const int s = a.tokens[from].sentence;
  const std::uint32_t end = std::min<std::uint32_t>(a.sentence_last(s), from + 8);
  for (std::uint32_t k = from; k < end; ++k) {
    const std::string_view t = a.token_text(k);
    if (t.size() > word.size() && t.compare(0, word.size(), word) == 0 && t[word.size()] >= 'A' && t[word.size()] <= 'Z')
      return true;
  }
  return false;
}

// A name the rules typed as an organisation or an operation (a capitalised run, a word after it)
// that the tagger left untyped or read as a place, and that is a city of the GeoNames table
// ("Sanliurfa", "Pyeongchang"), is that city: the tagger first, the world's places where it is
// silent. People's names keep the rules' evidence (a title, a speech verb), and many are also towns.
// A name typed as a person that the tagger reads as a place word for word and GeoNames knows
// ("in Sydney", "Ramadi in Iraq", "the provinces of Diyala and Kirkuk") is that place too: two
// sources against a rule's guess.
void type_known_places(Analysis& a) {
  for (MentionDraft& m : a.mentions) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) continue;
    bool tagger_agrees = true, tagger_place = true;
    for (std::uint32_t k = m.first; k < m.last && tagger_agrees; ++k) {
      tagger_agrees = a.tokens[k].ner_label < 0 || a.tokens[k].ner_label == static_cast<int>(ner::NerLabel::Location);
      tagger_place = tagger_place && a.tokens[k].ner_label == static_cast<int>(ner::NerLabel::Location);
    }
    const bool rules_org = m.source == MentionSource::Name && (m.type == EntityType::Organisation || m.type == EntityType::Operation);
    const bool person = m.type == EntityType::Person && tagger_place;
    if ((rules_org || person) && tagger_agrees && a.lex.world().place(m.name)) m.type = EntityType::Location;
  }
}

// "Joe Biden and his son, Hunter", "Skripal and his daughter, Yulia": a name straight after a noun
// of family ties (word list kin_word) that follows a possessive ("his", "her", "Biden's"; a comma
// between may stand) is a person's, whatever type the tagger read in it (a place, "Hunter").
void type_kin_names(Analysis& a) {
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.type == EntityType::Person ||
        m.last - m.first > 3)
      continue;
    const std::uint32_t sfirst = a.sentence_first(a.tokens[m.first].sentence);
    std::uint32_t k = m.first;
    if (k > sfirst && a.token_text(k - 1) == ",") --k;
    if (k < sfirst + 2 || !a.in_list("kin_word", k - 1) || a.tokens[k - 1].upper) continue;
    const std::uint32_t owner = k - 2;
    if (!a.in_list("person_pronoun", owner) && a.key(owner) != "'s" && a.key(owner) != "\u2019s") continue;
    m.type = EntityType::Person;
  }
}

// "NPR's Ayesha Rascoe reports", "CNN's Ted Barrett and ...", "Fox News' Chad Pergram": a name of
// two or three capitalised words after a news outlet's possessive is one of its journalists, a
// person, whatever the tagger read (it reads the outlet's name going on). A programme has words the
// document writes in lower case or a time word ("NPR's Morning Edition", "CNN's State of the Union")
// and stays as read.
void type_outlet_staff(Analysis& a) {
  LowerCaseWords lower_case(a);
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.type == EntityType::Person ||
        m.last - m.first < 2 || m.last - m.first > 3)
      continue;
    const std::uint32_t sfirst = a.sentence_first(a.tokens[m.first].sentence);
    if (m.first < sfirst + 2) continue;
    const std::string& mark = a.key(m.first - 1);
    if (mark != "'s" && mark != "\u2019s" && mark != "'" && mark != "\u2019") continue;
    const int outlet = a.tokens[m.first - 2].mention;
    if (outlet < 0) continue;
    const MentionDraft& o = a.mentions[static_cast<std::size_t>(outlet)];
    if (o.source != MentionSource::Gazetteer || o.last != m.first - 1 || !a.lex.in_list("press_kind", o.org_kind)) continue;
    bool name = true;
    for (std::uint32_t k = m.first; k < m.last && name; ++k)
      name = a.tokens[k].upper && has_letter(a.token_text(k)) && !lower_case.contains(a.tokens[k].key_hash) &&
             !a.tokens[k].vocab.title_word && !a.in_list("time_word", k) && !a.in_list("org_suffix", k) &&
             !a.in_list("place_suffix", k);
    if (name) m.type = EntityType::Person;
  }
}

// A name of the shape "X of Y" is the kind of thing its head X is: "Summit of the Americas" is an
// event (event_suffix), "Center for Strategic and International Studies" an organisation
// (org_suffix; "Center" before "for", institution_head), "U.S. House of Representatives" a chamber
// (chamber_word), whatever the tagger or the last word suggested. The head is the capitalised word
// before the first lower-case connector inside the name.
void type_by_head_word(Analysis& a) {
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 3) continue;
    // (a last word of a gathering types it first: "the Group of 20 summit")
    if (a.in_list("held_event", m.last - 1) || a.in_list("event_suffix", m.last - 1)) continue;
    std::uint32_t k = m.first + 1;
    while (k + 1 < m.last && (a.tokens[k].upper || !(a.in_list("name_connector", k) || a.in_list("institution_connector", k)))) ++k;
    if (k + 1 >= m.last || !a.tokens[k - 1].upper) continue;
    if (a.in_list("event_suffix", k - 1)) m.type = EntityType::Event;
    else if (a.in_list("org_suffix", k - 1) || a.in_list("chamber_word", k - 1) ||
             (a.key(k) == "for" && a.in_list("institution_head", k - 1)))
      m.type = EntityType::Organisation;
  }
}

// "(AP Photo/Evan Vucci)", "(Brendan McDermid/Reuters)", "(July 22) AP", "Photographer: Andrew
// Harrer/Bloomberg": a news agency or outlet (word list press_kind) named in a photo or video credit
// is where a picture came from, not what the story is about (word lists credit_before, credit_after). The agency stays an entity where the story names it, its dateline
// included ("Brussels, Jan 8 (IANS):").
void drop_agency_credits(Analysis& a) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.source != MentionSource::Gazetteer || !a.lex.in_list("press_kind", m.org_kind)) return false;
    const int s = a.tokens[m.first].sentence;
    // (a noun after the name makes the pair a joint product, no credit: "a CNN/ORC poll", "an
    // ABC/Washington Post poll")
    const bool noun_after = m.last < a.sentence_last(s) && !a.tokens[m.last].upper && has_letter(a.token_text(m.last));
    const bool before_cue = m.first > a.sentence_first(s) && a.in_list("credit_before", m.first - 1) && !noun_after;
    std::uint32_t past = m.last + 1;  // past the name after a slash ("CNN/ORC poll")
    while (past < a.sentence_last(s) && a.tokens[past].upper) ++past;
    const bool noun_past = m.last < a.sentence_last(s) && a.token_text(m.last) == "/" && past < a.sentence_last(s) &&
                           has_letter(a.token_text(past));
    const bool after_cue = m.last < a.sentence_last(s) && a.in_list("credit_after", m.last) && !noun_past;
    // (an agency in brackets of its own, or in a credit between a sign and a bracket: "Evan Vucci, AP)")
    const bool closes = m.last < a.sentence_last(s) && a.token_text(m.last) == ")";
    return (before_cue && a.token_text(m.first - 1) != ")") || after_cue ||
           (closes && m.first > a.sentence_first(s) && a.token_text(m.first - 1) == ",") ||
           (m.first > a.sentence_first(s) && a.token_text(m.first - 1) == ")" && (m.last >= a.sentence_last(s) || a.tokens[m.last].upper));
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "Italy's Luigi Di Maio" read as the organisation "Luigi" and the person "Di Maio", "analysts
// Carla E. Humud" as "Carla" and "Humud", "Derek E. Mix" as "Derek" and a MISC "E. Mix": the tagger
// cuts one person's name in two where its given name is new to it. In running text one word and a
// name straight after it, one of them read as a person, or one word, a middle initial and one more
// word, are one person's name: prose separates two names with a sign or a word.
// "E.": one capital letter and a period, a middle initial.
bool is_initial(std::string_view w) { return w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'; }

void join_split_person_names(Analysis& a) {
  bool joined = false;
  auto by_rules = [](const MentionDraft& m) { return m.source == MentionSource::Name || m.source == MentionSource::Ner; };
  auto word = [&](std::uint32_t k) {
    const std::string_view t = a.token_text(k);
    // (an abbreviation is no given name: "St. Peter's", "Gen. Smith")
    return a.tokens[k].upper && !a.tokens[k].caps && has_letter(t) && t.back() != '.' && !a.in_list("not_a_name", k) &&
           !a.in_list("saint_word", k);
  };
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    MentionDraft& m = a.mentions[i];
    if (!by_rules(m) || m.last != m.first + 1 || !word(m.first)) continue;  // (word() also refuses an initial)
    const int s = a.tokens[m.first].sentence;
    const std::uint32_t slast = a.sentence_last(s);
    if (is_headline(a, s) || is_title_case_line(a, s) || m.last + 1 >= slast) continue;
    MentionDraft* next = i + 1 < a.mentions.size() ? &a.mentions[i + 1] : nullptr;
    if (next && (!by_rules(*next) || a.tokens[next->first].sentence != s)) next = nullptr;
    std::uint32_t end = m.first;
    // (every word of the second part a name's: capitalised, or with a capital inside, "al-Baghdadi")
    bool next_capitalised = next != nullptr;
    for (std::uint32_t k = next ? next->first : 0; next && k < next->last; ++k) {
      const std::string_view t = a.token_text(k);
      next_capitalised = next_capitalised && std::any_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    }
    // (a word the gazetteer knows as an organisation stays one: "Tass" before "Naina Yeltsin"; and a
    // person's word does not take an organisation's name after it: "Johnson" + "Controls Inc")
    const std::vector<LexEntry>* known = a.lex.phrase(a.key(m.first));
    const bool known_org = known && std::any_of(known->begin(), known->end(),
                                                [](const LexEntry& e) { return e.type == EntityType::Organisation; });
    if (next && next->first == m.last && next->last - next->first <= 2 && next_capitalised && !known_org &&
        (next->type == EntityType::Person || (m.type == EntityType::Person && next->type != EntityType::Organisation))) {
      end = next->last;  // "Luigi" + "Di Maio"
    } else if (is_initial(a.token_text(m.last)) && word(m.last + 1) &&
               (a.tokens[m.last + 1].mention < 0 || (next && next->first == m.last + 1 && next->last == m.last + 2))) {
      end = m.last + 2;  // "Carla" "E." "Humud"
    }
    if (end == m.first) continue;
    if (next && next->first < end) a.mentions.erase(a.mentions.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    MentionDraft& j = a.mentions[i];
    j.last = end;
    j.type = EntityType::Person;
    spell_name(a, j);
    joined = true;
  }
  if (joined) index_mentions(a);
}

// "Osama bin Laden", "Ursula von der Leyen": names the rules or the tagger left either side of a
// lower-case particle of a person's name (word list name_particle) are one person's name when one
// of them is read as a person, or, whatever their types, when the particle says "son of"
// (patronymic_particle: "Osama" an organisation and "Laden" a place to the tagger); the first part
// is at most two words (a given name).
void join_particle_names(Analysis& a) {
  bool joined = false;
  for (std::size_t i = 0; i + 1 < a.mentions.size(); ++i) {
    MentionDraft& m = a.mentions[i];
    const MentionDraft& n = a.mentions[i + 1];
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) ||
        (n.source != MentionSource::Name && n.source != MentionSource::Ner))
      continue;
    if (m.last - m.first > 2 || n.first <= m.last || n.first - m.last > 2 || a.tokens[m.first].sentence != a.tokens[n.first].sentence)
      continue;
    bool particles = true, patronymic = false;
    for (std::uint32_t k = m.last; k < n.first && particles; ++k) {
      particles = !a.tokens[k].upper && a.in_list("name_particle", k);
      patronymic = patronymic || a.in_list("patronymic_particle", k);
    }
    if (!particles || (m.type != EntityType::Person && n.type != EntityType::Person && !patronymic)) continue;
    m.last = n.last;
    m.type = EntityType::Person;
    spell_name(a, m);
    a.mentions.erase(a.mentions.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    joined = true;
  }
  if (joined) index_mentions(a);
}

// "Donald Trump Jr. recalls", "Trump Jr.'s attorney": a generational suffix (word list
// name_suffix) written right after a person's name is part of it, whoever read the name without
// it; without it the son is the father. A mention of the suffix alone there goes.
void attach_name_suffixes(Analysis& a) {
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    MentionDraft& m = a.mentions[i];
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) continue;
    const std::uint32_t k = m.last;
    if (k >= a.token_count() || !a.tokens[k].upper || !a.in_list("name_suffix", k) || a.in_list("name_suffix", k - 1)) continue;
    // (a Roman numeral only after a full name, "Myles Caggins III": after one word it numbers a
    // thing, "Type II", "Episode III"; "Jr." and "Sr." follow a surname too, "Trump Jr.")
    const std::string& suffix = a.key(k);
    if (m.last - m.first < 2 && suffix.rfind("jr", 0) != 0 && suffix.rfind("sr", 0) != 0) continue;
    // (one space between, nothing else: "Trump, Jr." and a suffix on the next line stay as they are)
    if (a.doc.tokens[k].begin != a.doc.tokens[k - 1].end + 1 || a.doc.text[a.doc.tokens[k - 1].end] != ' ') continue;
    const int other = a.tokens[k].mention;
    if (other >= 0 && (a.mentions[static_cast<std::size_t>(other)].first != k ||
                       a.mentions[static_cast<std::size_t>(other)].last != k + 1))
      continue;
    m.last = k + 1;
    spell_name(a, m);
    if (other >= 0) a.mentions.erase(a.mentions.begin() + other);
    index_mentions(a);
  }
}

// Whether token k is a possessive "'s" (straight or curly apostrophe).
bool possessive(const Analysis& a, std::uint32_t k) { return a.key(k) == "'s" || a.key(k) == "\u2019s"; }

// Whether the word at token k is a mention of one word elsewhere in the text, not before "'s".
bool named_alone_not_owning(const Analysis& a, std::uint32_t k) {
  return std::any_of(a.mentions.begin(), a.mentions.end(), [&](const MentionDraft& o) {
    return o.last == o.first + 1 && o.first != k && a.key(o.first) == a.key(k) &&
           !(o.last < a.token_count() && possessive(a, o.last));
  });
}

// Whether a person's name of two words or more in the document has the word at token k.
bool word_of_full_name(const Analysis& a, std::uint32_t k) {
  for (const MentionDraft& o : a.mentions) {
    if (o.type != EntityType::Person || o.last - o.first < 2) continue;
    for (std::uint32_t j = o.first; j < o.last; ++j)
      if (a.key(j) == a.key(k)) return true;
  }
  return false;
}

// "Secretary of Energy Ernest Moniz", "U.S. Representative Adam Schiff", "Democrat Hillary
// Clinton": the tagger reads the end of a title, or a party label, into the name after it. Where
// the document names the person elsewhere with exactly the name's last words ("Adam Schiff"), the
// name is those words, a person's, when the capitalised word before them is no name word: a title
// word, a party member's label, an organisation's last word ("Atomic Energy Organization Ali Akbar
// Salehi"), or a word the document also writes in lower case. A given name stays
// ("Jean-Yves Le Drian" beside "Le Drian": "Jean-Yves" is never written in lower case).
void cut_words_before_full_names(Analysis& a) {
  bool cut = false;
  // (a word also written in lower case is a common word capitalised in a title: "energy" of
  // "Secretary of Energy")
  LowerCaseWords lower_case(a);
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 3) continue;
    for (std::uint32_t j = m.first + 1; j + 2 <= m.last; ++j) {
      const std::uint32_t n = m.last - j;
      const bool named_alone = std::any_of(a.mentions.begin(), a.mentions.end(), [&](const MentionDraft& o) {
        if (&o == &m || o.type != EntityType::Person || o.last - o.first != n) return false;
        for (std::uint32_t k = 0; k < n; ++k)
          if (a.tokens[o.first + k].key_hash != a.tokens[j + k].key_hash) return false;
        return true;
      });
      if (!named_alone) continue;
      if (!a.tokens[j - 1].upper || (!a.tokens[j - 1].vocab.title_word && !a.in_list("party_member", j - 1) &&
                                     !a.in_list("org_suffix", j - 1) &&
                                     !lower_case.contains(a.tokens[j - 1].key_hash)))
        break;
      m.first = j;
      m.type = EntityType::Person;
      spell_name(a, m);
      cut = true;
      break;
    }
  }
  if (cut) index_mentions(a);
}

// "Like Romney, the president ...", "\u201cIf Mueller is fired", "Regarding Iran, we ...": English
// capitalises the first word of a sentence or a quotation, and the tagger or a capitalised run reads
// it into the name after it. Where that word is a common word (the document writes it in lower case,
// or word list not_a_name) and the rest of the name is a mention elsewhere in the document, the name
// is that rest, of that mention's type; a rest that ends in the surname of a person named in full is
// that person.
void cut_sentence_openers_before_names(Analysis& a) {
  bool cut = false;
  LowerCaseWords lower_case(a);
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 2) continue;
    // (a direction opens names, "East Stirling"; a line in capitals or title case capitalises all)
    const int s = a.tokens[m.first].sentence;
    if (!opens_sentence_or_quotation(a, m.first) ||
        !(lower_case.contains(a.tokens[m.first].key_hash) || a.in_list("not_a_name", m.first)) ||
        a.in_list("compass", m.first) || is_headline(a, s) || is_title_case_line(a, s))
      continue;
    const std::uint32_t n = m.last - m.first - 1;
    const MentionDraft* rest = nullptr;
    for (const MentionDraft& o : a.mentions) {
      if (&o == &m || o.last - o.first != n) continue;
      bool same = true;
      for (std::uint32_t k = 0; k < n && same; ++k) same = a.tokens[o.first + k].key_hash == a.tokens[m.first + 1 + k].key_hash;
      if (same) {
        rest = &o;
        break;
      }
    }
    // (or the rest ends in the surname of a person named in full: "Like Romney" beside "Mitt Romney")
    bool surname = false;
    for (const MentionDraft& o : a.mentions)
      surname = surname || (&o != &m && o.type == EntityType::Person && o.last - o.first >= 2 &&
                            a.tokens[o.last - 1].key_hash == a.tokens[m.last - 1].key_hash);
    // (or, one word, the document writes it elsewhere inside a sentence, capitalised, and never in
    // lower case: a name the tagger has not yet been asked about, "Like Romney" beside "Romney said")
    bool written_as_name = false;
    if (!rest && !surname && n == 1 && !lower_case.contains(a.tokens[m.last - 1].key_hash))
      for (std::uint32_t k = 0; k < a.token_count() && !written_as_name; ++k)
        written_as_name = k != m.last - 1 && a.tokens[k].key_hash == a.tokens[m.last - 1].key_hash && a.tokens[k].upper &&
                          !opens_sentence_or_quotation(a, k) && (k == 0 || a.tokens[k - 1].key_hash != a.tokens[m.first].key_hash);
    if (!rest && !surname && !written_as_name) continue;
    m.first += 1;
    if (rest) m.type = rest->type;
    else if (surname) m.type = EntityType::Person;
    spell_name(a, m);
    cut = true;
  }
  if (cut) index_mentions(a);
}

// "Kerry and Lavrov met with ...", "Obama and Rouhani exchanged letters": two surnames joined by
// "and", read as one organisation's name, are two people where the document names each elsewhere as
// a person ("John Kerry", "Sergei Lavrov", "Merkel said").
void split_pairs_of_surnames(Analysis& a) {
  auto surname = [&](const MentionDraft& m, std::uint32_t k) {
    return std::any_of(a.mentions.begin(), a.mentions.end(), [&](const MentionDraft& o) {
      return &o != &m && o.type == EntityType::Person && a.tokens[o.last - 1].key_hash == a.tokens[k].key_hash;
    });
  };
  std::vector<MentionDraft> added;
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first != 3 ||
        a.key(m.first + 1) != "and" || !surname(m, m.first) || !surname(m, m.first + 2))
      continue;
    MentionDraft second = m;
    second.first = m.first + 2;
    second.type = EntityType::Person;
    spell_name(a, second);
    added.push_back(std::move(second));
    m.last = m.first + 1;
    m.type = EntityType::Person;
    spell_name(a, m);
  }
  if (added.empty()) return;
  for (MentionDraft& m : added) a.mentions.push_back(std::move(m));
  std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& x, const MentionDraft& y) { return x.first < y.first; });
  index_mentions(a);
}

// "Secretary of Energy Ernest Moniz", "Minister of Communication and Information Technology X":
// after a title word and "of" or "for", the fields of the office (word list portfolio, joined by
// "and" or a comma) are the end of the title, which the tagger reads into the name after it. The
// name is what follows them: a person's, two capitalised words or more.
void cut_portfolio_words(Analysis& a) {
  bool cut = false;
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 3) continue;
    const int s = a.tokens[m.first].sentence;
    if (m.first < a.sentence_first(s) + 2 || (a.key(m.first - 1) != "of" && a.key(m.first - 1) != "for") ||
        !a.tokens[m.first - 2].vocab.title_word)
      continue;
    std::uint32_t p = m.first;
    for (bool more = true; more && p < m.last;) {
      more = false;
      for (std::uint32_t n = std::min<std::uint32_t>(3, m.last - p); n >= 1 && !more; --n)
        if (a.in_list("portfolio", p, n)) {
          p += n;
          more = true;
        }
      if (more && p + 1 < m.last && (a.key(p) == "and" || a.token_text(p) == ",") && a.in_list("portfolio", p + 1)) ++p;
      else if (more && p + 1 < m.last && (a.key(p) == "and" || a.token_text(p) == ",")) more = false;
    }
    if (p == m.first || m.last - p < 2) continue;
    bool capitalised = true;
    for (std::uint32_t k = p; k < m.last; ++k) capitalised = capitalised && a.tokens[k].upper;
    if (!capitalised) continue;
    m.first = p;
    m.type = EntityType::Person;
    spell_name(a, m);
    cut = true;
  }
  if (cut) index_mentions(a);
}

// Names with a possessive inside that the tagger reads in pieces: "St. Peter's", "Martha's
// Vineyard", "St. James's Palace". A saint's abbreviation (word list saint_word) is never a name
// alone: it joins the name after it, with the possessive when that ends the phrase ("tour St.
// Peter's."). A one-word name before "'s" that the document names nowhere else (alone, or as a word
// of a person's full name) and that is no known name of the ontology or an office holder's
// surname, no acronym and no place of the world table, owns nothing in the text: with the name
// straight after the possessive it is one name.
// Such a name is no person's (people's names have no possessive): what the tagger read as a person
// is a place.
void join_possessive_names(Analysis& a) {
  bool joined = false;
  auto by_rules = [](const MentionDraft& m) { return m.source == MentionSource::Name || m.source == MentionSource::Ner; };
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    MentionDraft& m = a.mentions[i];
    if (!by_rules(m)) continue;
    const int s = a.tokens[m.first].sentence;
    const std::uint32_t slast = a.sentence_last(s);
    const bool saint = m.last == m.first + 1 && a.in_list("saint_word", m.first);
    std::uint32_t end = m.last;
    MentionDraft* next = i + 1 < a.mentions.size() ? &a.mentions[i + 1] : nullptr;
    if (next && (!by_rules(*next) || a.tokens[next->first].sentence != s)) next = nullptr;
    if (saint) {
      if (next && next->first == m.last) end = next->last;
      else if (m.last < slast && a.tokens[m.last].upper && has_letter(a.token_text(m.last))) end = m.last + 1;
      else continue;
      // "St. Peter's." : the possessive ends the name where no name follows it
      if (end < slast && possessive(a, end) && (end + 1 >= slast || !a.tokens[end + 1].upper)) ++end;
    } else {
      // ("St. James's Palace": a saint's name owns no more than the building it names)
      const bool saint_name = m.last == m.first + 2 && a.in_list("saint_word", m.first);
      if ((m.last != m.first + 1 && !saint_name) || m.last + 1 >= slast || !possessive(a, m.last)) continue;
      if (next && next->first == m.last + 1) {
        if (next->type == EntityType::Person && next->last - next->first >= 2) continue;  // "Obama's Joe Biden"
        // A place after the possessive is owned by the name before it ("Alberta's Morinville",
        // "Amazon's Kindle Fire"), and so is a person after anything but a given-name-like word
        // ("Vox's Yglesias" against "Martha's Vineyard"); an organisation's name may hold a
        // possessive ("People's Liberation Army", "Sam's Club").
        const bool place_after = next->type == EntityType::Location || next->type == EntityType::Country;
        const bool owned_person = next->type == EntityType::Person && m.type != EntityType::Person;
        if (!saint_name && (place_after || owned_person)) continue;
        end = next->last;
      } else {
        // capitalised words no mention holds ("Martha's Vineyard" where the tagger read only Martha)
        end = m.last + 1;
        while (end < slast && end < m.last + 4 && a.tokens[end].upper && a.tokens[end].mention < 0 && has_letter(a.token_text(end)))
          ++end;
        if (end == m.last + 1) continue;
      }
      // (an acronym or a known place owns what follows: "CBS's Face the Nation", "Manhattan's West Side")
      if (!saint_name && (a.tokens[m.first].caps || named_alone_not_owning(a, m.first) || word_of_full_name(a, m.first) ||
          a.lex.phrase(a.key(m.first)) || a.lex.world().place(std::string(a.token_text(m.first))) ||
          !a.lex.people_with_surname(a.key(m.first)).empty()))
        continue;
    }
    const EntityType type = next && next->first < end ? next->type : m.type;
    if (next && next->first < end) a.mentions.erase(a.mentions.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    MentionDraft& j = a.mentions[i];
    j.last = end;
    j.type = type == EntityType::Person ? EntityType::Location : type;
    j.source = MentionSource::Name;
    spell_name(a, j);
    joined = true;
  }
  if (joined) index_mentions(a);
}

// "(AP Photo/Evan Vucci)", "Kevin Lamarque/Reuters", "(Photo: Evan Vucci, AP)": the photographer of
// a credit is no one the story is about. A name written against a slash, or after "Photo:", is one
// (prose does not write people's names so).
void drop_photographers(Analysis& a) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) return false;
    const int s = a.tokens[m.first].sentence;
    const std::uint32_t sfirst = a.sentence_first(s), slast = a.sentence_last(s);
    if (m.first > sfirst && a.token_text(m.first - 1) == "/") return true;
    if (m.last < slast && a.token_text(m.last) == "/") return true;
    return m.first >= sfirst + 2 && a.token_text(m.first - 1) == ":" && a.in_list("credit_after", m.first - 2);
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// Whether sentence s is a staff credit: it opens with a credit word ("Contributing:", "Reporting
// by X; Editing by Y") or has one followed by "to this" ("X and Y contributed to this report"), and is
// short (word list contributor_cue).
bool staff_credit(const Analysis& a, int s) {
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  if (last - first > 40) return false;
  if (a.in_list("contributor_cue", first) && first + 1 < last && (a.token_text(first + 1) == ":" || a.key(first + 1) == "by"))
    return true;
  for (std::uint32_t k = first + 1; k + 2 < last; ++k)
    if (a.in_list("contributor_cue", k) && a.key(k + 1) == "to" && a.key(k + 2) == "this") return true;
  return false;
}

// The journalists of a staff credit are no one the story is about.
void drop_staff_credits(Analysis& a) {
  const auto before = a.mentions.size();
  int cached = -1;
  bool credit = false;
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) return false;
    const int s = a.tokens[m.first].sentence;
    if (s != cached) {
      cached = s;
      credit = staff_credit(a, s);
    }
    return credit;
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "Speaker Nancy Pelosi Nancy PelosiOvernight Health Care: ...", "Secretary of State Mike Pompeo
// Michael (Mike) Richard PompeoProtests serve as ...": a page's hover card repeats a person's name
// in full after it, glued to the next headline. The name as the sentence uses it ends where the
// repeat begins: at a second use of its first word (a name does not repeat its first word after
// its surname), or where a later token is its last word glued to a capitalised one.
void trim_repeated_given_names(Analysis& a) {
  bool trimmed = false;
  for (MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) continue;
    std::uint32_t cut = m.last;
    for (std::uint32_t k = m.first + 2; k < m.last && cut == m.last; ++k)
      if (a.key(k) == a.key(m.first) && a.tokens[k].upper) cut = k;
    for (std::uint32_t k = m.first + 1; k < cut && cut == m.last; ++k)
      if (a.tokens[k - 1].upper && a.token_text(k - 1).size() >= 3 && glued_repeat_after(a, a.token_text(k - 1), k)) cut = k;
    if (cut == m.last) continue;
    m.last = cut;
    spell_name(a, m);
    trimmed = true;
  }
  if (trimmed) index_mentions(a);
}

}  // namespace

void find_mentions(Analysis& a, const ner::NerTagger* tagger) {
  mark_sentence_case(a);
  if (tagger) {
    profile::StageTimer timer(profile::Stage::Tagger);
    run_tagger(a, *tagger);
  }
  find_gazetteer_mentions(a);
  if (tagger) {
    drop_places_inside_tagged_names(a);
    drop_organisations_ending_tagged_names(a);
  }
  extend_gazetteer_mentions(a);
  std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& x, const MentionDraft& y) { return x.first < y.first; });
  index_mentions(a);
  find_name_mentions(a, tagger);
  if (tagger) join_tagged_names_left_in_pieces(a);
  trim_time_words(a);
  trim_editorial_brackets(a);
  join_bracketed_given_names(a);
  trim_name_edges(a);
  trim_repeated_given_names(a);
  extend_tagged_given_names(a);
  cut_words_before_full_names(a);
  cut_sentence_openers_before_names(a);
  split_pairs_of_surnames(a);
  cut_portfolio_words(a);
  join_split_person_names(a);
  join_particle_names(a);
  attach_name_suffixes(a);
  join_possessive_names(a);
  drop_name_debris(a);
  drop_agency_credits(a);
  drop_photographers(a);
  drop_staff_credits(a);
  retype_implausible_persons(a);
  type_known_places(a);
  type_kin_names(a);
  type_outlet_staff(a);
  type_by_head_word(a);
  drop_people_groups(a);
  drop_group_words(a);
  drop_lone_opening_persons(a);
  drop_capitalised_common_words(a);
  drop_title_case_only_names(a);
  find_repeated_person_names(a);
  find_mission_operations(a);
  find_descriptions(a);
  std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& x, const MentionDraft& y) { return x.first < y.first; });
  index_mentions(a);
  mark_locatives(a);
  find_office_context(a);
}

}  // namespace kgraph::extract
