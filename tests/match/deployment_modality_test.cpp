// The modality of a deployment (extract/relations/deployment_modality.hpp): forces named where they are
// take the modality of their own clause when the place hangs from it, a verb of leaving says where they
// are now, and a condition above the trigger makes the deployment hypothetical. Checked on the scorer's
// candidates (the same code gives the rules' deployments) and on a rule's relation. Sentences written here.
#include <gtest/gtest.h>

#include <optional>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

// The modality of the deployment from `head` to `tail` with this evidence rule prefix, or nullopt.
std::optional<Modality> modality_of(const Extraction& x, const std::string& rule, const std::string& head, const std::string& tail) {
  for (const Relation& r : x.relations) {
    if (r.type != RelationType::DeployedTo || r.evidence.rule.rfind(rule, 0) != 0) continue;
    if (x.entities[static_cast<std::size_t>(r.head)].name == head && x.entities[static_cast<std::size_t>(r.tail)].name == tail)
      return r.modality;
  }
  return std::nullopt;
}

std::optional<Modality> candidate(const std::string& text, const std::string& head, const std::string& tail) {
  Document doc;
  doc.meta.id = "test";
  doc.text = text;
  return modality_of(candidate_writer().extract(std::move(doc)), "candidate:", head, tail);
}

// "troops will stay in X": the place hangs from the verb the forces are the subject of, so its
// future is the deployment's (the forces' own words say nothing)
TEST(DeploymentModality, ForcesTakeTheirOwnClause) {
  EXPECT_EQ(candidate("If the deal is approved, American troops will stay in Iraq until 2030, the minister said.",
                      "United States", "Iraq"),
            Modality::Planned);
}

// where the forces are now, whatever the leaving plans: "troops would withdraw from X"
TEST(DeploymentModality, LeavingSaysWhereTheForcesAre) {
  EXPECT_EQ(candidate("Officials said British troops would withdraw from Iraq within months.", "United Kingdom", "Iraq"),
            Modality::Asserted);
}

// a sending inside a condition's clause, though the scope climb stops at the adverbial clause
TEST(DeploymentModality, ConditionAboveTheTrigger) {
  EXPECT_EQ(candidate("If Russia continues its pressure by sending troops to Belarus, the costs will rise.", "Russia", "Belarus"),
            Modality::Hypothetical);
}

// the rules' deployments read the same: the token-window pattern of forces in a place
TEST(DeploymentModality, RulesReadTheForcesClauseToo) {
  const Extraction x = run("If the deal is approved, American troops will stay in Iraq until 2030, the minister said.");
  EXPECT_EQ(modality_of(x, "pattern:", "United States", "Iraq"), Modality::Planned) << listing(x);
  // forces in a place with no verb of their own stay asserted ("to visit troops in X" plans no deployment)
  const Extraction y = run("The senator flew to Baghdad to visit American troops in Iraq.");
  EXPECT_NE(modality_of(y, "", "United States", "Iraq"), Modality::Planned) << listing(y);
}

// a counterfactual told by inversion ("had X sent troops to Y, ..."), even with "had" parsed as the verb;
// the same words in order assert it
TEST(DeploymentModality, ConditionByInversion) {
  const Extraction x = run("Had Britain sent troops to Iraq, the war would have ended sooner.");
  EXPECT_EQ(modality_of(x, "", "United Kingdom", "Iraq"), Modality::Hypothetical) << listing(x);
  const Extraction y = run("Britain had sent troops to Iraq before the war ended.");
  EXPECT_EQ(modality_of(y, "", "United Kingdom", "Iraq"), Modality::Asserted) << listing(y);
}

// a sending kept from happening ("prohibit troops from being deployed to X"; cue rows "prohibit from" ...),
// under "would": hypothetical
TEST(DeploymentModality, ProhibitedFromBeingDeployed) {
  const Extraction x = run("The senators agreed on a resolution that would prohibit American troops from being deployed to Syria.");
  EXPECT_EQ(modality_of(x, "", "United States", "Syria"), Modality::Hypothetical) << listing(x);
}

// A place named as where someone goes is no sender: "on a trip to X, ... withdraw forces from Y" gives no
// candidate from X (the scorer's candidates, relation_candidates.cpp, word list place_case)
TEST(DeploymentCandidates, NoSenderNamedAsWhereSomeoneGoes) {
  const std::string text = "On a surprise trip to Iraq, the president defended his decision to withdraw American forces from Syria.";
  EXPECT_TRUE(candidate(text, "United States", "Syria").has_value());
  EXPECT_FALSE(candidate(text, "Iraq", "Syria").has_value());
}

}  // namespace
}  // namespace kgraph::extract::test
