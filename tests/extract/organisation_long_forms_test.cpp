// US departments, agencies and committees written in their long forms or acronyms: the organisation
// lexicon lists both forms in one row, so two documents writing them differently meet in one graph
// node. Sentences written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/extractor.hpp"
#include "graph/knowledge_graph.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

using test::listing;

Extraction run(const std::string& text, const std::string& id) { return test::run(text, "2019-03-14", id); }

// The index of the graph node named `form` or holding it among its mention texts; -1 when none does.
int node_of(const graph::KnowledgeGraph& g, const std::string& form) {
  for (std::size_t i = 0; i < g.nodes().size(); ++i) {
    const auto& n = g.nodes()[i];
    if (n.name == form || std::find(n.aliases.begin(), n.aliases.end(), form) != n.aliases.end()) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

TEST(OrganisationLongForms, DepartmentsAgenciesAndCommitteesMeetInOneNode) {
  const Extraction a = run(
      "A Defense Department spokesman said on Monday that the Department of Justice and the National "
      "Security Agency had been briefed. The House Permanent Select Committee on Intelligence will hold a "
      "hearing, and the Democratic National Committee asked for a copy. Monitors of the Organization for "
      "Security and Cooperation in Europe arrived in the region on Sunday.\n", "doc-a");
  const Extraction b = run(
      "The Pentagon and the Justice Department declined to comment on Tuesday, and the NSA did not answer. "
      "The House Intelligence Committee and the DNC said they would wait. OSCE monitors left the region.\n", "doc-b");
  graph::KnowledgeGraph g;
  g.use_organisation_names(graph::OrganisationNames::load(std::string(KGRAPH_ONTOLOGY) + "/lexicon/organisations.tsv"));
  g.add(a);
  g.add(b);
  g.finalize();
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Defense Department", "Pentagon"},
      {"Department of Justice", "Justice Department"},
      {"National Security Agency", "NSA"},
      {"House Permanent Select Committee on Intelligence", "House Intelligence Committee"},
      {"Democratic National Committee", "DNC"},
      {"Organization for Security and Cooperation in Europe", "OSCE"}};
  for (const auto& [long_form, short_form] : pairs) {
    const int n = node_of(g, long_form);
    ASSERT_GE(n, 0) << long_form << "\n" << listing(a);
    EXPECT_EQ(node_of(g, short_form), n) << long_form << " / " << short_form << "\n" << listing(b);
    EXPECT_EQ(g.nodes()[static_cast<std::size_t>(n)].sources.size(), 2u) << long_form;
  }
}

}  // namespace
}  // namespace kgraph::extract
