// Drops of the mention stage: mentions that name no entity of the story (debris, credits,
// group words, capitalised common words, headline words) go.
// The order the passes run in is find_mentions's (mention_finder.cpp).
#include "extract/entities/mention_passes.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/entities/name_rules.hpp"
#include "extract/entities/token_key_index.hpp"
#include "extract/text/utf8.hpp"

namespace kgraph::extract {

namespace {

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

// Whether sentence s is a staff credit: it opens with a credit word ("Contributing:", "Reporting
// by X; Editing by Y"), has one followed by "to this" ("X and Y contributed to this report") or
// ends with one in lower case ("X in Dubai and Y in London contributed."), and is short (word list
// contributor_cue).
bool staff_credit(const Analysis& a, int s) {
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  if (last - first > 40) return false;
  if (a.in_list("contributor_cue", first) && first + 1 < last && (a.token_text(first + 1) == ":" || a.key(first + 1) == "by"))
    return true;
  for (std::uint32_t k = first + 1; k + 2 < last; ++k)
    if (a.in_list("contributor_cue", k) && a.key(k + 1) == "to" && a.key(k + 2) == "this") return true;
  // ("X in Dubai and Y in London contributed.": the credit word ends the sentence)
  std::uint32_t end = last;
  while (end > first + 1 && !has_letter(a.token_text(end - 1))) --end;
  return end > first + 1 && end + 2 >= last && a.in_list("contributor_cue", end - 1) && !a.tokens[end - 1].upper;
}

}  // namespace

// "Sunni", "Kurdish", "Europeans", "pro-Russian": a word for a religious, ethnic or political group,
// or an adjective of support or opposition, names no entity on its own (word list group_word),
// whatever type the tagger gave it; in a longer name it stays ("Muslim Brotherhood").
// A name made of group words only ("Sunni Arabs", "Rohingya Muslims", "Middle Eastern": a phrase of
// the list counts as one word; "Eastern European": a direction may open it) names a group too, but
// for a party's, whose last word is a party member's ("Liberal Democrats"). On realnews-train 8
// nodes were such names, none an annotated entity.
void drop_group_words(Analysis& a) {
  auto party = [&](std::uint32_t k) {
    const std::string& w = a.key(k);
    return a.in_list("party_member", k) || (w.size() > 1 && w.back() == 's' && a.lex.in_list("party_member", w.substr(0, w.size() - 1)));
  };
  auto group_words_only = [&](const MentionDraft& m) {
    if (m.last - m.first > 3 || party(m.last - 1)) return false;
    // (a direction before them narrows the group, no more: "Eastern European")
    const std::uint32_t from = a.in_list("compass", m.first) ? m.first + 1 : m.first;
    for (std::uint32_t k = from; k < m.last;) {
      std::uint32_t n = m.last - k;  // the longest phrase of the list from k
      while (n > 0 && !a.in_list("group_word", k, n)) --n;
      if (n == 0) return false;
      k += n;
    }
    return true;
  };
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) return false;
    if (m.last != m.first + 1) return group_words_only(m);
    const std::string& k = a.key(m.first);
    return a.in_list("group_word", m.first) || k.rfind("pro-", 0) == 0 || k.rfind("anti-", 0) == 0;
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "the Xs" where the text names a person "A X" in full: a surname in the plural after "the" names
// the family or the couple, no one person nor a body (the tagger reads it as either). On
// realnews-train 5 such nodes, none an annotated entity.
static void drop_family_plurals(Analysis& a) {
  std::set<std::string> surnames;  // last words of the text's persons of two words or more
  for (const MentionDraft& m : a.mentions)
    if (m.type == EntityType::Person && m.last >= m.first + 2) surnames.insert(a.key(m.last - 1));
  if (surnames.empty()) return;
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.last != m.first + 1 || m.first == 0 || (m.source != MentionSource::Name && m.source != MentionSource::Ner))
      return false;
    const std::string& k = a.key(m.first);
    return k.size() > 3 && k.back() == 's' && a.key(m.first - 1) == "the" &&
           surnames.count(k.substr(0, k.size() - 1)) > 0;
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "the ruling Kim family", "the Bush dynasty": a surname straight before a noun for a family as a
// whole (word list family_group) names the family, no one person of it; read as a person it would
// take the full name of whichever member the text names ("Kim Jong Un", "Kim Yo Jong"). A possessive
// keeps the person ("Kim's family").
void drop_family_names(Analysis& a) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.type != EntityType::Person || m.last != m.first + 1 || m.last >= a.token_count() ||
        (m.source != MentionSource::Name && m.source != MentionSource::Ner))
      return false;
    return a.tokens[m.last].sentence == a.tokens[m.first].sentence && !a.tokens[m.last].upper &&
           a.in_list("family_group", m.last);
  });
  if (a.mentions.size() != before) index_mentions(a);
  drop_family_plurals(a);
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

// "Zionism", "Trumpism": one word that ends in a suffix of doctrines (word list doctrine_suffix, "-ism")
// after a stem of three letters or more names a doctrine, no entity of the model's types, whatever
// the tagger read; a longer name that ends in one stays ("Subcommittee on Crime and Terrorism").
static bool names_a_doctrine(const Analysis& a, std::uint32_t k) {
  const std::string& w = a.key(k);
  for (std::size_t n = 3; n <= 4; ++n)
    if (w.size() >= n + 3 && a.lex.in_list("doctrine_suffix", w.substr(w.size() - n))) return true;
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
           (m.last == m.first + 1 && names_a_doctrine(a, m.first)) || holds_no_entity_phrase(a, m) ||
           subheading_only(a.doc.text, a.doc.tokens[m.first].begin, a.doc.tokens[m.last - 1].end);
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "the 1799 Logan Act", "the INF Treaty", "the Nobel Peace Prize": a name whose last word is a
// capitalised word for a law, a treaty, a deal or an award (word list instrument_word) names a
// document or a prize, which is no entity of the model's types, whatever the tagger read (a person,
// an organisation). So does a name cut short right before such a word ("Affordable Care" of
// "Affordable Care Act", the word left out of the tagger's span). Names of the ontology (gazetteer
// mentions: "North Atlantic Treaty Organization") stay. On realnews-train 20 nodes were such names,
// none an annotated entity.
void drop_instruments(Analysis& a) {
  auto instrument = [&](std::uint32_t k) {
    return a.tokens[k].upper && !a.tokens[k].caps && a.in_list("instrument_word", k);
  };
  // The short forms the text gives an instrument: an acronym straight before its word ("INF
  // Treaty"), or in brackets before or after it ("... Forces (INF) Treaty", "... Trade Agreement
  // (NAFTA)"). Each stands for the instrument wherever the text writes it ("the INF collapse"),
  // unless the ontology knows the acronym as a name of its own.
  auto acronym = [&](std::uint32_t k) {
    return a.tokens[k].caps && has_letter(a.token_text(k)) && a.token_text(k).size() >= 2 && !a.lex.phrase(a.key(k));
  };
  std::vector<std::uint64_t> short_forms;
  for (std::uint32_t k = 1; k < a.token_count(); ++k) {
    if (!instrument(k)) continue;
    const int s = a.tokens[k].sentence;
    if (a.tokens[k - 1].sentence == s && acronym(k - 1)) short_forms.push_back(a.tokens[k - 1].key_hash);
    if (k >= 3 && a.token_text(k - 1) == ")" && a.token_text(k - 3) == "(" && acronym(k - 2) && a.tokens[k - 3].sentence == s)
      short_forms.push_back(a.tokens[k - 2].key_hash);
    if (k + 3 < a.token_count() && a.token_text(k + 1) == "(" && a.token_text(k + 3) == ")" && acronym(k + 2) &&
        a.tokens[k + 3].sentence == s)
      short_forms.push_back(a.tokens[k + 2].key_hash);
  }
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) return false;
    if (instrument(m.last - 1)) return true;
    if (m.last == m.first + 1 &&
        std::find(short_forms.begin(), short_forms.end(), a.tokens[m.first].key_hash) != short_forms.end())
      return true;
    // (the long form before its bracketed acronym and the word: "Intermediate-Range Nuclear Forces (INF) Treaty")
    const std::uint32_t e = m.last;
    if (e + 3 < a.token_count() && a.token_text(e) == "(" && a.token_text(e + 2) == ")" && acronym(e + 1) && instrument(e + 3) &&
        a.tokens[e + 3].sentence == a.tokens[m.first].sentence)
      return true;
    return m.last < a.token_count() && a.tokens[m.last].sentence == a.tokens[m.first].sentence &&
           a.doc.tokens[m.last].begin == a.doc.tokens[m.last - 1].end + 1 && instrument(m.last);
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// A one-word name read as a person only where English capitalises any word (the first word of a
// sentence or a quotation: "Sadly, ...", "Destroy them", "Given the ..."), that the document never
// capitalises inside a sentence (after a title, in a longer name), that is no office holder's
// surname, and that no verb follows, has nothing but the tagger's guess for it: on realnews-train
// 24 such nodes went, all no entity the annotator listed ("Luckily", "Hallelujah", "Kimsaid").
void drop_lone_opening_persons(Analysis& a) {
  std::optional<TokenKeyIndex> by_key;  // made when first asked
  auto inside = [&](std::uint64_t key) {  // capitalised inside a sentence
    if (!by_key) by_key.emplace(a);
    return by_key->any(key, [&](std::uint32_t k) { return a.tokens[k].upper && !opens_sentence_or_quote(a, k); });
  };
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.last != m.first + 1 || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) return false;
    // (an organisation or a place needs the same, that the ontology knows no such name, and the
    // shape of an adverb or a participle opening a clause: an -ly, -ing or -ed word before a comma or
    // a lower-case word, or any word before a comma and a lower-case word: "Likely, Roe will ...",
    // "Essentially, Kim is ...", "Based on the ...", "Look, there has to be ...". A list goes on
    // with a name ("FedEx, Maersk, ..."), a results line with a score ("Clyde 1"), and a company
    // with its noun ("Cofinec shares"))
    if (m.type != EntityType::Person) {
      const std::uint32_t next = m.last, slast = a.sentence_last(a.tokens[m.first].sentence);
      const std::string& w = a.key(m.first);
      auto ends = [&](std::string_view tail) { return w.size() > tail.size() + 2 && w.compare(w.size() - tail.size(), tail.size(), tail) == 0; };
      auto lower_word = [&](std::uint32_t k) { return k < slast && !a.tokens[k].upper && has_letter(a.token_text(k)); };
      const bool adverb_shape = ends("ly") || ends("ing") || ends("ed");
      const bool comma = next < slast && a.token_text(next) == ",";
      const bool prose_after = (adverb_shape && (comma || lower_word(next))) || (comma && lower_word(next + 1));
      if (m.type == EntityType::Event || m.type == EntityType::Operation || a.tokens[m.first].caps || !prose_after ||
          a.lex.phrase(a.key(m.first)) != nullptr || a.lex.world().place(a.token_text(m.first)).has_value())
        return false;
    }
    // (a verb after the word is evidence of a subject: '..., " Edberg said', "Prodi will also meet",
    // "Prodi met"; an adverb or a verb at the opening is followed by a comma or an object instead)
    const bool speaker = m.last < a.sentence_last(a.tokens[m.first].sentence) &&
                         (a.in_list("speech_verb", m.last) || a.in_list("verb_helper", m.last) || a.in_list("actor_verb", m.last));
    return opens_sentence_or_quotation(a, m.first) && !speaker && !inside(a.tokens[m.first].key_hash) &&
           a.lex.people_with_surname(a.key(m.first)).empty();
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// A one-word name that the same document also writes in lower case ("the Center" and "a center",
// "Justice" and "justice", "Nationalism" and "nationalism") is a common word written with a capital,
// whatever the tagger reads, unless it is a word of a longer name of the document (which it may
// stand for: "the Times" of "The New York Times"), an acronym, or an office holder's surname. On
// realnews-train 30 such nodes were no entity the annotator listed and 2 were.
void drop_capitalised_common_words(Analysis& a, LowerCaseWords& lower_case) {
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

// In a line in title case ("Doe Says Administration Working On Policies", "With Limited Gains,
// Bombing Campaign Faces Growing Criticism") every long word is capitalised, so a run of
// capitals there is no evidence of a name: a name of several words that holds, after its first
// word, a word the document writes in lower case ("faces", "gains", "troops") is a piece of the
// headline, whatever the tagger read. Words for an institution or a place ("Bank", "Square":
// org_suffix, place_suffix) are no such evidence, and a name that ends in one, or in a word for a
// chamber or a gathering, is named so in headlines too ("National Bank of Poland"); a name the
// story is about comes back in its sentences and stays an entity there; names of the ontology
// (gazetteer mentions) stay. On realnews-train 5 nodes went, none an annotated entity.
void drop_headline_phrases(Analysis& a, LowerCaseWords& lower_case) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if ((m.source != MentionSource::Name && m.source != MentionSource::Ner) || m.last - m.first < 2) return false;
    const int s = a.tokens[m.first].sentence;
    if (!is_title_case_line(a, s) || is_headline(a, s)) return false;
    if (a.in_list("org_suffix", m.last - 1) || a.in_list("place_suffix", m.last - 1) || a.in_list("place_class", m.last - 1) ||
        a.in_list("chamber_word", m.last - 1) || a.in_list("event_suffix", m.last - 1))
      return false;
    for (std::uint32_t k = m.first + 1; k < m.last; ++k)
      if (has_letter(a.token_text(k)) && !a.tokens[k].caps && !a.in_list("headline_lower", k) &&
          !a.in_list("name_connector", k) && !a.in_list("org_suffix", k) && !a.in_list("place_suffix", k) &&
          lower_case.contains(a.tokens[k].key_hash))
        return true;
    return false;
  });
  if (a.mentions.size() != before) index_mentions(a);
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

// Whether the mention m stands in brackets in a dateline: the sentence opens with place names in
// capitals ("WASHINGTON", "SEOUL, South Korea", "TOKYO/WASHINGTON") and m closes it with a bracket
// and a dash or a colon ("WASHINGTON (Reuters) -", "GENEVA (AP) \u2014", "Brussels (IANS):").
bool in_dateline_brackets(const Analysis& a, const MentionDraft& m) {
  const int s = a.tokens[m.first].sentence;
  const std::uint32_t first = a.sentence_first(s);
  if (m.first < first + 2 || m.first > first + 8 || m.last + 1 >= a.sentence_last(s)) return false;
  if (a.token_text(m.first - 1) != "(" || a.token_text(m.last) != ")") return false;
  const std::string_view after = a.token_text(m.last + 1);
  if (after != "-" && after != "\u2014" && after != "\u2013" && after != ":") return false;
  for (std::uint32_t k = first; k + 1 < m.first; ++k) {
    const std::string_view t = a.token_text(k);
    if (!a.tokens[k].upper && t != "," && t != "/" && t != ".") return false;
  }
  return a.tokens[first].upper;
}

// "WASHINGTON (Reuters) -", "TEHRAN, Iran (AP) \u2014", "The Associated Press contributed to this
// report.", a byline's "USA TODAY" on a line of its own: the agency or outlet of a dateline, a staff
// credit or a byline is who wrote the story, not what it is about. Where the story names it
// nowhere else, those mentions go; a story that names it again ("told Reuters") keeps them. On
// realnews-train 10 of the 12 agencies named only in a dateline were no annotated entity, and none
// of the 14 named only in a credit or a byline line.
void drop_dateline_agencies(Analysis& a) {
  const auto before = a.mentions.size();
  auto byline = [&](const MentionDraft& m) {
    const int s = a.tokens[m.first].sentence;
    const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
    if (in_dateline_brackets(a, m) || staff_credit(a, s)) return true;
    // a line of its own: nothing before the name in its sentence and nothing but signs after it
    if (m.first != first || (m.first > 0 && a.doc.text.find('\n', a.doc.tokens[m.first - 1].end) >= a.doc.tokens[m.first].begin))
      return false;
    for (std::uint32_t k = m.last; k < last; ++k)
      if (has_letter(a.token_text(k))) return false;
    return last >= a.token_count() || a.doc.text.find('\n', a.doc.tokens[last - 1].end) < a.doc.tokens[last].begin;
  };
  std::vector<char> credit(a.mentions.size(), 0);
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    const MentionDraft& m = a.mentions[i];
    credit[i] = m.source == MentionSource::Gazetteer && a.lex.in_list("press_kind", m.org_kind) && byline(m);
  }
  std::vector<char> drop(a.mentions.size(), 0);
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    if (!credit[i]) continue;
    bool named_again = false;
    for (std::size_t j = 0; j < a.mentions.size() && !named_again; ++j)
      named_again = j != i && !credit[j] && a.mentions[j].name == a.mentions[i].name;
    if (!named_again) drop[i] = 1;
  }
  std::size_t i = 0;
  std::erase_if(a.mentions, [&](const MentionDraft&) { return drop[i++] != 0; });
  if (a.mentions.size() != before) index_mentions(a);
}

// "the Paris climate agreement", "the Geneva process", "the Shayrat air base", "the Oval office
// meeting": a place of one word (not a country) between "the" and a lower-case noun qualifies the thing the
// noun names; the text names no place there. A word of grammar after it ("the Paris of the
// 1920s", "the Ukraine and"), a verb, a kind of place ("the Donetsk region"), or a noun that makes
// the place stand for its rulers or people (word list place_actor_noun: "the Kabul government")
// keeps the mention. On realnews-train 16 of the 20 place nodes named only so were no annotated
// entity.
void drop_places_before_nouns(Analysis& a) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.type != EntityType::Location || m.last != m.first + 1 || m.first == 0 || m.last >= a.token_count()) return false;
    const int s = a.tokens[m.first].sentence;
    if (a.key(m.first - 1) != "the" || a.tokens[m.first - 1].sentence != s || a.tokens[m.last].sentence != s) return false;
    const std::uint32_t k = m.last;
    const std::string_view next = a.token_text(k);
    if (next.empty() || next[0] < 'a' || next[0] > 'z') return false;
    return !(a.in_list("headline_lower", k) || a.in_list("verb_helper", k) || a.in_list("predicate_verb", k) ||
             a.in_list("speech_verb", k) || a.in_list("past_form", k) || a.in_list("place_class", k) ||
             a.in_list("place_suffix", k) || a.in_list("state_force", k) || a.in_list("place_actor_noun", k) ||
             a.in_list("locative", k));
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "(AP Photo/Evan Vucci)", "Kevin Lamarque/Reuters", "(Photo: Evan Vucci, AP)": the photographer of
// a credit is no one the story is about. A name written against a slash, or after "Photo:", is one
// (prose does not write people's names so).
void drop_photographers(Analysis& a) {
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) return false;
    const int s = a.tokens[m.first].sentence;
    const std::uint32_t sfirst = a.sentence_first(s), slast = a.sentence_last(s);
    if (m.type != EntityType::Person) {
      // The tagger may read a photographer's name new to it in pieces, as places or bodies
      // ("(Jane Roe/Reuters)": "Jane", "Roe"): a piece of a run of capitalised words written
      // against the slash before a one-word credit that closes the bracket or the sentence is one
      // too ("the US/NATO mission" goes on).
      std::uint32_t k = m.last;
      while (k < slast && a.tokens[k].upper && has_letter(a.token_text(k))) ++k;
      if (k + 1 >= a.token_count() || a.token_text(k) != "/" || !a.tokens[k + 1].upper || !a.tokens[m.first].upper) return false;
      return k + 2 >= a.token_count() || a.tokens[k + 2].sentence != s || a.token_text(k + 2) == ")";
    }
    if (m.first > sfirst && a.token_text(m.first - 1) == "/") return true;
    if (m.last < slast && a.token_text(m.last) == "/") return true;
    return m.first >= sfirst + 2 && a.token_text(m.first - 1) == ":" && a.in_list("credit_after", m.first - 2);
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// The journalists of a staff credit are no one the story is about, whatever type the tagger read
// in their names, and the cities they wrote from ("X in Dubai and Y in London contributed.") are
// no place it is about: a place the story is about is named in its sentences too. (A news agency
// of the ontology named in the credit is drop_dateline_agencies's.)
void drop_staff_credits(Analysis& a) {
  const auto before = a.mentions.size();
  int cached = -1;
  bool credit = false;
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    const bool place = m.type == EntityType::Location || m.type == EntityType::Country;
    if (!place && m.source != MentionSource::Name && m.source != MentionSource::Ner) return false;
    const int s = a.tokens[m.first].sentence;
    if (s != cached) {
      cached = s;
      credit = staff_credit(a, s);
    }
    return credit;
  });
  if (a.mentions.size() != before) index_mentions(a);
}

// "special operations forces (SOF)", "search and rescue (SAR)": an acronym in brackets whose
// letters open the lower-case words right before it (a conjunction, preposition or article among
// them may give a letter or none: word list function_word) abbreviates a common noun phrase, and
// names no entity wherever the document writes it; a name's acronym follows the capitalised name
// ("the Free Syrian Army (FSA)").
void drop_acronyms_of_common_phrases(Analysis& a) {
  std::vector<std::uint64_t> common;
  for (std::uint32_t k = 2; k + 1 < a.token_count(); ++k) {
    const std::string_view t = a.token_text(k);
    if (a.token_text(k - 1) != "(" || a.token_text(k + 1) != ")" || t.size() < 2 || t.size() > 6 ||
        !std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      continue;
    const std::uint32_t sfirst = a.sentence_first(a.tokens[k].sentence);
    // whether letters t[0, i) open the lower-case words ending at token j (inclusive)
    auto spells = [&](auto&& self, std::size_t i, std::int64_t j) -> bool {
      if (i == 0) return true;
      if (j < static_cast<std::int64_t>(sfirst)) return false;
      const auto w = static_cast<std::uint32_t>(j);
      const std::string_view word = a.token_text(w);
      if (word.empty() || a.tokens[w].upper || word[0] < 'a' || word[0] > 'z') return false;
      if (word[0] == t[i - 1] - 'A' + 'a' && self(self, i - 1, j - 1)) return true;
      return a.in_list("function_word", w) && self(self, i, j - 1);
    };
    if (spells(spells, t.size(), static_cast<std::int64_t>(k) - 2)) common.push_back(a.tokens[k].key_hash);
  }
  if (common.empty()) return;
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    return (m.source == MentionSource::Name || m.source == MentionSource::Ner) && m.last == m.first + 1 &&
           std::find(common.begin(), common.end(), a.tokens[m.first].key_hash) != common.end();
  });
  if (a.mentions.size() != before) index_mentions(a);
}

}  // namespace kgraph::extract

namespace kgraph::extract {

// A name in capitals inside a run of shouted words ("... SUFFER CONSEQUENCES THE X OF WHICH FEW
// ...", a post quoted in capitals) has no capitals of its own to tell it from the words around it:
// the tagger's reading there is no evidence of a name. A name of the tagger or the name rules
// (never the ontology's: "THE UNITED STATES" in such a line stays) whose words are all in capitals
// goes when three or more of the six words around it (three each side, over sentence ends) are
// words in capitals of two letters or more too, unless the ontology knows it as a name or the
// document writes it outside capitals as well (a name the story is about comes back in its
// sentences: "Y" beside "Y"). On realnews-train 2 nodes went, neither an annotated entity.
void drop_shouted_names(Analysis& a) {
  auto shouted = [&](std::uint32_t k) {
    const std::string_view t = a.token_text(k);
    return a.tokens[k].caps && has_letter(t) && t.size() >= 2;
  };
  auto word = [&](std::uint32_t k) { return has_letter(a.token_text(k)); };
  const auto before = a.mentions.size();
  std::erase_if(a.mentions, [&](const MentionDraft& m) {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) return false;
    for (std::uint32_t k = m.first; k < m.last; ++k)
      if (word(k) && !shouted(k)) return false;
    int around = 0, seen = 0;
    for (std::uint32_t k = m.first; k > 0 && seen < 3;)
      if (word(--k)) around += shouted(k), ++seen;
    seen = 0;
    for (std::uint32_t k = m.last; k < a.token_count() && seen < 3; ++k)
      if (word(k)) around += shouted(k), ++seen;
    if (around < 3) return false;
    if (a.lex.phrase(normalize_key(m.name)) != nullptr) return false;
    for (std::uint32_t k = m.first; k < m.last; ++k)
      if (a.lex.phrase(a.key(k)) != nullptr || a.lex.world().place(a.token_text(k)).has_value()) return false;
    // (the same words written outside capitals elsewhere: the name proper)
    for (std::uint32_t j = 0; j + (m.last - m.first) <= a.token_count(); ++j) {
      if (a.tokens[j].caps || !a.tokens[j].upper) continue;
      bool same = true;
      for (std::uint32_t i = 0; i < m.last - m.first && same; ++i) same = a.tokens[j + i].key_hash == a.tokens[m.first + i].key_hash;
      if (same) return false;
    }
    return true;
  });
  if (a.mentions.size() != before) index_mentions(a);
}

}  // namespace kgraph::extract
