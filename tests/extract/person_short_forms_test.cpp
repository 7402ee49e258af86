// Short forms of a person's full name in one article join that name: a given name written after a
// kin word of a named person, a name that opens one full name, a surname missing a letter. Each test runs the whole pipeline
// on sentences written for these tests (the people are made up).
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

using test::by_mention;
using test::by_name;
using test::listing;

Extraction run(const std::string& text) { return test::run(text, "2019-03-14", "test"); }

std::string name_of(const Extraction& x, const std::string& text) {
  const Entity* e = by_mention(x, text);
  return e ? e->name : "";
}

// A given name after "his son", "Y's wife": the given name and the family name of the person whose
// kin it is; its later uses alone take the same name.
TEST(PersonShortForms, GivenNameAfterAKinWordTakesTheFamilyName) {
  const Extraction x = run(
      "Senator Tom Vasko arrived in Rome on Monday with his son, Felix, for talks with the mayor. "
      "Felix later met the foreign minister.\n");
  EXPECT_EQ(name_of(x, "Felix"), "Felix Vasko") << listing(x);
  EXPECT_EQ(by_name(x, "Felix"), nullptr) << listing(x);
  const Extraction y = run("The envoy said Vasko's daughter, Lena, had been detained in the capital.\n");
  EXPECT_EQ(name_of(y, "Lena"), "Lena Vasko") << listing(y);
}

// A common given name gives no family name: "Prince Charles and his wife, Rosalind" names no
// "Rosalind Charles".
TEST(PersonShortForms, KinOfAPersonNamedByAGivenNameTakesNoFamilyName) {
  const Extraction x = run("The president was greeted by Prince Charles and his wife, Rosalind, at the palace.\n");
  EXPECT_EQ(by_name(x, "Rosalind Charles"), nullptr) << listing(x);
}

// A bare surname shared by a person and one named in full as that person's kin is the person's.
TEST(PersonShortForms, SurnameSharedWithKinIsThePersons) {
  const Extraction x = run(
      "On Wednesday the president hosted Senator Paul Orban and his wife, Greta Orban, for dinner. "
      "Orban described the meal as pleasant.\n");
  EXPECT_EQ(by_name(x, "Orban"), nullptr) << listing(x);
  EXPECT_EQ(name_of(x, "Orban"), "Paul Orban") << listing(x);
}

// A name of three words that the tagger reads as a body, whose first word the text uses alone for a
// person, is that person's name written family name first.
TEST(PersonShortForms, ThreeWordNameWithFamilyNameFirstIsAPerson) {
  const Extraction x = run(
      "Few outsiders know how the leadership in the capital is faring, according to Baek Seong Chul, a former "
      "adviser to the cabinet. \"Nobody can be sure of anything there,\" Baek said.\n");
  EXPECT_EQ(name_of(x, "Baek"), "Baek Seong Chul") << listing(x);
}

// A given name of two words is the one full name of the text it opens.
TEST(PersonShortForms, TwoWordGivenNameIsTheFullName) {
  const Extraction x = run(
      "The minister, Abdel Karim Haddad, met the envoy on Monday. Haddad said the talks would resume, and "
      "Abdel Karim told reporters he was hopeful.\n");
  EXPECT_EQ(name_of(x, "Abdel Karim"), "Abdel Karim Haddad") << listing(x);
  EXPECT_EQ(by_name(x, "Abdel Karim"), nullptr) << listing(x);
}

// A surname written with one letter left out is the one full name of the text it misspells.
TEST(PersonShortForms, SurnameMissingALetterIsTheFullName) {
  const Extraction x = run(
      "Foreign Minister Andrei Voronov arrived in Geneva on Monday for the talks. The mediator told Voronv "
      "that the weapons had to be handed over within a week.\n");
  EXPECT_EQ(name_of(x, "Voronv"), "Andrei Voronov") << listing(x);
}

}  // namespace
}  // namespace kgraph::extract
