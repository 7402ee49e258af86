#include "extract/lexicon/lexicon.hpp"

#include <algorithm>
#include <map>

#include "extract/text/utf8.hpp"
#include "ontology/hashing.hpp"
#include "ontology/tsv_table.hpp"

#include <utf8proc.h>

namespace kgraph::extract {
namespace {

std::vector<std::string> split_list(const std::string& cell) { return split_nonempty(cell, '|'); }
std::vector<std::string> split_words(const std::string& s) { return split_nonempty(s, ' '); }

}  // namespace

void append_normalized_key(std::string_view s, std::string& out) {
  for (std::size_t i = 0; i < s.size();) {
    // A run of ASCII bytes (most of any news text) is lower-cased in one pass.
    std::size_t j = i;
    while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
    if (j > i) {
      const std::size_t at = out.size();
      out.resize(at + (j - i));
      char* d = out.data() + at;
      for (std::size_t k = i; k < j; ++k) {
        const char b = s[k];
        *d++ = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b;
      }
      i = j;
      if (i == s.size()) break;
    }
    CodePoint cp = decode_utf8(s, i);
    i += cp.length;
    char32_t c = cp.value;
    if (c == U'\u2019' || c == U'\u2018' || c == U'\u02BC') {
      out.push_back('\'');
      continue;
    }
    if (c == U'\u2010' || c == U'\u2011' || c == U'\u2013') {
      out.push_back('-');
      continue;
    }
    c = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  }
}

std::string normalize_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_normalized_key(s, out);
  return out;
}

namespace {

// A full name by its first and last word: news adds middle names and initials the table leaves
// out ("John F. Kerry", "Hillary Rodham Clinton"); a one-word name has no such form. The last word
// without its Arabic article: "al-Assad" is also written "Assad" (as for people_by_surname_).
std::string first_last(const std::string& name) {
  const auto a = name.find(' '), b = name.rfind(' ');
  if (a == std::string::npos) return {};
  std::string last = normalize_key(name.substr(b + 1));
  if (last.size() > 3 && (last.rfind("al-", 0) == 0 || last.rfind("el-", 0) == 0)) last = last.substr(3);
  return normalize_key(name.substr(0, a)) + ' ' + last;
}

// Columns 3 and 4 of an office-holders row (from, to) as term_dates_error reads them.
void check_term_dates(const TsvTable& table, const TsvRow& r) {
  if (const std::string e = term_dates_error(r[3], r[4]); !e.empty()) throw DataFileError(make_error("E207", table.where(r), e));
}

}  // namespace

std::uint64_t key_hash(std::string_view key) {
  std::uint64_t h = fnv1a(key);  // then a finaliser, so short keys spread
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

std::string Lexicon::key_of(std::string_view surface) const {
  std::vector<Span> toks;
  tokenizer_.tokenize(surface, {0, static_cast<std::uint32_t>(surface.size())}, toks);
  std::string key;
  for (const Span& t : toks) {
    if (!key.empty()) key.push_back(' ');
    key += normalize_key(t.of(surface));
  }
  return key;
}

void Lexicon::add_phrase(const std::string& surface, LexEntry entry) {
  std::vector<Span> toks;
  tokenizer_.tokenize(surface, {0, static_cast<std::uint32_t>(surface.size())}, toks);
  if (toks.empty()) return;
  std::vector<std::string> keys;
  entry.exact_case.clear();
  entry.capitalised.clear();
  for (const Span& t : toks) {
    std::string_view w = t.of(surface);
    keys.push_back(normalize_key(w));
    // Acronyms ("US", "IS", "AP") must match exactly, or "us"/"is" become countries.
    entry.exact_case.push_back(is_all_caps(w) && w.size() <= 6);
    entry.capitalised.push_back(starts_upper(w));
  }
  max_phrase_tokens_ = std::max(max_phrase_tokens_, static_cast<int>(toks.size()));
  std::uint64_t h = kPhraseSeed;
  for (std::size_t k = 0; k + 1 < keys.size(); ++k) {
    h = extend_phrase_hash(h, key_hash(keys[k]));
    phrase_slots_[h].continues = true;
  }
  h = extend_phrase_hash(h, key_hash(keys.back()));
  PhraseSlot& slot = phrase_slots_[h];
  PhraseSlot::Phrase* phrase = nullptr;
  for (PhraseSlot::Phrase& p : slot.phrases)
    if (p.tokens == keys) phrase = &p;
  if (!phrase) phrase = &slot.phrases.emplace_back(PhraseSlot::Phrase{std::move(keys), {}});
  for (const LexEntry& e : phrase->entries)
    if (e.name == entry.name && e.kind == entry.kind) return;
  phrase->entries.push_back(std::move(entry));
}

const Lexicon::PhraseSlot::Phrase* Lexicon::find_phrase(const std::vector<std::string_view>& tokens) const {
  if (tokens.empty()) return nullptr;
  std::uint64_t h = kPhraseSeed;
  for (std::string_view t : tokens) h = extend_phrase_hash(h, key_hash(t));
  auto it = phrase_slots_.find(h);
  if (it == phrase_slots_.end()) return nullptr;
  for (const PhraseSlot::Phrase& p : it->second.phrases)
    if (std::equal(p.tokens.begin(), p.tokens.end(), tokens.begin(), tokens.end())) return &p;
  return nullptr;
}

Lexicon Lexicon::load(const std::filesystem::path& ontology_dir) {
  Lexicon lex;
  const auto dir = ontology_dir / "lexicon";

  TsvTable abbreviations = load_tsv(dir / "abbreviations.tsv", "abbreviations");
  std::unordered_set<std::string> abbr;
  for (const TsvRow& r : abbreviations.rows) abbr.insert(r[0]);
  lex.tokenizer_ = Tokenizer(std::move(abbr));

  TsvTable lists = load_tsv(dir / "word_lists.tsv", "word-lists");
  for (const TsvRow& r : lists.rows) {
    // (the bit is worked out only for a new list, and the limit checked before it is)
    auto bit = lex.list_bits_.find(r[0]);
    if (bit == lex.list_bits_.end()) {
      if (lex.list_bits_.size() == ListBits::kCapacity)
        throw DataFileError(make_error("E206", lists.where(r), "more than " + std::to_string(ListBits::kCapacity) +
                                                                   " word lists; TokenVocab has one bit each"));
      bit = lex.list_bits_.emplace(r[0], ListBits::nth(lex.list_bits_.size())).first;
    }
    std::string key = normalize_key(r[1]);
    lex.vocab_of(key).lists |= bit->second;
    if (auto sp = key.find(' '); sp != std::string::npos) {
      lex.vocab_of(key.substr(0, sp)).list_phrase_start = true;
      ListPhrase phrase;
      std::uint64_t h = kPhraseSeed;
      for (std::size_t from = 0;; from = sp + 1) {
        sp = key.find(' ', from);
        phrase.words.push_back(key.substr(from, sp == std::string::npos ? std::string::npos : sp - from));
        h = extend_phrase_hash(h, key_hash(phrase.words.back()));
        if (sp == std::string::npos) break;
      }
      std::vector<ListPhrase>& slot = lex.list_phrases_[h];
      auto same = std::find_if(slot.begin(), slot.end(), [&](const ListPhrase& p) { return p.words == phrase.words; });
      if (same == slot.end()) same = slot.insert(slot.end(), std::move(phrase));
      same->lists |= bit->second;
    }
    lex.lists_[r[0]].insert(std::move(key));
  }
  // The tagger's first names are the rules' given names too: one list, kept where the tagger's
  // features read it (a flag of its own, as the word-list bits are counted).
  TsvTable tagger_lists = load_tsv(ontology_dir / "ner" / "gazetteer.tsv", "ner-gazetteer");
  const std::size_t g_phrase = tagger_lists.column("phrase"), g_list = tagger_lists.column("list");
  for (const TsvRow& r : tagger_lists.rows)
    if (r[g_list] == "first_name") lex.vocab_of(normalize_key(r[g_phrase])).given_name = true;
  lex.list_bit_slots_.assign(256, {});
  for (const auto& [name, bit] : lex.list_bits_) {
    std::size_t i = list_slot_hash(name);
    while (lex.list_bit_slots_[i].bit) i = (i + 1) & 255;
    lex.list_bit_slots_[i] = {name, bit};
  }

  TsvTable countries = load_tsv(dir / "countries.tsv", "countries");
  const auto c_name = countries.column("name"), c_official = countries.column("official"),
             c_alt = countries.column("alt_names"), c_cap = countries.column("capitals"),
             c_dem = countries.column("demonyms"), c_indep = countries.column("independent");
  std::map<std::string, std::string> capital_country;  // the capitals read, for capital_spellings.tsv
  // Independent countries first, so that a demonym shared with a territory ("American") names the country.
  std::vector<const TsvRow*> rows;
  for (const TsvRow& r : countries.rows) rows.push_back(&r);
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const TsvRow* a, const TsvRow* b) { return (*a)[c_indep] > (*b)[c_indep]; });
  for (const TsvRow* rp : rows) {
    const TsvRow& r = *rp;
    const std::string& name = r[c_name];
    lex.countries_.insert(name);
    LexEntry country{name, EntityType::Country, LexKind::CountryName, name, "", {}, {}};
    lex.add_phrase(name, country);
    lex.add_phrase(r[c_official], country);
    for (const std::string& alt : split_list(r[c_alt])) lex.add_phrase(alt, country);
    const bool independent = r[c_indep] == "1";
    for (std::string cap : split_list(r[c_cap])) {
      if (!independent || lex.in_list("ambiguous_capital", normalize_key(cap))) continue;
      if (auto dc = cap.find(" D.C."); dc != std::string::npos) cap = cap.substr(0, dc);
      if (cap == name) continue;  // city-states: the country name wins
      lex.add_phrase(cap, LexEntry{cap, EntityType::Location, LexKind::Capital, name, "", {}, {}});
      capital_country.emplace(cap, name);
    }
    for (const std::string& dem : split_list(r[c_dem])) {
      LexEntry d{name, EntityType::Country, LexKind::Demonym, name, "", {}, {}};
      lex.add_phrase(dem, d);
      if (dem.back() != 's' && dem.back() != 'h' && dem.back() != 'e') lex.add_phrase(dem + "s", d);  // "Russians"
    }
  }
  // Other spellings of a capital ("Kiev", "Kyiv") are capitals of the same country, so either can
  // stand for it; each keeps its spelling as the name (the article's, as annotators write it), and
  // the graph keys both as one place (graph/place_spellings.hpp).
  TsvTable spellings = load_tsv(dir / "capital_spellings.tsv", "capital-spellings");
  for (const TsvRow& r : spellings.rows) {
    const auto cap = capital_country.find(r[1]);
    if (cap == capital_country.end())
      throw DataFileError(make_error("E207", spellings.where(r), "'" + r[1] + "' is no capital countries.tsv reads"));
    if (r[0].empty() || r[0] == r[1])
      throw DataFileError(make_error("E207", spellings.where(r), "no other spelling of '" + r[1] + "'"));
    lex.add_phrase(r[0], LexEntry{r[0], EntityType::Location, LexKind::Capital, cap->second, "", {}, {}});
  }
  TsvTable aliases = load_tsv(dir / "country_aliases.tsv", "country-aliases");
  for (const TsvRow& r : aliases.rows) {
    LexEntry e{r[1], EntityType::Country, LexKind::CountryName, r[1], "", {}, {}};
    if (!lex.countries_.count(r[1])) throw DataFileError(make_error("E205", aliases.where(r), "unknown country '" + r[1] + "'"));
    // "Washington" is the capital: a Capital entry lets the metonymy rule decide between city and country.
    if (r[0] == "Washington") e = LexEntry{r[0], EntityType::Location, LexKind::Capital, r[1], "", {}, {}};
    lex.add_phrase(r[0], e);
  }

  TsvTable orgs = load_tsv(dir / "organisations.tsv", "organisations");
  for (const TsvRow& r : orgs.rows) {
    LexEntry e{r[0], EntityType::Organisation, LexKind::Organisation, r[3], r[2], {}, {}};
    lex.org_kinds_[r[0]] = r[2];
    lex.add_phrase(r[0], e);
    for (const std::string& a : split_list(r[1])) lex.add_phrase(a, e);
  }

  TsvTable places = load_tsv(dir / "places.tsv", "places");
  for (const TsvRow& r : places.rows) {
    LexEntry e{r[0], EntityType::Location, LexKind::Place, r[3], r[2], {}, {}};
    lex.add_phrase(r[0], e);
    for (const std::string& a : split_list(r[1])) lex.add_phrase(a, e);
  }

  // Named historical events ("the Cold War", "Brexit"): the tagger reads them as MISC, which the
  // extractor does not type, so the list is what makes them entities.
  TsvTable events = load_tsv(dir / "events.tsv", "events");
  for (const TsvRow& r : events.rows) {
    if (r[0].empty()) throw DataFileError(make_error("E207", events.where(r), "an event needs a name"));
    LexEntry e{r[0], EntityType::Event, LexKind::Event, "", "", {}, {}};
    lex.add_phrase(r[0], e);
    for (const std::string& a : split_list(r[1])) lex.add_phrase(a, e);
  }

  TsvTable news = load_tsv(dir / "news_names.tsv", "news-names");
  for (const TsvRow& r : news.rows) {
    if (!lex.countries_.count(r[0]) && !lex.org_kinds_.count(r[0]))
      throw DataFileError(make_error("E205", news.where(r), "'" + r[0] + "' is no country or organisation of the lists"));
    if (r[1].empty()) throw DataFileError(make_error("E207", news.where(r), "empty news name"));
    lex.news_names_[r[0]] = r[1];
  }

  TsvTable metonyms = load_tsv(dir / "metonyms.tsv", "metonyms");
  for (const TsvRow& r : metonyms.rows)
    lex.add_phrase(r[0], LexEntry{r[1], EntityType::Country, LexKind::Metonym, r[1], "", {}, {}});

  TsvTable titles = load_tsv(dir / "titles.tsv", "titles");
  for (const TsvRow& r : titles.rows) {
    std::string key = lex.key_of(r[0]);
    lex.titles_[key] = TitleEntry{r[1], r[2]};
    // Plurals name groups of office holders ("Defence Ministers", "Ministers of Foreign Affairs").
    auto sp = key.find(' ');
    const std::string first_plural = sp == std::string::npos ? key + "s" : key.substr(0, sp) + "s" + key.substr(sp);
    lex.titles_.emplace(key + "s", TitleEntry{r[1], r[2] == "office" ? "group" : r[2]});
    lex.titles_.emplace(first_plural, TitleEntry{r[1], r[2] == "office" ? "group" : r[2]});
    lex.max_title_tokens_ = std::max(lex.max_title_tokens_, static_cast<int>(std::count(key.begin(), key.end(), ' ') + 1));
    // Every word of a title, and every part of a hyphenated one: the text may
    // space the hyphen ("vice - president"), which title lookups join again.
    for (const std::string& word : split_words(key + " " + key + "s " + first_plural)) {
      lex.vocab_of(word).title_word = true;
      for (std::size_t from = 0, dash; from < word.size(); from = dash + 1) {
        dash = word.find('-', from);
        if (dash == std::string::npos) dash = word.size();
        if (dash > from) lex.vocab_of(word.substr(from, dash - from)).title_word = true;
      }
    }
  }

  // The office a title names when the text names none with it ("Treasury Secretary X": the United
  // States'; "press secretary X": the White House's): a country of the country list, an
  // organisation of organisations.tsv, or a legislative chamber (one of its names a chamber_word),
  // for a title as titles.tsv normalises it or as the text writes it ("House Speaker"). A title may
  // have several rows: the first whose office the text names is the one.
  TsvTable title_offices = load_tsv(dir / "title_offices.tsv", "title-offices");
  std::unordered_set<std::string> normalised_titles;
  for (const auto& [key, entry] : lex.titles_) normalised_titles.insert(entry.title);
  const std::size_t names_col = title_offices.column("names");
  for (const TsvRow& r : title_offices.rows) {
    if (!normalised_titles.count(r[0]) && !lex.titles_.count(lex.key_of(r[0])))
      throw DataFileError(make_error("E205", title_offices.where(r), "'" + r[0] + "' is no title of titles.tsv (its surface or normalised column)"));
    TitleOffice office{r[1], {r[1]}};
    for (const std::string& n : split_list(r[names_col])) office.names.push_back(n);
    bool chamber = false;
    for (const std::string& n : office.names) chamber = chamber || lex.in_list("chamber_word", normalize_key(n));
    if (!lex.countries_.count(r[1]) && !lex.org_kinds_.count(r[1]) && !chamber)
      throw DataFileError(make_error("E205", title_offices.where(r), "'" + r[1] + "' is no country or organisation of the lists, nor a chamber (word list chamber_word)"));
    std::vector<TitleOffice>& list = lex.title_offices_[lex.key_of(r[0])];
    for (const TitleOffice& o : list)
      if (o.office == r[1])
        throw DataFileError(make_error("E207", title_offices.where(r), "title '" + r[0] + "' listed twice with '" + r[1] + "'"));
    list.push_back(std::move(office));
  }

  TsvTable offices = load_tsv(dir / "office_holders.tsv", "office-holders");
  for (const TsvRow& r : offices.rows) {
    check_term_dates(offices, r);
    lex.offices_.push_back(OfficeTerm{r[0], r[1], r[2], r[3], r[4], first_last(r[2])});
    const std::string& person = r[2];
    const auto sp = person.rfind(' ');
    const std::string surname = normalize_key(sp == std::string::npos ? person : person.substr(sp + 1));
    // In a patronymic ("X bin Y", word list patronymic_particle) the last word is the father's name, not a
    // surname: a lone "Y" is the father or another son ("King Y" beside "Crown Prince X bin Y"), never this person.
    const auto before = sp == std::string::npos || sp == 0 ? std::string::npos : person.rfind(' ', sp - 1);
    const std::size_t from = before == std::string::npos ? 0 : before + 1;
    if (sp != std::string::npos && lex.in_list("patronymic_particle", normalize_key(person.substr(from, sp - from)))) continue;
    // "al-Assad" is also written "Assad": the surname without its Arabic article names the person too.
    std::vector<std::string> keys{surname};
    if (surname.size() > 3 && (surname.rfind("al-", 0) == 0 || surname.rfind("el-", 0) == 0)) keys.push_back(surname.substr(3));
    for (const std::string& key : keys) {
      std::vector<std::string>& people = lex.people_by_surname_[key];
      if (std::find(people.begin(), people.end(), person) == people.end()) people.push_back(person);
    }
  }

  // Earlier holders: terms for titles and dates, never a full name for a lone surname.
  TsvTable past = load_tsv(dir / "past_office_holders.tsv", "office-holders");
  for (const TsvRow& r : past.rows) {
    check_term_dates(past, r);
    lex.offices_.push_back(OfficeTerm{r[0], r[1], r[2], r[3], r[4], first_last(r[2])});
  }

  TsvTable triggers = load_tsv(dir / "triggers.tsv", "triggers");
  for (const TsvRow& r : triggers.rows) {
    auto rel = parse_relation_type(r[0]);
    if (!rel) throw DataFileError(make_error("E206", triggers.where(r), "unknown relation type '" + r[0] + "'"));
    for (const std::string& form : split_list(r[2])) {
      std::string key = lex.key_of(form);
      lex.triggers_[key].push_back(TriggerEntry{*rel, r[1]});
      lex.vocab_of(key.substr(0, key.find(' '))).trigger_start = true;
      lex.max_trigger_tokens_ = std::max(lex.max_trigger_tokens_, static_cast<int>(std::count(key.begin(), key.end(), ' ') + 1));
    }
  }

  TsvTable modality = load_tsv(dir / "modality.tsv", "modality");
  for (const TsvRow& r : modality.rows) {
    auto m = parse_modality(r[1]);
    if (!m) throw DataFileError(make_error("E206", modality.where(r), "unknown modality '" + r[1] + "'"));
    lex.modality_cues_.push_back(ModalityCue{split_words(lex.key_of(r[0])), *m, std::atoi(r[2].c_str())});
  }

  TsvTable boiler = load_tsv(dir / "boilerplate.tsv", "boilerplate");
  for (const TsvRow& r : boiler.rows) {
    // The cleaner asks for these roles by name: any other is a typo that would never fire.
    if (r[1] != "stop_section" && r[1] != "drop_line" && r[1] != "drop_prefix" && r[1] != "drop_contains" &&
        r[1] != "card_end")
      throw DataFileError(make_error("E206", boiler.where(r), "unknown boilerplate role '" + r[1] + "'"));
    if (r[0].empty()) throw DataFileError(make_error("E207", boiler.where(r), "empty boilerplate phrase"));
    lex.boilerplate_[r[1]].push_back(r[0]);
    lex.boilerplate_keys_[r[1]].push_back(normalize_key(r[0]));
  }
  lex.build_vocab_table();
  for (std::uint32_t i = 0; i < lex.offices_.size(); ++i) {
    const OfficeTerm& t = lex.offices_[i];
    lex.offices_by_person_[t.person].push_back(i);
    if (!t.first_last.empty()) lex.offices_by_first_last_[t.first_last].push_back(i);
  }
  lex.world_ = WorldKnowledge::load(ontology_dir);
  // Short given names and the formal name each stands for (the graph checks the table's
  // shape at its own load; here a row only maps one normalised key to another).
  TsvTable given = load_tsv(dir / "given_names.tsv", "given-names");
  for (const TsvRow& r : given.rows) lex.formal_given_[normalize_key(r[0])] = normalize_key(r[1]);

  return lex;
}

const std::vector<LexEntry>* Lexicon::phrase(const std::string& key) const {
  // Keys join tokens with one space, and no token holds a space.
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t sp = key.find(' ', start);
    if (sp == std::string::npos) sp = key.size();
    tokens.push_back(std::string_view(key).substr(start, sp - start));
    start = sp + 1;
  }
  const PhraseSlot::Phrase* p = find_phrase(tokens);
  return p ? &p->entries : nullptr;
}

const TitleEntry* Lexicon::title(const std::string& key) const {
  auto it = titles_.find(key);
  return it == titles_.end() ? nullptr : &it->second;
}

const std::vector<TitleOffice>* Lexicon::title_offices(std::string_view title) const {
  auto it = title_offices_.find(key_of(title));
  return it == title_offices_.end() ? nullptr : &it->second;
}

const std::vector<TriggerEntry>* Lexicon::trigger(const std::string& key) const {
  auto it = triggers_.find(key);
  return it == triggers_.end() ? nullptr : &it->second;
}

bool Lexicon::in_list(std::string_view list, std::string_view word_key) const {
  auto it = lists_.find(list);
  return it != lists_.end() && it->second.find(word_key) != it->second.end();
}

std::size_t Lexicon::list_slot_hash(std::string_view name) {
  if (name.empty()) return 0;
  const auto at = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(name[i])); };
  return (name.size() * 97 + at(0) * 31 + at(name.size() / 2) * 7 + at(name.size() - 1)) & 255;
}

ListBits Lexicon::list_bit(std::string_view list) const {
  if (list_bit_slots_.empty()) return {};
  for (std::size_t i = list_slot_hash(list);; i = (i + 1) & 255) {
    const ListBitSlot& slot = list_bit_slots_[i];
    if (!slot.bit) return {};
    if (slot.name == list) return slot.bit;
  }
}

TokenVocab& Lexicon::vocab_of(const std::string& key) {
  // Two keys with one 64-bit hash would share facts; the data has a few
  // thousand keys, so this never happens in practice, but it is checked.
  VocabEntry& e = vocab_[key_hash(key)];
  if (e.key.empty()) e.key = key;
  if (e.key != key) throw std::logic_error("lexicon: two token keys share a hash: '" + e.key + "', '" + key + "'");
  return e.vocab;
}

void Lexicon::build_vocab_table() {
  std::size_t cap = 16;
  while (cap < vocab_.size() * 2) cap *= 2;
  vocab_slots_.assign(cap, VocabSlot{});
  vocab_entries_.clear();
  // In hash order, so the table does not depend on the map's iteration order.
  std::vector<std::uint64_t> hashes;
  for (const auto& [h, e] : vocab_) hashes.push_back(h);
  std::sort(hashes.begin(), hashes.end());
  for (std::uint64_t h : hashes) {
    const std::uint64_t stored = h ? h : 1;
    std::size_t i = stored & (cap - 1);
    while (vocab_slots_[i].hash != 0) i = (i + 1) & (cap - 1);
    vocab_slots_[i] = VocabSlot{stored, static_cast<std::uint32_t>(vocab_entries_.size())};
    vocab_entries_.push_back(vocab_.at(h));
  }
  vocab_.clear();
}

TokenVocab Lexicon::vocab(std::uint64_t hash, std::string_view key) const {
  if (vocab_slots_.empty()) return {};
  const std::uint64_t stored = hash ? hash : 1;
  const std::size_t mask = vocab_slots_.size() - 1;
  for (std::size_t i = stored & mask; vocab_slots_[i].hash != 0; i = (i + 1) & mask)
    if (vocab_slots_[i].hash == stored) {
      const VocabEntry& e = vocab_entries_[vocab_slots_[i].entry];
      return e.key == key ? e.vocab : TokenVocab{};
    }
  return {};
}

std::vector<const OfficeTerm*> Lexicon::terms_of(const std::string& person) const {
  std::vector<const OfficeTerm*> out;
  auto it = offices_by_person_.find(person);
  if (it == offices_by_person_.end()) {
    const std::string key = first_last(person);
    if (key.empty()) return out;
    it = offices_by_first_last_.find(key);
    if (it == offices_by_first_last_.end()) return out;
  }
  for (std::uint32_t i : it->second) out.push_back(&offices_[i]);
  return out;
}

std::vector<const OfficeTerm*> Lexicon::holders(const std::string& office_of) const {
  std::vector<const OfficeTerm*> out;
  for (const OfficeTerm& t : offices_)
    if (t.office_of == office_of) out.push_back(&t);
  return out;
}

std::string Lexicon::formal_given_name(const std::string& given_key) const {
  auto it = formal_given_.find(given_key);
  return it == formal_given_.end() ? std::string{} : it->second;
}

std::vector<std::string> Lexicon::people_with_surname(const std::string& surname_key) const {
  auto it = people_by_surname_.find(surname_key);
  return it == people_by_surname_.end() ? std::vector<std::string>{} : it->second;
}

const std::vector<std::string>& Lexicon::boilerplate(std::string_view role) const {
  static const std::vector<std::string> kEmpty;
  auto it = boilerplate_.find(role);
  return it == boilerplate_.end() ? kEmpty : it->second;
}

const std::vector<std::string>& Lexicon::boilerplate_keys(std::string_view role) const {
  static const std::vector<std::string> kEmpty;
  auto it = boilerplate_keys_.find(role);
  return it == boilerplate_keys_.end() ? kEmpty : it->second;
}

bool Lexicon::is_organisation_kind(const std::string& kind) const {
  for (const auto& [name, k] : org_kinds_)
    if (k == kind) return true;
  return false;
}

std::string Lexicon::organisation_kind(const std::string& name) const {
  auto it = org_kinds_.find(name);
  return it == org_kinds_.end() ? std::string() : it->second;
}

}  // namespace kgraph::extract
