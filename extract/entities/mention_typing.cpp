// Typing of the mention stage: a name's type set by evidence stronger than the tagger's guess
// (an institution word, the world's places, a family noun, an outlet's possessive, the head word).
// The order the passes run in is find_mentions's (mention_finder.cpp).
#include "extract/entities/mention_passes.hpp"

#include "extract/entities/name_rules.hpp"
#include "extract/text/utf8.hpp"
#include "extract/ner/ner_tagger.hpp"

namespace kgraph::extract {

namespace {

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

}  // namespace

void retype_implausible_persons(Analysis& a) {
  // A figure straight before or after a name: a line of results, where teams stand ("Montrose 2").
  auto beside_a_score = [&](const MentionDraft& m) {
    auto figure = [&](std::uint32_t k) {
      const std::string_view t = a.token_text(k);
      return !t.empty() && t[0] >= '0' && t[0] <= '9' && a.tokens[k].sentence == a.tokens[m.first].sentence;
    };
    return (m.last < a.token_count() && figure(m.last)) || (m.first > 0 && figure(m.first - 1));
  };
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
    // "Green Park", "Bagram Air Field", "the Bolshoi Theatre": a word for a site or a landform that
    // also ends people's names (site_suffix) makes a place of an organisation's name only, and not
    // in a line of results, where teams take their grounds' names ("Queen's Park 1 Forfar 4").
    const bool org_site = m.last - m.first >= 2 && a.in_list("site_suffix", m.last - 1) && !beside_a_score(m);
    if (m.type == EntityType::Organisation && (site() || org_site) && a.tokens[m.last - 1].upper) {
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
  // "X in Country A", "X, Country A": a name read as a person that GeoNames knows as a city of the
  // very country written right after it is that city, whatever the tagger read (a person is seldom
  // placed by the country their name's namesake city lies in).
  for (MentionDraft& m : a.mentions) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.type != EntityType::Person ||
        m.last + 1 >= a.token_count() || a.tokens[m.last + 1].sentence != a.tokens[m.first].sentence)
      continue;
    if (a.key(m.last) != "in" && a.token_text(m.last) != ",") continue;
    const int next = a.tokens[m.last + 1].mention;
    if (next < 0 || static_cast<std::size_t>(next) >= a.mentions.size()) continue;
    const MentionDraft& c = a.mentions[static_cast<std::size_t>(next)];
    if (c.first != m.last + 1 || c.type != EntityType::Country) continue;
    const auto place = a.lex.world().place(m.name);
    if (place && place->country == c.name) m.type = EntityType::Location;
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
void type_outlet_staff(Analysis& a, LowerCaseWords& lower_case) {
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
// (chamber_word), "Strait of Hormuz" a place (place_suffix, site_suffix: where the tagger read an
// organisation), whatever the tagger or the last word suggested. The head is the capitalised word
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
    // ("Strait of Hormuz", "Tower of London": a site or a landform read as an organisation is the place)
    else if (m.type == EntityType::Organisation && a.key(k) == "of" && !a.in_list("institution_head", k - 1) &&
             (a.in_list("place_suffix", k - 1) || a.in_list("site_suffix", k - 1)))
      m.type = EntityType::Location;
  }
}

}  // namespace kgraph::extract
