// The context rules of the mention stage (see mention_finder.hpp for the order
// they run in). Each adds mentions only on tokens no earlier rule claimed.
#pragma once

#include <optional>
#include <vector>

#include "extract/analysis.hpp"

namespace kgraph::extract {

namespace ner {
class NerTagger;
}

// The entity type the statistical tagger's label names (`ner_label` as in TokenInfo), or
// nullopt for no label and for MISC, whose demonyms and events the gazetteer and rules read.
std::optional<EntityType> tagged_type(int ner_label);

// Recomputes TokenInfo::mention from Analysis::mentions (which must be sorted).
void index_mentions(Analysis& a);

// Capitalised names typed by context (titles, appositions, speech verbs, suffixes).
void find_name_mentions(Analysis& a, const ner::NerTagger* tagger);

// A person found once ("Angela Merkel") is found again by surname ("Merkel").
void find_repeated_person_names(Analysis& a);

// Unnamed missions of a named organisation: "(NATO ...) a new training mission in Iraq"
// becomes the Operation "NATO training mission in Iraq".
void find_mission_operations(Analysis& a);

// "the alliance", "the NATO chief", "the Secretary-General" as mentions to resolve later.
void find_descriptions(Analysis& a);

// Titles and offices next to person mentions: "NATO Secretary General, X", "X, NATO Secretary-General".
void find_office_context(Analysis& a);
// The same for the mentions at these indices only (a name the resolver retyped as a person after the
// mention stage: "Ambassador to the United Nations X Y", read as an organisation, when "Y said" follows).
void find_office_context(Analysis& a, const std::vector<std::size_t>& only);

// Longest title phrase ending at token `last_token` (inclusive), within the sentence;
// returns the number of tokens (0 when none) and the entry.
int title_ending_at(const Analysis& a, std::uint32_t last_token, const TitleEntry** entry);

// Whether an office title or rank followed by a name starts after `first` and before `last`
// ("UN Secretary General Jane Doe"): the tokens are then more than one name.
bool title_inside(const Analysis& a, std::uint32_t first, std::uint32_t last);

// Whether sentence s is a headline in capitals, or a line in title case ("Trump Says Administration
// Will Act", a byline "David Jackson and Tom Vanden Brook"): case says nothing about names there.
// Both read Analysis::sentence_case, which mark_sentence_case fills.
bool is_headline(const Analysis& a, int s);
bool is_title_case_line(const Analysis& a, int s);
enum SentenceCase : std::uint8_t { kHeadlineCase = 1, kTitleCase = 2 };
void mark_sentence_case(Analysis& a);

// Whether token i opens a sentence or a quotation, or stands in a title-case line, where English
// capitalises any word: the first word of a sentence, the word after an opening quote mark ('"Part
// of that is ...", Obama said'), any word of "Trump Walked Away From The Deal".
// A straight quote opens a quotation at a sentence start or after a comma or colon.
bool opens_sentence_or_quote(const Analysis& a, std::uint32_t i);
// The same without title-case lines: the first word of a sentence or of a quotation only.
bool opens_sentence_or_quotation(const Analysis& a, std::uint32_t i);

// Length in tokens of the longest title phrase starting at `first` and ending before `limit` (0 when none).
int title_starting_at(const Analysis& a, std::uint32_t first, std::uint32_t limit);

}  // namespace kgraph::extract
