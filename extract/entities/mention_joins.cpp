// Joins of the mention stage: names that the tagger, the gazetteer or the rules left in pieces
// become one mention ("China Daily", "Osama bin Laden", "Donald Trump Jr.", "St. Peter's").
// The order the passes run in is find_mentions's (mention_finder.cpp).
#include "extract/entities/mention_passes.hpp"

#include <algorithm>
#include <vector>

#include "extract/entities/name_rules.hpp"
#include "extract/text/utf8.hpp"
#include "extract/ner/ner_tagger.hpp"

namespace kgraph::extract {

namespace {

// "Italy's Luigi Di Maio" read as the organisation "Luigi" and the person "Di Maio", "analysts
// Carla E. Humud" as "Carla" and "Humud", "Derek E. Mix" as "Derek" and a MISC "E. Mix": the tagger
// cuts one person's name in two where its given name is new to it. In running text one word and a
// name straight after it, one of them read as a person, or one word, a middle initial and one more
// word, are one person's name: prose separates two names with a sign or a word.
// "E.": one capital letter and a period, a middle initial.
bool is_initial(std::string_view w) { return w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'; }

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

}  // namespace

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

// "you will end like [Moammar] Gadhafi", "(Russian President Vladimir) Putin had told him": an
// editor adds a given name in brackets before the surname the quotation has. A one-word person's
// name that ends an editor's brackets and a one-word name straight after them are one person's name.
void join_bracketed_given_names(Analysis& a) {
  bool joined = false;
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first != 1 || m.last + 1 >= a.token_count())
      continue;
    const std::string_view close = a.token_text(m.last);
    if (close != "]" && close != ")") continue;
    const int next = a.tokens[m.last + 1].mention;
    // "[Jane] Roe" where the tagger read the given name in brackets as no person, or left the
    // surname unread: square brackets around one word before a capitalised word are an editor's
    // given name where the two words are an office holder of the ontology (office_holders.tsv).
    if (m.type != EntityType::Person || next < 0) {
      const std::uint32_t after = m.last + 1;
      if (close != "]" || m.first == 0 || a.token_text(m.first - 1) != "[" || !a.tokens[after].upper ||
          a.tokens[after].sentence != a.tokens[m.first].sentence || a.in_list("not_a_name", after))
        continue;
      const std::string full = std::string(a.token_text(m.first)) + " " + std::string(a.token_text(after));
      if (a.lex.terms_of(full).empty()) continue;
      if (next >= 0) {
        MentionDraft& o = a.mentions[static_cast<std::size_t>(next)];
        if (o.first != after || o.last != after + 1) continue;
        o.first = o.last;  // emptied, dropped below
      }
      m.name = full;
      m.last = after + 1;
      m.type = EntityType::Person;
      joined = true;
      continue;
    }
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

// "said James Jay Carafano of ...", "host Bill O'Reilly": the tagger reads a given name it knows as
// a person and leaves a surname it has never seen untagged, so the person is named by the given
// name alone. Capitalised words straight after a person's name that the tagger reads as no name, no
// mention holds, and the document never writes in lower case (so not "Morning Edition", "Science
// Monitor", "I"), are the rest of that name.
void extend_tagged_given_names(Analysis& a, LowerCaseWords& lower_case) {
  bool extended = false;
  // (a surname the tagger reads as a word of its own kind, MISC, alone: "O'Reilly" before a
  // comma and a quotation; a demonym there is the gazetteer's mention, which stops the run, and a
  // word ending in a participle after a hyphen is a compound adjective, "City-listed", "Country-backed",
  // while "Seong-ho" is a given name)
  auto untagged_or_lone_misc = [&](std::uint32_t k) {
    const TokenInfo& t = a.tokens[k];
    if (t.ner_label < 0) return true;
    if (t.ner_label != static_cast<int>(ner::NerLabel::Misc) || t.ner_first != k || t.ner_last != k + 1) return false;
    const std::string_view w = a.token_text(k);
    const auto hyphen = w.rfind('-');
    if (hyphen == std::string_view::npos) return true;
    const std::string_view tail = w.substr(hyphen + 1);
    return !(tail.size() > 3 && (tail.ends_with("ed") || tail.ends_with("ing")));
  };
  for (MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) continue;
    if (a.tokens[m.last - 1].ner_label != static_cast<int>(ner::NerLabel::Person)) continue;
    const int s = a.tokens[m.first].sentence;
    std::uint32_t e = m.last;
    while (e < a.token_count() && a.tokens[e].sentence == s && a.tokens[e].upper && untagged_or_lone_misc(e) &&
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

// "Kim Yo Jong", "Hun Sen Lim": the tagger reads the two ends of a name of three words it has
// never seen as two people and leaves the middle word untagged. Two people's names with one
// capitalised word between them that no mention holds, the tagger reads as no name and the
// document never writes in lower case are one name (at most four words in all).
void join_names_across_untagged_words(Analysis& a, LowerCaseWords& lower_case) {
  bool joined = false;
  auto part = [&](const MentionDraft& m) {
    return (m.source == MentionSource::Name || m.source == MentionSource::Ner) && m.type == EntityType::Person &&
           m.last - m.first <= 2;
  };
  for (std::size_t i = 0; i + 1 < a.mentions.size(); ++i) {
    MentionDraft& m = a.mentions[i];
    const MentionDraft& n = a.mentions[i + 1];
    if (!part(m) || !part(n) || n.first != m.last + 1 || n.last - m.first > 4) continue;
    const int s = a.tokens[m.first].sentence;
    if (a.tokens[n.first].sentence != s || is_headline(a, s) || is_title_case_line(a, s)) continue;
    const std::uint32_t g = m.last;
    const TokenInfo& t = a.tokens[g];
    if (!t.upper || t.caps || t.mention >= 0 || t.ner_label >= 0 || !has_letter(a.token_text(g)) ||
        a.token_text(g).back() == '.' || t.vocab.title_word || lower_case.contains(t.key_hash) ||
        a.in_list("not_a_name", g) || a.in_list("time_word", g) || a.in_list("clause_opener", g))
      continue;
    // (nothing but spaces between the words: "Kim, Yo" is a list)
    if (a.doc.tokens[g].begin == a.doc.tokens[g - 1].end || a.doc.tokens[n.first].begin == a.doc.tokens[g].end) continue;
    m.last = n.last;
    spell_name(a, m);
    a.mentions.erase(a.mentions.begin() + static_cast<std::ptrdiff_t>(i) + 1);
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

// "Kim Jong un": a person's name whose last part is written in lower case (a transcription's
// habit), which the tagger leaves off the name, takes it back where the name with that part
// capitalised is an office holder of the ontology (office_holders.tsv).
void attach_lower_case_name_ends(Analysis& a) {
  bool extended = false;
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    MentionDraft& m = a.mentions[i];
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner) ||
        m.last - m.first < 2 || m.last >= a.token_count())
      continue;
    const std::uint32_t k = m.last;
    const std::string_view w = a.token_text(k);
    if (a.tokens[k].sentence != a.tokens[m.first].sentence || a.tokens[k].mention >= 0 || w.empty() || w[0] < 'a' ||
        w[0] > 'z' || a.doc.tokens[k].begin != a.doc.tokens[k - 1].end + 1)
      continue;
    std::string part(w);
    part[0] = static_cast<char>(part[0] - 'a' + 'A');
    if (a.lex.terms_of(m.name + " " + part).empty()) continue;
    m.last = k + 1;
    spell_name(a, m);
    extended = true;
  }
  if (extended) index_mentions(a);
}

// "Abu Bakr al-Baghdadi": a kunya ("father of", word list kunya) opens a person's name; the
// tagger, which may read it alone as a person and the rest as a body, splits the name. The kunya
// and the name written right after it are one person's name.
void join_kunya_names(Analysis& a) {
  bool joined = false;
  for (std::size_t i = 0; i + 1 < a.mentions.size(); ++i) {
    MentionDraft& m = a.mentions[i];
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first != 1 ||
        !a.in_list("kunya", m.first) || !a.tokens[m.first].upper || m.last >= a.token_count())
      continue;
    const int next = a.tokens[m.last].mention;
    if (next < 0) continue;
    MentionDraft& o = a.mentions[static_cast<std::size_t>(next)];
    if ((o.source != MentionSource::Name && o.source != MentionSource::Ner) || o.first != m.last ||
        a.tokens[o.first].sentence != a.tokens[m.first].sentence || !a.tokens[o.first].upper ||
        a.doc.tokens[o.first].begin != a.doc.tokens[m.first].end + 1)
      continue;
    m.last = o.last;
    m.type = EntityType::Person;
    spell_name(a, m);
    o.first = o.last;  // emptied, dropped below
    joined = true;
  }
  if (!joined) return;
  std::erase_if(a.mentions, [](const MentionDraft& m) { return m.first >= m.last; });
  index_mentions(a);
}

}  // namespace kgraph::extract
