// How the relation rules find their arguments around a trigger.
#pragma once

#include <string>
#include <vector>

#include "extract/analysis.hpp"

namespace kgraph::extract {

// An entity found as a relation argument, and how it was found.
struct Argument {
  int entity = -1;
  std::uint32_t token = 0;  // first token of the mention (or the pronoun)
  std::string note;         // "he -> Name" when a pronoun or quote speaker was resolved
  bool possessive = false;  // followed by 's ("Russia's readiness")
};

// The argument at token i: a mention's entity, a person pronoun, or "I"/"me"
// inside a quote (the speaker). entity == -1 when nothing is there.
Argument argument_at(const Analysis& a, std::uint32_t i);

// Parties after position `from`: skips fillers ("then", "new", "the"), titles
// and the country or organisation that qualifies a title ("US Defense Secretary X"),
// then takes a mention and any coordinated ones ("A and B", "A, B and C").
// Stops at the sentence end or after `max_skip` skipped tokens.
std::vector<Argument> parties_after(const Analysis& a, std::uint32_t from, int max_skip = 4);

// The nearest argument left of `trigger` in its sentence. With `prefer_person`,
// the nearest person wins over a nearer organisation or country.
Argument subject_before(const Analysis& a, std::uint32_t trigger, bool prefer_person);

// Whether an unnamed noun phrase is the subject of the verb at `trigger`: a
// determiner or possessive and one lower-case word right before it (verb helpers
// skipped), not coordinated with a name ("his family meet", "the delegation met";
// not "X and his wife met"). Then no named entity before it is the subject.
bool unnamed_subject_before(const Analysis& a, std::uint32_t trigger);

// "A and B" ending just before `trigger` (skipping modal verbs and adverbs).
std::vector<Argument> coordinated_subject(const Analysis& a, std::uint32_t trigger);

// The two people of the nearest "A and B" (two person names joined by "and") in the two
// sentences before sentence s, the later pair of a sentence first, for "they", "the two" in s;
// empty when none. Each argument's note says what it was read from.
std::vector<Argument> pair_named_before(const Analysis& a, int s, std::string_view reference);

// The two people "they" at token `reference` stands for when its own sentence names them before it:
// an "A and B" ("hope Trump and Kim can advance it if they meet"), else exactly two people
// ("Trump said he does not expect Putin to confess when they meet"); empty otherwise.
std::vector<Argument> pair_named_earlier_in_sentence(const Analysis& a, std::uint32_t reference);

// The people of the last list of three or more people named before token `reference` in its sentence
// ("A, B and C shook hands as they met"): person names one after another with only a comma or the
// final "and" between them, besides what may stand before a name (a title, a country, a possessive
// clitic, an article). Empty when the sentence names no such list before it.
std::vector<Argument> group_named_earlier_in_sentence(const Analysis& a, std::uint32_t reference);

// The owner of forces that their own sentence names no owner of ("The extra troops will be sent to
// the Y province"): news writes them so when the sentences just before said whose they are ("X
// already has 3,000 troops in the country"). Of the kOwnerSentences sentences before
// `force`'s, the nearest that names forces with an owner (a country or organisation right before a
// force word, or the sender of a deployed_to already found there) gives it, when that sentence has
// one such owner only; entity -1 otherwise. The argument's note says what it was read from.
Argument owner_of_forces_before(const Analysis& a, std::uint32_t force);

// The person the text names as the leader of `country`: a Person mention whose title is one news
// calls a country's leader (word list country_leader_title) with that country beside it ("British
// Prime Minister David Cameron", "Russia's President X"). -1 when the text names none or several.
int country_leader_named(const Analysis& a, int country);

// The country a person sends forces for: "President X sent troops to Y" is a deployment by X's country
// (GUIDELINES.md: the sender is a country or organisation). The office-holder data's country office
// the person holds on the document's date, else the country offices the text gives the person
// ("Country A's President X"), else the data's country offices of the person at any time (a past
// leader's deployment told later); the country must be an entity of the document and the sources
// that answer must agree on one. entity -1 otherwise; the note says what it was read from.
Argument sender_country(const Analysis& a, const Argument& person);

// Entity type of an argument.
EntityType type_of(const Analysis& a, const Argument& arg);

// Whether forces named with this case word before a place of this type are outside it: "around" a
// city or region they are in it, around a country at its borders ("the build-up around X"). Read
// alike by the token-window pattern and the scorer's candidates.
bool outside_place(std::string_view case_word, EntityType place);

}  // namespace kgraph::extract
