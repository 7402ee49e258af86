#include "extract/entities/mention_finder.hpp"

#include <algorithm>

#include "extract/entities/mention_passes.hpp"
#include "extract/entities/name_rules.hpp"
#include "extract/entities/title_chambers.hpp"
#include "extract/profile/stage_profile.hpp"

namespace kgraph::extract {

// The passes in the order they run. Each kind of pass lives in its own file (mention_passes.hpp):
// gazetteer, tagger overlaps, trims, joins, typing, drops; the context rules (find_name_mentions,
// find_repeated_person_names, descriptions, offices) are name_rules.cpp's.
void find_mentions(Analysis& a, const ner::NerTagger* tagger) {
  // The document's lower-case words, gathered once when a pass first asks (the tokens do not change).
  LowerCaseWords lower_case(a);
  mark_sentence_case(a);
  if (tagger) {
    profile::StageTimer timer(profile::Stage::Tagger);
    run_tagger(a, *tagger);
  }
  find_gazetteer_mentions(a);
  if (tagger) {
    drop_places_inside_tagged_names(a);
    drop_organisations_ending_tagged_names(a);
  }
  extend_gazetteer_mentions(a);
  std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& x, const MentionDraft& y) { return x.first < y.first; });
  index_mentions(a);
  find_name_mentions(a, tagger);
  if (tagger) join_tagged_names_left_in_pieces(a);
  trim_time_words(a);
  trim_editorial_brackets(a);
  join_bracketed_given_names(a);
  trim_name_edges(a);
  trim_connectors_ending_names(a);
  trim_repeated_given_names(a);
  extend_tagged_given_names(a, lower_case);
  cut_words_before_full_names(a, lower_case);
  cut_words_after_full_names(a);
  cut_qualifiers_before_given_names(a, lower_case);
  cut_sentence_openers_before_names(a, lower_case);
  split_pairs_of_surnames(a);
  cut_portfolio_words(a);
  join_split_person_names(a);
  join_names_across_untagged_words(a, lower_case);
  join_particle_names(a);
  attach_family_names_after_patronymics(a);
  join_bodies_named_across_and(a);
  extend_bodies_over_ordinals_and_possessives(a);
  split_countries_off_person_names(a);
  split_countries_off_next_sentences(a);
  attach_name_suffixes(a);
  attach_lower_case_name_ends(a);
  join_kunya_names(a);
  join_possessive_names(a);
  drop_name_debris(a);
  drop_instruments(a);
  drop_conventions_named_after_cities(a);
  drop_agency_credits(a);
  drop_dateline_agencies(a);
  drop_photographers(a);
  drop_staff_credits(a);
  drop_acronyms_of_common_phrases(a);
  retype_implausible_persons(a);
  type_bodies_before_head_nouns(a);
  type_known_places(a);
  type_kin_names(a);
  type_outlet_staff(a, lower_case);
  type_by_head_word(a);
  drop_people_groups(a);
  drop_family_names(a);
  drop_group_words(a);
  drop_lone_opening_persons(a);
  drop_capitalised_common_words(a, lower_case);
  drop_shouted_names(a);
  drop_title_case_only_names(a);
  drop_slogans_read_as_people(a, lower_case);
  drop_headline_phrases(a, lower_case);
  drop_places_before_nouns(a);
  find_repeated_person_names(a);
  find_mission_operations(a);
  find_descriptions(a);
  std::sort(a.mentions.begin(), a.mentions.end(), [](const MentionDraft& x, const MentionDraft& y) { return x.first < y.first; });
  index_mentions(a);
  mark_locatives(a);
  find_title_chambers(a);
  find_office_context(a);
}

}  // namespace kgraph::extract
