#include "extract/entities/entity_resolver.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include <utf8proc.h>

#include "extract/entities/name_rules.hpp"

namespace kgraph::extract {
namespace {

// The key two spellings of one name share: case and diacritics folded ("Nicolás Maduro" and
// "Nicolas Maduro" are one person; news in English drops accents inconsistently).
std::string fold_key(const std::string& name) {
  // ASCII has no diacritics, and its case folding is normalize_key's lower-casing.
  if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return normalize_key(name);
  utf8proc_uint8_t* folded = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()), static_cast<utf8proc_ssize_t>(name.size()),
                              &folded, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  if (n < 0 || !folded) return normalize_key(name);
  std::string out(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
  std::free(folded);
  return normalize_key(out);
}

std::vector<std::string> split_words(const std::string& key) {
  std::vector<std::string> words;
  for (std::size_t b = 0; b < key.size();) {
    std::size_t e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    if (e > b) words.push_back(key.substr(b, e - b));
    b = e + 1;
  }
  return words;
}

// "al-assad" is also written "assad": an Arabic article before a name part.
std::string_view without_article(std::string_view w) {
  if (w.size() > 3 && (w.substr(0, 3) == "al-" || w.substr(0, 3) == "el-")) return w.substr(3);
  return w;
}

// The key one person's full name has however a text hyphenates it: "Kim Jong-un" and "Kim Jong Un"
// in one article are one person, named as the text first writes it.
std::string spelling_key(const std::string& name) {
  std::string key = fold_key(name);
  std::replace(key.begin(), key.end(), '-', ' ');
  return key;
}

// An initial as a word of a name: "f." in "john f. kerry".
bool initial_word(const std::string& w) { return w.size() == 2 && w[1] == '.'; }

// How a short form stands to a full name of the same person, both as folded words:
// the last words ("Merkel", "de Mistura"; "Assad" for "al-Assad"), the first words (a given
// name, "Raul", or the family name of an East Asian name written first, "Xi", "Moon"), or the
// full name without its initials ("John Kerry" for "John F. Kerry").
enum class ShortForm { None, Last, First, NoInitials };

ShortForm short_form_of(const std::vector<std::string>& s, const std::vector<std::string>& f) {
  if (s.empty() || s.size() >= f.size()) return ShortForm::None;
  bool last = true;
  for (std::size_t k = 0; k < s.size() && last; ++k) {
    const std::string& fw = f[f.size() - s.size() + k];
    last = fw == s[k] || (k == 0 && without_article(fw) == s[k]);
  }
  if (last) return ShortForm::Last;
  if (std::equal(s.begin(), s.end(), f.begin())) return ShortForm::First;
  // the full name's words without its initials, compared as they go
  std::size_t k = 0, initials = 0;
  for (const std::string& w : f) {
    if (initial_word(w)) {
      ++initials;
      continue;
    }
    if (k >= s.size() || s[k] != w) return ShortForm::None;
    ++k;
  }
  return initials > 0 && k == s.size() ? ShortForm::NoInitials : ShortForm::None;
}

// Whether two words are the same but for one letter after the first, a typing error and not another
// name: one letter changed, or two neighbouring letters swapped, in words of five letters or more
// ("Turnball" for "Turnbull", "Smtih" for "Smith"), or one left out of a word of six letters or more
// ("Voronv" for "Voronov").
bool one_letter_apart(const std::string& a, const std::string& b) {
  if (a == b || a.empty() || b.empty() || a[0] != b[0]) return false;
  if (a.size() == b.size()) {
    if (a.size() < 5) return false;
    std::vector<std::size_t> diff;
    for (std::size_t i = 1; i < a.size(); ++i)
      if (a[i] != b[i]) diff.push_back(i);
    if (diff.size() == 2)
      return diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
    return diff.size() == 1;
  }
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (longer.size() != shorter.size() + 1 || longer.size() < 6) return false;
  std::size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  return shorter.compare(i, std::string::npos, longer, i + 1, std::string::npos) == 0;
}

// Whether a one-word short form that starts a full name is the family name of a name written
// family name first, as East Asian names are: the given name after it is two words or hyphenated
// ("Kim" of "Kim Jong Un" or "Kim Jong-un", "Moon" of "Moon Jae-in"), so it weighs as a surname
// ("Kim" beside "Tony Kim" may be either).
bool family_name_first(const std::vector<std::string>& s, const std::vector<std::string>& f) {
  if (s.size() != 1 || f.empty() || f[0] != s[0]) return false;
  return f.size() == 3 || (f.size() == 2 && f[1].find('-') != std::string::npos);
}

// Surnames first, then the name without initials, then a first word.
int short_form_rank(ShortForm k) { return k == ShortForm::Last ? 0 : k == ShortForm::NoInitials ? 1 : k == ShortForm::First ? 2 : 3; }

class Resolver {
 public:
  explicit Resolver(Analysis& a) : a_(a) {}

  void run() {
    find_acronyms();
    resolve_short_names();
    // Full names first, so that a surname seen earlier in the text still joins them.
    for (int pass = 0; pass < 2; ++pass)
      for (std::size_t i = 0; i < a_.mentions.size(); ++i) {
        MentionDraft& m = a_.mentions[i];
        if (m.source == MentionSource::Description) continue;
        const bool multi_word_person = m.type == EntityType::Person && m.name.find(' ') != std::string::npos;
        if ((pass == 0) != multi_word_person) continue;
        assign(static_cast<int>(i));
      }
    for (std::size_t i = 0; i < a_.mentions.size(); ++i)
      if (a_.mentions[i].source == MentionSource::Description) resolve_description(static_cast<int>(i));
    vote_types();
    order_entities();
  }

 private:
  // The words of a name as short forms are compared: folded, name suffixes ("Jr.", "III") left off.
  std::vector<std::string> name_words(const std::string& name) const {
    std::vector<std::string> words = split_words(fold_key(name));
    // (suffixes are short: "jr.", "iii")
    while (words.size() > 1 && words.back().size() <= 4 && a_.lex.in_list("name_suffix", words.back())) words.pop_back();
    return words;
  }

  // name_words of a mention's text; from the tokens' keys when they are ASCII (no accents to fold).
  std::vector<std::string> mention_words(const MentionDraft& m) const {
    std::vector<std::string> words;
    for (std::uint32_t i = m.first; i < m.last; ++i) {
      const std::string& k = a_.key(i);
      if (!std::all_of(k.begin(), k.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != ' '; }))
        return name_words(mention_text(m));
      if (i > m.first && a_.doc.tokens[i].begin == a_.doc.tokens[i - 1].end)
        words.back() += k;  // written together ("O'Brien" split by the tokenizer)
      else
        words.push_back(k);
    }
    while (words.size() > 1 && words.back().size() <= 4 && a_.lex.in_list("name_suffix", words.back())) words.pop_back();
    return words;
  }

  // The text of a mention's tokens as written ("Castro", "de Mistura").
  std::string mention_text(const MentionDraft& m) const {
    std::string out;
    for (std::uint32_t i = m.first; i < m.last; ++i) {
      if (i > m.first && a_.doc.tokens[i].begin > a_.doc.tokens[i - 1].end) out.push_back(' ');
      out += a_.token_text(i);
    }
    return out;
  }

  // A mention of one or two words that may be the short form of a person's name: a person, or a
  // name the tagger or the rules typed as an organisation or place (the tagger often reads a lone
  // surname so: "Castro said", "met Comey"), never a gazetteer's name or a place after "in".
  bool short_candidate(const MentionDraft& m) const {
    if (m.source != MentionSource::Name && m.source != MentionSource::Ner) return false;
    if (m.last - m.first > 2) return false;
    if (m.type == EntityType::Person) return true;
    return (m.type == EntityType::Organisation || m.type == EntityType::Location) && !a_.tokens[m.first].caps;
  }

  // "U.S. Ambassador to the European Union Gordon Sondland, ... Sondland told": a name of two or
  // three capitalised words that the tagger or the rules typed as an organisation or a place, whose
  // last word the same document reads alone as a person and never alone as anything else, is that
  // person's full name. A word for an institution or a kind of place inside ("Ford Foundation",
  // "Idlib Province"), a connector ("Bank of England"), a chamber ("House Dennis Hastert": there the
  // span is wrong, not the type), a gazetteer's name or capitals ("CNN") keep the reading: the
  // evidence is only the person's surname.
  void retype_people_named_by_surname() {
    std::map<std::string, int> alone;  // one-word key -> person readings minus other readings
    for (const MentionDraft& o : a_.mentions)
      if (o.last == o.first + 1 && (o.source == MentionSource::Name || o.source == MentionSource::Ner))
        alone[a_.key(o.first)] += o.type == EntityType::Person ? 1 : -100;
    std::vector<std::size_t> retyped;
    for (std::size_t mi = 0; mi < a_.mentions.size(); ++mi) {
      MentionDraft& m = a_.mentions[mi];
      if (m.type != EntityType::Organisation && m.type != EntityType::Location) continue;
      if (m.source != MentionSource::Name && m.source != MentionSource::Ner) continue;
      if (m.last - m.first < 2 || m.last - m.first > 3) continue;
      bool plain = true;
      for (std::uint32_t k = m.first; k < m.last && plain; ++k)
        plain = a_.tokens[k].upper && !a_.tokens[k].caps && !a_.in_list("org_suffix", k) && !a_.in_list("place_suffix", k) &&
                !a_.in_list("place_class", k) && !a_.in_list("name_connector", k) &&
                !a_.in_list("chamber_word", k);
      if (!plain) continue;
      const auto it = alone.find(a_.key(m.last - 1));
      if (it != alone.end() && it->second > 0) m.type = EntityType::Person;
      // (a name of three words may be written family name first, as East Asian names are: "X, a
      // former secretary, ... X said" of "X Y Z")
      const auto first = m.last - m.first == 3 ? alone.find(a_.key(m.first)) : alone.end();
      if (first != alone.end() && first->second > 0) m.type = EntityType::Person;
      if (m.type == EntityType::Person) retyped.push_back(mi);
    }
    // the title and office beside the name, which the mention stage read only for persons
    if (!retyped.empty()) find_office_context(a_, retyped);
  }

  // In-document resolution of short names. Each short form ("Castro", "Raul", "Mr. Kim") takes the
  // full name of the one person in the document it can stand for. When several full names share
  // it, the short form keeps the person it named when last used; else the one named most recently
  // before it wins if its last mention is in a later sentence than any other's (news names the
  // person it goes on to talk about); a tie, or no full name before it and more than one after,
  // leaves the short name as written and marked ambiguous: it is not guessed, and the graph keeps
  // it to its document. Full names are people's names of two words or
  // more found by the rules or the tagger.
  void resolve_short_names() {
    struct Full {
      std::string name;
      std::vector<std::string> words;
      int first_sentence = INT32_MAX;
      int mentions = 0;  // mentions of the name in full
      bool kin = false;  // named in full as someone's kin ("X Y and his wife, Z Y")
    };
    retype_people_named_by_surname();
    std::vector<Full> fulls;
    std::map<std::string, std::size_t> full_by_key;
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Person || m.source == MentionSource::Description || m.source == MentionSource::Gazetteer) continue;
      if (m.last - m.first < 2 || m.name.find(' ') == std::string::npos) continue;
      std::vector<std::string> words = name_words(m.name);
      if (words.size() < 2) continue;
      auto [it, added] = full_by_key.try_emplace(spelling_key(m.name), fulls.size());
      if (added) fulls.push_back({m.name, std::move(words)});
      Full& f = fulls[it->second];
      f.first_sentence = std::min(f.first_sentence, a_.tokens[m.first].sentence);
      ++f.mentions;
      f.kin = f.kin || named_as_kin(m);
    }
    resolve_short_organisations();
    resolve_names_before_head_words();
    resolve_country_prefixed_organisations();
    resolve_country_chambers();
    add_kin_full_names(fulls, full_by_key);
    if (fulls.empty()) return;
    const std::vector<std::pair<std::size_t, std::string>> titled = add_titled_holders(fulls, full_by_key);
    // A full name that is itself the short form of one longer name of the text ("Suu Kyi" of "Aung
    // San Suu Kyi", "George Bush" of "George H. Bush", a given name
    // of two words "Abdel Karim" of "Abdel Karim Roe") is that name; one that may shorten two
    // ("Kim Jong" of "Kim Jong Un" and of "Kim Yo Jong") stays as it is.
    std::vector<std::size_t> longer(fulls.size());
    for (std::size_t f = 0; f < fulls.size(); ++f) {
      longer[f] = f;
      int count = 0;
      for (std::size_t g = 0; g < fulls.size(); ++g) {
        const ShortForm kind = short_form_of(fulls[f].words, fulls[g].words);
        if (kind == ShortForm::Last || kind == ShortForm::NoInitials || kind == ShortForm::First) {
          longer[f] = g;
          ++count;
        }
      }
      if (count != 1) longer[f] = f;
    }
    // A one-word mention's person readings minus its other readings in the text, as the tagger and
    // the rules gave them (before this pass retypes any).
    std::vector<std::pair<std::uint32_t, bool>> readings;  // (token, read as a person)
    for (const MentionDraft& o : a_.mentions)
      if (o.last == o.first + 1 && short_candidate(o)) readings.emplace_back(o.first, o.type == EntityType::Person);
    auto person_votes = [&](const MentionDraft& m) {
      int votes = 0;
      for (const auto& [token, person] : readings)
        if (a_.key(token) == a_.key(m.first)) votes += person ? 1 : -1;
      return votes;
    };
    std::vector<FullCues> cues = full_name_cues(fulls.size(), [&](const MentionDraft& m) -> int {
      if (m.type != EntityType::Person || m.last - m.first < 2) return -1;
      auto it = full_by_key.find(spelling_key(m.name));
      return it == full_by_key.end() ? -1 : static_cast<int>(longer[it->second]);
    });
    for (const auto& [f, title] : titled) cues[f].titles.insert(title);
    // A one-word short form's sex over all its uses against each full name's: "Roe", whom the
    // text calls "Mr." and "he", is no woman's surname ("Anna Roe") even where the text names
    // no man of it in full; it is then left as written.
    const std::map<std::string, int> short_sex = short_form_sexes();
    auto full_sex = [&](std::size_t f) {
      const std::string& given = fulls[f].words.front();
      return cues[f].male - cues[f].female + (a_.lex.in_list("male_given_name", given) ? 1 : 0) -
             (a_.lex.in_list("female_given_name", given) ? 1 : 0);
    };
    // The sentence each full name was last mentioned in, so far in text order (-1: not yet).
    std::vector<int> last_seen(fulls.size(), -1);
    // The full name a short form named when last used: it keeps that meaning ("Roe" stays the
    // president after "Roe and first lady Anna Roe").
    std::map<std::string, std::size_t> used_for;
    for (MentionDraft& m : a_.mentions) {
      const int sentence = a_.tokens[m.first].sentence;
      if (m.type == EntityType::Person && m.last - m.first >= 2) {
        auto it = full_by_key.find(spelling_key(m.name));
        if (it != full_by_key.end()) {
          const std::size_t f = longer[it->second];
          m.name = fulls[f].name;
          last_seen[f] = sentence;
          continue;
        }
      }
      if (!short_candidate(m)) continue;
      const std::vector<std::string> words = mention_words(m);
      // Surnames first: "Clinton" with "Bill Clinton" and "Clinton Smith" is a Clinton.
      std::vector<std::size_t> found;
      ShortForm found_kind = ShortForm::None;
      for (std::size_t f = 0; f < fulls.size(); ++f) {
        ShortForm kind = short_form_of(words, fulls[f].words);
        if (kind == ShortForm::First && family_name_first(words, fulls[f].words)) kind = ShortForm::Last;
        if (kind == ShortForm::None || short_form_rank(kind) > short_form_rank(found_kind)) continue;
        if (short_form_rank(kind) < short_form_rank(found_kind)) {
          found.clear();
          found_kind = kind;
        }
        if (std::find(found.begin(), found.end(), longer[f]) == found.end()) found.push_back(longer[f]);
      }
      // A lone given name makes no place after "in", "at" a person, unless the text uses the same
      // word for a person more often ("Police detained Wang in" beside "Wang said", "Wang's family");
      // elsewhere it is the person named in full ("He and Melania will attend").
      if (found.empty() && m.type == EntityType::Person && words.size() == 1) {
        // A surname misspelt by one letter ("Turnball" in a story about Malcolm Turnbull) is that
        // person's when exactly one full name of the text has it so.
        for (std::size_t f = 0; f < fulls.size(); ++f)
          if (one_letter_apart(words[0], fulls[f].words.back()) &&
              std::find(found.begin(), found.end(), longer[f]) == found.end())
            found.push_back(longer[f]);
        found_kind = ShortForm::Last;
        // A familiar given name ("Mike", "Bill") is the one full name of the text whose first word is
        // its formal form ("Michael X"), when no other full name starts so.
        if (found.empty()) {
          const std::string formal = a_.lex.formal_given_name(words[0]);
          for (std::size_t f = 0; f < fulls.size() && !formal.empty(); ++f)
            if (fulls[f].words.front() == formal && std::find(found.begin(), found.end(), longer[f]) == found.end())
              found.push_back(longer[f]);
          found_kind = ShortForm::First;
        }
        if (found.size() != 1) continue;
      }
      if (words.size() == 1 && m.type == EntityType::Person) {
        const auto sx = short_sex.find(a_.key(m.first));
        const int sex = sx == short_sex.end() ? 0 : sx->second;
        if (sex >= 2 || sex <= -2)
          std::erase_if(found, [&](std::size_t f) { return full_sex(f) * sex < 0; });
        if (found.empty()) continue;
      }
      // "Roe Jr." is the one full name with that suffix ("Donald Roe Jr."), never the father;
      // it keys its own last use, so a later "Roe" is not taken for the son by it.
      std::string suffix;
      if (m.last - m.first >= 2 && a_.in_list("name_suffix", m.last - 1)) {
        suffix = fold_key(std::string(a_.token_text(m.last - 1)));
        std::erase_if(found, [&](std::size_t f) {
          const std::vector<std::string> all = split_words(fold_key(fulls[f].name));
          return all.empty() || all.back() != suffix;
        });
      }
      if (found.empty()) continue;
      if (m.type != EntityType::Person && found_kind == ShortForm::First && m.locative && person_votes(m) <= 0) continue;
      std::size_t pick = found[0];
      std::string short_key;
      for (const std::string& w : words) short_key += (short_key.empty() ? "" : " ") + w;
      if (!suffix.empty()) short_key += " " + suffix;
      auto used = used_for.find(short_key);
      if (found.size() > 1) narrow_by_cues(m, found, cues);
      // (a bare surname shared by a person and one the text names in full as that person's kin is
      // the person's: "Y said" after "X Y and his wife, Z Y")
      if (found.size() > 1 && std::any_of(found.begin(), found.end(), [&](std::size_t f) { return !fulls[f].kin; }))
        std::erase_if(found, [&](std::size_t f) { return fulls[f].kin; });
      if (found.size() == 1)
        pick = found[0];
      else if (used != used_for.end() && std::find(found.begin(), found.end(), used->second) != found.end())
        pick = used->second;
      else if (found.size() > 1 && !most_recent(found, last_seen, fulls, pick) && !most_named(found, fulls, pick)) {
        m.type = EntityType::Person;
        m.name = mention_text(m);
        m.ambiguous = true;
        continue;
      }
      m.type = EntityType::Person;
      m.name = fulls[pick].name;
      last_seen[pick] = sentence;
      used_for[short_key] = pick;
    }
  }

  // "President Roe" in a text that names only "Anna Roe" in full: a surname after a title
  // that the office-holder table gives, at the article's date, to exactly one person of that
  // surname is that person's, though the text never writes the full name. Such holders join the
  // full names (when a full name of the text shares the surname and none of them is the holder),
  // each with the title it was written with, so the short forms choose between them by the usual
  // cues. Returns (full name index, title key) for each added holder.
  template <class Full>
  std::vector<std::pair<std::size_t, std::string>> add_titled_holders(std::vector<Full>& fulls,
                                                                     std::map<std::string, std::size_t>& full_by_key) const {
    std::vector<std::pair<std::size_t, std::string>> added;
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Person || m.last != m.first + 1 || !short_candidate(m)) continue;
      if (m.first == 0 || a_.tokens[m.first - 1].sentence != a_.tokens[m.first].sentence) continue;
      const std::string& title = a_.key(m.first - 1);
      if (!a_.lex.title(title)) continue;
      const std::vector<std::string> words = mention_words(m);
      if (words.size() != 1) continue;
      bool shared = false;
      for (const Full& f : fulls) shared = shared || short_form_of(words, f.words) == ShortForm::Last;
      if (!shared) continue;
      std::string holder;
      int holders = 0;
      for (const std::string& person : a_.lex.people_with_surname(a_.key(m.first)))
        for (const OfficeTerm* t : a_.lex.terms_of(person))
          if (normalize_key(t->title) == title && t->holds_on(a_.doc.meta.date) && person != holder) {
            holder = person;
            ++holders;
          }
      if (holders != 1) continue;
      auto [it, fresh] = full_by_key.try_emplace(spelling_key(holder), fulls.size());
      if (!fresh) continue;
      fulls.push_back({holder, name_words(holder)});
      fulls.back().first_sentence = a_.tokens[m.first].sentence;
      added.emplace_back(it->second, title);
    }
    return added;
  }

  // Whether a mention stands right after a kin word after a possessive ("his wife, Z Y", "Y's son Z").
  bool named_as_kin(const MentionDraft& m) const {
    const std::uint32_t sfirst = a_.sentence_first(a_.tokens[m.first].sentence);
    std::uint32_t k = m.first;
    if (k > sfirst && a_.token_text(k - 1) == ",") --k;
    if (k < sfirst + 2 || !a_.in_list("kin_word", k - 1) || a_.tokens[k - 1].upper) return false;
    const std::string& mark = a_.key(k - 2);
    return mark == "'s" || mark == "\u2019s" || a_.in_list("person_pronoun", k - 2);
  }

  // The family name of a full name as written: its last word, name suffixes ("Jr.") left off.
  std::string family_name_of(const std::string& name) const {
    std::vector<std::string> words = split_words(name);
    while (words.size() > 1 && a_.lex.in_list("name_suffix", fold_key(words.back()))) words.pop_back();
    return words.size() > 1 ? words.back() : "";
  }

  // "Y and his son, Z", "Y's wife, Z", "her husband, Z": a given name alone straight after a kin
  // word of those who mostly share a family name (word list surname_kin), that no full name of the
  // text begins or ends, is the given name of "Z <family name of Y>". Y, the owner, is the person
  // named right before "'s", or for a possessive pronoun the person named last before it in its
  // sentence or the one before; Y's family name is the last word of Y's full name, or Y itself when
  // Y is one word that shortens no full name of the text; never a common given name (word lists
  // male_given_name, female_given_name: "Prince X and his wife, Z"). The name joins
  // the full names, so the given name's other uses ("Z said") take it too.
  template <class Full>
  void add_kin_full_names(std::vector<Full>& fulls, std::map<std::string, std::size_t>& full_by_key) const {
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Person || m.last != m.first + 1) continue;
      if (m.source != MentionSource::Name && m.source != MentionSource::Ner) continue;
      const int sentence = a_.tokens[m.first].sentence;
      const std::uint32_t sfirst = a_.sentence_first(sentence);
      std::uint32_t k = m.first;
      if (k > sfirst && a_.token_text(k - 1) == ",") --k;
      if (k < sfirst + 2 || !a_.in_list("surname_kin", k - 1) || a_.tokens[k - 1].upper) continue;
      const std::uint32_t mark = k - 2;
      const std::vector<std::string> given = mention_words(m);
      if (given.size() != 1) continue;
      bool known = false;  // (a given name of a full name of the text is that person's)
      for (const Full& f : fulls) known = known || short_form_of(given, f.words) != ShortForm::None;
      if (known) continue;
      const MentionDraft* owner = nullptr;
      if (a_.key(mark) == "'s" || a_.key(mark) == "\u2019s") {
        const int mo = mark > sfirst ? a_.tokens[mark - 1].mention : -1;
        if (mo >= 0 && a_.mentions[static_cast<std::size_t>(mo)].last == mark) owner = &a_.mentions[static_cast<std::size_t>(mo)];
      } else if (a_.in_list("person_pronoun", mark)) {
        for (const MentionDraft& o : a_.mentions) {
          if (o.last > mark) break;  // mentions are in text order
          if (o.type == EntityType::Person && o.source != MentionSource::Description && a_.tokens[o.first].sentence + 1 >= sentence)
            owner = &o;
        }
      }
      if (!owner || owner->type != EntityType::Person || owner->source == MentionSource::Description) continue;
      const std::vector<std::string> ow = mention_words(*owner);
      std::string family;
      if (ow.size() >= 2) {
        family = family_name_of(mention_text(*owner));
      } else if (ow.size() == 1) {
        int lasts = 0, others = 0;
        for (const Full& f : fulls) {
          const ShortForm kind = short_form_of(ow, f.words);
          if (kind == ShortForm::Last) {
            ++lasts;
            family = family_name_of(f.name);
          } else if (kind != ShortForm::None) {
            ++others;
          }
        }
        if (lasts > 1 || others > 0) continue;
        if (lasts == 0) family = mention_text(*owner);
      }
      // (no given name for a family name: "Prince X and his wife, Z" gives Z no family name)
      const std::string family_key = fold_key(family);
      if (family.empty() || family_key == given[0] || a_.lex.in_list("male_given_name", family_key) ||
          a_.lex.in_list("female_given_name", family_key))
        continue;
      const std::string name = mention_text(m) + " " + family;
      auto [it, fresh] = full_by_key.try_emplace(spelling_key(name), fulls.size());
      if (!fresh) continue;
      fulls.push_back({name, name_words(name)});
      fulls.back().first_sentence = sentence;
    }
  }

  // The sex the text gives each one-word person name over its uses alone, keyed by the word: +1 for
  // each man's honorific before it or he after it ("Mr. Roe", "Roe said he"), -1 for a woman's.
  std::map<std::string, int> short_form_sexes() const {
    std::map<std::string, int> out;
    for (const MentionDraft& o : a_.mentions) {
      if (o.type != EntityType::Person || o.last != o.first + 1 || !short_candidate(o)) continue;
      int sex = 0;
      if (o.first > 0 && a_.tokens[o.first - 1].sentence == a_.tokens[o.first].sentence && cue_word(o.first - 1))
        sex = a_.in_list("male_word", o.first - 1) ? 1 : a_.in_list("female_word", o.first - 1) ? -1 : 0;
      if (sex == 0) sex = pronoun_after(o.last);
      out[a_.key(o.first)] += sex;
    }
    return out;
  }

  // What the text says of one full name where it writes it in full: the word before it when that is
  // a title or an honorific ("President", "leader", "Mr."), and whether such a word or a pronoun
  // right after the name makes the person a man or a woman ("Mr.", "first lady": `male_word`,
  // `female_word`; "Ted Cruz and his wife").
  struct FullCues {
    std::set<std::string> titles;
    int male = 0, female = 0;
  };

  // A word before token `i` that a short form and a full name can share: a title of one word or an
  // honorific.
  // (a pronoun is not one: "told her Michael Flynn was ..." says nothing of Flynn)
  bool cue_word(std::uint32_t i) const {
    return !a_.in_list("person_pronoun", i) && (a_.lex.title(a_.key(i)) || a_.in_list("male_word", i) || a_.in_list("female_word", i));
  }

  template <class FullOf>
  std::vector<FullCues> full_name_cues(std::size_t n, FullOf full_of) const {
    std::vector<FullCues> cues(n);
    for (const MentionDraft& m : a_.mentions) {
      const int f = full_of(m);
      if (f < 0) continue;
      FullCues& c = cues[static_cast<std::size_t>(f)];
      // (a he or she right after the name: "Ted Cruz and his wife")
      const int sex = pronoun_after(m.last);
      c.male += sex > 0;
      c.female += sex < 0;
      if (m.first == 0 || a_.tokens[m.first - 1].sentence != a_.tokens[m.first].sentence) continue;
      const std::uint32_t t = m.first - 1;
      if (!cue_word(t)) continue;
      c.titles.insert(a_.key(t));
      c.male += a_.in_list("male_word", t);
      c.female += a_.in_list("female_word", t);
    }
    return cues;
  }

  // Keeps, of several full names a short form may stand for, those its own cues fit: the title or
  // honorific before it when it stood before some of them in full ("President Roe" of "President
  // Donald Roe", "leader Kim" of "leader Kim Jong Un"); else a man's or a woman's honorific before
  // it ("Mr. Roe", "Mrs. Roe"), or the first he or she after it in its sentence or the next,
  // against the full names the text calls a woman or a man. A cue no full name fits is dropped.
  void narrow_by_cues(const MentionDraft& m, std::vector<std::size_t>& found, const std::vector<FullCues>& cues) const {
    auto keep = [&](auto fits) {
      std::vector<std::size_t> kept;
      for (std::size_t f : found)
        if (fits(cues[f])) kept.push_back(f);
      if (!kept.empty()) found = std::move(kept);
    };
    const bool cued = m.first > 0 && a_.tokens[m.first - 1].sentence == a_.tokens[m.first].sentence && cue_word(m.first - 1);
    int sex = 0;  // +1 a man, -1 a woman
    if (cued) {
      const std::uint32_t t = m.first - 1;
      const std::string& title = a_.key(t);
      keep([&](const FullCues& c) { return c.titles.count(title) > 0; });
      if (found.size() == 1) return;
      sex = a_.in_list("male_word", t) ? 1 : a_.in_list("female_word", t) ? -1 : 0;
    }
    if (sex == 0) sex = pronoun_after(m.last);
    // (a full name is a man's or a woman's by the more of its cues)
    if (sex > 0) keep([](const FullCues& c) { return c.female <= c.male; });
    if (sex < 0) keep([](const FullCues& c) { return c.male <= c.female; });
    // (then, of those left, the ones the text calls a man or a woman as the cue does)
    if (found.size() > 1) {
      if (sex > 0) keep([](const FullCues& c) { return c.male > c.female; });
      if (sex < 0) keep([](const FullCues& c) { return c.female > c.male; });
    }
  }

  // The sex the first he or she (him, his, her ...) after token `i` gives, +1 a man, -1 a woman, 0
  // none: in its own sentence with no other person named between, or opening the next sentence
  // ("Cruz didn't respond. He also refused ...").
  int pronoun_after(std::uint32_t i) const {
    if (i == 0 || i >= a_.token_count()) return 0;
    const int sentence = a_.tokens[i - 1].sentence;
    for (std::uint32_t k = i; k < a_.token_count(); ++k) {
      const int mk = a_.tokens[k].mention;
      if (mk >= 0 && a_.mentions[static_cast<std::size_t>(mk)].type == EntityType::Person) return 0;
      const bool opens_next = a_.tokens[k].sentence == sentence + 1 && a_.tokens[k].sentence_start;
      if (a_.tokens[k].sentence != sentence && !opens_next) return 0;
      if (!a_.in_list("person_pronoun", k)) continue;
      return a_.in_list("male_word", k) ? 1 : a_.in_list("female_word", k) ? -1 : 0;
    }
    return 0;
  }

  // "The New York Times" ... "the Times", "the Syrian Observatory for Human Rights" ... "the
  // Observatory": one capitalised word read as an organisation that ends the name of exactly one
  // organisation of two words or more in the text is that organisation. Acronyms and gazetteer
  // names are left to the acronym rules and the ontology.
  //
  // A chamber named by its word alone ("the House") is the one chamber the text names in full as
  // "<word> of ..." ("the House of Commons", "the U.S. House of Representatives"); never the "White
  // House" or a "House committee", which only hold the word.
  // "NBC" where the text also writes "NBC News", "Anbar" beside "Anbar Province", "Golan" beside
  // "Golan Heights": one word alone that the text also writes before a head word of names (word list
  // name_head_word: an outlet's "News", a place's "Ocean", "Heights", "Province"), in a name of the
  // same type, is that name: the fullest name of the text is the entity's. Where two such names
  // share the word it stays as written. (A country and its capital, "Kuwait" and "Kuwait City",
  // differ in type and stay apart.)
  void resolve_names_before_head_words() {
    std::map<std::pair<std::string, EntityType>, std::string> full;  // (folded first word, type) -> name ("" when two)
    for (const MentionDraft& m : a_.mentions) {
      if (m.source == MentionSource::Description || m.last != m.first + 2) continue;
      if (m.type != EntityType::Organisation && m.type != EntityType::Location) continue;
      if (!a_.in_list("name_head_word", m.first + 1)) continue;
      const std::vector<std::string> words = split_words(fold_key(m.name));
      if (words.size() != 2 || words[0] != fold_key(mention_text_of(m.first))) continue;
      auto [it, added] = full.try_emplace({words[0], m.type}, m.name);
      if (!added && fold_key(it->second) != fold_key(m.name)) it->second.clear();
    }
    if (full.empty()) return;
    for (MentionDraft& m : a_.mentions) {
      if (m.last != m.first + 1 || m.source == MentionSource::Description) continue;
      auto it = full.find({fold_key(mention_text_of(m.first)), m.type});
      if (it == full.end() || it->second.empty()) continue;
      m.name = it->second;
    }
  }

  std::string mention_text_of(std::uint32_t k) const { return std::string(a_.token_text(k)); }

  void resolve_short_organisations() {
    std::map<std::string, std::string> by_last;  // folded last word -> full name ("" when two share it)
    std::map<std::string, std::string> by_chamber;  // folded chamber word -> "<word> of ..." name ("" when two)
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Organisation || m.source == MentionSource::Description || m.last - m.first < 2) continue;
      if (m.last == m.first + 2 && a_.key(m.first) == "the") continue;  // ("The Times": a short form itself)
      const std::vector<std::string> words = split_words(fold_key(m.name));
      if (words.size() < 2) continue;
      // (one chamber written with and without its country, "U.S. House of Representatives" and
      // "House of Representatives", is one: the first written keeps it)
      for (std::size_t k = 0; k + 2 < words.size(); ++k) {
        if (words[k + 1] != "of" || !a_.lex.in_list("chamber_word", words[k])) continue;
        std::string tail;
        for (std::size_t j = k; j < words.size(); ++j) tail += words[j] + " ";
        auto [it, added] = by_chamber.try_emplace(words[k], tail + "\n" + m.name);
        if (!added && it->second.compare(0, tail.size() + 1, tail + "\n") != 0) it->second.clear();
        break;
      }
      auto [it, added] = by_last.try_emplace(words.back(), m.name);
      if (!added && fold_key(it->second) != fold_key(m.name)) it->second.clear();
      // (an institution named with what it is for is named short by its head word too: "the
      // Observatory" of "the Syrian Observatory for Human Rights")
      for (std::size_t k = 1; k + 1 < words.size(); ++k) {
        if (!a_.lex.in_list("institution_connector", words[k + 1]) || !a_.lex.in_list("org_suffix", words[k])) continue;
        auto [head, fresh] = by_last.try_emplace(words[k], m.name);
        if (!fresh && fold_key(head->second) != fold_key(m.name)) head->second.clear();
        break;
      }
    }
    if (by_last.empty()) return;
    for (MentionDraft& m : a_.mentions) {
      // (an outlet's "The" written as a part of its name: "The Times" of "The New York Times")
      if (m.last == m.first + 2 && a_.key(m.first) == "the" && a_.tokens[m.first].upper &&
          (m.source == MentionSource::Name || m.source == MentionSource::Ner) && m.type == EntityType::Organisation &&
          !a_.tokens[m.first + 1].caps) {
        auto it = by_last.find(fold_key(mention_text_of(m.first + 1)));
        if (it != by_last.end() && !it->second.empty()) m.name = it->second;
        continue;
      }
      if (m.last != m.first + 1 || (m.source != MentionSource::Name && m.source != MentionSource::Ner)) continue;
      // (a chamber named by its own word is that chamber: "the House" is no "White House"; where
      // the tagger read it as a place, "in the House", it is still the chamber)
      if (a_.in_list("chamber_word", m.first) && !a_.tokens[m.first].caps &&
          (m.type == EntityType::Organisation || m.type == EntityType::Location)) {
        auto it = by_chamber.find(fold_key(mention_text(m)));
        if (it != by_chamber.end() && !it->second.empty()) {
          m.type = EntityType::Organisation;
          m.name = it->second.substr(it->second.find('\n') + 1);
        }
        continue;
      }
      // (a place is left alone: "Rotor Volgograd" is named after the city it plays in)
      if (m.type != EntityType::Organisation || a_.tokens[m.first].caps) continue;
      auto it = by_last.find(fold_key(mention_text(m)));
      if (it == by_last.end() || it->second.empty()) continue;
      m.type = EntityType::Organisation;
      m.name = it->second;
    }
  }

  // "U.S. Air Force Security Forces" ... "United States Air Force Security Forces": one body written
  // with its country's short name and with its full name before the same words is one organisation,
  // named as the text writes it in full (the country's canonical name spelt out). The country is a
  // gazetteer country name of one to three words opening the name; the rest are at least two words.
  void resolve_country_prefixed_organisations() {
    struct Written {
      std::size_t mention;
      bool full;  // the prefix is the country's canonical name as written
    };
    std::map<std::string, std::vector<Written>> by_rest;  // country + "\n" + the rest's keys -> mentions
    for (std::size_t i = 0; i < a_.mentions.size(); ++i) {
      const MentionDraft& m = a_.mentions[i];
      if (m.type != EntityType::Organisation || m.source == MentionSource::Description || m.last - m.first < 3) continue;
      std::string prefix;
      for (std::uint32_t p = 1; p <= 3 && m.first + p + 2 <= m.last; ++p) {
        prefix += (p > 1 ? " " : "") + a_.key(m.first + p - 1);
        const std::vector<LexEntry>* entries = a_.lex.phrase(prefix);
        if (!entries) continue;
        const auto country = std::find_if(entries->begin(), entries->end(),
                                          [](const LexEntry& e) { return e.kind == LexKind::CountryName; });
        if (country == entries->end()) continue;
        MentionDraft head = m;
        head.last = m.first + p;
        std::string rest;
        for (std::uint32_t k = m.first + p; k < m.last; ++k) rest += a_.key(k) + " ";
        by_rest[country->name + "\n" + rest].push_back({i, mention_text(head) == country->name});
        break;
      }
    }
    for (const auto& [key, written] : by_rest) {
      const auto full = std::find_if(written.begin(), written.end(), [](const Written& w) { return w.full; });
      if (full == written.end() || std::all_of(written.begin(), written.end(), [](const Written& w) { return w.full; }))
        continue;
      const std::string name = a_.mentions[full->mention].name;
      for (const Written& w : written) a_.mentions[w.mention].name = name;
    }
  }

  // "the U.S. Senate" ... "the Senate": a chamber named with its country's name before it, in a text
  // that also names it by its word alone, takes the name the text uses alone (news names the Senate
  // so; the country adds nothing the text does not already say).
  void resolve_country_chambers() {
    bool alone = false;
    for (const MentionDraft& m : a_.mentions)
      alone = alone || (m.type == EntityType::Organisation && m.last == m.first + 1 && a_.in_list("chamber_word", m.first));
    if (!alone) return;
    for (MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Organisation || m.source == MentionSource::Description || m.last < m.first + 2) continue;
      if (!a_.in_list("chamber_word", m.last - 1)) continue;
      std::string prefix;
      for (std::uint32_t i = m.first; i + 1 < m.last; ++i) prefix += (prefix.empty() ? "" : " ") + a_.key(i);
      const auto* entries = a_.lex.phrase(prefix);
      if (!entries || std::none_of(entries->begin(), entries->end(), [](const LexEntry& e) { return e.kind == LexKind::CountryName; }))
        continue;
      for (const MentionDraft& o : a_.mentions)
        if (o.type == EntityType::Organisation && o.last == o.first + 1 && a_.key(o.first) == a_.key(m.last - 1)) {
          m.name = a_.token_text(o.first);
          break;
        }
    }
  }

  // Among `found`, the full name the text names in full strictly more often than each other one:
  // the person the story is about ("Cruz" beside "Ted Cruz" four times and "Heidi Cruz" once).
  template <class Full>
  static bool most_named(const std::vector<std::size_t>& found, const std::vector<Full>& fulls, std::size_t& pick) {
    int best = -1, second = -1;
    std::size_t best_f = found[0];
    for (std::size_t f : found) {
      if (fulls[f].mentions > best) {
        second = best;
        best = fulls[f].mentions;
        best_f = f;
      } else if (fulls[f].mentions > second) {
        second = fulls[f].mentions;
      }
    }
    if (best <= second) return false;
    pick = best_f;
    return true;
  }

  // Among `found`, the full name seen last before here if it was seen in a strictly later sentence
  // than every other; else, when none was seen yet, the one named first after here, if strictly first.
  template <class Full>
  static bool most_recent(const std::vector<std::size_t>& found, const std::vector<int>& last_seen,
                          const std::vector<Full>& fulls, std::size_t& pick) {
    int best = -1, second = -1;
    for (std::size_t f : found) {
      if (last_seen[f] > best) {
        second = best;
        best = last_seen[f];
        pick = f;
      } else if (last_seen[f] > second) {
        second = last_seen[f];
      }
    }
    if (best >= 0) return best > second;
    int first = INT32_MAX, next = INT32_MAX;
    for (std::size_t f : found) {
      if (fulls[f].first_sentence < first) {
        next = first;
        first = fulls[f].first_sentence;
        pick = f;
      } else if (fulls[f].first_sentence < next) {
        next = fulls[f].first_sentence;
      }
    }
    return first < next;
  }

  // The office-holder table's spelling of a full name the text writes with another case or without
  // accents ("Haider Al-Abadi", "Francois Hollande"): the same canonical name in every document.
  std::string holder_spelling(const std::string& name) {
    auto [it, added] = spelled_.try_emplace(name, name);
    if (!added) return it->second;
    const std::size_t sp = name.rfind(' ');
    const std::string key = fold_key(name);
    for (const std::string& person : a_.lex.people_with_surname(normalize_key(name.substr(sp + 1))))
      if (person != name && fold_key(person) == key) it->second = person;
    return it->second;
  }

  int entity_for(const std::string& name, EntityType type, const std::string& org_kind = "") {
    const std::string key = fold_key(name);
    auto it = by_name_.find(key);
    if (it != by_name_.end()) return it->second;
    EntityDraft e;
    e.name = name;
    e.type = type;
    e.org_kind = org_kind;
    a_.entities.push_back(std::move(e));
    const int index = static_cast<int>(a_.entities.size()) - 1;
    by_name_[key] = index;
    return index;
  }

  // "the Bolivarian National Guard (GNB)": an acronym in brackets after a name is that
  // name's short form for the rest of the text.
  void find_acronyms() {
    for (const MentionDraft& m : a_.mentions) {
      if (m.type == EntityType::Person || m.source == MentionSource::Description) continue;
      const std::uint32_t k = m.last;
      if (k + 2 >= a_.token_count() || a_.token_text(k) != "(" || a_.token_text(k + 2) != ")") continue;
      if (!a_.tokens[k + 1].caps || a_.token_text(k + 1).size() < 2 || a_.tokens[k + 1].sentence != a_.tokens[m.first].sentence)
        continue;
      acronyms_.emplace(a_.key(k + 1), &m);
    }
    // "the Organization for Security and Co-operation in Europe" ... "the OSCE": an acronym written
    // without the brackets is the initials of the capitalised words of a name of the text (a
    // hyphenated word gives one letter, connectors none); three letters or more, and the bracketed
    // form wins where both stand.
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Organisation || m.source == MentionSource::Description || m.last < m.first + 3) continue;
      std::string letters;
      for (std::uint32_t i = m.first; i < m.last; ++i) {
        const std::string& k = a_.key(i);
        if (!a_.tokens[i].upper || k.empty() || !(k[0] >= 'a' && k[0] <= 'z')) continue;
        letters.push_back(k[0]);
      }
      if (letters.size() >= 3) initials_.emplace(letters, &m);
    }
    // "the Republic of Dagestan" ... "Dagestan": the proper part of "<place class> of X" names it too
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Location || m.source != MentionSource::Name || m.last < m.first + 3) continue;
      if (!a_.in_list("place_class", m.first) || a_.key(m.first + 1) != "of") continue;
      std::string key;
      for (std::uint32_t i = m.first + 2; i < m.last; ++i) key += (key.empty() ? "" : " ") + a_.key(i);
      acronyms_.emplace(key, &m);
    }
  }

  void attach(int mention, int entity) {
    a_.mentions[static_cast<std::size_t>(mention)].entity = entity;
    a_.entities[static_cast<std::size_t>(entity)].mentions.push_back(mention);
  }

  void assign(int mi) {
    MentionDraft& m = a_.mentions[static_cast<std::size_t>(mi)];
    if (m.source != MentionSource::Gazetteer && (!acronyms_.empty() || !initials_.empty())) {
      std::string key;
      for (std::uint32_t i = m.first; i < m.last; ++i) key += (key.empty() ? "" : " ") + a_.key(i);
      const MentionDraft* full = nullptr;
      if (auto it = acronyms_.find(key); it != acronyms_.end()) full = it->second;
      else if (m.last == m.first + 1 && a_.tokens[m.first].caps)
        if (auto in = initials_.find(key); in != initials_.end()) full = in->second;
      if (full && full != &m) {
        m.name = full->name;
        m.type = full->type;
        m.org_kind = full->org_kind;
      }
    }
    // A lone word the tagger took for a place or organisation that is the surname of exactly one
    // office holder ("talks between Scholz and Macron") is that person. Gazetteer names (countries,
    // capitals, organisations) are never retyped.
    if ((m.source == MentionSource::Ner || m.source == MentionSource::Name) && m.last == m.first + 1 &&
        (m.type == EntityType::Location || m.type == EntityType::Organisation) &&
        a_.lex.people_with_surname(normalize_key(m.name)).size() == 1)
      m.type = EntityType::Person;
    switch (m.type) {
      case EntityType::Person: {
        std::string name = m.name;
        if (name.find(' ') == std::string::npos && !m.ambiguous) {
          // A surname no full name in this text has (resolve_short_names): the one office holder with it.
          auto people = a_.lex.people_with_surname(normalize_key(name));
          if (people.size() == 1) name = people[0];
        }
        if (name.find(' ') != std::string::npos) name = holder_spelling(name);
        m.name = name;
        attach(mi, entity_for(name, EntityType::Person));
        return;
      }
      case EntityType::Country:
        if (m.source == MentionSource::Gazetteer && m.kind == LexKind::Metonym && !metonym_acts(m)) {
          // The office in the building, named as the text names it: "White House press secretary X",
          // "White House aides", "talks at the Kremlin" (the seat of the office, which a user finds
          // under the office's name).
          m.type = EntityType::Organisation;
          m.name = mention_text(m);
        }
        attach(mi, entity_for(m.name, m.type, m.org_kind));
        return;
      case EntityType::Location:
        if (m.kind == LexKind::Capital && !m.locative && capital_acts(m)) {
          // A capital as an actor means its government: "Washington has warned", "Moscow rejected".
          m.type = EntityType::Country;
          m.name = a_.lex.is_country(m.name) ? m.name : country_of_capital(m);
        }
        attach(mi, entity_for(m.name, m.type, m.org_kind));
        return;
      default:
        attach(mi, entity_for(m.name, m.type, m.org_kind));
        return;
    }
  }

  // Whether a building that news uses for a government ("the Kremlin", "the White House") stands
  // for its country here, as an actor: "the Kremlin said", "the White House has warned". It names
  // the office seated there instead after "in", "at", "from" ("talks at the Kremlin"), before a
  // title ("Kremlin spokesman X") and before a noun for people ("White House aides", "officials").
  bool metonym_acts(const MentionDraft& m) const {
    if (m.locative) return false;
    const int s = a_.tokens[m.first].sentence;
    const std::uint32_t slast = a_.sentence_last(s);
    std::uint32_t k = m.last;
    if (k < slast && (a_.key(k) == "'s" || a_.key(k) == "’s")) ++k;
    if (k >= slast) return true;
    if (title_starting_at(a_, k, slast) > 0) return false;
    return !(a_.in_list("people_group", k) || a_.in_list("personnel", k));
  }

  // Whether a capital is the subject of a verb of speech, decision or meeting ("Moscow said",
  // "Washington has warned", "Moscow and Kiev agreed"), or a party to relations after "with",
  // "towards" (party_preposition), or as the owner of something not of the city ("Moscow's nuclear
  // deterrent"; city_part): there it names its government. Elsewhere ("Moscow's mayor", "the road
  // between Moscow and Tver", a headline "Moscow") it is the city.
  // The verb may come after auxiliaries and adverbs (verb_helper, actor_adverb) and after other names
  // coordinated with the capital.
  bool capital_acts(const MentionDraft& m) const {
    const int s = a_.tokens[m.first].sentence;
    const std::uint32_t slast = a_.sentence_last(s);
    if (m.first > a_.sentence_first(s) && a_.in_list("party_preposition", m.first - 1)) return true;
    std::uint32_t k = m.last;
    if (k + 1 < slast && (a_.key(k) == "'s" || a_.key(k) == "’s")) return !a_.in_list("city_part", k + 1);
    for (int steps = 0; k < slast && steps < 10; ++steps) {
      if (a_.in_list("speech_verb", k) || a_.in_list("actor_verb", k)) return true;
      if (!(a_.in_list("verb_helper", k) || a_.in_list("actor_adverb", k) || a_.tokens[k].mention >= 0 || a_.token_text(k) == ","))
        return false;
      ++k;
    }
    return false;
  }

  std::string country_of_capital(const MentionDraft& m) {
    // The gazetteer stored the country of a capital; look it up again by the mention's key.
    std::string key;
    for (std::uint32_t i = m.first; i < m.last; ++i) {
      if (i > m.first) key.push_back(' ');
      key += a_.key(i);
    }
    if (const auto* entries = a_.lex.phrase(key))
      for (const LexEntry& e : *entries)
        if (e.kind == LexKind::Capital) return e.country;
    return m.name;
  }

  // The person who holds an office of `org` (and `title` if given) in this text.
  int holder_in_text(const std::string& org, const std::string& title) {
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Person || m.entity < 0 || m.title.empty()) continue;
      const bool org_ok = org.empty() || (m.office_of >= 0 && a_.mentions[static_cast<std::size_t>(m.office_of)].name == org);
      const bool title_ok = title.empty() || m.title == title;
      if (org_ok && title_ok) return m.entity;
    }
    return -1;
  }

  // The person "the <title>" at token `before` stands for: of the people named before it who hold
  // the title (the text writes it with their name, or the office-holder table has them in it at
  // the article's date), the one named most often before it; not one the text names with the title
  // only with a country or an organisation beside it ("Chinese President Xi", never "President Xi"):
  // news writes the country of a foreign office holder and "the president" for its own. -1 when none.
  int holder_before(const std::string& title, std::uint32_t before) const {
    std::set<int> qualified, alone;
    for (const MentionDraft& m : a_.mentions)
      if (m.type == EntityType::Person && m.entity >= 0 && m.title == title) (m.office_of >= 0 ? qualified : alone).insert(m.entity);
    std::map<int, int> named;  // person -> mentions before the description
    int found = -1;
    for (const MentionDraft& m : a_.mentions) {
      if (m.first >= before) break;  // mentions are in text order
      if (m.entity < 0 || m.source == MentionSource::Description) continue;
      ++named[m.entity];  // whatever the type each mention was read with (vote_types settles it later)
      if (m.type != EntityType::Person) continue;
      if (m.title != title && !holds_at_date(m.entity, title)) continue;
      if (qualified.count(m.entity) && !alone.count(m.entity)) continue;
      // the one the text is most about; on a tie the one named last
      if (found < 0 || named[m.entity] >= named[found]) found = m.entity;
    }
    return found;
  }

  // The person "the <title>" stands for when the text names its holder only after it ("what the
  // president is selling ... Roe said"): the one person the text names who holds the title in the
  // office-holder table at the article's date, not one it names with the title only beside a country
  // or an organisation (as holder_before). -1 when none or more than one.
  int sole_holder_at_date(const std::string& title) const {
    std::set<int> qualified, alone, holders;
    for (const MentionDraft& m : a_.mentions)
      if (m.type == EntityType::Person && m.entity >= 0 && m.title == title) (m.office_of >= 0 ? qualified : alone).insert(m.entity);
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Person || m.entity < 0 || m.source == MentionSource::Description) continue;
      if (qualified.count(m.entity) && !alone.count(m.entity)) continue;
      if (holders.count(m.entity) || !holds_at_date(m.entity, title)) continue;
      holders.insert(m.entity);
    }
    return holders.size() == 1 ? *holders.begin() : -1;
  }

  // Whether a person's title `held` is what "the <country> <title>" names: the same title, or for a
  // generic head word ("the Russian leader", "the North Korean leader") one of the titles a
  // country's leader holds (word list country_leader_title).
  bool names_title(const std::string& described, const std::string& held) const {
    if (held == described) return true;
    const TitleEntry* te = a_.lex.title(normalize_key(described));
    return te && te->kind == "head" && a_.lex.in_list("country_leader_title", normalize_key(held));
  }

  // The person "the Russian president", "the Iranian leader" at token `before` stands for: a country
  // has many offices, so the title must match (names_title). Of the people the text names with that
  // title of that country, the last one named before the description, else the first named after it;
  // else the office-holder table's holder at the article's date (one the text names first). -1 when none.
  int country_holder(const std::string& country, const std::string& title, std::uint32_t before) {
    int found = -1;
    for (const MentionDraft& m : a_.mentions) {
      if (m.type != EntityType::Person || m.entity < 0 || m.source == MentionSource::Description || m.office_of < 0) continue;
      if (a_.mentions[static_cast<std::size_t>(m.office_of)].name != country || !names_title(title, m.title)) continue;
      if (m.first < before || found < 0) found = m.entity;
      if (m.first >= before) break;
    }
    if (found >= 0) return found;
    // the holder at the article's date, by the name the text gives them: in full, else by the
    // surname alone ("President Roe" for the table's "Donald Roe"); never one the text does not
    // name (a spelling the table lacks, "Zelenskiy", would make a second entity)
    for (const OfficeTerm* t : a_.lex.holders(country)) {
      if (!names_title(title, t->title) || !t->holds_on(a_.doc.meta.date)) continue;
      if (auto it = by_name_.find(fold_key(t->person)); it != by_name_.end()) return it->second;
      return person_by_surname(t->person);
    }
    return -1;
  }

  // The person entity of the text whose last word is the last word of `full_name`; -1 when none or several.
  int person_by_surname(const std::string& full_name) const {
    const auto last_word = [](const std::string& key) { return key.substr(key.rfind(' ') + 1); };
    const std::string surname = last_word(fold_key(full_name));
    int found = -1;
    for (std::size_t e = 0; e < a_.entities.size(); ++e) {
      const EntityDraft& d = a_.entities[e];
      if (d.type != EntityType::Person || d.mentions.empty() || last_word(fold_key(d.name)) != surname) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(e);
    }
    return found;
  }

  // Whether the office-holder table has the entity in an office of this title at the article's date.
  bool holds_at_date(int entity, const std::string& title) const {
    for (const OfficeTerm* t : a_.lex.terms_of(a_.entities[static_cast<std::size_t>(entity)].name))
      if (t->title == title && t->holds_on(a_.doc.meta.date)) return true;
    return false;
  }

  void resolve_description(int mi) {
    MentionDraft& m = a_.mentions[static_cast<std::size_t>(mi)];
    int target = -1;
    if (m.type == EntityType::Organisation) {
      // "the alliance": the alliance named most recently before it (else anywhere).
      for (const MentionDraft& o : a_.mentions)
        if (o.entity >= 0 && o.source != MentionSource::Description &&
            a_.entities[static_cast<std::size_t>(o.entity)].org_kind == m.org_kind &&
            (target < 0 || o.first < m.first))
          target = o.entity;
    } else if (m.described_country) {
      target = country_holder(m.described_org, m.described_title, m.first);
    } else if (!m.described_org.empty()) {
      target = holder_in_text(m.described_org, "");
      if (target < 0) {
        // The office-holder table: a holder named in this text, else the holder at the article's date.
        auto terms = a_.lex.holders(m.described_org);
        for (const OfficeTerm* t : terms) {
          auto it = by_name_.find(fold_key(t->person));
          if (it != by_name_.end()) {
            target = it->second;
            break;
          }
        }
        if (target < 0)
          for (const OfficeTerm* t : terms)
            if (t->holds_on(a_.doc.meta.date)) {
              target = entity_for(t->person, EntityType::Person);
              break;
            }
      }
    } else if (!m.described_title.empty()) {
      target = holder_before(m.described_title, m.first);
      // a capitalised title ("The Secretary-General") may stand for a holder named only later
      if (target < 0 && a_.tokens[m.first + 1].upper) target = holder_in_text("", m.described_title);
      if (target < 0) target = sole_holder_at_date(m.described_title);
    }
    if (target >= 0) {
      m.name = a_.entities[static_cast<std::size_t>(target)].name;
      attach(mi, target);
    }
  }

  // One name read as a person in one sentence and as an organisation in another ("Parnevik" in a
  // capitals headline, then in the story) is one entity: it takes the type most of its mentions
  // carry, the first mention's on a tie. Names from the gazetteer keep the gazetteer's type, and a
  // place named after "in", "at" ("in Bagram") is no person.
  void vote_types() {
    for (EntityDraft& e : a_.entities) {
      if (e.type != EntityType::Person && e.type != EntityType::Organisation && e.type != EntityType::Location) continue;
      int votes[3] = {0, 0, 0};
      bool gazetteer = false, place = false;
      for (int mi : e.mentions) {
        const MentionDraft& m = a_.mentions[static_cast<std::size_t>(mi)];
        gazetteer = gazetteer || m.source == MentionSource::Gazetteer || m.source == MentionSource::Description;
        place = place || (m.type == EntityType::Location && m.locative);
        if (m.type == EntityType::Person) ++votes[0];
        else if (m.type == EntityType::Organisation) ++votes[1];
        else if (m.type == EntityType::Location) ++votes[2];
      }
      if (gazetteer) continue;
      if (place) votes[0] = 0;
      const int current = e.type == EntityType::Person ? 0 : e.type == EntityType::Organisation ? 1 : 2;
      int best = current;
      for (int t = 0; t < 3; ++t)
        if (votes[t] > votes[best]) best = t;
      if (best == current) continue;
      e.type = best == 0 ? EntityType::Person : best == 1 ? EntityType::Organisation : EntityType::Location;
      for (int mi : e.mentions) a_.mentions[static_cast<std::size_t>(mi)].type = e.type;
    }
  }

  // Entities in order of first mention; mentions in text order.
  void order_entities() {
    std::vector<int> order(a_.entities.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    auto first_of = [&](int e) {
      std::uint32_t best = UINT32_MAX;
      for (int m : a_.entities[static_cast<std::size_t>(e)].mentions)
        best = std::min(best, a_.mentions[static_cast<std::size_t>(m)].first);
      return best;
    };
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return first_of(x) < first_of(y); });
    std::vector<int> new_index(order.size());
    std::vector<EntityDraft> sorted;
    for (std::size_t i = 0; i < order.size(); ++i) {
      new_index[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
      sorted.push_back(std::move(a_.entities[static_cast<std::size_t>(order[i])]));
    }
    a_.entities = std::move(sorted);
    for (MentionDraft& m : a_.mentions)
      if (m.entity >= 0) m.entity = new_index[static_cast<std::size_t>(m.entity)];
    for (EntityDraft& e : a_.entities) {
      std::sort(e.mentions.begin(), e.mentions.end(), [&](int x, int y) {
        return a_.mentions[static_cast<std::size_t>(x)].first < a_.mentions[static_cast<std::size_t>(y)].first;
      });
    }
  }

  Analysis& a_;
  std::map<std::string, int> by_name_;
  std::map<std::string, const MentionDraft*> acronyms_;  // short form key -> the mention of the full name
  std::map<std::string, const MentionDraft*> initials_;
  std::map<std::string, std::string> spelled_;  // holder_spelling, once per name  // initials of an organisation's name -> its mention
};

}  // namespace

void resolve_entities(Analysis& a) {
  Resolver(a).run();
  // "the Kremlin leader" that stands for no one named: its country's mention keeps its tokens
  // (index_mentions gave them to the description, which starts first)
  for (std::size_t d = 0; d < a.mentions.size(); ++d) {
    const MentionDraft& m = a.mentions[d];
    if (m.source != MentionSource::Description || !m.described_country || m.entity >= 0) continue;
    for (std::uint32_t i = m.first; i < m.last; ++i) {
      if (a.tokens[i].mention != static_cast<int>(d)) continue;
      a.tokens[i].mention = -1;
      for (std::size_t o = 0; o < a.mentions.size() && a.tokens[i].mention < 0; ++o)
        if (o != d && a.mentions[o].first <= i && i < a.mentions[o].last) a.tokens[i].mention = static_cast<int>(o);
    }
  }
  // Entities with no mention left (a description that resolved nowhere) never existed.
}

}  // namespace kgraph::extract
