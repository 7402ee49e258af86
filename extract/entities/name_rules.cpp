#include "extract/entities/name_rules.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/entities/token_key_index.hpp"
#include "extract/ner/ner_tagger.hpp"
#include "extract/text/utf8.hpp"

namespace kgraph::extract {
namespace {

// A hyphenated word whose later parts are lower case ("Run-of-the-mill",
// "so-called") is an ordinary word, not part of a name; one that ends in a capitalised part is
// a name with lower-case particles inside ("Inzamam-ul-Haq", "Ata-ur-Rehman").
bool lower_hyphen_word(std::string_view w) {
  if (const std::size_t last_dash = w.rfind('-'); last_dash != std::string_view::npos && last_dash + 1 < w.size() &&
                                                  is_upper(decode_utf8(w, last_dash + 1).value))
    return false;
  std::size_t dash = w.find('-');
  while (dash != std::string_view::npos && dash + 1 < w.size()) {
    char32_t c = decode_utf8(w, dash + 1).value;
    if (is_lower(c) && w.substr(dash + 1, 3) != "al-" && w.substr(dash + 1, 3) != "el-") return true;
    dash = w.find('-', dash + 1);
  }
  return false;
}

// "al-Assad", "el-Sisi": an Arabic article before a capitalised name part.
bool article_name_part(std::string_view w) {
  return w.size() > 3 && (w.substr(0, 3) == "al-" || w.substr(0, 3) == "el-") && w[3] >= 'A' && w[3] <= 'Z';
}

// A title by its key; pre-tokenised text spaces hyphens ("vice - president"), which
// then read as the hyphenated title ("vice-president").
// "then-Secretary", "ex-President": a dating prefix joined to a title by a hyphen (word list
// title_prefix); the length of "then-" when `key` starts with one, else 0.
std::size_t dated_prefix(const Analysis& a, std::string_view key) {
  const std::size_t dash = key.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= key.size()) return 0;
  return a.lex.in_list("title_prefix", key.substr(0, dash + 1)) ? dash + 1 : 0;
}

const TitleEntry* title_by_key(const Analysis& a, const std::string& key) {
  if (const TitleEntry* t = a.lex.title(key)) return t;
  if (const std::size_t p = dated_prefix(a, key); p > 0)
    if (const TitleEntry* t = a.lex.title(key.substr(p))) return t;
  if (key.find(" - ") == std::string::npos) return nullptr;
  std::string joined;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 3, " - ") == 0) {
      joined += '-';
      i += 2;
    } else {
      joined.push_back(key[i]);
    }
  }
  return a.lex.title(joined);
}

// "Russia-NATO relations", "US-China talks": two names the gazetteer knows, joined by a
// hyphen, qualify the noun after them; the pair is no one's name.
bool known_name_pair(const Analysis& a, std::string_view w) {
  const std::size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size() || w.find('-', dash + 1) != std::string_view::npos)
    return false;
  return a.lex.phrase(normalize_key(w.substr(0, dash))) && a.lex.phrase(normalize_key(w.substr(dash + 1)));
}

// "Ki-moon", "Jae-in", "Sung-hwan": a romanised Korean given name, two short syllables joined by
// a hyphen, the first capitalised. (Ordinary hyphenated words have a longer part: "Co-operation",
// "Self-defense"; the name also needs a capitalised word before it, see name_like.)
bool syllable_pair(std::string_view w) {
  const std::size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size() || w.find('-', dash + 1) != std::string_view::npos)
    return false;
  auto letters = [](std::string_view p) {
    return p.size() <= 5 && std::all_of(p.begin(), p.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  };
  return letters(w.substr(0, dash)) && letters(w.substr(dash + 1)) && w[dash + 1] >= 'a' && w[dash + 1] <= 'z';
}

bool name_like(const Analysis& a, std::size_t i) {
  const TokenInfo& t = a.tokens[i];
  std::string_view w = a.token_text(i);
  if (t.mention >= 0) return false;
  if (!t.upper) return article_name_part(w) && !t.sentence_start;
  if (!has_letter(w) || known_name_pair(a, w)) return false;
  if (lower_hyphen_word(w))  // a hyphenated given name after the family name: "Ban Ki-moon"
    return i > 0 && !t.sentence_start && a.tokens[i - 1].upper && a.tokens[i - 1].sentence == t.sentence && syllable_pair(w);
  return true;
}

}  // namespace

namespace {

bool headline_case(const Analysis& a, int s) {
  int letters = 0, caps = 0;
  for (std::uint32_t i = a.sentence_first(s); i < a.sentence_last(s); ++i) {
    if (!has_letter(a.token_text(i))) continue;
    ++letters;
    if (a.tokens[i].caps) ++caps;
  }
  return letters >= 3 && caps * 10 >= letters * 7;  // mostly ALL CAPS: case says nothing about names
}

// A line in title case ("Trump Says Administration Will Act", "Obama Authorizes Deploying More
// Troops To Iraq"): every word of four letters or more is capitalised, three of them at least, so
// case says nothing about names there either. Short words ("to", "is", "of") may go either way.
bool title_case(const Analysis& a, int s) {
  int long_words = 0;
  for (std::uint32_t i = a.sentence_first(s); i < a.sentence_last(s); ++i) {
    const std::string_view w = a.token_text(i);
    int letters = 0;
    for (const char c : w) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letters < 4) continue;
    if (!a.tokens[i].upper) return false;
    ++long_words;
  }
  return long_words >= 3;
}

}  // namespace

void mark_sentence_case(Analysis& a) {
  const int sentences = static_cast<int>(a.doc.sentence_first_token.size()) - 1;
  a.sentence_case.assign(static_cast<std::size_t>(std::max(sentences, 0)), 0);
  for (int s = 0; s < sentences; ++s)
    a.sentence_case[static_cast<std::size_t>(s)] = (headline_case(a, s) ? kHeadlineCase : 0) | (title_case(a, s) ? kTitleCase : 0);
}

bool is_headline(const Analysis& a, int s) { return a.sentence_case[static_cast<std::size_t>(s)] & kHeadlineCase; }

bool is_title_case_line(const Analysis& a, int s) { return a.sentence_case[static_cast<std::size_t>(s)] & kTitleCase; }

namespace {

// A hyphen standing alone between two words: pre-tokenised text writes "All - Russia".
bool spaced_hyphen(const Analysis& a, std::uint32_t i) { return a.token_text(i) == "-"; }

std::string text_of(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  std::string out;
  for (std::uint32_t i = first; i < last; ++i) {
    if (i > first) {
      // keep "O'Brien"-like joins as written: only insert a space where the text had one;
      // a hyphen spaced by tokenisation joins its words again ("All-Russia")
      if (a.doc.tokens[i].begin > a.doc.tokens[i - 1].end && !spaced_hyphen(a, i) && !spaced_hyphen(a, i - 1))
        out.push_back(' ');
    }
    out += a.token_text(i);
  }
  return out;
}

bool speech_verb_near(const Analysis& a, std::uint32_t after, int sentence) {
  // "X said", "X told", "X also said", "X on Friday said"
  for (std::uint32_t i = after; i < a.sentence_last(sentence) && i < after + 4; ++i) {
    if (a.in_list("speech_verb", i)) return true;
    if (a.tokens[i].mention >= 0 || a.token_text(i) == "," || a.token_text(i) == ".") break;
  }
  return false;
}

void add_mention(Analysis& a, std::uint32_t first, std::uint32_t last, EntityType type, std::string name) {
  MentionDraft m;
  m.first = first;
  m.last = last;
  m.type = type;
  m.source = MentionSource::Name;
  m.name = std::move(name);
  const int index = static_cast<int>(a.mentions.size());
  a.mentions.push_back(std::move(m));
  for (std::uint32_t i = first; i < last; ++i) a.tokens[i].mention = index;
}

// The token before `first`, skipping one comma: "President, Sauli Niinistö".
std::uint32_t before_skipping_comma(const Analysis& a, std::uint32_t first, std::uint32_t sentence_first) {
  if (first <= sentence_first) return UINT32_MAX;
  std::uint32_t p = first - 1;
  if (a.token_text(p) == "," && p > sentence_first) --p;
  return p;
}

// The title entry of the longest title phrase starting at `first` (nullptr when none), and its length.
const TitleEntry* title_at(const Analysis& a, std::uint32_t first, std::uint32_t limit, int* len) {
  *len = 0;
  const TitleEntry* found = nullptr;
  if (first >= limit || (!a.tokens[first].vocab.title_word && !dated_prefix(a, a.key(first))))
    return nullptr;  // titles begin with a title word
  std::string key;
  for (std::uint32_t e = first; e < std::min<std::uint32_t>(limit, first + static_cast<std::uint32_t>(a.lex.max_title_tokens())); ++e) {
    if (e > first) key.push_back(' ');
    key += a.key(e);
    if (const TitleEntry* t = title_by_key(a, key)) {
      found = t;
      *len = static_cast<int>(e - first + 1);
    }
  }
  return found;
}

// A capitalised office title or rank at `j` followed by a capitalised word: inside a run of
// capitals it separates the organisation from the person ("IAAF President Sebastian Coe",
// "Senate Foreign Relations Chairman Bob Corker", "Army Col. John Smith").
bool title_before_name(const Analysis& a, std::uint32_t j, std::uint32_t slast) {
  int len = 0;
  const TitleEntry* te = title_at(a, j, slast, &len);
  if (!te || (te->kind != "office" && te->kind != "elect" && te->kind != "rank")) return false;
  const std::uint32_t k = j + static_cast<std::uint32_t>(len);
  return a.tokens[j].upper && k < slast && a.tokens[k].upper && has_letter(a.token_text(k));
}

// News style lower-cases titles: "IAAF president Lamine X", "federation chief Y". A lower-case
// office title or head word at `j` between two names qualifies the second by the first.
bool lower_title_before_name(const Analysis& a, std::uint32_t j, std::uint32_t slast) {
  int len = 0;
  const TitleEntry* te = title_at(a, j, slast, &len);
  if (!te || a.tokens[j].upper || (te->kind != "office" && te->kind != "elect" && te->kind != "head")) return false;
  const std::uint32_t k = j + static_cast<std::uint32_t>(len);
  return k < slast && a.tokens[k].upper && has_letter(a.token_text(k)) && !a.in_list("not_a_name", k);
}

// Honorifics between a title and a name: "the acting chief of the police, Mr John Smith".
std::uint32_t skip_honorifics_back(const Analysis& a, std::uint32_t first, std::uint32_t sentence_first) {
  while (first > sentence_first) {
    const TitleEntry* te = nullptr;
    const int len = title_ending_at(a, first - 1, &te);
    if (len == 0 || te->kind != "honorific") break;
    first -= static_cast<std::uint32_t>(len);
  }
  return first;
}

// The organisation or country mention that qualifies a title ending just before `title_first`:
// "NATO Secretary General", "Venezuela's President", "France's counter-terrorism prosecutor",
// "the National Guard (NG) Division General". -1 when none.
int qualifier_before(const Analysis& a, std::uint32_t title_first, std::uint32_t sentence_first) {
  if (title_first <= sentence_first) return -1;
  std::uint32_t q = title_first - 1;
  // one or two lower-case modifiers of the title ("counter-terrorism", "top", "deputy")
  for (int k = 0; k < 2 && q > sentence_first && a.tokens[q].mention < 0 && !a.tokens[q].upper &&
                  has_letter(a.token_text(q)) && a.key(q) != "the" && a.key(q) != "a" && a.key(q) != "of" &&
                  !a.in_list("qualifier_break", q);
       ++k)
    --q;
  if ((a.key(q) == "'s" || a.key(q) == "'") && q > sentence_first) --q;
  if (a.token_text(q) == ")" && q >= sentence_first + 2 && a.token_text(q - 2) == "(" && q - 2 > sentence_first) q -= 3;
  const int om = a.tokens[q].mention;
  if (om < 0) return -1;
  const EntityType t = a.mentions[static_cast<std::size_t>(om)].type;
  return t == EntityType::Person || t == EntityType::Event || t == EntityType::Operation ? -1 : om;
}

// How many words from the lower-case word at k carry an institution's name on from its head word
// to what the institution is for, 0 when they do not: "Graduate School of Political Management",
// "Syrian Observatory for Human Rights", "Committee on Foreign Relations", "Center for American
// Progress" (a place's word made an institution's by "for": word list institution_head) take 1;
// an article may follow the connector, "Kennedy Center for the Performing Arts", "Center for a New
// American Security" (word list institution_article), 2. A time word after it is when, not what:
// "the Post on Tuesday".
std::uint32_t institution_joint(const Analysis& a, std::uint32_t k, std::uint32_t slast) {
  if (!(k > 0 && k + 1 < slast && !a.tokens[k].upper && a.tokens[k - 1].upper && a.in_list("institution_connector", k) &&
        (a.in_list("org_suffix", k - 1) || (a.key(k) == "for" && a.in_list("institution_head", k - 1)))))
    return 0;
  if (k + 2 < slast && !a.tokens[k + 1].upper && a.in_list("institution_article", k + 1)) {
    // (after an article, only a name the rules can read whole: no title, "the Office of the
    // Director of National Intelligence", no known name inside, "Center for a New American
    // Security", whose run would stop short at the demonym, and no connector after it, "District
    // Court for the Eastern District of Michigan")
    std::uint32_t e = k + 2;
    while (e < slast && name_like(a, e)) ++e;
    const bool ends = e == slast || (a.tokens[e].mention < 0 && !a.in_list("name_connector", e) &&
                                     !a.in_list("institution_connector", e));
    // (nor a lone institution word, which names one met before: "the Secretariat of the Foundation")
    const bool whole = e > k + 2 && ends && !(e == k + 3 && a.in_list("org_suffix", k + 2)) && title_starting_at(a, k + 2, slast) == 0 && !a.in_list("time_word", k + 2);
    return whole ? 2 : 0;
  }
  return name_like(a, k + 1) && !a.in_list("time_word", k + 1) ? 1 : 0;
}

// Whether the lower-case "and" at k, in a name that has passed an institution's joint, joins a
// second part of what the institution is for: "House Committee on Oversight and Government
// Reform", "Subcommittee on Crime and Terrorism" (word list institution_conjunction). The part
// after it is at most three capitalised words with no institution word or title among them, so
// two bodies stay two: "the Council on Foreign Relations and Brookings Institution".
bool institution_and(const Analysis& a, std::uint32_t k, std::uint32_t slast) {
  if (k + 1 >= slast || a.tokens[k].upper || !a.in_list("institution_conjunction", k)) return false;
  // (a person met before, or a name with a possessive after it, is the other party: "talks between
  // the Department of Justice and Abedin's lawyers")
  for (const MentionDraft& m : a.mentions)
    if (m.type == EntityType::Person && a.key(m.last - 1) == a.key(k + 1)) return false;
  std::uint32_t e = k + 1;
  for (; e < slast && name_like(a, e); ++e)
    if (e - k > 3 || a.in_list("org_suffix", e) || a.in_list("institution_head", e) || title_before_name(a, e, slast))
      return false;
  return e > k + 1 && !(e < slast && (a.key(e) == "'s" || a.key(e) == "\u2019s"));
}

// Extends a country or demonym mention just before `i` over the institution word at `i`
// and the name words after it ("US Air Force", up to a title); the mention becomes an organisation.
bool join_country_institution(Analysis& a, std::uint32_t i, std::uint32_t slast) {
  if (i == 0 || a.tokens[i - 1].mention < 0 || a.tokens[i - 1].sentence != a.tokens[i].sentence) return false;
  const int index = a.tokens[i - 1].mention;
  MentionDraft& c = a.mentions[static_cast<std::size_t>(index)];
  if (c.source != MentionSource::Gazetteer || c.last != i || c.type != EntityType::Country ||
      (c.kind != LexKind::CountryName && c.kind != LexKind::Demonym) || !a.tokens[c.first].upper)
    return false;
  // the institution's name goes on over capitalised words, up to a title or a person's name as
  // the tagger reads it ("Head of Turkish Intelligence Hakan Fidan")
  std::uint32_t last = i + 1;
  while (last < slast && last < i + 3 && name_like(a, last) && !title_before_name(a, last, slast) &&
         !(a.tokens[last].ner_label == static_cast<int>(ner::NerLabel::Person) && a.tokens[last].ner_first == last))
    ++last;
  // "Ukrainian Ministry of Defense", "French Ministry for the Armed Forces": a connector and the
  // capitalised words after it belong to the institution's name
  if (std::uint32_t more = last; more + 1 < slast && ((a.in_list("name_connector", more) && !a.tokens[more].upper) ||
                                                      institution_joint(a, more, slast))) {
    ++more;
    if (a.key(more) == "the" && more + 1 < slast) ++more;
    const std::uint32_t words = more;
    while (more < slast && more < words + 3 && name_like(a, more) && !title_before_name(a, more, slast)) ++more;
    if (more > words) last = more;
  }
  c.last = last;
  c.type = EntityType::Organisation;
  c.source = MentionSource::Name;
  c.name = text_of(a, c.first, last);
  for (std::uint32_t k = i; k < last; ++k) a.tokens[k].mention = index;
  return true;
}

// An organisation name after a gazetteer country or demonym: the country belongs to the name
// ("Russia Athletic Federation", "French Football Federation"), and so does a hyphenated
// first part spaced by tokenisation ("All - Russia Athletic Federation"). The country mention
// grows over the name and becomes the organisation. False when no country stands there.
bool absorb_country_prefix(Analysis& a, std::uint32_t first, std::uint32_t last, std::uint32_t sfirst) {
  if (first <= sfirst || a.tokens[first - 1].mention < 0) return false;
  const int index = a.tokens[first - 1].mention;
  MentionDraft& c = a.mentions[static_cast<std::size_t>(index)];
  if (c.source != MentionSource::Gazetteer || c.last != first || c.type != EntityType::Country ||
      (c.kind != LexKind::CountryName && c.kind != LexKind::Demonym) || !a.tokens[c.first].upper)
    return false;
  if (c.first >= sfirst + 2 && spaced_hyphen(a, c.first - 1) && a.tokens[c.first - 2].mention < 0 &&
      a.tokens[c.first - 2].upper && has_letter(a.token_text(c.first - 2)))
    c.first -= 2;
  // the name as the text writes it: news names "U.S. Central Command" so, hardly ever
  // "United States Central Command" (34 to 1 among the names annotators gave realnews-train and
  // the tune half); the graph folds "US" and "U.S." into one key
  c.name = text_of(a, c.first, last);
  c.last = last;
  c.type = EntityType::Organisation;
  c.source = MentionSource::Name;
  for (std::uint32_t k = c.first; k < last; ++k) a.tokens[k].mention = index;
  return true;
}

// The organisation a person is listed with after the name: "Sgt. X, 3rd Infantry Division,",
// "Special Agent X[12], Air Force Office of Special Investigations" (a reference mark may stand
// between). The organisation must end its clause. -1 when none.
int affiliation_after(const Analysis& a, std::uint32_t k, std::uint32_t slast) {
  if (k + 2 < slast && a.token_text(k) == "[") {
    std::uint32_t e = k + 1;
    while (e < slast && e < k + 4 && a.token_text(e) != "]") ++e;
    if (e >= slast || a.token_text(e) != "]") return -1;
    k = e + 1;
  }
  if (k + 1 >= slast || a.token_text(k) != ",") return -1;
  const int om = a.tokens[k + 1].mention;
  if (om < 0) return -1;
  const MentionDraft& org = a.mentions[static_cast<std::size_t>(om)];
  if (org.first != k + 1 || org.type != EntityType::Organisation) return -1;
  if (org.last < slast && a.token_text(org.last) != "," && a.token_text(org.last) != ";" && a.token_text(org.last) != ".")
    return -1;
  return om;
}

// A title that only an organisation has, or a generic head word, before "of [the]" at
// `first`: "owner of X", "leader of X", "the chief executive of X".
bool organisation_title_before(const Analysis& a, std::uint32_t first, std::uint32_t sfirst) {
  std::uint32_t o = first;
  if (o > sfirst && a.key(o - 1) == "the") --o;
  if (o < sfirst + 2 || a.key(o - 1) != "of") return false;
  const TitleEntry* te = nullptr;
  if (title_ending_at(a, o - 2, &te) == 0) return false;
  return te->kind == "head" || a.lex.in_list("organisation_title", normalize_key(te->title));
}

}  // namespace

void index_mentions(Analysis& a) {
  for (TokenInfo& t : a.tokens) t.mention = -1;
  for (std::size_t m = 0; m < a.mentions.size(); ++m)
    for (std::uint32_t i = a.mentions[m].first; i < a.mentions[m].last; ++i)
      if (a.tokens[i].mention < 0) a.tokens[i].mention = static_cast<int>(m);
}

bool title_inside(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  const std::uint32_t slast = a.sentence_last(a.tokens[first].sentence);
  for (std::uint32_t k = first + 1; k < last; ++k)
    if (title_before_name(a, k, slast)) return true;
  return false;
}

int title_starting_at(const Analysis& a, std::uint32_t first, std::uint32_t limit) {
  int best = 0;
  if (first >= limit || (!a.tokens[first].vocab.title_word && !dated_prefix(a, a.key(first)))) return 0;
  std::string key;
  for (std::uint32_t e = first; e < std::min<std::uint32_t>(limit, first + static_cast<std::uint32_t>(a.lex.max_title_tokens())); ++e) {
    if (e > first) key.push_back(' ');
    key += a.key(e);
    if (title_by_key(a, key)) best = static_cast<int>(e - first + 1);
  }
  return best;
}

int title_ending_at(const Analysis& a, std::uint32_t last_token, const TitleEntry** entry) {
  if (!a.tokens[last_token].vocab.title_word && !dated_prefix(a, a.key(last_token))) return 0;  // titles end with a title word
  const int s = a.tokens[last_token].sentence;
  for (int len = std::min<int>(a.lex.max_title_tokens(), static_cast<int>(last_token - a.sentence_first(s) + 1)); len >= 1;
       --len) {
    // one buffer per thread, cleared per length: the keys are built as before, without an
    // allocation per length and call (this is asked for most title words of a document)
    thread_local std::string key;
    key.clear();
    for (std::uint32_t i = last_token + 1 - static_cast<std::uint32_t>(len); i <= last_token; ++i) {
      if (!key.empty()) key.push_back(' ');
      key += a.key(i);
    }
    if (const TitleEntry* e = title_by_key(a, key)) {
      *entry = e;
      return len;
    }
  }
  return 0;
}

std::optional<EntityType> tagged_type(int ner_label) {
  if (ner_label < 0) return std::nullopt;
  switch (static_cast<ner::NerLabel>(ner_label)) {
    case ner::NerLabel::Person: return EntityType::Person;
    case ner::NerLabel::Organisation: return EntityType::Organisation;
    case ner::NerLabel::Location: return EntityType::Location;
    case ner::NerLabel::Misc: break;
  }
  return std::nullopt;
}

namespace {

// Mean tag probability above which the tagger's type of a name outweighs a speech verb's hint.
constexpr float kConfidentTag = 0.9f;

}  // namespace

bool opens_sentence_or_quote(const Analysis& a, std::uint32_t i) {
  return is_title_case_line(a, a.tokens[i].sentence) || opens_sentence_or_quotation(a, i);
}

bool opens_sentence_or_quotation(const Analysis& a, std::uint32_t i) {
  if (a.tokens[i].sentence_start) return true;
  if (i == 0) return false;
  const std::string_view q = a.token_text(i - 1);
  if (q == "\u201c" || q == "\u2018") return true;
  if (q != "\"" && q != "'") return false;
  return a.tokens[i - 1].sentence_start || (i >= 2 && (a.token_text(i - 2) == "," || a.token_text(i - 2) == ":"));
}

namespace {

// A capitalised word that opens a sentence or a quotation and that the same document writes in
// lower case, and never capitalises inside a sentence, is a common word, whatever the tagger reads:
// "Epic, epic fail.", "Almost all of them ...". "May said" after "Theresa May" stays a name.
// The document's tokens are indexed by key on the first question: scanned whole for each
// candidate, a long document took a quadratic time (5% of extract's instructions on news).
class CommonWords {
 public:
  explicit CommonWords(const Analysis& a) : a_(a) {}

  bool opening_sentence(std::uint32_t i) {
    if (!opens_sentence_or_quote(a_, i)) return false;
    if (!by_key_) by_key_.emplace(a_);
    // capitalised inside a sentence: a name
    if (by_key_->any(a_.tokens[i].key_hash, [&](std::uint32_t j) { return a_.tokens[j].upper && !opens_sentence_or_quote(a_, j); }))
      return false;
    return by_key_->any(a_.tokens[i].key_hash, [&](std::uint32_t j) {
      const TokenInfo& t = a_.tokens[j];
      return !t.upper && !t.key.empty() && t.key.front() >= 'a' && t.key.front() <= 'z';
    });
  }

 private:
  const Analysis& a_;
  std::optional<TokenKeyIndex> by_key_;  // made when first asked
};

// "W.": one capital letter and a period.
bool is_initial(std::string_view w) { return w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'; }

// The tagger's names of people, organisations and places that start in [first, last) and whose
// tokens no mention holds yet, each as a mention of the tagger's type; evidence vetoes a
// reading: a time expression ("Late Saturday"), a word that is no name ("However", "Officials").
void add_tagged_spans(Analysis& a, std::uint32_t first, std::uint32_t last, CommonWords& common) {
  for (std::uint32_t i = first; i < last;) {
    const TokenInfo& t = a.tokens[i];
    if (t.ner_label < 0 || t.ner_first != i) {
      ++i;
      continue;
    }
    const std::uint32_t b = i;
    std::uint32_t e = t.ner_last;
    std::optional<EntityType> type = tagged_type(t.ner_label);
    // "the George W. Bush administration" read as "George W." and "Bush": a name never ends with
    // an initial; the capitalised word after it ends the person's name.
    if (type && e < last && e > b && is_initial(a.token_text(e - 1)) && a.tokens[e].upper && a.tokens[e].mention < 0 &&
        a.tokens[e].sentence == a.tokens[b].sentence && has_letter(a.token_text(e)) && !is_initial(a.token_text(e))) {
      ++e;
      type = EntityType::Person;
    }
    i = e;
    if (!type) continue;
    bool free = true, all_time = true;
    for (std::uint32_t k = b; k < e; ++k) {
      free = free && a.tokens[k].mention < 0;
      all_time = all_time && a.in_list("time_word", k);
    }
    if (!free || all_time) continue;
    if (e == b + 1 && (a.in_list("not_a_name", b) || a.in_list("people_group", b) || known_name_pair(a, a.token_text(b)) ||
                       common.opening_sentence(b)))
      continue;
    add_mention(a, b, e, *type, text_of(a, b, e));
    a.mentions.back().source = MentionSource::Ner;
  }
}

// Whether a name of a person, organisation or place that the tagger is sure of starts at token i,
// with all its tokens free and no title inside that opens a person's name ("NATO Secretary General X").
bool confident_tagged_name_at(const Analysis& a, std::uint32_t i, std::uint32_t slast) {
  const TokenInfo& t = a.tokens[i];
  if (t.ner_label < 0 || t.ner_label == static_cast<int>(ner::NerLabel::Misc) || t.ner_first != i ||
      t.ner_confidence < kConfidentTag)
    return false;
  for (std::uint32_t k = i; k < t.ner_last; ++k)
    if (a.tokens[k].mention >= 0 || (k > i && title_before_name(a, k, slast))) return false;
  return true;
}

// Whether the tagger reads two or more names of people, organisations or places in [first, last)
// with a word or sign between two of them that is not capitalised (an initial between two parts of
// one name, "Joseph G. Lemm", is no gap).
bool tagged_names_apart(const Analysis& a, std::uint32_t first, std::uint32_t last) {
  // (an institution's head word and what it is for are one name, whatever the tagger reads, and
  // so are the parts of what it is for joined by "and": their connectors are no gap)
  std::vector<bool> joint(last - first, false);
  bool joined = false;
  for (std::uint32_t k = first; k < last; ++k) {
    if (const std::uint32_t n = institution_joint(a, k, last); n > 0) {
      joined = true;
      for (std::uint32_t g = k; g < k + n && g < last; ++g) joint[g - first] = true;
    } else if (joined && institution_and(a, k, last)) {
      joint[k - first] = true;
    }
  }
  int names = 0;
  bool gap = false;
  std::uint32_t prev_end = 0;
  for (std::uint32_t k = first; k < last; ++k) {
    const TokenInfo& t = a.tokens[k];
    if (t.ner_label < 0 || t.ner_label == static_cast<int>(ner::NerLabel::Misc) || t.ner_first != k) continue;
    // (a title between is a gap too: "Freedom Front of General X")
    for (std::uint32_t g = names > 0 ? prev_end : k; g < k; ++g)
      gap = gap || (!a.tokens[g].upper && !joint[g - first]) || (g > first && title_before_name(a, g, last));
    ++names;
    prev_end = t.ner_last;
  }
  return names >= 2 && gap;
}

}  // namespace

void find_name_mentions(Analysis& a, const ner::NerTagger* tagger) {
  const bool has_tagger = tagger != nullptr;
  CommonWords common(a);
  const int sentences = static_cast<int>(a.doc.sentence_first_token.size()) - 1;
  for (int s = 0; s < sentences; ++s) {
    const std::uint32_t sfirst = a.sentence_first(s), slast = a.sentence_last(s);
    // In capitals or title case, case says nothing about names: only the tagger (trained on such
    // lines) reads them.
    if (is_headline(a, s) || is_title_case_line(a, s)) {
      add_tagged_spans(a, sfirst, slast, common);
      continue;
    }
    for (std::uint32_t i = sfirst; i < slast; ++i) {
      if (!name_like(a, i)) continue;
      // A run may not start with a common capitalised word or a title word.
      const TitleEntry* te = nullptr;
      // A title phrase is not a name: skip it whole ("Defense Secretary Lloyd Austin",
      // "Ministers of Foreign Affairs").
      if (int len = title_starting_at(a, i, slast); len > 0) {
        i += static_cast<std::uint32_t>(len) - 1;
        continue;
      }
      // nor is the end of one that began with a word no run starts at ("then-Secretary of State X")
      if (i > sfirst && !name_like(a, i - 1)) {
        std::uint32_t after = i;
        for (std::uint32_t k = i; k < std::min<std::uint32_t>(slast, i + 3); ++k)
          if (title_ending_at(a, k, &te) > static_cast<int>(k - i + 1)) after = k + 1;
        if (after > i) {
          i = after - 1;
          continue;
        }
      }
      // "US Army", "British Navy", "Turkish Intelligence": a country or its demonym and an
      // institution word form the name of that country's institution (the word alone,
      // "Army", is no name).
      if (a.in_list("org_suffix", i) && join_country_institution(a, i, slast)) continue;
      const bool common_first = a.in_list("not_a_name", i);
      // "Jan 8": a month before a number is a date
      if (a.in_list("month", i) && i + 1 < slast && !a.token_text(i + 1).empty() &&
          a.token_text(i + 1)[0] >= '0' && a.token_text(i + 1)[0] <= '9')
        continue;
      std::uint32_t j = i + 1;
      bool joined = false;  // the run has passed an institution's joint ("Committee on ...")
      while (j < slast) {
        if (name_like(a, j)) {
          if (title_before_name(a, j, slast)) break;
          ++j;
          continue;
        }
        if (const std::uint32_t n = institution_joint(a, j, slast); n > 0) {
          joined = true;
          j += n + 1;
          continue;
        }
        if ((a.in_list("name_connector", j) && j + 1 < slast && name_like(a, j + 1) && !a.tokens[j].upper) ||
            (joined && institution_and(a, j, slast))) {
          j += 2;
          continue;
        }
        // "Al - Monitor": a hyphen spaced by tokenisation inside a name
        if (spaced_hyphen(a, j) && j + 1 < slast && name_like(a, j + 1) && !title_before_name(a, j + 1, slast)) {
          j += 2;
          continue;
        }
        break;
      }
      if (has_tagger) {
        // Two names or more that the tagger reads in the run, with a lower-case word or a sign
        // between them, are the mentions: "Braves and Cubs", "Joel Naroff of First Union",
        // "Baltimore 's Eddie Murray". Names it splits at an initial or with nothing between stay
        // one run for the rules ("Joseph G. Lemm", "Myles Caggins III").
        if (tagged_names_apart(a, i, j)) {
          add_tagged_spans(a, i, j, common);
          i = j - 1;
          continue;
        }
      }
      // The tagger reads a longer name here than the capitalised run: "Air France" (a common
      // first word), "Standard & Poor" (a sign the run stops at), "Organisation for Security and
      // Cooperation in Europe" (connectors). Its confident reading is the mention, unless a title
      // stands inside it or a country before it (the rules take those apart or join the country's
      // institution: "U.S. Air Force"). A shorter reading leaves the run to the rules, which join
      // initials and suffixes ("Joseph G. Lemm", "Myles Caggins III").
      const bool after_country = i > sfirst && a.tokens[i - 1].mention >= 0 &&
                                 a.mentions[static_cast<std::size_t>(a.tokens[i - 1].mention)].type == EntityType::Country;
      if (!after_country && confident_tagged_name_at(a, i, slast) &&
          (a.tokens[i].ner_last > j || (common_first && a.tokens[i].ner_last == j))) {
        const std::uint32_t end = a.tokens[i].ner_last;
        add_tagged_spans(a, i, i + 1, common);
        if (a.tokens[i].mention >= 0) {
          i = end - 1;
          continue;
        }
      }
      // A common capitalised word ("Air", "Office") starts no name, unless the run goes on to an
      // institution word inside the sentence: "the Air Force Office of Special Investigations".
      // "the Republic of X", "X Province": a place
      // "the South Lawn", "the U.S. West Coast": a direction and one more word that no gazetteer
      // knows (else that word would be a mention of its own: "Eastern Ukraine") name a place, unless
      // the word is an institution's ("Central Command")
      // A last word that also heads institutions ("Center", institution_head) names a place only
      // where the tagger does not read the whole run as an organisation: "Pew Research Center",
      // "Stimson Center" are think tanks; a venue word before it keeps the site: "World Trade
      // Center", "Atlapa Convention Center" (venue_word).
      auto tagged_org = [&]() {
        if (j - i >= 2 && a.in_list("venue_word", j - 2)) return false;
        for (std::uint32_t k = i; k < j; ++k)
          if (a.tokens[k].ner_label != static_cast<int>(ner::NerLabel::Organisation)) return false;
        return true;
      };
      const bool site = a.in_list("place_suffix", j - 1) && !(a.in_list("institution_head", j - 1) && tagged_org());
      const bool place = j - i >= 2 && ((a.in_list("place_class", i) && a.key(i + 1) == "of") || site ||
                                        (j - i == 2 && a.in_list("compass", i) && !a.in_list("org_suffix", i + 1)));
      bool institution = false;
      if (common_first && !place) {
        for (std::uint32_t k = i + 1; k < j && !institution; ++k) institution = a.in_list("org_suffix", k);
        if (i == sfirst || !institution) continue;
      }
      // "For Wall Street ...": a common word opening the sentence is no part of the place's name
      const std::uint32_t first = common_first && place && !a.in_list("place_class", i) && j - i >= 3 ? i + 1 : i, last = j;
      i = j - 1;
      if (institution) {
        if (!absorb_country_prefix(a, first, last, sfirst)) add_mention(a, first, last, EntityType::Organisation, text_of(a, first, last));
        continue;
      }
      if (place) {
        add_mention(a, first, last, EntityType::Location, text_of(a, first, last));
        continue;
      }
      // "Bradley fighting vehicles", "Patriot missiles": a model name of equipment, not an entity
      // (a rank that begins with a unit word is no equipment: "GNB Brigade General X")
      if (last < slast && !title_before_name(a, last, slast) && (a.in_list("force", last) ||
                           (last + 1 < slast && a.in_list("force", last, 2))))
        continue;
      const std::string name = text_of(a, first, last);

      // "Operation Desert Storm"
      if (first > sfirst && a.key(first - 1) == "operation" && a.tokens[first - 1].upper) {
        add_mention(a, first - 1, last, EntityType::Operation, text_of(a, first - 1, last));
        continue;
      }
      if (last - first >= 2 && a.in_list("event_suffix", last - 1)) {
        add_mention(a, first, last, EntityType::Event, name);
        continue;
      }
      if (last - first >= 2 && a.in_list("org_suffix", last - 1)) {
        if (!absorb_country_prefix(a, first, last, sfirst)) add_mention(a, first, last, EntityType::Organisation, name);
        continue;
      }
      // "Graduate School of Political Management", "Kennedy School of Government": an institution's
      // head word and what it is for name the institution, whatever the tagger reads in the pieces
      bool joint = false;
      for (std::uint32_t k = first + 1; k + 1 < last && !joint; ++k) joint = institution_joint(a, k, slast);
      if (joint) {
        if (!absorb_country_prefix(a, first, last, sfirst)) add_mention(a, first, last, EntityType::Organisation, name);
        continue;
      }
      // "IAAF President Sebastian Coe": a name qualifying a title before a person is the
      // organisation (or, when the tagger reads it so, the place) whose office it is.
      // (a lone capitalised word opening the sentence is a name here only when the tagger or its
      // capitals say so: "District mayor X" is no organisation)
      const bool lone_opening = first == sfirst && last == first + 1 && !a.tokens[first].caps &&
                                a.tokens[first].ner_label < 0;
      if (last < slast &&
          (title_before_name(a, last, slast) || (lower_title_before_name(a, last, slast) && !lone_opening)) &&
          !a.in_list("not_a_name", first) && !(last == first + 1 && a.in_list("title_modifier", first))) {
        const TokenInfo& t = a.tokens[first];
        // (a senator's, governor's or mayor's qualifier is the state or city: "Alabama Sen. X")
        int tlen = 0;
        const TitleEntry* office = title_at(a, last, slast, &tlen);
        const bool tagged_place = (t.ner_label == static_cast<int>(ner::NerLabel::Location) && t.ner_first <= first && t.ner_last >= last) ||
                                  (office && a.lex.in_list("place_office", normalize_key(office->title)));
        const bool person = t.ner_label == static_cast<int>(ner::NerLabel::Person) && t.ner_first <= first && t.ner_last >= last &&
                            last - first >= 2;
        if (!person) {
          add_mention(a, first, last, tagged_place ? EntityType::Location : EntityType::Organisation, name);
          continue;
        }
      }
      // "the RUC": an acronym after the article names an organisation, never a person
      if (last - first == 1 && a.tokens[first].caps && a.token_text(first).size() >= 2 && first > sfirst &&
          a.key(first - 1) == "the") {
        add_mention(a, first, last, EntityType::Organisation, name);
        continue;
      }
      // "owner of X", "leader of X": what such a title is held in is an organisation; a
      // possessive inside the name stays ("owner of Smith's Garage", "manager of the Wendy's")
      if (organisation_title_before(a, first, sfirst) && !a.in_list("not_a_name", first)) {
        std::uint32_t end = last;
        if (end + 1 < slast && (a.key(end) == "'s" || a.key(end) == "’s")) {
          std::uint32_t k = end + 1;
          while (k < slast && name_like(a, k)) ++k;
          if (k > end + 1) end = k;
          else if (a.key(first - 1) == "the" && !has_letter(a.token_text(end + 1))) end += 1;
          else if (a.key(first - 1) == "the" && !a.tokens[end + 1].upper && !a.in_list("force", end + 1) &&
                   a.in_list("locative", end + 1))
            end += 1;
        } else if (end + 1 == slast && (a.key(end) == "'s" || a.key(end) == "’s") && a.key(first - 1) == "the") {
          end += 1;
        }
        add_mention(a, first, end, EntityType::Organisation, text_of(a, first, end));
        i = end - 1;
        continue;
      }
      // Person by context: a title before it (possibly after one filler word, as in
      // spun or garbled text), a speech verb after it, an apposition with a title.
      bool person = false, strong = false;
      std::uint32_t p = before_skipping_comma(a, first, sfirst);
      if (p != UINT32_MAX) {
        if (title_ending_at(a, p, &te) > 0 && te->kind != "head") person = true;
        else if (p > sfirst && !a.tokens[p].upper && title_ending_at(a, p - 1, &te) > 0 && te->kind == "office" &&
                 a.tokens[p - 1].upper)
          person = true;
        strong = person;
      }
      if (!person && last - first <= 3 && speech_verb_near(a, last, s)) person = true;
      if (!person && last < slast && a.token_text(last) == "," && last + 1 < slast) {
        std::uint32_t q = last + 1;
        if ((a.key(q) == "the" || a.key(q) == "a" || a.key(q) == "an") && q + 1 < slast) ++q;
        // ", a former prime minister": words that date the office stand before it
        for (int k = 0; k < 2 && q + 1 < slast && a.in_list("title_modifier", q); ++k) ++q;
        // ", NATO Secretary-General" / ", Bulgarian President" / ", the Secretary of State"
        std::uint32_t r = q;
        while (r < slast && a.tokens[r].mention >= 0) ++r;
        for (std::uint32_t e = r; e < std::min<std::uint32_t>(slast, r + 4) && !person; ++e)
          // an honorific after the comma opens the next name ("the RUC, Mr X"): no apposition
          if (title_ending_at(a, e, &te) == static_cast<int>(e - r + 1) && te->kind != "head" && te->kind != "honorific")
            person = strong = true;
      }
      // Headline attributions: "Name: claim ..." or "claim ...: Name" / "- Name"
      if (!person && s == 0 && last - first <= 3) {
        if ((last < slast && a.token_text(last) == ":" && first == sfirst) ||
            (last == slast && first > sfirst &&
             (a.token_text(first - 1) == ":" || a.token_text(first - 1) == "\u2013" || a.token_text(first - 1) == "\u2014" ||
              a.token_text(first - 1) == "-")))
          person = true;
      }
      if (!person && !a.lex.terms_of(name).empty()) person = strong = true;
      // A speech verb shows that the name acts, not that it is a person's: "the Federal Reserve
      // said", "Pirelli said". The tagger's confident reading of the same words as an
      // organisation or place stands; a title before or after the name, or an office
      // holder's name in the ontology, is evidence of a person.
      const TokenInfo& t = a.tokens[first];
      const bool tagged_whole = t.ner_label >= 0 && t.ner_first == first && t.ner_last == last &&
                                t.ner_confidence >= kConfidentTag;
      // A speech verb after words the tagger reads as no name at all ("Dealers said", "Like I
      // said", "Everyone Buckled ,") is no evidence of a name: the words are capitalised by
      // their place in the sentence or the slogan.
      bool tagged_any = false;
      for (std::uint32_t k = first; k < last && !tagged_any; ++k) tagged_any = a.tokens[k].ner_label >= 0;
      if (person && !strong && has_tagger && !tagged_any) continue;
      if (person && !strong && tagged_whole &&
          (t.ner_label == static_cast<int>(ner::NerLabel::Organisation) || t.ner_label == static_cast<int>(ner::NerLabel::Location)))
        person = false;
      if (person) {
        add_mention(a, first, last, EntityType::Person, name);
        continue;
      }
      // No rule typed it: the statistical tagger's names inside it are the mentions.
      if (last == first + 1 && common.opening_sentence(first)) continue;
      if (t.ner_label >= 0 && t.ner_first <= first && t.ner_last >= last) {
        if (const std::optional<EntityType> type = tagged_type(t.ner_label)) add_mention(a, first, last, *type, name);
        continue;
      }
      add_tagged_spans(a, first, last, common);
    }
  }
}

void find_repeated_person_names(Analysis& a) {
  // Full names found so far, and their last tokens.
  std::vector<std::pair<std::vector<std::string>, std::string>> people;
  for (const MentionDraft& m : a.mentions) {
    if (m.type != EntityType::Person || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) continue;
    if (a.in_list("first_person", m.last - 1)) continue;  // "Like I": a pronoun is no surname to find again
    std::vector<std::string> keys;
    for (std::uint32_t i = m.first; i < m.last; ++i) keys.push_back(a.key(i));
    people.emplace_back(std::move(keys), m.name);
  }
  if (people.empty()) return;
  // Every test below needs the token to be a person's first or last word: the keys of those
  // words, by hash, pass over the other tokens with one probe each.
  std::unordered_set<std::uint64_t> edge_words;
  for (const auto& [keys, name] : people) {
    edge_words.insert(key_hash(keys.front()));
    edge_words.insert(key_hash(keys.back()));
  }
  for (std::uint32_t i = 0; i < a.token_count(); ++i) {
    if (!edge_words.count(a.tokens[i].key_hash) || !name_like(a, i)) continue;
    for (const auto& [keys, name] : people) {
      // the whole name again
      bool whole = i + keys.size() <= a.token_count();
      for (std::size_t k = 0; whole && k < keys.size(); ++k)
        whole = a.key(i + k) == keys[k] && a.tokens[i + k].mention < 0;
      if (whole) {
        add_mention(a, i, i + static_cast<std::uint32_t>(keys.size()), EntityType::Person, name);
        break;
      }
      // the surname alone, not followed by another capitalised name part (as written: which of
      // the people with that surname it names is the resolver's question); a surname that is also
      // a common word ("May", "Will") only before a verb of speech or an auxiliary ("May said");
      // a generational suffix ends a name but is no surname ("Trump, Jr." after "Donald Trump Jr.")
      if (keys.size() >= 2 && a.key(i) == keys.back() && !a.in_list("name_suffix", i) &&
          (!a.in_list("not_a_name", i) ||
           (i + 1 < a.token_count() && a.tokens[i + 1].sentence == a.tokens[i].sentence &&
            (a.in_list("speech_verb", i + 1) || a.in_list("verb_helper", i + 1) || a.key(i + 1) == "'s"))) &&
          !(i + 1 < a.token_count() && name_like(a, i + 1) && a.tokens[i + 1].sentence == a.tokens[i].sentence)) {
        add_mention(a, i, i + 1, EntityType::Person, text_of(a, i, i + 1));
        break;
      }
      // the first word alone before a verb of speech, an auxiliary or a possessive: a given name
      // ("Mirela said"), or the family name that East Asian names write first ("Park said" after
      // "Park Sung-min")
      if (keys.size() >= 2 && a.key(i) == keys.front() && !a.in_list("not_a_name", i) && i + 1 < a.token_count() &&
          a.tokens[i + 1].sentence == a.tokens[i].sentence &&
          (a.in_list("speech_verb", i + 1) || a.in_list("verb_helper", i + 1) || a.key(i + 1) == "'s")) {
        add_mention(a, i, i + 1, EntityType::Person, text_of(a, i, i + 1));
        break;
      }
    }
  }
}

void find_mission_operations(Analysis& a) {
  for (std::uint32_t i = 1; i + 2 < a.token_count(); ++i) {
    if (a.key(i) != "mission" || a.tokens[i].mention >= 0) continue;
    const int s = a.tokens[i].sentence;
    const std::uint32_t sfirst = a.sentence_first(s), slast = a.sentence_last(s);
    // kind: one or two words before "mission"
    std::uint32_t k = i;
    if (k > sfirst + 1 && a.in_list("mission_kind", k - 2, 2)) k -= 2;
    else if (k > sfirst && a.in_list("mission_kind", k - 1)) k -= 1;
    if (k == i) continue;
    std::string kind;
    for (std::uint32_t t = k; t < i; ++t) kind += a.key(t) + " ";
    std::uint32_t start = k;
    while (start > sfirst && (a.key(start - 1) == "new" || a.key(start - 1) == "a" || a.key(start - 1) == "the")) --start;
    if (i + 2 >= slast || (a.key(i + 1) != "in" && a.key(i + 1) != "to")) continue;
    const int pm = a.tokens[i + 2].mention;
    if (pm < 0) continue;
    const MentionDraft& place = a.mentions[static_cast<std::size_t>(pm)];
    if (place.type != EntityType::Country && place.type != EntityType::Location) continue;
    // the organisation that runs it: the nearest one named earlier in the sentence
    std::string org;
    for (std::uint32_t t = start; t-- > sfirst;) {
      int om = a.tokens[t].mention;
      if (om >= 0 && a.mentions[static_cast<std::size_t>(om)].type == EntityType::Organisation) {
        org = a.mentions[static_cast<std::size_t>(om)].name;
        break;
      }
    }
    if (org.empty()) continue;
    add_mention(a, start, i + 1, EntityType::Operation, org + " " + kind + "mission " + a.key(i + 1) + " " + place.name);
    a.mentions.back().described_org = org;
  }
}

namespace {

// Whether a name starts at token i (before `last`): a mention, or a word that looks like a name.
bool named_at(const Analysis& a, std::uint32_t i, std::uint32_t last) {
  return i < last && (a.tokens[i].mention >= 0 || name_like(a, i));
}

// Whether a copula or "as" comes right before token i, adverbs between ("is also the ...").
bool predicate_before(const Analysis& a, std::uint32_t i) {
  const std::uint32_t first = a.sentence_first(a.tokens[i].sentence);
  std::uint32_t k = i;
  while (k > first && a.in_list("verb_helper", k - 1) && !a.in_list("predicate_verb", k - 1)) --k;
  return k > first && a.in_list("predicate_verb", k - 1);
}

}  // namespace

void find_descriptions(Analysis& a) {
  const std::size_t n = a.token_count();
  std::vector<MentionDraft> found;
  for (std::uint32_t i = 0; i + 1 < n; ++i) {
    if (a.key(i) != "the" || a.tokens[i].mention >= 0) continue;
    const int s = a.tokens[i].sentence;
    const std::uint32_t slast = a.sentence_last(s);
    // "the alliance", "the military alliance", "the whole Alliance"
    for (std::uint32_t j = i + 1; j < std::min<std::uint32_t>(slast, i + 4); ++j) {
      if (a.tokens[j].mention >= 0 || !has_letter(a.token_text(j))) break;
      if (a.in_list("alliance_word", j)) {
        MentionDraft m;
        m.first = i;
        m.last = j + 1;
        m.type = EntityType::Organisation;
        m.source = MentionSource::Description;
        m.org_kind = "alliance";
        found.push_back(m);
        break;
      }
    }
    // "the NATO chief", "the NATO secretary ..." : the head of an organisation; "the Russian
    // leader", "the Iranian president": the holder of that country's office (resolve_description
    // matches the title for a country, which has many offices)
    const int om = a.tokens[i + 1].mention;
    if (om >= 0 && a.mentions[static_cast<std::size_t>(om)].first == i + 1 &&
        (a.mentions[static_cast<std::size_t>(om)].type == EntityType::Organisation ||
         a.mentions[static_cast<std::size_t>(om)].type == EntityType::Country)) {
      const MentionDraft& org = a.mentions[static_cast<std::size_t>(om)];
      // "X, the Russian ambassador" and "the Russian ambassador, X": the title is X's, read by the
      // apposition rules; no description stands there
      const bool country = org.type == EntityType::Country;
      if (country && i > a.sentence_first(s) && a.token_text(i - 1) == "," && i >= 2 && a.tokens[i - 2].mention >= 0) continue;
      // "X, who is also the Swiss foreign minister", "served as the Russian ambassador": a title said
      // of someone, no one it stands for
      if (country && predicate_before(a, i)) continue;
      std::uint32_t t = org.last;
      const TitleEntry* te = nullptr;
      for (std::uint32_t e = t; e < std::min<std::uint32_t>(slast, t + 3); ++e) {
        if (title_ending_at(a, e, &te) == static_cast<int>(e - t + 1) && te->kind != "rank" &&
            !(e + 1 < slast && name_like(a, e + 1)) &&
            !(country && (te->kind == "honorific" || named_at(a, e + 1, slast) ||
                          (e + 2 < slast && a.token_text(e + 1) == "," && named_at(a, e + 2, slast))))) {
          MentionDraft m;
          m.first = i;
          m.last = e + 1;
          m.type = EntityType::Person;
          m.source = MentionSource::Description;
          m.described_org = org.name;
          m.described_title = te->title;
          m.described_country = org.type == EntityType::Country;
          found.push_back(m);
          break;
        }
      }
      continue;
    }
    // "The Secretary-General went on to say": a title standing for its holder. In lower case only
    // the titles of the word list described_title ("the president met with ..."): "the secretary"
    // or "the minister" alone is too often someone the text never names.
    const TitleEntry* te = nullptr;
    for (std::uint32_t e = i + 1; e < std::min<std::uint32_t>(slast, i + 4); ++e) {
      if (a.tokens[e].mention >= 0) break;
      if (title_ending_at(a, e, &te) == static_cast<int>(e - i) && te->kind == "office" &&
          (a.tokens[i + 1].upper || a.lex.in_list("described_title", normalize_key(te->title))) &&
          !(e + 1 < slast && (name_like(a, e + 1) || a.key(e + 1) == "of"))) {
        MentionDraft m;
        m.first = i;
        m.last = e + 1;
        m.type = EntityType::Person;
        m.source = MentionSource::Description;
        m.described_title = te->title;
        found.push_back(m);
        break;
      }
    }
  }
  // "China's president", "Ukraine's new leader": a country's office with no name after it stands for
  // its holder, as "the Chinese president" does (resolve_description: the holder the text names with
  // that country's title, else the office-holder table's holder at the article's date whom the text names)
  for (const MentionDraft& c : a.mentions) {
    if (c.type != EntityType::Country || c.last + 1 >= n || a.key(c.last) != "'s") continue;
    const int cs = a.tokens[c.first].sentence;
    const std::uint32_t slast = a.sentence_last(cs);
    // "X, Iran's chief judiciary official": the title is X's (the apposition rules read it); "X is
    // Iran's president": said of someone, no one it stands for
    if (c.first >= a.sentence_first(cs) + 2 && a.token_text(c.first - 1) == "," && a.tokens[c.first - 2].mention >= 0) continue;
    if (predicate_before(a, c.first)) continue;
    std::uint32_t t = c.last + 1;
    if (t < slast && a.key(t) == "new") ++t;
    const TitleEntry* te = nullptr;
    for (std::uint32_t e = t; e < std::min<std::uint32_t>(slast, t + 3); ++e) {
      if (a.tokens[e].mention >= 0) break;
      if (title_ending_at(a, e, &te) == static_cast<int>(e - t + 1) && te->kind != "rank" && te->kind != "honorific" &&
          !(e + 1 < slast && (name_like(a, e + 1) || named_at(a, e + 1, slast) || a.key(e + 1) == "of")) &&
          !(e + 2 < slast && a.token_text(e + 1) == "," && named_at(a, e + 2, slast))) {
        MentionDraft m;
        m.first = c.first;
        m.last = e + 1;
        m.type = EntityType::Person;
        m.source = MentionSource::Description;
        m.described_org = c.name;
        m.described_title = te->title;
        m.described_country = true;
        found.push_back(m);
        break;
      }
    }
  }
  for (MentionDraft& m : found) {
    bool free = true;
    for (std::uint32_t i = m.first; i < m.last && free; ++i)
      free = a.tokens[i].mention < 0 ||
             (m.type == EntityType::Person && (a.mentions[static_cast<std::size_t>(a.tokens[i].mention)].type == EntityType::Organisation ||
                                               a.mentions[static_cast<std::size_t>(a.tokens[i].mention)].type == EntityType::Country));
    if (!free) continue;
    // "the NATO chief" covers the organisation's own mention; both stay, and the
    // token index (index_mentions) gives the shared tokens to the description.
    a.mentions.push_back(m);
  }
}

namespace {

// Whether a title of this kind makes a position in the qualifying mention `om` (-1 = none).
// Offices stand alone (the office table may still find where); a generic head word
// ("leader", "chief") needs the organisation it heads; a rank is a position only in a named
// force ("US Army Col. X"), never in a country; an honorific is never a position.
bool position_title(const Analysis& a, const TitleEntry& te, int om) {
  if (te.kind == "office" || te.kind == "elect") return true;
  if (om < 0) return false;
  const EntityType t = a.mentions[static_cast<std::size_t>(om)].type;
  if (te.kind == "head") return t == EntityType::Organisation || t == EntityType::Country;
  if (te.kind == "rank") return t == EntityType::Organisation;
  return false;
}

// The organisation or country after "of"/"for" at token `i` ("leader of the party", "spokesperson
// for the Taliban"), or -1.
int of_organisation(const Analysis& a, std::uint32_t i, std::uint32_t slast) {
  if (i + 1 >= slast || (a.key(i) != "of" && a.key(i) != "for")) return -1;
  std::uint32_t k = i + 1;
  int om = a.tokens[k].mention;
  if (om < 0 && a.key(k) == "the" && k + 1 < slast) om = a.tokens[k + 1].mention;
  if (om < 0) return -1;
  const EntityType t = a.mentions[static_cast<std::size_t>(om)].type;
  return t == EntityType::Organisation || t == EntityType::Country ? om : -1;
}

// A country's post at a body of states (word list member_state_post; organisation kind intergovernmental
// or alliance) qualified by both is the country's: "Country A's U.N. ambassador X". The mention of the
// country right before the body's, else `om` itself.
int sending_country(const Analysis& a, const std::string& title, int om, std::uint32_t sentence_first) {
  const MentionDraft& body = a.mentions[static_cast<std::size_t>(om)];
  if (body.type != EntityType::Organisation || !a.lex.in_list("member_state_post", normalize_key(title))) return om;
  const std::string kind = a.lex.organisation_kind(body.name);
  if (kind != "intergovernmental" && kind != "alliance") return om;
  const int country = qualifier_before(a, body.first, sentence_first);
  return country >= 0 && a.mentions[static_cast<std::size_t>(country)].type == EntityType::Country ? country : om;
}

void set_office(MentionDraft& m, const TitleEntry& te, std::uint32_t first, std::uint32_t last, int office_of) {
  m.title = te.title;
  m.title_first = first;
  m.title_last = last;
  m.office_of = office_of;
}

// The office title from token q on: [the|a|an] [ORG['s]] TITLE [of|for [the] ORG]. Sets it on
// `m` and returns true when it names a position.
bool title_after(const Analysis& a, MentionDraft& m, std::uint32_t q, std::uint32_t slast) {
  if ((a.key(q) == "the" || a.key(q) == "a" || a.key(q) == "an") && q + 1 < slast) ++q;
  int om = a.tokens[q].mention;
  std::uint32_t t = q;
  if (om >= 0 && a.mentions[static_cast<std::size_t>(om)].type != EntityType::Person) {
    t = a.mentions[static_cast<std::size_t>(om)].last;
    if (t < slast && (a.key(t) == "'s" || a.key(t) == "'")) ++t;
  } else if (om >= 0 && a.mentions[static_cast<std::size_t>(om)].last + 1 < slast &&
             (a.key(a.mentions[static_cast<std::size_t>(om)].last) == "'s" || a.key(a.mentions[static_cast<std::size_t>(om)].last) == "'")) {
    // "X, Y's national security adviser": the person whose adviser X is names no office; the
    // title stands alone (the office-holder and title data find whose)
    t = a.mentions[static_cast<std::size_t>(om)].last + 1;
    om = -1;
  } else {
    om = -1;
  }
  // the longest title there ("director general", not "director")
  const int tlen = title_starting_at(a, t, slast);
  if (tlen <= 0) return false;
  const std::uint32_t e = t + static_cast<std::uint32_t>(tlen) - 1;
  const TitleEntry* te = nullptr;
  title_ending_at(a, e, &te);
  const int office = om >= 0 ? om : of_organisation(a, e + 1, slast);
  if (!te || !position_title(a, *te, office)) return false;
  // a title in the possessive is another person's: "X, the president's lawyer"
  if (e + 1 < slast && (a.key(e + 1) == "'s" || a.key(e + 1) == "'")) return false;
  // a name right after the title is whose title it is: "X, Foreign Minister Y, and Z" lists Y with his
  if (e + 1 < slast && a.tokens[e + 1].mention >= 0) {
    const MentionDraft& next = a.mentions[static_cast<std::size_t>(a.tokens[e + 1].mention)];
    if (next.type == EntityType::Person && next.first == e + 1) return false;
  }
  set_office(m, *te, t, e + 1, office);
  return true;
}

// Where an apposition after the name starts: after "NAME," and a party and state label ("R-Ariz.,",
// "D-N.Y.,"; word list party_letter), and after up to three capitalised words and "and" ("California
// Republican and chairman of ..."); UINT32_MAX when no comma follows the name.
std::uint32_t apposition_start(const Analysis& a, const MentionDraft& m, std::uint32_t slast) {
  if (m.last + 2 >= slast || a.token_text(m.last) != ",") return UINT32_MAX;
  std::uint32_t q = m.last + 1;
  for (std::uint32_t k = q + 1; k < std::min(slast, q + 5); ++k)
    if (a.token_text(k) == ",") {
      const std::string_view label = a.token_text(q);
      const std::size_t dash = label.find('-');
      const bool letter_dash = dash != std::string_view::npos && dash > 0 && a.lex.in_list("party_letter", normalize_key(label.substr(0, dash)));
      if (letter_dash || (a.in_list("party_letter", q) && a.token_text(q + 1) == "-")) q = k + 1;
      break;
    }
  for (std::uint32_t k = q; k < std::min(slast, q + 4); ++k) {
    if (a.key(k) == "and" && k > q) {
      q = k + 1;
      break;
    }
    const int km = a.tokens[k].mention;
    if (!a.tokens[k].upper || (km >= 0 && a.mentions[static_cast<std::size_t>(km)].type != EntityType::Location)) break;
  }
  return q;
}

// "[a|the] [ranking] member of [the] ORG" from token q (word list member_title): the organisation's
// mention, or -1. Sets `last` to the token after the member words.
int member_of_at(const Analysis& a, std::uint32_t q, std::uint32_t slast, std::uint32_t* words_end) {
  if (q < slast && (a.key(q) == "a" || a.key(q) == "the" || a.key(q) == "an")) ++q;
  for (std::uint32_t n = 2; n >= 1; --n) {
    if (q + n >= slast || !a.in_list("member_title", q, n)) continue;
    const int om = of_organisation(a, q + n, slast);
    if (om < 0 || a.mentions[static_cast<std::size_t>(om)].type != EntityType::Organisation) return -1;
    *words_end = q + n;
    return om;
  }
  return -1;
}

// A second office after the name of a person titled before it, in an organisation named with it:
// "Sen. X, R-State, chairman of the Y Committee", "Rep. X, State Republican and chairman of the Y
// Committee", "Sen. X, who chairs the Y Committee", "Rep. X, a member of the Y Committee". Sets
// office2_of and title2.
void second_office_after_name(const Analysis& a, MentionDraft& m, std::uint32_t slast) {
  std::uint32_t q = apposition_start(a, m, slast);
  if (q == UINT32_MAX || q + 1 >= slast) return;
  int om = -1;
  std::string title;
  std::uint32_t words_end = 0;
  if (a.key(q) == "who" && a.in_list("head_verb", q + 1)) {
    std::uint32_t k = q + 2;
    if (k < slast && a.key(k) == "the") ++k;
    om = k < slast ? a.tokens[k].mention : -1;
    if (om >= 0 && a.mentions[static_cast<std::size_t>(om)].first != k) om = -1;
    if (const TitleEntry* head = title_by_key(a, "head")) title = head->title;
  } else if ((om = member_of_at(a, q, slast, &words_end)) >= 0) {
    title = "member";
  } else {
    MentionDraft t = m;
    t.office_of = -1;
    if (title_after(a, t, q, slast)) {
      om = t.office_of;
      title = t.title;
    }
  }
  if (om < 0 || title.empty() || a.mentions[static_cast<std::size_t>(om)].type != EntityType::Organisation) return;
  m.office2_of = om;
  m.title2 = title;
}

// Length of the longest appointment phrase ("was elected", "was sworn in as", "became")
// at token i (ontology word list appointment_verb), or 0. Only completed appointments
// are listed: "if X becomes president" states no office.
int appointment_at(const Analysis& a, std::uint32_t i, std::uint32_t slast) {
  constexpr std::uint32_t kLongest = 4;
  for (std::uint32_t n = std::min(kLongest, slast - i); n > 0; --n) {
    if (a.in_list("appointment_verb", i, n)) return static_cast<int>(n);
  }
  return 0;
}

}  // namespace

void find_office_context(Analysis& a) {
  std::vector<std::size_t> all(a.mentions.size());
  for (std::size_t mi = 0; mi < all.size(); ++mi) all[mi] = mi;
  find_office_context(a, all);
}

void find_office_context(Analysis& a, const std::vector<std::size_t>& only) {
  for (const std::size_t mi : only) {
    MentionDraft& m = a.mentions[mi];
    if (m.type != EntityType::Person || m.source == MentionSource::Description) continue;
    const int s = a.tokens[m.first].sentence;
    const std::uint32_t sfirst = a.sentence_first(s), slast = a.sentence_last(s);
    const TitleEntry* te = nullptr;
    // Before: [ORG|COUNTRY|DEMONYM['s]] TITLE [,] [filler] [Mr] NAME   or   TITLE of COUNTRY NAME
    const std::uint32_t name_first = skip_honorifics_back(a, m.first, sfirst);
    std::uint32_t p = before_skipping_comma(a, name_first, sfirst);
    // "an IRA leader at the time, X": the time qualifies the title, not the name
    if (p != UINT32_MAX && p >= sfirst + 3 && p + 1 < name_first && a.key(p) == "time" && a.key(p - 1) == "the" &&
        a.key(p - 2) == "at")
      p -= 3;
    int len = p == UINT32_MAX ? 0 : title_ending_at(a, p, &te);
    // One filler word between title and name ("President-elect", "Secretary General designate"),
    // but never a verb: in "the French president met X" the title is the subject's, not X's.
    if (len == 0 && p != UINT32_MAX && p > sfirst && !a.tokens[p].upper && a.tokens[p].mention < 0 &&
        !a.lex.trigger(a.key(p)) && !a.in_list("speech_verb", p) && !a.in_list("verb_helper", p) &&
        !a.in_list("attend_verb", p) && !a.in_list("appointment_verb", p)) {
      --p;
      len = title_ending_at(a, p, &te);
    }
    if (len > 0) {
      const std::uint32_t title_first = p + 1 - static_cast<std::uint32_t>(len);
      int om = qualifier_before(a, title_first, sfirst);
      if (om >= 0) om = sending_country(a, te->title, om, sfirst);
      if (om < 0 && te->kind != "honorific") om = affiliation_after(a, m.last, slast);
      if (position_title(a, *te, om)) {
        set_office(m, *te, title_first, p + 1, om);
        second_office_after_name(a, m, slast);
        continue;
      }
    }
    // Before: the TITLE of [the] ORG, [RANK] NAME   ("the acting chief of the police, Mr X", "the chairman
    // of the Joint Chiefs of Staff, Gen. X": the rank is the person's, the title of the organisation too)
    std::uint32_t o = p;
    if (o != UINT32_MAX && o + 1 == name_first && a.tokens[o].mention < 0) {
      const TitleEntry* rank = nullptr;
      const int rl = title_ending_at(a, o, &rank);
      if (rl > 0 && rank->kind == "rank") o = before_skipping_comma(a, o + 1 - static_cast<std::uint32_t>(rl), sfirst);
    }
    if (o != UINT32_MAX && o < name_first && a.tokens[o].mention >= 0) {
      const int om = a.tokens[o].mention;
      const MentionDraft& org = a.mentions[static_cast<std::size_t>(om)];
      std::uint32_t k = org.first;
      if (k > sfirst && a.key(k - 1) == "the") --k;
      if (k > sfirst + 1 && a.key(k - 1) == "of" && (org.type == EntityType::Organisation || org.type == EntityType::Country)) {
        len = title_ending_at(a, k - 2, &te);
        if (len > 0 && te->kind != "honorific" && te->kind != "rank") {
          set_office(m, *te, k - 1 - static_cast<std::uint32_t>(len), k - 1, om);
          continue;
        }
      }
    }
    // Before: [COUNTRY|ORG] TITLE to [the] PLACE NAME   ("U.S. Ambassador to the United Nations X": the
    // office is the one named before the title; the place after "to" is where the post is held)
    if (p != UINT32_MAX && p < name_first && a.tokens[p].mention >= 0) {
      const MentionDraft& place = a.mentions[static_cast<std::size_t>(a.tokens[p].mention)];
      std::uint32_t k = place.first;
      if (k > sfirst && a.key(k - 1) == "the") --k;
      if (k > sfirst + 1 && a.key(k - 1) == "to") {
        len = title_ending_at(a, k - 2, &te);
        if (len > 0 && te->kind == "office") {
          const std::uint32_t title_first = k - 1 - static_cast<std::uint32_t>(len);
          const int om = qualifier_before(a, title_first, sfirst);
          if (om >= 0) {
            set_office(m, *te, title_first, k - 1, om);
            continue;
          }
        }
      }
    }
    // After: NAME, who heads|leads|chairs [the] ORG   (ontology list head_verb; the title is "head")
    if (m.last + 3 < slast && a.token_text(m.last) == "," && a.key(m.last + 1) == "who" &&
        a.in_list("head_verb", m.last + 2)) {
      std::uint32_t k = m.last + 3;
      if (a.key(k) == "the" && k + 1 < slast) ++k;
      const int om = a.tokens[k].mention;
      const TitleEntry* head = title_by_key(a, "head");
      // an organisation only: "who led Poland to victory" says nothing of an office
      if (om >= 0 && head && a.mentions[static_cast<std::size_t>(om)].first == k &&
          a.mentions[static_cast<std::size_t>(om)].type == EntityType::Organisation) {
        set_office(m, *head, m.last + 2, m.last + 3, om);
        continue;
      }
    }
    // After: NAME, [the|a] [ORG['s]] TITLE [of|for [the] ORG]
    if (m.last + 1 < slast && a.token_text(m.last) == "," && title_after(a, m, m.last + 1, slast)) continue;
    // After: NAME was elected|became|was sworn in as ... [the] [ORG['s]] TITLE [of|for [the] ORG]
    if (const int n = m.last < slast ? appointment_at(a, m.last, slast) : 0; n > 0) {
      std::uint32_t q = m.last + static_cast<std::uint32_t>(n);
      if (q + 1 < slast && a.key(q) == "as") ++q;
      // "was named the new chief executive": "new" says nothing about the office
      if (q + 2 < slast && (a.key(q) == "the" || a.key(q) == "a") && a.key(q + 1) == "new") q += 2;
      if (q < slast && title_after(a, m, q, slast)) m.appointed = true;
    }
    // After: NAME, [the|a] [ranking] member of [the] ORG   (word list member_title)
    if (m.title.empty()) {
      const std::uint32_t q = apposition_start(a, m, slast);
      std::uint32_t words_end = 0;
      const int om = q == UINT32_MAX ? -1 : member_of_at(a, q, slast, &words_end);
      if (om >= 0) {
        m.title = "member";
        m.title_first = q;
        m.title_last = words_end;
        m.office_of = om;
      }
    }
  }
}

}  // namespace kgraph::extract
