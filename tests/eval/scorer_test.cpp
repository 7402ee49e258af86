// The scorer on hand-made gold and extraction pairs, one rule per test where
// possible, and one document exercising them together.
#include "eval/scorer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/eval/eval_test_support.hpp"

namespace kgraph::eval {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using testing::ExtractionBuilder;
using ET = EntityType;
using RT = RelationType;

const char* kGold = R"({"documents": [
  {"doc": "d1.txt",
   "entities": [
     {"name": "Alice Smith", "type": "Person", "aliases": ["Smith", "Dr. Alice Smith"]},
     {"name": "Bob Jones", "type": "Person", "aliases": ["Jones"]},
     {"name": "Acme Corp", "type": "Organisation", "aliases": ["Acme"]},
     {"name": "Freedonia", "type": "Country", "aliases": ["Freedonian"]},
     {"name": "Lake Town", "type": "Location", "aliases": []}],
   "optional_entities": ["Daily Bugle"],
   "forbidden_entities": ["Sidebar Person", "Weather Widget"],
   "relations": [
     {"type": "met_with", "head": "Alice Smith", "tail": "Bob Jones", "required": true},
     {"type": "member_of", "head": "Freedonia", "tail": "Acme Corp", "required": true},
     {"type": "located_in", "head": "Lake Town", "tail": "Freedonia", "required": true},
     {"type": "holds_position", "head": "Bob Jones", "tail": "Acme", "required": false}]},
  {"doc": "d2.txt",
   "entities": [{"name": "Carol White", "type": "Person", "aliases": []}],
   "relations": [{"type": "spoke_with", "head": "Carol White", "tail": "Acme Corp", "required": true}]}
]})";

GoldStandard gold() {
  Diagnostic error;
  auto g = parse_gold(kGold, "gold.json", error);
  EXPECT_TRUE(g) << error.format();
  return *g;
}

const GoldDocument& d1(const GoldStandard& g) { return g.documents[0]; }

std::size_t at(ET t) { return static_cast<std::size_t>(t); }
std::size_t at(RT t) { return static_cast<std::size_t>(t); }

TEST(Scorer, AliasesMatchIgnoringCaseSpaceAndApostrophes) {
  auto g = gold();
  ExtractionBuilder b("d1.txt");
  b.entity("SMITH", ET::Person);
  b.entity("  bob   jones ", ET::Person);
  b.entity("acme", ET::Organisation);
  EvalReport r = score_document(d1(g), b.get());
  EXPECT_EQ(r.entities.tp, 3u);
  EXPECT_EQ(r.entities.fp, 0u);
  EXPECT_EQ(r.entities.missed, 2u);
  EXPECT_THAT(r.missed_entities, ElementsAre(Field(&EntityItem::name, "Freedonia"), Field(&EntityItem::name, "Lake Town")));
}

TEST(Scorer, OptionalEntitiesAreNeutral) {
  auto g = gold();
  ExtractionBuilder b("d1.txt");
  b.entity("Daily Bugle", ET::Organisation);
  b.entity("Gizmo Inc", ET::Organisation);
  EvalReport r = score_document(d1(g), b.get());
  EXPECT_EQ(r.entities.neutral, 1u);
  EXPECT_EQ(r.entities.fp, 1u);
  ASSERT_EQ(r.false_entities.size(), 1u);
  EXPECT_EQ(r.false_entities[0].name, "Gizmo Inc");
  EXPECT_EQ(r.false_entities[0].detail, "mentions: \"Gizmo Inc\"");
}

TEST(Scorer, ForbiddenByNameOrMention) {
  auto g = gold();
  ExtractionBuilder b("d1.txt");
  b.entity("sidebar person", ET::Person);
  b.entity("Widget", ET::Organisation, {"Widget", "Weather  Widget"});
  b.entity("Alice Smith", ET::Person);
  EvalReport r = score_document(d1(g), b.get());
  ASSERT_EQ(r.forbidden_entities.size(), 2u);
  EXPECT_EQ(r.forbidden_entities[0].name, "sidebar person");
  EXPECT_EQ(r.forbidden_entities[1].name, "Widget");
  EXPECT_THAT(r.forbidden_entities[1].detail, ::testing::HasSubstr("Weather Widget"));
  EXPECT_EQ(r.entities.fp, 2u);  // forbidden ones are wrong entities too
  EXPECT_EQ(r.entities.tp, 1u);
}

TEST(Scorer, SymmetricRelationsMatchEitherWayDirectedOnesDoNot) {
  auto g = gold();
  ExtractionBuilder b("d1.txt");
  int alice = b.entity("Alice Smith", ET::Person);
  int bob = b.entity("Jones", ET::Person);
  int free = b.entity("Freedonia", ET::Country);
  int acme = b.entity("Acme Corp", ET::Organisation);
  b.relation(RT::MetWith, bob, alice);         // reversed, symmetric: matches
  b.relation(RT::MemberOf, acme, free, "ev");  // reversed, directed: false positive
  EvalReport r = score_document(d1(g), b.get());
  EXPECT_EQ(r.relations.tp, 1u);
  EXPECT_EQ(r.relations.fp, 1u);
  EXPECT_EQ(r.relations.found, 1u);
  EXPECT_EQ(r.relations.required, 3u);
  ASSERT_EQ(r.false_relations.size(), 1u);
  EXPECT_EQ(r.false_relations[0].head, "Acme Corp");
  EXPECT_EQ(r.false_relations[0].evidence, "ev");
  EXPECT_THAT(r.missed_relations, ElementsAre(Field(&RelationItem::type, RT::MemberOf),
                                              Field(&RelationItem::type, RT::LocatedIn)));
}

TEST(Scorer, DuplicatePredictionsCountOnce) {
  auto g = gold();
  ExtractionBuilder b("d1.txt");
  int alice = b.entity("Alice Smith", ET::Person);
  int bob = b.entity("Bob Jones", ET::Person);
  int alice2 = b.entity("Dr. Alice Smith", ET::Person);  // same gold entity again
  int gizmo = b.entity("Gizmo Inc", ET::Organisation);
  b.relation(RT::MetWith, alice, bob).relation(RT::MetWith, bob, alice).relation(RT::MetWith, alice2, bob);
  b.relation(RT::MemberOf, gizmo, bob).relation(RT::MemberOf, gizmo, bob);
  EvalReport r = score_document(d1(g), b.get());
  EXPECT_EQ(r.entities.tp, 2u);
  EXPECT_EQ(r.entities.duplicates, 1u);
  EXPECT_EQ(r.relations.tp, 1u);
  EXPECT_EQ(r.relations.fp, 1u);
  EXPECT_EQ(r.false_relations.size(), 1u);
}

TEST(Scorer, OptionalRelationsAreNeutralAndGoldAliasesResolve) {
  auto g = gold();
  ExtractionBuilder b("d1.txt");
  int bob = b.entity("Bob Jones", ET::Person);
  int acme = b.entity("Acme", ET::Organisation);  // gold relation says "Acme", an alias of "Acme Corp"
  b.relation(RT::HoldsPosition, bob, acme);
  EvalReport r = score_document(d1(g), b.get());
  EXPECT_EQ(r.relations.neutral, 1u);
  EXPECT_EQ(r.relations.tp + r.relations.fp, 0u);
}

TEST(Scorer, PerTypeFiguresAndTotalsOverDocuments) {
  Scorer scorer(gold());
  ExtractionBuilder b("corpus/d1.txt");  // matched by its file-name part
  int alice = b.entity("Smith", ET::Person);
  int bob = b.entity("Bob  Jones", ET::Person);
  int acme = b.entity("Acme", ET::Organisation);
  b.entity("Daily Bugle", ET::Organisation);
  int lake = b.entity("Lake Town", ET::Country);  // right name, wrong type: still a match
  int gizmo = b.entity("Gizmo Inc", ET::Organisation);
  b.entity("Alice Smith", ET::Person);
  b.entity("Widget", ET::Organisation, {"weather widget"});
  b.relation(RT::MetWith, bob, alice);
  b.relation(RT::HoldsPosition, bob, acme);
  b.relation(RT::LocatedIn, acme, lake);
  b.relation(RT::MemberOf, gizmo, acme, "Gizmo joined Acme.");
  scorer.add(b.get());
  scorer.add(ExtractionBuilder("elsewhere.txt").get());
  scorer.add(ExtractionBuilder("d1.txt").get());  // d1 again: listed, not scored
  EvalReport r = scorer.report();

  EXPECT_EQ(r.entities.tp, 4u);
  EXPECT_EQ(r.entities.fp, 2u);
  EXPECT_EQ(r.entities.missed, 2u);  // Freedonia, and Carol White of the unextracted d2
  EXPECT_EQ(r.entities.neutral, 1u);
  EXPECT_EQ(r.entities.duplicates, 1u);
  EXPECT_DOUBLE_EQ(r.entities.precision(), 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(r.entities.recall(), 4.0 / 6.0);

  const EntityCounts& person = r.entities_by_type[at(ET::Person)];
  EXPECT_EQ(person.tp, 2u);
  EXPECT_EQ(person.missed, 1u);
  EXPECT_EQ(person.duplicates, 1u);
  const EntityCounts& org = r.entities_by_type[at(ET::Organisation)];
  EXPECT_EQ(org.tp, 1u);
  EXPECT_EQ(org.fp, 2u);
  EXPECT_EQ(org.neutral, 1u);
  EXPECT_EQ(r.entities_by_type[at(ET::Location)].tp, 1u);  // counted under the gold type
  EXPECT_EQ(r.entities_by_type[at(ET::Country)].missed, 1u);
  ASSERT_EQ(r.type_mismatches.size(), 1u);
  EXPECT_EQ(r.type_mismatches[0].name, "Lake Town");

  EXPECT_EQ(r.relations.tp, 1u);
  EXPECT_EQ(r.relations.fp, 2u);
  EXPECT_EQ(r.relations.neutral, 1u);
  EXPECT_EQ(r.relations.required, 4u);
  EXPECT_EQ(r.relations.found, 1u);
  EXPECT_DOUBLE_EQ(r.relations.precision(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.relations.recall(), 1.0 / 4.0);
  EXPECT_EQ(r.relations_by_type[at(RT::MetWith)].found, 1u);
  EXPECT_EQ(r.relations_by_type[at(RT::SpokeWith)].required, 1u);
  EXPECT_EQ(r.relations_by_type[at(RT::LocatedIn)].fp, 1u);
  EXPECT_EQ(r.relations_by_type[at(RT::HoldsPosition)].neutral, 1u);

  EXPECT_EQ(r.documents_scored, 1u);
  EXPECT_THAT(r.documents_without_extraction, ElementsAre("d2.txt"));
  EXPECT_THAT(r.extractions_not_scored, ElementsAre("elsewhere.txt", "d1.txt"));
  ASSERT_EQ(r.forbidden_entities.size(), 1u);
  EXPECT_EQ(r.false_relations.back().evidence, "Gizmo joined Acme.");
}

}  // namespace
}  // namespace kgraph::eval
