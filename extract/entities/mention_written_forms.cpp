// Names as people write them, read against the tagger's guess: a body's name before the word for
// its head ("the X chief"), and slogans and titles written in capitals ("Make Country A Great
// Again" hats) that the tagger reads as people.
// The order the passes run in is find_mentions's (mention_finder.cpp).
#include "extract/entities/mention_passes.hpp"

#include <algorithm>

#include "extract/entities/name_rules.hpp"

namespace kgraph::extract {

namespace {

// Whether some person's name of two words or more in the document has the word at token k.
bool in_full_person_name(const Analysis& a, std::uint32_t k) {
  return std::any_of(a.mentions.begin(), a.mentions.end(), [&](const MentionDraft& o) {
    if (o.type != EntityType::Person || o.last - o.first < 2) return false;
    for (std::uint32_t j = o.first; j < o.last; ++j)
      if (a.key(j) == a.key(k)) return true;
    return false;
  });
}

// Whether the word at token k is a country's name of the ontology ("Britain", "Denmark").
bool country_word(const Analysis& a, std::uint32_t k) {
  const std::vector<LexEntry>* entries = a.lex.phrase(a.key(k));
  return entries && std::any_of(entries->begin(), entries->end(), [](const LexEntry& e) { return e.kind == LexKind::CountryName; });
}

bool quote_mark(std::string_view t) { return t == "\"" || t == "\u201c" || t == "\u201d"; }

}  // namespace

// "X chief Y denied it", "the X director said": one word read as a person's name straight before
// a lower-case word for the head of a body (word list body_head_noun) names the body, not a person:
// a person is not written before the word for a post he holds. It stays a person where the
// document has the word inside a person's full name ("A Smith" ... "Smith aide"), where the
// ontology knows it as an office holder's surname, and before "of" ("X chief of staff").
void type_bodies_before_head_nouns(Analysis& a) {
  for (MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner) ||
        m.last != m.first + 1 || m.last + 1 >= a.token_count())
      continue;
    const std::uint32_t h = m.last;
    if (a.tokens[h].sentence != a.tokens[m.first].sentence || a.tokens[h].upper || !a.in_list("body_head_noun", h)) continue;
    if (a.key(h + 1) == "of" || a.tokens[m.first].vocab.given_name || in_full_person_name(a, m.first) ||
        !a.lex.people_with_surname(a.key(m.first)).empty())
      continue;
    m.type = EntityType::Organisation;
  }
}

// "“Make Country A Great Again” hats", "Take Country B": words in capitals that the tagger
// reads as a person's name are a slogan or a title when they fill a quotation exactly (three
// words or more, the first no given name of the tagger's list), or when the first of them is a
// common word the document also writes in lower case and a later one names a country (not after
// "of": "X of Country A" is a person and his country). A person's name is no slogan: "Steve
// Israel" has a given name the document never writes small.
void drop_slogans_read_as_people(Analysis& a, LowerCaseWords& lower_case) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 2)
      return false;
    if (a.tokens[m.first].vocab.given_name || a.tokens[m.first].caps) return false;
    const bool quoted = m.last - m.first >= 3 && m.first > 0 && m.last < a.token_count() &&
                        quote_mark(a.token_text(m.first - 1)) && quote_mark(a.token_text(m.last));
    if (quoted) return true;
    if (!lower_case.contains(a.tokens[m.first].key_hash)) return false;
    bool country = false;
    for (std::uint32_t k = m.first + 1; k < m.last && !country; ++k) country = country_word(a, k) && a.key(k - 1) != "of";
    return country;
  });
  if (a.mentions.size() != before) index_mentions(a);
}

}  // namespace kgraph::extract
