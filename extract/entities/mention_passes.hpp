// The passes of the mention stage, one file per kind of pass; find_mentions (mention_finder.cpp)
// runs them in one ordered list. Each pass reads and edits Analysis::mentions; each file says
// why its passes exist, beside their code.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/analysis.hpp"

namespace kgraph::extract {

class LowerCaseWords;  // below: the document's lower-case words, shared by the passes that ask

namespace ner {
class NerTagger;
}

// Names of the ontology, found and extended (mention_gazetteer.cpp).
void find_gazetteer_mentions(Analysis& a);
void extend_gazetteer_mentions(Analysis& a);
void mark_locatives(Analysis& a);

// The tagger, and gazetteer mentions inside the longer names it reads (mention_tagger_overlaps.cpp).
void run_tagger(Analysis& a, const ner::NerTagger& tagger);
void drop_places_inside_tagged_names(Analysis& a);
void drop_organisations_ending_tagged_names(Analysis& a);

// Words cut off a name's edges (mention_trims.cpp).
void trim_time_words(Analysis& a);
void trim_editorial_brackets(Analysis& a);
void trim_name_edges(Analysis& a);
void cut_words_before_full_names(Analysis& a, LowerCaseWords& lower_case);
void cut_words_after_full_names(Analysis& a);
void cut_qualifiers_before_given_names(Analysis& a, LowerCaseWords& lower_case);
void cut_sentence_openers_before_names(Analysis& a, LowerCaseWords& lower_case);
void split_pairs_of_surnames(Analysis& a);
void cut_portfolio_words(Analysis& a);
void trim_repeated_given_names(Analysis& a);

// Pieces joined into one name (mention_joins.cpp).
void join_tagged_names_left_in_pieces(Analysis& a);
void join_bracketed_given_names(Analysis& a);
void attach_lower_case_name_ends(Analysis& a);
void join_kunya_names(Analysis& a);
void extend_tagged_given_names(Analysis& a, LowerCaseWords& lower_case);
void join_split_person_names(Analysis& a);
void join_names_across_untagged_words(Analysis& a, LowerCaseWords& lower_case);
void join_particle_names(Analysis& a);
void attach_name_suffixes(Analysis& a);
void join_possessive_names(Analysis& a);

// Types set by evidence stronger than the tagger's (mention_typing.cpp).
void retype_implausible_persons(Analysis& a);
void type_known_places(Analysis& a);
void type_kin_names(Analysis& a);
void type_outlet_staff(Analysis& a, LowerCaseWords& lower_case);
void type_by_head_word(Analysis& a);

// Names as people write them: a body before its head's post, slogans in capitals (mention_written_forms.cpp).
void type_bodies_before_head_nouns(Analysis& a);
void drop_slogans_read_as_people(Analysis& a, LowerCaseWords& lower_case);
void attach_family_names_after_patronymics(Analysis& a);
void join_bodies_named_across_and(Analysis& a);
void split_countries_off_person_names(Analysis& a);

// A country's abbreviation and the next sentence's first word read as one name (mention_sentence_joins.cpp).
void split_countries_off_next_sentences(Analysis& a);
void trim_connectors_ending_names(Analysis& a);
void drop_conventions_named_after_cities(Analysis& a);
void extend_bodies_over_ordinals_and_possessives(Analysis& a);

// Mentions that name no entity of the story (mention_drops.cpp).
void drop_group_words(Analysis& a);
void drop_people_groups(Analysis& a);
void drop_family_names(Analysis& a);
void drop_name_debris(Analysis& a);
void drop_instruments(Analysis& a);
void drop_lone_opening_persons(Analysis& a);
void drop_capitalised_common_words(Analysis& a, LowerCaseWords& lower_case);
void drop_shouted_names(Analysis& a);
void drop_title_case_only_names(Analysis& a);
void drop_headline_phrases(Analysis& a, LowerCaseWords& lower_case);
void drop_agency_credits(Analysis& a);
void drop_dateline_agencies(Analysis& a);
void drop_places_before_nouns(Analysis& a);
void drop_photographers(Analysis& a);
void drop_staff_credits(Analysis& a);
void drop_acronyms_of_common_phrases(Analysis& a);

// Helpers several kinds of pass share.

// A mention's name as the text writes its tokens first..last: one space where the text has any
// gap between two tokens, none where they touch ("U.S.-led", "St. Peter's").
inline void spell_name(const Analysis& a, MentionDraft& m) {
  m.name.clear();
  for (std::uint32_t k = m.first; k < m.last; ++k) {
    if (k > m.first && a.doc.tokens[k].begin > a.doc.tokens[k - 1].end) m.name.push_back(' ');
    m.name += a.token_text(k);
  }
}

// Whether token k is a possessive "'s" (straight or curly apostrophe).
inline bool possessive(const Analysis& a, std::uint32_t k) { return a.key(k) == "'s" || a.key(k) == "\u2019s"; }

// The words (by key hash) the document writes somewhere in lower case with no capital anywhere in
// them ("al-Qaida" is a name), gathered in one pass over the tokens when first asked: a scan per
// asked word cost 2% of extract on the bench corpus, as most names are never written small.
// find_mentions makes one per document and hands it to every pass that asks (the tokens do not
// change between passes).
class LowerCaseWords {
 public:
  explicit LowerCaseWords(const Analysis& a) : a_(a) {}
  bool contains(std::uint64_t key) {
    if (slots_.empty()) fill();
    for (std::size_t h = static_cast<std::size_t>(key) & mask_;; h = (h + 1) & mask_) {
      if (slots_[h] == key && used_[h]) return true;
      if (!used_[h]) return false;
    }
  }

 private:
  // An open-addressing set of key hashes, at most half full (a node per key in an
  // unordered_set cost 38 M instructions on a tenth of the bench corpus, most of it allocation).
  void fill() {
    std::size_t size = 16;
    while (size < 2 * a_.token_count()) size *= 2;
    slots_.assign(size, 0);
    used_.assign(size, 0);
    mask_ = size - 1;
    for (std::uint32_t k = 0; k < a_.token_count(); ++k) {
      const std::string_view t = a_.token_text(k);
      if (t.empty() || t[0] < 'a' || t[0] > 'z' || std::any_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        continue;
      const std::uint64_t key = a_.tokens[k].key_hash;
      std::size_t h = static_cast<std::size_t>(key) & mask_;
      while (used_[h] && slots_[h] != key) h = (h + 1) & mask_;
      slots_[h] = key;
      used_[h] = 1;
    }
  }

  const Analysis& a_;
  std::vector<std::uint64_t> slots_;
  std::vector<std::uint8_t> used_;
  std::size_t mask_ = 0;
};

}  // namespace kgraph::extract
