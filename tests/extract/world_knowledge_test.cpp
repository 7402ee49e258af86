// World knowledge with ids (extract/lexicon/world_knowledge): the data files
// built by scripts/build-world-data load, answer lookups, attach Wikidata ids
// to the entities of an extraction, and a bad row is named by file and line,
// through the loader and through `kgraph check-ontology`.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "extract/extractor.hpp"
#include "extract/lexicon/world_knowledge.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract {
namespace {

namespace fs = std::filesystem;

const WorldKnowledge& world() {
  static const WorldKnowledge w = WorldKnowledge::load(KGRAPH_ONTOLOGY);
  return w;
}

TEST(WorldKnowledge, WikidataIdsOfCountriesOrganisationsAndPeopleByTypedName) {
  EXPECT_EQ(world().wikidata("Russia", EntityType::Country), "Q159");
  EXPECT_EQ(world().wikidata("United States", EntityType::Country), "Q30");
  EXPECT_EQ(world().wikidata("NATO", EntityType::Organisation), "Q7184");
  EXPECT_EQ(world().wikidata("European Union", EntityType::Organisation), "Q458");
  EXPECT_EQ(world().wikidata("Vladimir Putin", EntityType::Person), "Q7747");
  EXPECT_EQ(world().wikidata("Sergey Lavrov", EntityType::Person), "Q58217");
  // The lexicon's spelling, linked through the same office and start year.
  EXPECT_EQ(world().wikidata("Volodymyr Zelensky", EntityType::Person), "Q3874799");
  // Only by the type the row is of, and only the canonical name.
  EXPECT_EQ(world().wikidata("Russia", EntityType::Person), "");
  EXPECT_EQ(world().wikidata("NATO", EntityType::Country), "");
  EXPECT_EQ(world().wikidata("Putin", EntityType::Person), "");
}

TEST(WorldKnowledge, PlacesByNameAsciiNameOrAlternateNameMostPopulousFirst) {
  ASSERT_GT(world().place_keys(), 30000u);
  const auto kyiv = world().place("Kiev");
  ASSERT_TRUE(kyiv.has_value());
  EXPECT_EQ(kyiv->name, "Kyiv");
  EXPECT_EQ(kyiv->country, "Ukraine");
  EXPECT_EQ(kyiv->geonameid, 703448u);
  const auto moscow = world().place("MOSCOW");  // compared as normalize_key does
  ASSERT_TRUE(moscow.has_value());
  EXPECT_EQ(moscow->country, "Russia");  // not Moscow, Idaho
  const auto london = world().place("London");
  ASSERT_TRUE(london.has_value());
  EXPECT_EQ(london->country, "United Kingdom");
  EXPECT_FALSE(world().place("Atlantis Minor").has_value());
  EXPECT_FALSE(world().place("").has_value());
}

TEST(WorldKnowledge, RoleAtTimeByTheArticleDate) {
  auto names = [](const std::vector<const WorldTerm*>& terms, const std::string& title) {
    std::vector<std::string> out;
    for (const WorldTerm* t : terms)
      if (t->title == title) out.push_back(t->person);
    return out;
  };
  EXPECT_EQ(names(world().holders("Albania", "2019-05-01"), "President"), std::vector<std::string>{"Ilir Meta"});
  EXPECT_EQ(names(world().holders("Albania", "2023-05-01"), "President"), std::vector<std::string>{"Bajram Begaj"});
  EXPECT_EQ(names(world().holders("United Nations", "2010-06-01"), "Secretary-General"),
            std::vector<std::string>{"Ban Ki-moon"});
  EXPECT_EQ(names(world().holders("United Kingdom", "2022-07-01"), "Secretary of State for Defence"),
            std::vector<std::string>{"Ben Wallace"});
  ASSERT_FALSE(world().terms_of("Vladimir Putin").empty());
  EXPECT_EQ(world().terms_of("Vladimir Putin").front()->office_of, "Russia");
}

TEST(WorldKnowledge, LoadsInAFewMilliseconds) {
  const auto start = std::chrono::steady_clock::now();
  const WorldKnowledge w = WorldKnowledge::load(KGRAPH_ONTOLOGY);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  EXPECT_GT(w.place_keys(), 30000u);
  // Measured at about 15 ms; the bound only catches a loader that went
  // per-row (allocating, sorting) by mistake, not machine noise.
  EXPECT_LT(ms.count(), 1000) << "loading the world tables took " << ms.count() << " ms";
}

TEST(WorldKnowledge, ExtractedEntitiesCarryTheirWikidataIds) {
  static const Extractor x(KGRAPH_ONTOLOGY);
  Document doc;
  doc.meta.id = "summit.txt";
  doc.text =
      "Russian President Vladimir Putin met NATO officials in Moscow on Friday. "
      "Putin said Russia would not send troops.";
  const Extraction out = x.extract(std::move(doc));
  auto id_of = [&](const std::string& name) {
    for (const Entity& e : out.entities)
      if (e.name == name) return e.wikidata;
    return std::string("<no entity>");
  };
  EXPECT_EQ(id_of("Vladimir Putin"), "Q7747");
  EXPECT_EQ(id_of("Russia"), "Q159");
  EXPECT_EQ(id_of("NATO"), "Q7184");
  EXPECT_EQ(id_of("Moscow"), "");  // a city: GeoNames gives no Wikidata id
}

// ---------------------------------------------------------------- bad rows

// An ontology folder whose lexicon/ is the real one and whose world/ holds
// the given files (the real ones where not given).
class BadWorldData : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kgraph-world-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "world");
    for (const auto& e : fs::directory_iterator(KGRAPH_ONTOLOGY))
      if (e.path().filename() != "world") fs::create_symlink(e.path(), dir_ / e.path().filename());
    fs::copy_file(fs::path(KGRAPH_ONTOLOGY) / "world" / "office_terms.tsv", dir_ / "world" / "office_terms.tsv");
    write("places.tsv", kPlacesHead + "kyiv\tKyiv\tUkraine\t2797553\t703448\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "world" / name, std::ios::binary) << text;
  }
  // The diagnostic the loader throws, formatted; "" when it loads.
  std::string load_error() {
    try {
      WorldKnowledge::load(dir_);
      return "";
    } catch (const DataFileError& e) {
      return e.diagnostic.format();
    }
  }

  static inline const std::string kPlacesHead =
      "# kgraph-data world-places v1\n# test rows\nkey\tname\tcountry\tpopulation\tgeonameid\n";
  fs::path dir_;
};

TEST_F(BadWorldData, TheGoodFileLoads) {
  EXPECT_EQ(load_error(), "");
}

TEST_F(BadWorldData, EachBadPlaceRowIsNamedByFileAndLine) {
  const std::string where = (dir_ / "world" / "places.tsv").string() + ":5: error: ";
  write("places.tsv", kPlacesHead + "kyiv\tKyiv\tUkraine\t2797553\t703448\nkiev\tKyiv\tUkraine\t2797553\t703448\n");
  EXPECT_EQ(load_error(), where + "[E207] key 'kiev' is out of order");
  write("places.tsv", kPlacesHead + "kyiv\tKyiv\tUkraine\t2797553\t703448\nlviv\tLviv\tRuthenia\t717273\t702550\n");
  EXPECT_EQ(load_error(), where + "[E205] unknown country 'Ruthenia'");
  write("places.tsv", kPlacesHead + "kyiv\tKyiv\tUkraine\t2797553\t703448\nlviv\tLviv\tUkraine\tmany\t702550\n");
  EXPECT_EQ(load_error(), where + "[E207] population and geonameid must be whole numbers");
  write("places.tsv", kPlacesHead + "kyiv\tKyiv\tUkraine\t2797553\t703448\nlviv\tLviv\tUkraine\t717273\n");
  EXPECT_EQ(load_error(), where + "[E204] expected 5 tab-separated columns, found 4");
  write("places.tsv", kPlacesHead + "kyiv\tKyiv\tUkraine\t2797553\t703448\nLviv\tLviv\tUkraine\t717273\t702550\n");
  EXPECT_EQ(load_error(), where + "[E207] key 'Lviv' is not normalised");
}

TEST_F(BadWorldData, AMalformedWikidataIdIsNamedByFileAndLine) {
  write("office_terms.tsv",
        "# kgraph-data world-office-terms v1\n"
        "office_of\ttitle\tperson\tfrom\tto\tperson_wikidata\tposition_wikidata\tgroup\n"
        "Russia\tPresident\tVladimir Putin\t2012\t\tQ7747\tQ218295\thead\n"
        "Russia\tPresident\tSomeone Else\t2012\t\t7747\t\thead\n");
  EXPECT_EQ(load_error(), (dir_ / "world" / "office_terms.tsv").string() +
                              ":4: error: [E207] malformed Wikidata id '7747' (expected Q and a number)");
}

TEST_F(BadWorldData, CheckOntologyNamesTheBadRow) {
  write("places.tsv", kPlacesHead + "kyiv\tKyiv\tUkraine\t2797553\t703448\nkiev\tKyiv\tUkraine\t2797553\t703448\n");
  const std::string command = std::string(KGRAPH_BINARY) + " check-ontology --ontology '" + dir_.string() + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) output.append(buf, n);
  const int status = ::pclose(pipe);
  EXPECT_EQ(WEXITSTATUS(status), 2) << output;
  EXPECT_NE(output.find("places.tsv:5: error: [E207] key 'kiev' is out of order"), std::string::npos) << output;
}

}  // namespace
}  // namespace kgraph::extract
