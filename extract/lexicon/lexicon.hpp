// The vocabulary the extractor reads from ontology/lexicon/: gazetteers of
// countries, organisations and places; titles and who held which office when;
// trigger words, modality cues and small closed word lists. Loaded once at
// start-up (any problem is a DataFileError naming file:line) and shared
// read-only by every document, so it is safe across threads.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/text/tokenizer.hpp"
#include "ontology/types.hpp"

namespace kgraph::extract {

// What a gazetteer phrase names.
enum class LexKind : std::uint8_t { CountryName, Capital, Demonym, Organisation, Place, Metonym };

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

struct OfficeTerm {
  std::string office_of, title, person, from, to;
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

class Lexicon {
 public:
  static Lexicon load(const std::filesystem::path& ontology_dir);

  const Tokenizer& tokenizer() const { return tokenizer_; }

  // Gazetteer phrases by key (normalised tokens joined by one space).
  const std::vector<LexEntry>* phrase(const std::string& key) const;
  int max_phrase_tokens() const { return max_phrase_tokens_; }

  const TitleEntry* title(const std::string& key) const;
  int max_title_tokens() const { return max_title_tokens_; }

  // Triggers by key of 1..3 tokens; several entries when a form serves several frames.
  const std::vector<TriggerEntry>* trigger(const std::string& key) const;
  int max_trigger_tokens() const { return max_trigger_tokens_; }

  const std::vector<ModalityCue>& modality_cues() const { return modality_cues_; }

  bool in_list(std::string_view list, std::string_view word_key) const;

  // Office holders: terms of `person`, and the holders of an office.
  std::vector<const OfficeTerm*> terms_of(const std::string& person) const;
  std::vector<const OfficeTerm*> holders(const std::string& office_of) const;
  // Full names of office holders whose last name is `surname` (normalised key).
  std::vector<std::string> people_with_surname(const std::string& surname_key) const;

  // Boilerplate lines for the plain-text cleaner, by role.
  const std::vector<std::string>& boilerplate(std::string_view role) const;

  // The organisation kind for a canonical organisation name, or "".
  std::string organisation_kind(const std::string& name) const;
  bool is_country(const std::string& name) const { return countries_.count(name) > 0; }

 private:
  void add_phrase(const std::string& surface, LexEntry entry);
  std::string key_of(std::string_view surface) const;

  Tokenizer tokenizer_{{}};
  std::unordered_map<std::string, std::vector<LexEntry>> phrases_;
  int max_phrase_tokens_ = 1;
  std::unordered_map<std::string, TitleEntry> titles_;
  int max_title_tokens_ = 1;
  std::unordered_map<std::string, std::vector<TriggerEntry>> triggers_;
  int max_trigger_tokens_ = 1;
  std::vector<ModalityCue> modality_cues_;
  std::unordered_map<std::string, std::unordered_set<std::string>> lists_;
  std::vector<OfficeTerm> offices_;
  std::unordered_map<std::string, std::vector<std::string>> boilerplate_;
  std::unordered_map<std::string, std::string> org_kinds_;
  std::unordered_set<std::string> countries_;
};

}  // namespace kgraph::extract
