// The vocabulary the extractor reads from ontology/lexicon/: gazetteers of
// countries, organisations and places; titles and who held which office when;
// trigger words, modality cues and small closed word lists. Loaded once at
// start-up (any problem is a DataFileError naming file:line) and shared
// read-only by every document, so it is safe across threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/lexicon/world_knowledge.hpp"
#include "extract/text/tokenizer.hpp"
#include "ontology/types.hpp"

namespace kgraph::extract {

// What a gazetteer phrase names.
enum class LexKind : std::uint8_t { CountryName, Capital, Demonym, Organisation, Place, Metonym, Event };

struct LexEntry {
  std::string name;  // canonical name of the entity it denotes (for Demonym/Capital/Metonym: the country, or the city for Capital)
  EntityType type = EntityType::Location;
  LexKind kind = LexKind::Place;
  std::string country;   // Capital/Demonym/Metonym: the country; Place: what it lies within
  std::string org_kind;  // organisations.tsv `kind` ("alliance", "news_agency", ...)
  std::vector<bool> exact_case;  // per token: must match case exactly (acronyms like "US", "IS")
  std::vector<bool> capitalised; // per token: must start upper case in the text
};

struct TitleEntry {
  std::string title;  // normalised
  std::string kind;   // office | elect | head | rank
};

// One office a title names when the text names none with it (ontology/lexicon/title_offices.tsv):
// the name of a country or organisation, and the other names the text may give it ("House" for
// the House of Representatives).
struct TitleOffice {
  std::string office;
  std::vector<std::string> names;  // office first, then the other names
};

struct OfficeTerm {
  std::string office_of, title, person, from, to;
  std::string first_last;  // the person's first and last word, normalised (Lexicon::terms_of)
  bool holds_on(std::string_view date) const { return date_within(date, from, to); }
};

struct TriggerEntry {
  RelationType relation;
  std::string frame;  // with | object | mutual | move | move_noun | annex
};

struct ModalityCue {
  std::vector<std::string> tokens;  // lower case
  Modality modality;
  int window;
};

// Lower-cases and unifies apostrophes/dashes so lookups ignore typographic variants.
std::string normalize_key(std::string_view s);
// Same, appended to `out` (no allocation once `out` has grown).
void append_normalized_key(std::string_view s, std::string& out);

// Hash of one normalised token key, as Lexicon::phrases_at expects it.
std::uint64_t key_hash(std::string_view key);

// A gazetteer phrase found at some token: its length in tokens and its readings.
struct PhraseHit {
  int length = 0;
  const std::vector<LexEntry>* entries = nullptr;
};

// What one normalised token can take part in, looked up once per token so the
// rules test bits instead of hashing strings: the word lists it is in (one bit
// per list, see Lexicon::list_bit), whether a trigger phrase starts with it,
// and whether it is a word of some title (titles start and end with one).
// A set of word lists, one bit each: 128 lists fit (two words, tested together).
struct ListBits {
  std::uint64_t lo = 0, hi = 0;
  static ListBits nth(std::size_t n) { return n < 64 ? ListBits{std::uint64_t{1} << n, 0} : ListBits{0, std::uint64_t{1} << (n - 64)}; }
  static constexpr std::size_t kCapacity = 128;
  explicit operator bool() const { return (lo | hi) != 0; }
  ListBits operator&(ListBits o) const { return {lo & o.lo, hi & o.hi}; }
  ListBits& operator|=(ListBits o) { lo |= o.lo; hi |= o.hi; return *this; }
};

struct TokenVocab {
  ListBits lists;
  bool trigger_start = false;
  bool title_word = false;
  bool given_name = false;  // a first name of the tagger's gazetteer (ontology/ner/gazetteer.tsv, first_name)
  bool list_phrase_start = false;  // the first word of a word-list entry of several words
};

// Hash lookup that accepts std::string_view keys without building a std::string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Lexicon {
 public:
  static Lexicon load(const std::filesystem::path& ontology_dir);

  const Tokenizer& tokenizer() const { return tokenizer_; }

  // Gazetteer phrases by key (normalised tokens joined by one space).
  const std::vector<LexEntry>* phrase(const std::string& key) const;
  int max_phrase_tokens() const { return max_phrase_tokens_; }

  // The gazetteer phrases that start at token 0 of a run of `n` tokens whose
  // normalised keys are key(k) with key_hash(key(k)) == hash(k), written to
  // `out` longest first (at most max_phrase_tokens() of them); returns how many.
  // One hash probe per token, stopping at the first token no phrase continues
  // with; a hit is confirmed by comparing the keys, so a hash collision can cost
  // a probe but never give a wrong phrase.
  template <class KeyFn, class HashFn>
  int phrases_at(std::size_t n, KeyFn&& key, HashFn&& hash, PhraseHit* out) const {
    int found = 0;
    std::uint64_t h = kPhraseSeed;
    const std::size_t limit = std::min(n, static_cast<std::size_t>(max_phrase_tokens_));
    for (std::size_t j = 0; j < limit; ++j) {
      h = extend_phrase_hash(h, hash(j));
      auto it = phrase_slots_.find(h);
      if (it == phrase_slots_.end()) break;
      for (const PhraseSlot::Phrase& p : it->second.phrases) {
        if (p.tokens.size() != j + 1) continue;
        bool same = true;
        for (std::size_t k = 0; k <= j && same; ++k) same = p.tokens[k] == key(k);
        if (same) out[found++] = PhraseHit{static_cast<int>(j + 1), &p.entries};
      }
      if (!it->second.continues) break;
    }
    std::reverse(out, out + found);
    return found;
  }

  const TitleEntry* title(const std::string& key) const;
  int max_title_tokens() const { return max_title_tokens_; }
  // The countries or organisations whose office a title names when the text names none with it,
  // the one to prefer first (ontology/lexicon/title_offices.tsv), or nullptr. `title` as the text
  // writes it ("House Speaker") or as titles.tsv normalises it ("Speaker").
  const std::vector<TitleOffice>* title_offices(std::string_view title) const;

  // Triggers by key of 1..3 tokens; several entries when a form serves several frames.
  const std::vector<TriggerEntry>* trigger(const std::string& key) const;
  int max_trigger_tokens() const { return max_trigger_tokens_; }

  const std::vector<ModalityCue>& modality_cues() const { return modality_cues_; }

  bool in_list(std::string_view list, std::string_view word_key) const;
  // Whether the `n` >= 2 tokens whose normalised keys are key(k), with key_hash(key(k)) == hash(k),
  // joined by spaces, are an entry of a word list with a bit in `lists`: the same answer as
  // in_list(list, joined), without joining them (one hash probe, then the keys compared).
  template <class KeyFn, class HashFn>
  bool list_phrase(ListBits lists, std::size_t n, KeyFn&& key, HashFn&& hash) const {
    std::uint64_t h = kPhraseSeed;
    for (std::size_t j = 0; j < n; ++j) h = extend_phrase_hash(h, hash(j));
    auto it = list_phrases_.find(h);
    if (it == list_phrases_.end()) return false;
    for (const ListPhrase& p : it->second) {
      if (!(p.lists & lists) || p.words.size() != n) continue;
      bool same = true;
      for (std::size_t k = 0; k < n && same; ++k) same = p.words[k] == key(k);
      if (same) return true;
    }
    return false;
  }
  // The bit of a word list in TokenVocab::lists; empty for a list the data does not have.
  ListBits list_bit(std::string_view list) const;

  // The vocabulary facts of one token key (hash as key_hash(key) gives it).
  TokenVocab vocab(std::uint64_t hash, std::string_view key) const;

  // Office holders: terms of `person` (by the full name, else by its first and last word), and
  // the holders of an office.
  std::vector<const OfficeTerm*> terms_of(const std::string& person) const;
  std::vector<const OfficeTerm*> holders(const std::string& office_of) const;
  // Full names of office holders whose last name is `surname` (normalised key).
  std::vector<std::string> people_with_surname(const std::string& surname_key) const;
  // The formal given name (normalised key) a short or familiar one stands for ("mike" -> "michael",
  // lexicon/given_names.tsv), or "" when `given_key` is not listed.
  std::string formal_given_name(const std::string& given_key) const;

  // Boilerplate lines for the plain-text cleaner, by role.
  const std::vector<std::string>& boilerplate(std::string_view role) const;
  // The same phrases, normalised once at load (normalize_key of each, same order).
  const std::vector<std::string>& boilerplate_keys(std::string_view role) const;

  // The name news writes for an entity with this canonical name ("Türkiye" -> "Turkey";
  // ontology/lexicon/news_names.tsv), or the canonical name itself.
  const std::string& news_name(const std::string& canonical) const {
    auto it = news_names_.find(canonical);
    return it == news_names_.end() ? canonical : it->second;
  }

  // The organisation kind for a canonical organisation name, or "".
  std::string organisation_kind(const std::string& name) const;
  // Whether some organisation of organisations.tsv has this kind (a rule's kind= test names one).
  bool is_organisation_kind(const std::string& kind) const;
  bool is_country(const std::string& name) const { return countries_.count(name) > 0; }

  // Facts with ids (GeoNames places, people in office, Wikidata ids of
  // countries, organisations and people), for attaching to entities already
  // found; see world_knowledge.hpp. Not used for typing or resolving yet.
  const WorldKnowledge& world() const { return world_; }

 private:
  void add_phrase(const std::string& surface, LexEntry entry);
  std::string key_of(std::string_view surface) const;

  // Phrases are keyed by the hash chain of their token keys: the slot of
  // tokens t1..tk holds the phrases of exactly those tokens (several only on a
  // hash collision) and says whether a longer phrase continues from there.
  struct PhraseSlot {
    struct Phrase {
      std::vector<std::string> tokens;
      std::vector<LexEntry> entries;
    };
    std::vector<Phrase> phrases;
    bool continues = false;
  };
  struct IdentityHash {
    std::size_t operator()(std::uint64_t h) const { return static_cast<std::size_t>(h); }
  };
  static constexpr std::uint64_t kPhraseSeed = 0x9e3779b97f4a7c15ULL;
  static std::uint64_t extend_phrase_hash(std::uint64_t h, std::uint64_t token) {
    h = (h ^ token) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
  }
  const PhraseSlot::Phrase* find_phrase(const std::vector<std::string_view>& tokens) const;

  Tokenizer tokenizer_{{}};
  std::unordered_map<std::uint64_t, PhraseSlot, IdentityHash> phrase_slots_;
  int max_phrase_tokens_ = 1;
  std::unordered_map<std::string, TitleEntry> titles_;
  int max_title_tokens_ = 1;
  std::unordered_map<std::string, std::vector<TitleOffice>> title_offices_;  // title key -> offices in order
  std::unordered_map<std::string, std::vector<TriggerEntry>> triggers_;
  int max_trigger_tokens_ = 1;
  std::vector<ModalityCue> modality_cues_;
  std::unordered_map<std::string, std::unordered_set<std::string, StringHash, std::equal_to<>>, StringHash,
                     std::equal_to<>>
      lists_;
  std::unordered_map<std::string, ListBits, StringHash, std::equal_to<>> list_bits_;
  // The entries of several words again, by the hash chain of their words (as phrase_slots_),
  // with the lists each is in: list_phrase() probes them without building the joined key.
  struct ListPhrase {
    std::vector<std::string> words;  // the entry split at each space
    ListBits lists;
  };
  std::unordered_map<std::uint64_t, std::vector<ListPhrase>, IdentityHash> list_phrases_;
  // list_bits_ again as a small open-addressing table on a cheap hash of the
  // name: list_bit() is asked hundreds of times per document, with names of a
  // dozen letters that a full string hash would read every time.
  struct ListBitSlot {
    std::string name;
    ListBits bit;  // empty: a free slot
  };
  std::vector<ListBitSlot> list_bit_slots_;  // size a power of two, at most half full
  static std::size_t list_slot_hash(std::string_view name);
  struct VocabEntry {
    std::string key;
    TokenVocab vocab;
  };
  std::unordered_map<std::uint64_t, VocabEntry, IdentityHash> vocab_;  // by key_hash(key), while loading
  TokenVocab& vocab_of(const std::string& key);
  // The same entries in one flat open-addressing table, probed once per token
  // of every document (std::unordered_map's bucket division and node chasing
  // showed up in profiles).
  struct VocabSlot {
    std::uint64_t hash = 0;  // 0: empty (a key hashing to 0 is stored as 1)
    std::uint32_t entry = 0;
  };
  void build_vocab_table();
  std::vector<VocabSlot> vocab_slots_;
  std::vector<VocabEntry> vocab_entries_;
  std::vector<OfficeTerm> offices_;
  // offices_ by person and by first_last, as indices in table order (terms_of is asked for
  // every candidate name; a scan of the table cost 2,000 instructions a call).
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>> offices_by_person_;
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>> offices_by_first_last_;
  // Office holders by the normalised key of their last name, in table order.
  std::unordered_map<std::string, std::vector<std::string>> people_by_surname_;
  std::unordered_map<std::string, std::string> formal_given_;
  std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>> boilerplate_;
  std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>> boilerplate_keys_;
  std::unordered_map<std::string, std::string> org_kinds_;
  std::unordered_set<std::string> countries_;
  std::unordered_map<std::string, std::string> news_names_;
  WorldKnowledge world_;
};

}  // namespace kgraph::extract
