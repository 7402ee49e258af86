// Trims of the mention stage: words read into a name that are no part of it come off its edges
// (a day, an editor's bracket, a clause opener, the end of a title, a portfolio, a repeated name).
// The order the passes run in is find_mentions's (mention_finder.cpp).
#include "extract/entities/mention_passes.hpp"

#include <algorithm>
#include <vector>

#include "extract/entities/name_rules.hpp"
#include "extract/text/utf8.hpp"

namespace kgraph::extract {

namespace {

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

// Whether the word at token `k` is a mention of one word elsewhere in the text.
bool named_alone(const Analysis& a, std::uint32_t k) {
  return std::any_of(a.mentions.begin(), a.mentions.end(),
                     [&](const MentionDraft& o) { return o.last == o.first + 1 && o.first != k && a.key(o.first) == a.key(k); });
}

// Whether a token is only a sign that ends a sentence or a quotation: a stop, colon, semicolon,
// comma, exclamation or question mark, or a closing quote.
bool closing_sign(std::string_view t) {
  static constexpr std::string_view signs[] = {".", ":", ";", ",", "!", "?", "\"", "'", "\u201d", "\u2019"};
  return std::find(std::begin(signs), std::end(signs), t) != std::end(signs);
}

// Whether token k is a square bracket, which an editor writes around words added to a quotation.
bool square_bracket(const Analysis& a, std::uint32_t k) { return a.token_text(k) == "[" || a.token_text(k) == "]"; }

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

}  // namespace

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

// Words a tagger or a capitalised run read into a name that no name has at its edges: a clause
// opener before it ("Despite Trump", "Before Obama"; word list clause_opener), a determiner opening
// the sentence before it ("Several X members"; sentence_determiner) and, in a person's
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
    // (a demonstrative or quantifier opening the sentence: "Several Freedom Caucus members"; word
    // list sentence_determiner)
    while (m.last - m.first >= 2 &&
           (a.in_list("clause_opener", m.first) ||
            (a.in_list("sentence_determiner", m.first) && opens_sentence_or_quotation(a, m.first))) &&
           a.tokens[m.first + 1].upper) {
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
    // "the Shiite-dominated Army. Pentagon spokesman ...", "next to Suu Kyi. \"It is": where the
    // sentence goes on past a full stop, the tagger may read the stop (or a colon, a closing quote)
    // into the name; no name ends in a sign alone.
    while (m.last - m.first >= 2 && closing_sign(a.token_text(m.last - 1))) {
      --m.last;
      spell_name(a, m);
      trimmed = true;
    }
    if (m.type != EntityType::Person) continue;
    while (m.last - m.first >= 2 && lower_word(m.last - 1) && !a.in_list("name_particle", m.last - 1)) {
      if (!drop_last_word(m, a.token_text(m.last - 1))) break;
      trimmed = true;
    }
  }
  if (trimmed) index_mentions(a);
}

// "Secretary of Energy Ernest Moniz", "U.S. Representative Adam Schiff", "Democrat Hillary
// Clinton": the tagger reads the end of a title, or a party label, into the name after it. Where
// the document names the person elsewhere with exactly the name's last words ("Adam Schiff"), the
// name is those words, a person's, when the capitalised word before them is no name word: a title
// word, a party member's label, an organisation's last word ("Atomic Energy Organization Ali Akbar
// Salehi"), or a word the document also writes in lower case. A given name stays
// ("Jean-Yves Le Drian" beside "Le Drian": "Jean-Yves" is never written in lower case).
void cut_words_before_full_names(Analysis& a, LowerCaseWords& lower_case) {
  bool cut = false;
  // (a word also written in lower case is a common word capitalised in a title: "energy" of
  // "Secretary of Energy")
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

// "WATCH: Prime Minister Jane Roe Video size ...", "Former rebel leader John Doe By
// June, the organisation ...": a caption's or a heading's common word, or a capitalised sentence
// opener after a heading with no full stop, runs into the name before it. Where the document names a
// person elsewhere with exactly the name's first two or more words ("Jane Roe"), the name is those
// words, a person's, when the capitalised word after them is no name word: a preposition or
// conjunction (word list qualifier_break: "By") or a word of the list not_a_name ("Video"). A word
// the document merely also writes in lower case is not enough: "Ann Li Un" beside "Ann Li-un".
void cut_words_after_full_names(Analysis& a) {
  bool cut = false;
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 3) continue;
    for (std::uint32_t j = m.last - 1; j >= m.first + 2; --j) {  // j: the first word cut off
      const std::uint32_t n = j - m.first;
      const bool named_alone = std::any_of(a.mentions.begin(), a.mentions.end(), [&](const MentionDraft& o) {
        if (&o == &m || o.type != EntityType::Person || o.last - o.first != n) return false;
        for (std::uint32_t k = 0; k < n; ++k)
          if (a.tokens[o.first + k].key_hash != a.tokens[m.first + k].key_hash) return false;
        return true;
      });
      if (!named_alone) continue;
      if (!a.tokens[j].upper || !(a.in_list("qualifier_break", j) || a.in_list("not_a_name", j))) break;
      m.last = j;
      m.type = EntityType::Person;
      spell_name(a, m);
      cut = true;
      break;
    }
  }
  if (cut) index_mentions(a);
}

// "Russian Ambassador to the U.S. Sergey Kislyak", "Republican candidate for Congress Robert Hyde",
// "the first lady of North Dakota Kathryn Helgaas Burgum", "Said Michael Rubin": the place, body,
// party or common word that qualifies a title (or opens the sentence) runs, capitalised, into the
// person's name after it, and the tagger or the rules read the run as one organisation or place.
// The name is the person's where the run ends in two to four name words that start with a given
// name (the tagger's first names, TokenVocab::given_name), end in a surname the document gives
// a person elsewhere or are an office holder of the ontology (office_holders.tsv), and the words before them stand apart on evidence: a country, place or
// known organisation of the ontology, a title, party or group word, or a word the document writes
// in lower case. A name that ends in an institution's or a place's word stays whole ("Robert Wood
// Johnson Foundation"), and so does a person's name that only a common given name would cut
// ("Mark Robert Smith").
void cut_qualifiers_before_given_names(Analysis& a, LowerCaseWords& lower_case) {
  auto name_word = [&](std::uint32_t k) {
    return (a.tokens[k].upper && has_letter(a.token_text(k)) && !a.tokens[k].vocab.title_word && !a.in_list("org_suffix", k) &&
            !a.in_list("place_suffix", k) && !a.in_list("time_word", k)) ||
           a.in_list("name_particle", k);
  };
  auto surname_elsewhere = [&](const MentionDraft& m) {
    return std::any_of(a.mentions.begin(), a.mentions.end(), [&](const MentionDraft& o) {
      return &o != &m && o.type == EntityType::Person && a.tokens[o.last - 1].key_hash == a.tokens[m.last - 1].key_hash;
    });
  };
  // whether tokens [b, e) are a name the ontology knows: a country, place or organisation
  auto known_name = [&](std::uint32_t b, std::uint32_t e) {
    std::string key;
    for (std::uint32_t k = b; k < e; ++k) key += (k > b ? " " : "") + a.key(k);
    MentionDraft words;
    words.first = b;
    words.last = e;
    spell_name(a, words);
    return a.lex.phrase(key) != nullptr || a.lex.world().place(words.name).has_value();
  };
  bool cut = false;
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 3) continue;
    const std::uint32_t sfirst = a.sentence_first(a.tokens[m.first].sentence);
    if (is_headline(a, a.tokens[m.first].sentence) || is_title_case_line(a, a.tokens[m.first].sentence)) continue;
    for (std::uint32_t j = m.first + 1; j + 2 <= m.last; ++j) {
      if (m.last - j > 4) continue;
      bool names = a.tokens[j].upper;
      for (std::uint32_t k = j; k < m.last && names; ++k)
        names = name_word(k) && (!a.tokens[k].upper || !lower_case.contains(a.tokens[k].key_hash));
      if (!names || !name_word(m.last - 1) || !a.tokens[m.last - 1].upper) continue;
      // (a surname alone is evidence where no given name further on starts the name: "Chicago
      // Cardinal Joseph Bernardin" is Joseph Bernardin's)
      bool later_given = false;
      for (std::uint32_t k = j + 1; k + 1 < m.last; ++k) later_given = later_given || a.tokens[k].vocab.given_name;
      // (or the words from j on are an office holder the ontology knows, whose given name the
      // tagger's list may lack: "Democrat Jane Roe" where office_holders.tsv has "Jane Roe")
      auto known_person = [&] {
        MentionDraft rest;
        rest.first = j;
        rest.last = m.last;
        spell_name(a, rest);
        return !a.lex.terms_of(rest.name).empty();
      };
      if (!a.tokens[j].vocab.given_name && (later_given || !surname_elsewhere(m)) && !known_person()) continue;
      // an initial is inside a name ("Rutherford B. Hayes"), and a name the ontology knows across
      // the cut is whole ("San Diego Padres", "USS George Washington")
      if (a.token_text(j).size() <= 2 || (a.token_text(j).size() == 3 && a.token_text(j)[1] == '.')) continue;
      bool across = false;
      for (std::uint32_t b = m.first; b < j && !across; ++b)
        for (std::uint32_t e = j + 1; e <= m.last && !across; ++e) across = known_name(b, e);
      if (across) continue;
      const std::uint32_t q = j - 1;  // the last word before the name
      const bool common = lower_case.contains(a.tokens[q].key_hash) && !a.tokens[q].vocab.given_name;
      bool apart = false;
      if (m.type == EntityType::Person) {
        // a person's name loses only a common word that opens the sentence ("Said Michael Rubin")
        apart = q == m.first && common && (m.first == sfirst || opens_sentence_or_quotation(a, m.first));
      } else {
        // (a title in capitals is a ship's or unit's prefix: "USS George Washington")
        apart = common || (a.tokens[q].vocab.title_word && !a.tokens[q].caps) || a.in_list("party_member", q) || a.in_list("group_word", q) ||
                a.in_list("chamber_word", q) || known_name(m.first, j);
      }
      if (!apart) continue;
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
void cut_sentence_openers_before_names(Analysis& a, LowerCaseWords& lower_case) {
  bool cut = false;
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
// name is what follows them: a person's, two capitalised words or more. The name may start after
// the first fields already: "Minister of Defence and [Aviation Prince X]".
void cut_portfolio_words(Analysis& a) {
  // whether token `first` follows "of"/"for" after a title word, or "and"/"," after fields that do
  auto after_title_of = [&a](std::uint32_t first, std::uint32_t sfirst) {
    std::uint32_t p = first;
    for (int fields = 0; fields < 4 && p >= sfirst + 2; ++fields) {
      if ((a.key(p - 1) == "of" || a.key(p - 1) == "for") && a.tokens[p - 2].vocab.title_word) return true;
      if (a.key(p - 1) != "and" && a.token_text(p - 1) != ",") return false;
      std::uint32_t n = 3;
      while (n >= 1 && !(p >= sfirst + 1 + n && a.in_list("portfolio", p - 1 - n, n))) --n;
      if (n == 0) return false;
      p -= 1 + n;
    }
    return false;
  };
  bool cut = false;
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 3) continue;
    const int s = a.tokens[m.first].sentence;
    if (!after_title_of(m.first, a.sentence_first(s))) continue;
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

}  // namespace kgraph::extract
