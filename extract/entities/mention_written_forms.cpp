// Names as people write them, read against the tagger's guess: a body's name before the word for
// its head ("the X chief"), and slogans and titles written in capitals ("Make Country A Great
// Again" hats) that the tagger reads as people.
// The order the passes run in is find_mentions's (mention_finder.cpp).
#include "extract/entities/mention_passes.hpp"

#include <algorithm>
#include <vector>

#include "extract/entities/name_rules.hpp"
#include "extract/text/utf8.hpp"

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

// "Salman bin Abdulaziz Al Saud", "Mohammed bin Zayed Al-Nahyan": after a name with a particle
// meaning "son of" (patronymic_particle) a capitalised "Al" and a name, or one word "Al-X", is the
// family's name, the end of the person's name, not a family or a place of its own.
void attach_family_names_after_patronymics(Analysis& a) {
  bool extended = false;
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    MentionDraft& m = a.mentions[i];
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) continue;
    bool patronymic = false;
    for (std::uint32_t k = m.first + 1; k + 1 < m.last && !patronymic; ++k) patronymic = a.in_list("patronymic_particle", k);
    const std::uint32_t k = m.last;
    if (!patronymic || k >= a.token_count() || a.tokens[k].sentence != a.tokens[m.first].sentence) continue;
    if (a.doc.tokens[k].begin != a.doc.tokens[k - 1].end + 1) continue;  // one space, nothing else
    const std::string_view w = a.token_text(k);
    std::uint32_t end = k;
    if (w.size() > 3 && w.starts_with("Al-") && w[3] >= 'A' && w[3] <= 'Z') {
      end = k + 1;
    } else if (w == "Al" && k + 1 < a.token_count() && a.tokens[k + 1].sentence == a.tokens[k].sentence && a.tokens[k + 1].upper &&
               !a.tokens[k + 1].caps && has_letter(a.token_text(k + 1)) && a.doc.tokens[k + 1].begin == a.doc.tokens[k].end + 1) {
      end = k + 2;
    }
    if (end == k) continue;
    // (a mention read inside the family's name goes; one reaching past it leaves the name as it is)
    bool blocked = false;
    for (const MentionDraft& o : a.mentions)
      if (&o != &m && o.first < end && o.last > k && (o.first < k || o.last > end)) blocked = true;
    if (blocked) continue;
    m.last = end;
    spell_name(a, m);
    // (the mentions sorted by their first token: those inside the family's name come after this one,
    // so erasing them leaves it in place)
    const std::uint32_t first = m.first;
    std::erase_if(a.mentions, [&](const MentionDraft& o) { return o.first >= k && o.last <= end && o.first != first; });
    extended = true;
  }
  if (extended) index_mentions(a);
}

// "the Ways and Means Committee", "the Science and Technology Committee": after "the", one
// capitalised word, "and" and a body's name ending in a word for an institution (org_suffix) are
// one name, which the tagger reads in two (a place "Ways", a body "Means Committee"). The first
// word stays apart where it is a name of its own: a name the ontology or the world table knows, an
// office holder's surname, a person ("the Senate and House committees" are two).
void join_bodies_named_across_and(Analysis& a) {
  bool joined = false;
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    MentionDraft& n = a.mentions[i];
    if (n.type != EntityType::Organisation || (n.source != MentionSource::Name && n.source != MentionSource::Ner) ||
        n.first < 3 || !a.in_list("org_suffix", n.last - 1) || !a.tokens[n.last - 1].upper)
      continue;
    const std::uint32_t x = n.first - 2;
    const int s = a.tokens[n.first].sentence;
    if (a.key(n.first - 1) != "and" || a.key(x - 1) != "the" || a.tokens[x - 1].sentence != s) continue;
    if (!a.tokens[x].upper || a.tokens[x].caps || !has_letter(a.token_text(x)) || a.lex.phrase(a.key(x)) ||
        a.lex.world().place(std::string(a.token_text(x))) || !a.lex.people_with_surname(a.key(x)).empty() ||
        a.in_list("not_a_name", x) || a.in_list("org_suffix", x) || a.in_list("chamber_word", x))
      continue;
    const int other = a.tokens[x].mention;
    if (other >= 0) {
      const MentionDraft& o = a.mentions[static_cast<std::size_t>(other)];
      if (o.first != x || o.last != x + 1 || o.type == EntityType::Person ||
          (o.source != MentionSource::Name && o.source != MentionSource::Ner))
        continue;
    }
    n.first = x;
    spell_name(a, n);
    if (other >= 0) {
      a.mentions.erase(a.mentions.begin() + other);
      if (static_cast<std::size_t>(other) < i) --i;
    }
    index_mentions(a);
    joined = true;
  }
  if (joined) {
    std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& p, const MentionDraft& q) { return p.first < q.first; });
    index_mentions(a);
  }
}

// "X Y of Country A, Z of Country B": a person's name the tagger read on over "of" and a country
// (the way a caption or a list names ministers) is the person and the country side by side: the
// country is his, no part of his name.
void split_countries_off_person_names(Analysis& a) {
  std::vector<MentionDraft> added;
  for (MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 4)
      continue;
    const std::uint32_t of = m.last - 2;
    if (a.key(of) != "of" || !a.tokens[m.last - 1].upper) continue;
    const std::vector<LexEntry>* entries = a.lex.phrase(a.key(m.last - 1));
    const LexEntry* country = nullptr;
    if (entries)
      for (const LexEntry& e : *entries)
        if (e.kind == LexKind::CountryName) country = &e;
    if (!country) continue;
    MentionDraft c;
    c.first = m.last - 1;
    c.last = m.last;
    c.type = EntityType::Country;
    c.source = MentionSource::Gazetteer;
    c.kind = LexKind::CountryName;
    c.name = country->name;
    added.push_back(std::move(c));
    m.last = of;
    spell_name(a, m);
  }
  if (added.empty()) return;
  for (MentionDraft& c : added) a.mentions.push_back(std::move(c));
  std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& p, const MentionDraft& q) { return p.first < q.first; });
  index_mentions(a);
}

// "X Kyi at", "the Economy of", "X & the": no name ends in a lower-case connector ("of", "the",
// "de": name_connector) or a conjunction or preposition (function_word), whoever read it into the
// name; those words come off its end. (A person's name loses any lower-case word after it in
// trim_name_edges.)
void trim_connectors_ending_names(Analysis& a) {
  bool trimmed = false;
  auto connector = [&](std::uint32_t k) {
    return !a.tokens[k].upper && (a.in_list("name_connector", k) || a.in_list("function_word", k));
  };
  for (MentionDraft& m : a.mentions) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) continue;
    const std::uint32_t last = m.last;
    while (m.last - m.first >= 2 && connector(m.last - 1)) --m.last;
    if (m.last == last) continue;
    spell_name(a, m);
    trimmed = true;
  }
  if (trimmed) index_mentions(a);
}

// "the City A Convention", "the City B Conventions": a convention named after the city where it
// was signed is a treaty, a document (no entity of the model's types, as instrument_word's names),
// while a party's gathering is named after the party ("the Democratic National Convention") and
// its city is written apart ("the convention in City A").
void drop_conventions_named_after_cities(Analysis& a) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.source == MentionSource::Gazetteer || m.source == MentionSource::Description || m.last - m.first != 2) return false;
    const std::string& w = a.key(m.last - 1);
    if ((w != "convention" && w != "conventions") || !a.tokens[m.last - 1].upper) return false;
    const std::uint32_t c = m.first;
    if (const std::vector<LexEntry>* entries = a.lex.phrase(a.key(c)))
      for (const LexEntry& e : *entries)
        if (e.kind == LexKind::Capital || e.kind == LexKind::Place) return true;
    return a.lex.world().place(std::string(a.token_text(c))).has_value();
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// A body's name that starts before the word the tagger took for it: an ordinal ("the 5th Fleet",
// "the 82nd Division", which the tagger reads as a person "Fleet") or a plural possessive ("the
// Workers' Party", "the Veterans' Affairs Department") written before a word for an institution
// (org_suffix), the possessive only before that word alone (a longer name after it is the one owned:
// "the X Party's Central Committee"). The name takes them in and is an organisation's; so does an
// organisation's one-word name straight before that word alone ("X Television"). A word for an institution alone
// after a lower-case word other than a conjunction, preposition or article ("state TV", "the
// ruling Party", not "the Army and Navy") is a common noun, no name.
void extend_bodies_over_ordinals_and_possessives(Analysis& a) {
  auto ordinal = [&](std::uint32_t k) {
    const std::string_view w = a.token_text(k);
    std::size_t d = 0;
    while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
    if (d == 0 || w.size() != d + 2) return false;
    const std::string_view tail = w.substr(d);
    return tail == "st" || tail == "nd" || tail == "rd" || tail == "th";
  };
  auto apostrophe = [&](std::uint32_t k) { return a.token_text(k) == "'" || a.token_text(k) == "\u2019"; };
  bool changed = false;
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.first < 2 ||
        !a.tokens[m.last - 1].upper || !a.in_list("org_suffix", m.last - 1))
      continue;
    const std::uint32_t l = m.first - 1;
    const int s = a.tokens[m.first].sentence;
    if (a.tokens[l].sentence != s) continue;
    const std::string_view lw = a.token_text(l);
    // "X Television", "X Radio": an organisation's one-word name (the gazetteer's or the tagger's)
    // and one such word straight after it, which alone names nothing, are the body's service
    const int before = a.tokens[l].mention;
    if (m.last == m.first + 1 && before >= 0 && a.doc.tokens[m.first].begin == a.doc.tokens[l].end + 1) {
      MentionDraft& o = a.mentions[static_cast<std::size_t>(before)];
      if (o.type == EntityType::Organisation && o.first == l && o.last == m.first && o.source != MentionSource::Description &&
          a.tokens[l].upper) {
        o.last = m.last;
        o.source = MentionSource::Name;
        o.org_kind.clear();
        spell_name(a, o);
        m.last = m.first;  // emptied, dropped below
        changed = true;
      }
      continue;
    }
    if (a.tokens[l].mention >= 0) continue;
    if (ordinal(l)) {
      m.first = l;
    } else if (m.last == m.first + 1 && a.tokens[l].upper && lw.size() > 3 &&
               ((lw.ends_with("s'") && lw.size() > 3) || (lw.ends_with("s\u2019") && lw.size() > 5))) {
      m.first = l;  // the possessive written as one word with its apostrophe
    } else if (m.last == m.first + 1 && apostrophe(l) && a.doc.tokens[l].begin == a.doc.tokens[l - 1].end && a.tokens[l - 1].upper &&
               a.tokens[l - 1].sentence == s && a.token_text(l - 1).ends_with("s") && a.token_text(l - 1).size() > 2) {
      // (the plural the tagger read as a name of its own, "Workers", joins the body's name)
      const int held = a.tokens[l - 1].mention;
      if (held >= 0) {
        MentionDraft& o = a.mentions[static_cast<std::size_t>(held)];
        if (o.first != l - 1 || o.last != l || (o.source != MentionSource::Name && o.source != MentionSource::Ner)) continue;
        o.last = o.first;  // emptied, dropped below
      }
      m.first = l - 1;
    } else if (m.last == m.first + 1 && !a.tokens[l].upper && has_letter(a.token_text(l)) && !a.in_list("function_word", l) &&
               !a.in_list("name_connector", l) && a.token_text(l).find('-') == std::string_view::npos) {
      m.last = m.first;  // emptied, dropped below
      changed = true;
      continue;
    } else {
      continue;
    }
    m.type = EntityType::Organisation;
    spell_name(a, m);
    changed = true;
  }
  if (!changed) return;
  std::erase_if(a.mentions, [](const MentionDraft& m) { return m.first >= m.last; });
  index_mentions(a);
}

}  // namespace kgraph::extract
