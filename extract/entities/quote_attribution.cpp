#include "extract/entities/quote_attribution.hpp"

#include <algorithm>
#include <string>

#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

bool is_open_quote(std::string_view t) { return t == "\u201C" || t == "\u00AB" || t == "\u201E"; }
bool is_close_quote(std::string_view t) { return t == "\u201D" || t == "\u00BB"; }

// A straight double quote that can only open a quotation: space (or nothing) before it, a
// word character right after it ("He said: "I ..."). Spaced marks (` " `) are ambiguous.
bool opens_only(const Analysis& a, std::uint32_t i) {
  const std::size_t begin = a.doc.tokens[i].begin, end = a.doc.tokens[i].end;
  const bool space_before = begin == 0 || a.doc.text[begin - 1] == ' ' || a.doc.text[begin - 1] == '\n';
  const bool word_after = end < a.doc.text.size() && a.doc.text[end] != ' ' && a.doc.text[end] != '\n' &&
                          a.doc.text[end] != '.' && a.doc.text[end] != ',';
  return space_before && word_after;
}

// Which content block each sentence is in, so quotes never run across paragraphs.
std::vector<int> block_of_sentences(const Analysis& a) {
  std::vector<int> out;
  std::size_t b = 0;
  for (const Span& s : a.doc.sentences) {
    while (b + 1 < a.doc.content.size() && a.doc.content[b].end <= s.begin) ++b;
    out.push_back(static_cast<int>(b));
  }
  return out;
}

// Person entity at token i: a resolved person mention, or a pronoun we can resolve.
int person_at(const Analysis& a, std::uint32_t i) {
  int m = a.tokens[i].mention;
  if (m >= 0) {
    const MentionDraft& md = a.mentions[static_cast<std::size_t>(m)];
    if (md.type == EntityType::Person && md.entity >= 0) return md.entity;
    return -1;
  }
  if (a.in_list("person_pronoun", i)) return resolve_person_pronoun(a, i);
  return -1;
}

int speaker_after(const Analysis& a, std::uint32_t close) {
  // `," he said` / `," Merkel added` / `," said the minister`
  const int s = a.tokens[close].sentence;
  const std::uint32_t end = std::min<std::uint32_t>(a.sentence_last(s), close + 7);
  int who = -1;
  bool verb = false;
  for (std::uint32_t i = close + 1; i < end; ++i) {
    std::string_view t = a.token_text(i);
    if (t == "." || is_open_quote(t) || t == "\"") break;
    if (a.in_list("speech_verb", i)) verb = true;
    if (who < 0) who = person_at(a, i);
    if (verb && who >= 0) return who;
  }
  return -1;
}

int speaker_before(const Analysis& a, std::uint32_t open) {
  // `X said: "` / `X, NATO Secretary-General: «` / `X said that "`
  const int s = a.tokens[open].sentence;
  const std::uint32_t first = a.sentence_first(s);
  if (open == first) return -1;
  bool cue = false;
  for (std::uint32_t i = open; i-- > first;) {
    if (a.tokens[i].quote >= 0) break;
    if (a.token_text(i) == ":" || a.in_list("speech_verb", i)) cue = true;
    if (!cue) continue;
    int who = person_at(a, i);
    if (who >= 0) return who;
  }
  return -1;
}

}  // namespace

bool is_speech_agent(const Analysis& a, const MentionDraft& m) {
  const int s = a.tokens[m.first].sentence;
  const std::uint32_t slast = a.sentence_last(s);
  std::uint32_t i = m.last;
  if (i < slast && a.token_text(i) == ",") ++i;
  for (int steps = 0; i < slast && steps < 4; ++i, ++steps) {
    if (a.in_list("speech_verb", i)) return true;
    if (a.tokens[i].mention >= 0 || a.token_text(i) == "." || a.tokens[i].upper) break;
  }
  // "said Merkel"
  return m.first > a.sentence_first(s) && a.in_list("speech_verb", m.first - 1);
}

namespace {

// The person who says the sentence after a pronoun in it ("He will meet X, Doe said"):
// news names its source there and means someone else by the pronoun ("Doe said he will
// meet X" is how the source's own plans are written). -1 when none.
int later_speaker(const Analysis& a, std::uint32_t token) {
  const std::uint32_t slast = a.sentence_last(a.tokens[token].sentence);
  if (a.tokens[token].quote >= 0) return -1;  // "I"/"he" inside a quote: the quote's speaker rules apply
  for (std::uint32_t i = token + 1; i < slast; ++i) {
    const int mi = a.tokens[i].mention;
    if (mi < 0) continue;
    const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
    if (m.entity >= 0 && m.type == EntityType::Person && is_speech_agent(a, m)) return m.entity;
    i = std::max(i, m.last - 1);
  }
  return -1;
}

// Whether m is named after a comma at the end of what it says, with another person named before
// it in the sentence, outside quotes ("The next day, Roe will meet X, Doe said").
bool reports_on_other(const Analysis& a, const MentionDraft& m) {
  const std::uint32_t sfirst = a.sentence_first(a.tokens[m.first].sentence);
  // the comma may stand before the source's title ("..., State Department spokeswoman X said")
  std::uint32_t c = m.first;
  while (c > sfirst && c + 6 > m.first && a.token_text(c - 1) != "," &&
         (a.tokens[c - 1].vocab.title_word || a.tokens[c - 1].upper ||
          (a.tokens[c - 1].mention >= 0 && a.mentions[static_cast<std::size_t>(a.tokens[c - 1].mention)].type != EntityType::Person)))
    --c;
  if (c == sfirst || a.token_text(c - 1) != ",") return false;
  for (std::uint32_t i = sfirst; i + 1 < c; ++i) {
    const int mi = a.tokens[i].mention;
    if (mi < 0 || a.tokens[i].quote >= 0) continue;
    const MentionDraft& other = a.mentions[static_cast<std::size_t>(mi)];
    if (other.entity >= 0 && other.entity != m.entity && other.type == EntityType::Person) return true;
  }
  return false;
}

// Whether the article calls the entity by a word of `list` just before one of its names
// ("Mr. Abbas", "Congresswoman Escobar") or as the first word of one ("Queen Elizabeth II").
bool called(const Analysis& a, int entity, std::string_view list) {
  // a name that opens with a given name of one sex ("Donald Roe", "Nancy Pelosi") says it as well
  const std::string_view given = list == "male_word" ? "male_given_name" : list == "female_word" ? "female_given_name" : "";
  for (const MentionDraft& m : a.mentions) {
    if (m.entity != entity) continue;
    if (a.in_list(list, m.first) || (m.first > 0 && a.in_list(list, m.first - 1))) return true;
    if (!given.empty() && (m.source == MentionSource::Name || m.source == MentionSource::Ner) && m.last > m.first + 1 && a.in_list(given, m.first)) return true;
    // an apposition after the name: "Kim Yo Jong, the younger sister of ..."
    const std::uint32_t slast = a.sentence_last(a.tokens[m.first].sentence);
    if (m.last + 2 < slast && a.token_text(m.last) == "," && a.in_list("description_opener", m.last + 1))
      for (std::uint32_t i = m.last + 2; i < slast && i < m.last + 5 && !a.tokens[i].upper && a.tokens[i].mention < 0; ++i)
        if (a.in_list(list, i) || a.in_list(list == "male_word" ? "male_kin" : "female_kin", i)) return true;
  }
  return false;
}

// Whether sentence s opens with a description of a person as its subject, a determiner and lower-case
// words up to a title ("The former senator from Massachusetts spoke to ..."): news writes such a
// second reference for the person the story was just about.
bool opens_with_description(const Analysis& a, int s) {
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  if (!a.in_list("description_opener", first)) return false;
  for (std::uint32_t i = first + 1; i < last && i < first + 4; ++i) {
    if (a.tokens[i].mention >= 0 || a.tokens[i].quote >= 0 || a.tokens[i].upper) return false;
    if (a.tokens[i].vocab.title_word) return true;
  }
  return false;
}

// The person who opens sentence s as its subject ("Clinton went back to Jerusalem ..."): a Person
// mention among its first words, before any lower-case word but a title; -1 when none. A sentence
// opening with a description ("The former senator ...") continues the subject of the one before it.
int opening_subject(const Analysis& a, int s) {
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  if (s > 0 && opens_with_description(a, s)) return opening_subject(a, s - 1);
  const std::uint32_t start = after_dateline(a, first, last);
  for (std::uint32_t i = start; i < last && i < start + 8; ++i) {
    if (a.tokens[i].quote >= 0) return -1;
    const int mi = a.tokens[i].mention;
    if (mi >= 0) {
      const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
      return m.type == EntityType::Person ? m.entity : -1;
    }
    if (!a.tokens[i].upper && !a.tokens[i].vocab.title_word) return -1;
  }
  return -1;
}

// One past the head noun of the description of a person that sentence s opens with as its subject,
// looking no further than `before`: a determiner, then lower-case words and names of countries or
// bodies up to a title (titles.tsv, one word) or a noun for a person (a word of people_group without
// its plural "s"): "The top Country-A diplomat returned from Y". 0 when the sentence opens otherwise
// (with a quote, a pronoun, a person's name).
std::uint32_t opening_description_end(const Analysis& a, int s, std::uint32_t before) {
  std::uint32_t first = a.sentence_first(s);
  if (first < before && a.in_list("leading_conjunction", first)) ++first;
  if (first >= before || !a.in_list("description_opener", first) || a.tokens[first].quote >= 0) return 0;
  for (std::uint32_t i = first + 1; i < before && i < first + 6; ++i) {
    if (a.tokens[i].quote >= 0 || a.in_list("person_pronoun", i)) return 0;
    const int mi = a.tokens[i].mention;
    if (mi >= 0) {
      const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
      if (m.type == EntityType::Person || m.entity < 0) return 0;
      i = std::max(i, m.last - 1);
      continue;
    }
    if (a.tokens[i].upper || !has_letter(a.token_text(i))) return 0;
    const TitleEntry* te = a.lex.title(a.key(i));
    if ((te && te->kind != "honorific") || a.lex.in_list("people_group", a.key(i) + "s")) return i + 1;
  }
  return 0;
}

// Whether the pronoun's own sentence opens with a description of a person as its subject
// (opening_description_end), before the pronoun and with no person named or referred to between
// them: "The top Country-A diplomat returned from Y, where he met X". The pronoun stands for the
// description there, not for a person named in an earlier sentence.
bool follows_opening_description(const Analysis& a, std::uint32_t token) {
  if (a.tokens[token].quote >= 0) return false;
  const std::uint32_t end = opening_description_end(a, a.tokens[token].sentence, token);
  if (end == 0) return false;
  // "The top diplomat, Roe, ...": a name in apposition is who the pronoun stands for
  for (std::uint32_t i = end; i < token; ++i) {
    const int mi = a.tokens[i].mention;
    if ((mi >= 0 && a.mentions[static_cast<std::size_t>(mi)].type == EntityType::Person) ||
        a.in_list("person_pronoun", i) || a.tokens[i].quote >= 0)
      return false;
  }
  return true;
}

// Whether the pronoun is the subject its sentence opens with: its first word, or the first after
// an opening phrase that names no one ("On Saturday, he ...").
// A conjunction may come first ("And he's had ..."), and the opening phrase may name a place, a
// body or an outlet, but no person ("In an interview on Fox News, he said ...").
bool opens_sentence(const Analysis& a, std::uint32_t token) {
  std::uint32_t first = a.sentence_first(a.tokens[token].sentence);
  if (a.tokens[token].quote >= 0) return false;
  if (first < token && a.in_list("leading_conjunction", first)) ++first;
  if (token == first) return true;
  if (a.token_text(token - 1) != ",") return false;
  for (std::uint32_t i = first; i < token; ++i) {
    const int mi = a.tokens[i].mention;
    if ((mi >= 0 && a.mentions[static_cast<std::size_t>(mi)].type == EntityType::Person) || a.tokens[i].quote >= 0 ||
        a.in_list("person_pronoun", i))
      return false;
  }
  return true;
}

// The person named as the subject right after a phrase fronted before it, when the pronoun stands
// in that phrase and is its first reference to a person: "As he prepares to meet X, Mr. Roe
// said ...", "In his meeting with X, Roe went off script" (news writes the pronoun before the name
// it stands for there). -1 when the sentence is not so built.
int fronted_phrase_subject(const Analysis& a, std::uint32_t token) {
  if (a.tokens[token].quote >= 0) return -1;
  const int s = a.tokens[token].sentence;
  const std::uint32_t first = a.sentence_first(s), last = a.sentence_last(s);
  // the opener: a few words before the pronoun, at the start of the sentence or of a clause
  // ("..., the Post reported that in his meeting with X, Roe ...")
  std::uint32_t opener = token;
  for (std::uint32_t i = token; i-- > first && i + 5 > token;) {
    if (a.tokens[i].mention >= 0 || a.tokens[i].quote >= 0 || a.in_list("person_pronoun", i) || a.token_text(i) == ",") break;
    if (!a.in_list("fronted_phrase_opener", i)) continue;
    if (i == first || a.token_text(i - 1) == "," || a.key(i - 1) == "that" || a.in_list("leading_conjunction", i - 1))
      opener = i;
    break;
  }
  if (opener == token) return -1;
  // the subject: a person's name right after a comma of the phrase (a place in it may have its
  // own: "in Helsinki, Finland, Mr. Roe said"), with at most a title or an honorific before it
  for (std::uint32_t c = token + 1; c < last && c < token + 30; ++c) {
    if (a.tokens[c].quote >= 0) return -1;
    if (a.token_text(c) != ",") continue;
    for (std::uint32_t i = c + 1; i < last && i < c + 5; ++i) {
      const int mi = a.tokens[i].mention;
      if (mi >= 0) {
        const MentionDraft& m = a.mentions[static_cast<std::size_t>(mi)];
        if (m.type != EntityType::Person || m.entity < 0) break;
        // (a possessive is no subject: "As he left, Roe's aides said")
        if (m.last < last && (a.key(m.last) == "'s" || a.key(m.last) == "\u2019s")) return -1;
        return m.entity;
      }
      if (!a.tokens[i].upper && !a.tokens[i].vocab.title_word && !a.in_list("description_opener", i)) break;
    }
  }
  return -1;
}

// The person the description of sentence s (its head noun at end - 1) names by office: "the top
// Country-A diplomat" (a word of top_role_modifier and a head noun of top_diplomat_noun, a country
// named between) is the one person of the text that the office-holder data has in an office of
// top_diplomat_title of that country at the article's date. -1 otherwise.
int office_holder_described(const Analysis& a, int s, std::uint32_t end) {
  const std::uint32_t head = end - 1;
  if (!a.in_list("top_diplomat_noun", head)) return -1;
  bool top = false;
  std::string country;
  for (std::uint32_t i = a.sentence_first(s); i < head; ++i) {
    top = top || a.in_list("top_role_modifier", i);
    const int mi = a.tokens[i].mention;
    if (mi >= 0 && a.mentions[static_cast<std::size_t>(mi)].type == EntityType::Country)
      country = a.mentions[static_cast<std::size_t>(mi)].name;
  }
  if (!top || country.empty()) return -1;
  int found = -1;
  for (std::size_t e = 0; e < a.entities.size(); ++e) {
    const EntityDraft& d = a.entities[e];
    if (d.type != EntityType::Person || d.mentions.empty()) continue;
    for (const OfficeTerm* t : a.lex.terms_of(d.name)) {
      if (t->office_of != country || !t->holds_on(a.doc.meta.date) ||
          !a.lex.in_list("top_diplomat_title", normalize_key(t->title)))
        continue;
      if (found >= 0 && found != static_cast<int>(e)) return -1;
      found = static_cast<int>(e);
    }
  }
  return found;
}

// The person sentence s continues as its subject when it opens with a description (head noun at
// end - 1): the subject the sentence before opens with (opening_subject), else the office holder it
// names (office_holder_described). -1 when none.
int described_person(const Analysis& a, int s, std::uint32_t end) {
  if (const int subject = s > 0 ? opening_subject(a, s - 1) : -1; subject >= 0) return subject;
  return office_holder_described(a, s, end);
}

}  // namespace

int opening_description_person(const Analysis& a, std::uint32_t token) {
  if (a.tokens[token].mention >= 0 || a.tokens[token].quote >= 0) return -1;
  const int s = a.tokens[token].sentence;
  const std::uint32_t end = opening_description_end(a, s, a.sentence_last(s));
  if (end == 0 || token + 1 != end) return -1;  // its head noun only
  return described_person(a, s, end);
}

int resolve_person_pronoun(const Analysis& a, std::uint32_t token) {
  const int s = a.tokens[token].sentence;
  const int oldest = std::max(0, s - 3);
  const int not_him = later_speaker(a, token);
  // "He's met with Democrats," said Spicer: a third person inside a quote is not its speaker
  const int q = a.tokens[token].quote;
  const int not_speaker = q >= 0 ? a.quotes[static_cast<std::size_t>(q)].speaker : -1;
  int recent = -1, recent_sentence = -1;
  // "she" is no one the article calls "Mr.", "he" no one it calls "Mrs." or "Congresswoman"
  const char* other_sex = a.in_list("male_word", token) ? "female_word" : a.in_list("female_word", token) ? "male_word" : nullptr;
  const char* own_sex = !other_sex ? nullptr : std::string_view(other_sex) == "female_word" ? "male_word" : "female_word";
  // of the people named in the sentence of the nearest one, the one the article calls as the
  // pronoun does comes before those it gives no sex ("Kim Yo Jong, the younger sister of leader Kim
  // Jong Un, took center stage when she met ...")
  int same_sex = -1;
  // (the subject after a fronted phrase may be the one who speaks: "As he prepares to meet X, Mr.
  // Roe said ..." is Roe's own plan, unlike "He will meet X, Doe said")
  if (const int subject = fronted_phrase_subject(a, token); subject >= 0 && !(other_sex && called(a, subject, other_sex)))
    return subject;
  // "The top Country-A diplomat returned from Y, where he met X": the pronoun stands for the description
  // the sentence opens with, which the resolver bound to no one: the person the previous sentence
  // opened with, as the description does (opening_description_person); no one else named before
  if (follows_opening_description(a, token)) {
    const int described = described_person(a, s, opening_description_end(a, s, token));
    return described >= 0 && !(other_sex && called(a, described, other_sex)) ? described : -1;
  }
  // A pronoun that opens its sentence continues the previous sentence's subject: "Clinton went
  // back to Jerusalem after talks with Abbas. She will meet ...", "On Saturday, he spoke with ..."
  if (s > 0 && opens_sentence(a, token))
    if (const int subject = opening_subject(a, s - 1);
        subject >= 0 && subject != not_him && !(other_sex && called(a, subject, other_sex)))
      return subject;
  // Walk mentions backwards from the pronoun.
  for (std::size_t k = a.mentions.size(); k-- > 0;) {
    const MentionDraft& m = a.mentions[k];
    if (m.first >= token || m.entity < 0 || m.type != EntityType::Person || m.entity == not_him ||
        m.entity == not_speaker)
      continue;
    const int ms = a.tokens[m.first].sentence;
    if (ms < oldest) break;
    const bool quoted = a.tokens[m.first].quote >= 0 && a.tokens[token].quote != a.tokens[m.first].quote;
    if (quoted) continue;
    if (other_sex && called(a, m.entity, other_sex)) continue;
    if (is_speech_agent(a, m)) {
      // a source named at the end of what it reports ("Roe will meet X, Doe said") is not
      // who the report is about: a person named before it in its sentence is
      if (ms < s && reports_on_other(a, m)) continue;
      // a person named earlier in the pronoun's own sentence comes before a source of an earlier
      // one ("... Mr. Green wrote. As for Mr. Bolton, Mr. Pillsbury said: 'I first met him'")
      if (ms < s && recent >= 0 && recent_sentence == s) return recent;
      return m.entity;
    }
    if (recent < 0) {
      recent = m.entity;
      recent_sentence = ms;
    }
    if (same_sex < 0 && ms == recent_sentence && own_sex && called(a, m.entity, own_sex)) same_sex = m.entity;
  }
  if (recent >= 0 && same_sex >= 0 && same_sex != recent && !called(a, recent, own_sex)) return same_sex;
  return recent;
}

void attribute_quotes(Analysis& a) {
  const std::vector<int> block = block_of_sentences(a);
  const std::size_t n = a.token_count();
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string_view t = a.token_text(i);
    const bool straight = t == "\"";
    if (!is_open_quote(t) && !straight) continue;
    const int b = block[static_cast<std::size_t>(a.tokens[i].sentence)];
    std::uint32_t j = i + 1;
    bool reopened = false;
    while (j < n && block[static_cast<std::size_t>(a.tokens[j].sentence)] == b) {
      std::string_view u = a.token_text(j);
      // A quote that runs on into a new paragraph opens again without closing; in text whose
      // paragraphs were joined, a mark that can only open (space before, a word after) ends it.
      if (straight && u == "\"" && opens_only(a, j)) {
        reopened = true;
        break;
      }
      if (straight ? u == "\"" : is_close_quote(u)) break;
      ++j;
    }
    Quote q{i + 1, j, -1};
    const int index = static_cast<int>(a.quotes.size());
    for (std::uint32_t k = q.first; k < q.last; ++k) a.tokens[k].quote = index;
    a.quotes.push_back(q);
    i = reopened ? j - 1 : j;  // continue after the closing mark, or at the mark that opens again
  }
  for (std::size_t qi = 0; qi < a.quotes.size(); ++qi) {
    Quote& q = a.quotes[qi];
    if (q.last < n) q.speaker = speaker_after(a, q.last);
    if (q.speaker < 0 && q.first > 0) q.speaker = speaker_before(a, q.first - 1);
    if (q.speaker < 0 && qi > 0) {
      const Quote& prev = a.quotes[qi - 1];
      if (block[static_cast<std::size_t>(a.tokens[prev.first > 0 ? prev.first - 1 : 0].sentence)] ==
          block[static_cast<std::size_t>(a.tokens[q.first > 0 ? q.first - 1 : 0].sentence)])
        q.speaker = prev.speaker;
    }
  }
}

std::uint32_t after_dateline(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t i = first + 1; i + 1 < last && i < first + 8; ++i) {
    const std::string_view t = a.token_text(i);
    if ((t == "-" || t == "\u2013" || t == "\u2014") && a.token_text(i - 1) == ")") return i + 1;
  }
  return first;
}

}  // namespace kgraph::extract
