#include "graph/knowledge_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>

#include "ontology/tsv_table.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::graph {
namespace {

using kgraph::testing::ExtractionBuilder;

// Everything observable about a finalized graph, doubles at full precision,
// so that two graphs compare equal only if they are bit-identical.
std::string describe(const KnowledgeGraph& g) {
  std::ostringstream out;
  char num[64];
  auto d = [&](double v) {
    std::snprintf(num, sizeof num, "%.17g", v);
    return std::string(num);
  };
  for (const DocumentMeta& s : g.sources()) out << "S " << s.id << ' ' << s.date << ' ' << s.source << '\n';
  for (const Node& n : g.nodes()) {
    out << "N " << n.name << ' ' << to_string(n.type) << ' ' << n.mentions << ' ' << n.first_seen << ' '
        << n.last_seen << ' ' << n.degree << ' ' << d(n.weighted_degree) << ' ' << d(n.pagerank) << ' '
        << d(n.betweenness) << ' ' << n.component << ' ' << d(n.x) << ' ' << d(n.y);
    for (const std::string& a : n.aliases) out << " a:" << a;
    for (int s : n.sources) out << " s:" << s;
    out << '\n';
  }
  for (const Edge& e : g.edges()) {
    out << "E " << e.head << ' ' << to_string(e.type) << ' ' << e.tail << ' ' << d(e.weight) << ' '
        << e.source_count << ' ' << e.outlet_count << ' ' << e.first_seen << ' ' << e.last_seen << ' '
        << to_string(e.modality) << '\n';
    for (const Support& s : e.support) {
      out << "  " << s.source << ' ' << s.evidence.span.begin << ' ' << s.evidence.rule << ' '
          << to_string(s.modality);
      for (const auto& [k, v] : s.attributes) out << ' ' << k << '=' << v;
      out << '\n';
    }
  }
  return out.str();
}

TEST(KnowledgeGraph, MergesEntitiesByNameAcrossDocuments) {
  ExtractionBuilder a("doc-a", "2024-01-02");
  a.entity("Ada Example", EntityType::Person, {"Ada", "Ada Example"});
  a.entity("Acme Corp", EntityType::Organisation);
  ExtractionBuilder b("doc-b", "2024-01-05");
  b.entity("Ada Example", EntityType::Person, {"Ms Example"});
  ExtractionBuilder c("doc-c");
  c.entity("Ada Example", EntityType::Organisation, {"Ada", "ADA"});

  KnowledgeGraph g;
  g.add(a.get());
  g.add(b.get());
  g.add(c.get());
  g.finalize();

  ASSERT_EQ(g.nodes().size(), 2u);
  int ada = g.find("Ada Example");
  ASSERT_GE(ada, 0);
  const Node& n = g.nodes()[static_cast<std::size_t>(ada)];
  EXPECT_EQ(n.type, EntityType::Person);  // 2 votes against 1
  EXPECT_EQ(n.aliases, (std::vector<std::string>{"ADA", "Ada", "Ms Example"}));
  EXPECT_EQ(n.mentions, 5);
  EXPECT_EQ(n.sources, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(n.first_seen, "2024-01-02");
  EXPECT_EQ(n.last_seen, "2024-01-05");
  EXPECT_EQ(g.find("Nobody"), -1);
  EXPECT_EQ(g.nodes()[0].name, "Acme Corp");  // nodes sorted by name
}

TEST(KnowledgeGraph, TypeTieGoesToEnumOrder) {
  ExtractionBuilder a("a"), b("b");
  a.entity("X", EntityType::Location);
  b.entity("X", EntityType::Country);
  KnowledgeGraph g;
  g.add(a.get());
  g.add(b.get());
  g.finalize();
  EXPECT_EQ(g.nodes()[0].type, EntityType::Country);  // Country precedes Location
}

TEST(KnowledgeGraph, SymmetricEdgesAreStoredOnceWithSortedEndpoints) {
  ExtractionBuilder a("a");
  int zed = a.entity("Zed Example", EntityType::Person);
  int amy = a.entity("Amy Example", EntityType::Person);
  a.relation(RelationType::MetWith, zed, amy);
  a.relation(RelationType::DeployedTo, zed, amy);
  ExtractionBuilder b("b");
  amy = b.entity("Amy Example", EntityType::Person);
  zed = b.entity("Zed Example", EntityType::Person);
  b.relation(RelationType::MetWith, amy, zed);

  KnowledgeGraph g;
  g.add(a.get());
  g.add(b.get());
  g.finalize();
  ASSERT_EQ(g.edges().size(), 2u);
  const Edge& met = g.edges()[0];
  EXPECT_EQ(met.type, RelationType::MetWith);
  EXPECT_EQ(g.nodes()[met.head].name, "Amy Example");
  EXPECT_EQ(g.nodes()[met.tail].name, "Zed Example");
  EXPECT_EQ(met.weight, 2);
  const Edge& deployed = g.edges()[1];  // not symmetric: direction kept
  EXPECT_EQ(deployed.type, RelationType::DeployedTo);
  EXPECT_EQ(g.nodes()[deployed.head].name, "Zed Example");
}

TEST(KnowledgeGraph, WeightSourcesOutletsDatesAndModality) {
  auto doc = [](std::string id, std::string date, std::string outlet, Modality m, int mentions) {
    ExtractionBuilder d(std::move(id), std::move(date), std::move(outlet));
    int p = d.entity("P Example", EntityType::Person);
    int q = d.entity("Q", EntityType::Country);
    for (int i = 0; i < mentions; ++i)
      d.relation(RelationType::DeployedTo, p, q, m, static_cast<std::uint32_t>(10 * i));
    return d;
  };
  KnowledgeGraph g;
  g.add(doc("d3", "2023-12-31T23:00:00Z", "Outlet A", Modality::Negated, 1).get());
  g.add(doc("d1", "2024-02-01", "Outlet A", Modality::Planned, 2).get());
  g.add(doc("d2", "", "", Modality::Reported, 1).get());  // no outlet: counts as the one unknown outlet
  g.finalize();

  ASSERT_EQ(g.edges().size(), 1u);
  const Edge& e = g.edges()[0];
  EXPECT_EQ(e.weight, 4);
  EXPECT_EQ(e.support.size(), 4u);
  EXPECT_EQ(e.source_count, 3);
  EXPECT_EQ(e.outlet_count, 2);
  EXPECT_EQ(e.first_seen, "2023-12-31");
  EXPECT_EQ(e.last_seen, "2024-02-01");
  EXPECT_EQ(e.modality, Modality::Reported);
  // support sorted by document id, then offset
  EXPECT_EQ(g.sources()[e.support[0].source].id, "d1");
  EXPECT_EQ(e.support[0].evidence.span.begin, 0u);
  EXPECT_EQ(e.support[1].evidence.span.begin, 10u);
  EXPECT_EQ(g.sources()[e.support[3].source].id, "d3");
}

// A person named by one word ("Kim": a surname or given name its document did not resolve to a full
// name) is no one the graph can name across documents: each document keeps its own node, named
// with the document id, with the bare name as an alias. Full names merge as before.
TEST(KnowledgeGraph, OneWordPersonNamesNeverMergeAcrossDocuments) {
  ExtractionBuilder a("doc-a");
  a.relation(RelationType::MetWith, a.entity("Kim", EntityType::Person), a.entity("Jane Roe", EntityType::Person));
  a.entity("Kim", EntityType::Organisation);  // not a person: merges by name as any organisation
  ExtractionBuilder b("doc-b");
  b.relation(RelationType::MetWith, b.entity("Kim", EntityType::Person), b.entity("Jane Roe", EntityType::Person));
  b.entity("Kim", EntityType::Organisation);
  KnowledgeGraph g;
  g.add(a.get());
  g.add(b.get());
  g.finalize();
  const int ka = g.find("Kim (doc-a)"), kb = g.find("Kim (doc-b)");
  ASSERT_GE(ka, 0);
  ASSERT_GE(kb, 0);
  EXPECT_EQ(g.nodes()[ka].aliases, std::vector<std::string>{"Kim"});
  EXPECT_EQ(g.nodes()[ka].sources.size(), 1u);
  const int org = g.find("Kim");
  ASSERT_GE(org, 0);
  EXPECT_EQ(g.nodes()[org].type, EntityType::Organisation);
  EXPECT_EQ(g.nodes()[org].sources.size(), 2u);
  const int roe = g.find("Jane Roe");
  ASSERT_GE(roe, 0);
  EXPECT_EQ(g.nodes()[roe].sources.size(), 2u);
  EXPECT_EQ(g.edges().size(), 2u);  // Jane Roe met two different Kims
}

// Two documents that write one name with different letter case give one node, named as most
// mentions write it, whatever order the documents come in; the other spelling is an alias.
TEST(KnowledgeGraph, NamesDifferingInCaseMerge) {
  ExtractionBuilder a("doc-a");
  a.relation(RelationType::MetWith, a.entity("Omar Al-Rashid", EntityType::Person), a.entity("Jane Roe", EntityType::Person));
  ExtractionBuilder b("doc-b");
  b.relation(RelationType::MetWith, b.entity("Omar al-Rashid", EntityType::Person, {"Omar al-Rashid", "Omar al-Rashid"}),
             b.entity("Jane Roe", EntityType::Person));
  for (bool reversed : {false, true}) {
    KnowledgeGraph g;
    g.add(reversed ? b.get() : a.get());
    g.add(reversed ? a.get() : b.get());
    g.finalize();
    ASSERT_EQ(g.nodes().size(), 2u);
    const int n = g.find("Omar al-Rashid");
    ASSERT_GE(n, 0);
    EXPECT_EQ(g.nodes()[n].aliases, std::vector<std::string>{"Omar Al-Rashid"});
    EXPECT_EQ(g.nodes()[n].sources.size(), 2u);
    ASSERT_EQ(g.edges().size(), 1u);
    EXPECT_EQ(g.edges()[0].weight, 2);
    EXPECT_LT(g.nodes()[g.edges()[0].head].name, g.nodes()[g.edges()[0].tail].name);
  }
}

// A romanised name written with a hyphen in one article and a space in another ("Kim Jong-un",
// "Kim Jong Un") is one person; a longer name that only starts the same stays its own node.
TEST(KnowledgeGraph, NamesDifferingInHyphenMerge) {
  ExtractionBuilder a("doc-a");
  a.relation(RelationType::MetWith, a.entity("Kim Jong-un", EntityType::Person), a.entity("Moon Jae-in", EntityType::Person));
  ExtractionBuilder b("doc-b");
  b.relation(RelationType::MetWith, b.entity("Kim Jong Un", EntityType::Person, {"Kim Jong Un", "Kim Jong Un"}),
             b.entity("Moon Jae-in", EntityType::Person));
  ExtractionBuilder c("doc-c");
  c.relation(RelationType::MetWith, c.entity("Kim Jong", EntityType::Person), c.entity("Moon Jae-in", EntityType::Person));
  KnowledgeGraph g;
  g.add(a.get());
  g.add(b.get());
  g.add(c.get());
  g.finalize();
  ASSERT_EQ(g.nodes().size(), 3u);
  const int kim = g.find("Kim Jong Un");
  ASSERT_GE(kim, 0);
  EXPECT_EQ(g.nodes()[kim].aliases, std::vector<std::string>{"Kim Jong-un"});
  EXPECT_EQ(g.nodes()[kim].sources.size(), 2u);
  EXPECT_GE(g.find("Kim Jong"), 0);
  EXPECT_NE(g.find("Kim Jong"), kim);
}

// One middle initial is house style ("Donald J. Trump" in one article, "Donald Trump" in the next):
// one person. Two initials ("George H. W. Bush") are another person than one ("George W. Bush").
TEST(KnowledgeGraph, PeopleDifferingInOneMiddleInitialMerge) {
  ExtractionBuilder a("doc-a");
  a.relation(RelationType::MetWith, a.entity("Donald J. Trump", EntityType::Person), a.entity("Kim Jong Un", EntityType::Person));
  ExtractionBuilder b("doc-b");
  b.relation(RelationType::MetWith, b.entity("Donald Trump", EntityType::Person, {"Donald Trump", "Donald Trump"}),
             b.entity("Kim Jong Un", EntityType::Person));
  ExtractionBuilder c("doc-c");
  c.relation(RelationType::MetWith, c.entity("George H. W. Bush", EntityType::Person), c.entity("George W. Bush", EntityType::Person));
  KnowledgeGraph g;
  g.add(a.get());
  g.add(b.get());
  g.add(c.get());
  g.finalize();
  ASSERT_EQ(g.nodes().size(), 4u);
  const int trump = g.find("Donald Trump");
  ASSERT_GE(trump, 0);
  EXPECT_EQ(g.nodes()[trump].aliases, std::vector<std::string>{"Donald J. Trump"});
  EXPECT_EQ(g.nodes()[trump].sources.size(), 2u);
  EXPECT_GE(g.find("George H. W. Bush"), 0);
  EXPECT_GE(g.find("George W. Bush"), 0);
}

// A short given name and its formal one are one person when the rest of the name is the same
// ("Joe Biden", "Joseph R. Biden"); a shared surname alone is not ("Bill Clinton", "Hillary Clinton").
TEST(KnowledgeGraph, ShortAndFormalGivenNamesMerge) {
  const GivenNames names = GivenNames::load(std::string(KGRAPH_ONTOLOGY) + "/lexicon/given_names.tsv");
  ExtractionBuilder a("doc-a");
  a.relation(RelationType::MetWith, a.entity("Joe Biden", EntityType::Person), a.entity("Bill Clinton", EntityType::Person));
  ExtractionBuilder b("doc-b");
  b.relation(RelationType::MetWith, b.entity("Joseph R. Biden", EntityType::Person), b.entity("Hillary Clinton", EntityType::Person));
  KnowledgeGraph g;
  g.use_given_names(names);
  g.add(a.get());
  g.add(b.get());
  g.finalize();
  ASSERT_EQ(g.nodes().size(), 3u);
  const int biden = g.find("Joe Biden") >= 0 ? g.find("Joe Biden") : g.find("Joseph R. Biden");
  ASSERT_GE(biden, 0);
  EXPECT_EQ(g.nodes()[biden].sources.size(), 2u);
  EXPECT_NE(g.find("Bill Clinton"), g.find("Hillary Clinton"));
  // without the table the two spellings stay two nodes
  KnowledgeGraph plain;
  plain.add(a.get());
  plain.add(b.get());
  plain.finalize();
  EXPECT_EQ(plain.nodes().size(), 4u);
}

// A bad row of the given-name table stops the load with an error naming the file and line.
TEST(KnowledgeGraph, GivenNameTableBadRowNamesFileAndLine) {
  const std::string path = ::testing::TempDir() + "given_names_bad.tsv";
  auto write = [&](const std::string& rows) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(("# kgraph-data given-names v1\nshort\tformal\nJoe\tJoseph\n" + rows).c_str(), f);
    std::fclose(f);
  };
  auto error_of = [&]() -> std::string {
    try {
      GivenNames::load(path);
    } catch (const DataFileError& e) {
      return e.what();
    }
    return "";
  };
  write("Bill\tWil liam\n");
  EXPECT_NE(error_of().find(path + ":4"), std::string::npos) << error_of();
  write("Bill\tWilliam\nJoe\tJohn\n");  // a short form twice
  EXPECT_NE(error_of().find(path + ":5"), std::string::npos) << error_of();
  write("Bill\tWilliam\nWilliam\tWill\n");  // a chain
  EXPECT_NE(error_of().find(path + ":5"), std::string::npos) << error_of();
  write("Bill\tWilliam\n");
  EXPECT_EQ(error_of(), "");
  EXPECT_EQ(GivenNames::load(path).formal("BILL"), "william");
  std::remove(path.c_str());
}

// "U.S. Central Command" and "US Central Command": one body in two house styles.
TEST(KnowledgeGraph, OrganisationsDifferingInAbbreviationDotsMerge) {
  ExtractionBuilder a("doc-a");
  a.relation(RelationType::MemberOf, a.entity("Ann Reed", EntityType::Person), a.entity("U.S. Central Command", EntityType::Organisation));
  ExtractionBuilder b("doc-b");
  b.relation(RelationType::MemberOf, b.entity("Ann Reed", EntityType::Person),
             b.entity("US Central Command", EntityType::Organisation, {"US Central Command", "US Central Command"}));
  KnowledgeGraph g;
  g.add(a.get());
  g.add(b.get());
  g.finalize();
  ASSERT_EQ(g.nodes().size(), 2u);
  const int command = g.find("US Central Command");
  ASSERT_GE(command, 0);
  EXPECT_EQ(g.nodes()[command].aliases, std::vector<std::string>{"U.S. Central Command"});
  ASSERT_EQ(g.edges().size(), 1u);
  EXPECT_EQ(g.edges()[0].weight, 2);
}

// The names of one row of organisations.tsv are one node ("U.N. Security Council", "United Nations
// Security Council", "UN Security Council"); the generic short name that ends the canonical one
// ("Security Council") is not, nor a name two rows list. A row without a name names its line.
TEST(KnowledgeGraph, OrganisationRowNamesMergeButNotItsGenericShortName) {
  const std::string path = ::testing::TempDir() + "organisations_test.tsv";
  auto write = [&](const std::string& rows) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(("# kgraph-data organisations v1\nname\taliases\tkind\tbased_in\twikidata\n" + rows).c_str(), f);
    std::fclose(f);
  };
  write("United Nations Security Council\tUN Security Council|U.N. Security Council|Security Council\tintergovernmental\t\t\n"
        "Alpha Union\tAU\tunion\t\t\nAfrican Union\tAU\tunion\t\t\n");
  const OrganisationNames names = OrganisationNames::load(path);
  EXPECT_EQ(names.key_of(organisation_key("U.N. Security Council")), "united nations security council");
  EXPECT_EQ(names.key_of(organisation_key("Security Council")), "security council");
  EXPECT_EQ(names.key_of(organisation_key("AU")), "au");  // listed by two rows: as written
  ExtractionBuilder a("doc-a"), b("doc-b"), c("doc-c");
  a.relation(RelationType::MemberOf, a.entity("Ann Reed", EntityType::Person), a.entity("U.N. Security Council", EntityType::Organisation));
  b.relation(RelationType::MemberOf, b.entity("Ann Reed", EntityType::Person),
             b.entity("United Nations Security Council", EntityType::Organisation));
  c.relation(RelationType::MemberOf, c.entity("Ann Reed", EntityType::Person), c.entity("Security Council", EntityType::Organisation));
  KnowledgeGraph g;
  g.use_organisation_names(names);
  g.add(a.get());
  g.add(b.get());
  g.add(c.get());
  g.finalize();
  ASSERT_EQ(g.nodes().size(), 3u);
  const int generic = g.find("Security Council");
  ASSERT_GE(generic, 0);
  EXPECT_EQ(g.nodes()[generic].sources.size(), 1u);
  for (std::size_t i = 0; i < g.nodes().size(); ++i)
    if (g.nodes()[i].type == EntityType::Organisation && static_cast<int>(i) != generic) {
      EXPECT_EQ(g.nodes()[i].sources.size(), 2u);
    }
  write("\tUN Security Council\tintergovernmental\t\t\n");
  try {
    OrganisationNames::load(path);
    ADD_FAILURE() << "a row without a name loaded";
  } catch (const DataFileError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":3"), std::string::npos) << e.what();
  }
  std::remove(path.c_str());
}

TEST(KnowledgeGraph, NoDatesGiveEmptySeen) {
  ExtractionBuilder a("a");
  a.relation(RelationType::MemberOf, a.entity("P", EntityType::Person), a.entity("O", EntityType::Organisation));
  KnowledgeGraph g;
  g.add(a.get());
  g.finalize();
  EXPECT_EQ(g.edges()[0].first_seen, "");
  EXPECT_EQ(g.nodes()[0].last_seen, "");
}

TEST(KnowledgeGraph, PlaceAttributeBecomesCanonicalName) {
  ExtractionBuilder a("a");
  int p = a.entity("P", EntityType::Person);
  int q = a.entity("Q", EntityType::Person);
  a.entity("Some City", EntityType::Location);
  a.relation(RelationType::MetWith, p, q).attributes = {{"place", "e3"}, {"date", "2024-05-01"}};
  a.relation(RelationType::SpokeWith, p, q).attributes = {{"place", "e99"}};
  KnowledgeGraph g;
  g.add(a.get());
  g.finalize();
  ASSERT_EQ(g.edges().size(), 2u);
  EXPECT_EQ(g.edges()[0].support[0].attributes.at("place"), "Some City");
  EXPECT_EQ(g.edges()[0].support[0].attributes.at("date"), "2024-05-01");
  EXPECT_EQ(g.edges()[1].support[0].attributes.count("place"), 0u);  // dangling id dropped
}

TEST(KnowledgeGraph, SameDocumentIdIsCountedOnce) {
  ExtractionBuilder a("same", "2024-01-01", "O");
  a.relation(RelationType::MetWith, a.entity("P", EntityType::Person), a.entity("Q", EntityType::Person));
  KnowledgeGraph once, twice;
  once.add(a.get());
  once.finalize();
  twice.add(a.get());
  twice.add(a.get());
  twice.finalize();
  EXPECT_EQ(twice.sources().size(), 1u);
  EXPECT_EQ(twice.edges()[0].weight, 1);
  EXPECT_EQ(twice.nodes()[0].mentions, 1);
  EXPECT_EQ(describe(once), describe(twice));
}

// add() finds a repeated id by comparing with the previous one while ids come
// in ascending order (as merge and build add them), and keeps a table of ids
// only once one comes out of order: a repeat must be caught either way, also
// when it repeats an id from before the order broke.
TEST(KnowledgeGraph, RepeatedIdIsCaughtInAndOutOfOrder) {
  auto doc = [](const std::string& id, const std::string& outlet) {
    ExtractionBuilder b(id, "2024-01-01", outlet);
    b.relation(RelationType::MetWith, b.entity("Pat Doe", EntityType::Person), b.entity("Quin Roe", EntityType::Person));
    return b;
  };
  const ExtractionBuilder a = doc("a", "A"), b = doc("b", "B"), c = doc("c", "C"), b2 = doc("b", "other");
  KnowledgeGraph sorted, unordered;
  for (const ExtractionBuilder* x : {&a, &b, &b2, &c}) sorted.add(x->get());      // the repeat right after
  for (const ExtractionBuilder* x : {&c, &a, &b, &c, &b2}) unordered.add(x->get());  // repeats after the order broke
  sorted.finalize();
  unordered.finalize();
  for (const KnowledgeGraph* g : {&sorted, &unordered}) {
    ASSERT_EQ(g->sources().size(), 3u);
    EXPECT_EQ(g->sources()[1].source, "B");  // the first "b" wins
    ASSERT_EQ(g->edges().size(), 1u);
    EXPECT_EQ(g->edges()[0].weight, 3);
    EXPECT_EQ(g->edges()[0].outlet_count, 3);
  }
  EXPECT_EQ(describe(sorted), describe(unordered));
}

TEST(KnowledgeGraph, BadRelationsAreDroppedAndCounted) {
  ExtractionBuilder a("a");
  int p = a.entity("P", EntityType::Person);
  a.relation(RelationType::MetWith, p, 7);
  a.relation(RelationType::MetWith, p, p);
  KnowledgeGraph g;
  g.add(a.get());
  g.finalize();
  EXPECT_TRUE(g.edges().empty());
  EXPECT_EQ(g.dropped_relations(), 2);
}

// A corpus with shared entities, repeated relations, both directions of
// symmetric ones, several components and dates.
std::vector<Extraction> random_corpus(unsigned seed, int docs) {
  std::mt19937 rng(seed);
  const std::vector<std::string> names = {"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot",
                                          "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima"};
  std::vector<Extraction> out;
  for (int d = 0; d < docs; ++d) {
    ExtractionBuilder b("doc" + std::to_string(d), "2024-0" + std::to_string(1 + d % 9) + "-1" + std::to_string(d % 10),
                 "outlet" + std::to_string(d % 3));
    std::vector<int> idx;
    for (int k = 0; k < 4; ++k) {
      const std::string& name = names[rng() % names.size()];
      idx.push_back(b.entity(name, static_cast<EntityType>(rng() % kEntityTypeCount), {name, name.substr(0, 3)}));
    }
    for (int r = 0; r < 3; ++r) {
      int h = idx[rng() % idx.size()], t = idx[rng() % idx.size()];
      if (b.get().entities[h].name == b.get().entities[t].name) continue;
      b.relation(static_cast<RelationType>(rng() % kRelationTypeCount), h, t,
                 static_cast<Modality>(rng() % kModalityCount), static_cast<std::uint32_t>(rng() % 5 * 10));
    }
    out.push_back(b.get());
  }
  return out;
}

TEST(KnowledgeGraph, ResultDoesNotDependOnDocumentOrder) {
  std::vector<Extraction> corpus = random_corpus(7, 40);
  KnowledgeGraph in_order;
  for (const Extraction& x : corpus) in_order.add(x);
  in_order.finalize();
  const std::string expected = describe(in_order);
  ASSERT_GT(in_order.edges().size(), 5u);

  std::mt19937 rng(11);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(corpus.begin(), corpus.end(), rng);
    KnowledgeGraph shuffled;
    for (const Extraction& x : corpus) shuffled.add(x);
    shuffled.finalize();
    EXPECT_EQ(describe(shuffled), expected) << "round " << round;
  }
}

TEST(KnowledgeGraph, FinalizeTwiceGivesTheSameResult) {
  KnowledgeGraph g;
  for (const Extraction& x : random_corpus(3, 10)) g.add(x);
  g.finalize();
  std::string first = describe(g);
  g.finalize();
  EXPECT_EQ(describe(g), first);
}

}  // namespace
}  // namespace kgraph::graph
