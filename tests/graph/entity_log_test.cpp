// The entity log of graph/entity_log.hpp: events written in document order come
// back by (entity, document), texts and counts intact, whether the sort fits
// its buffer or runs on disk; a folder that cannot hold it is an error naming it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "graph/entity_log.hpp"

namespace kgraph::graph {
namespace {

struct Seen {
  std::uint32_t vertex, doc;
  int kind;
  std::string text;
  int mentions, type;
  bool operator<(const Seen& o) const {
    return std::tie(vertex, doc, kind, text, mentions, type) < std::tie(o.vertex, o.doc, o.kind, o.text, o.mentions, o.type);
  }
  bool operator==(const Seen& o) const { return !(*this < o) && !(o < *this); }
};

// Events for `docs` documents naming entities drawn at random, with texts that outlive the log.
std::vector<std::string> texts_for(int n) {
  std::vector<std::string> texts;
  for (int i = 0; i < n; ++i) texts.push_back("Name " + std::to_string(i) + (i % 3 == 0 ? " al-Qasimi" : ""));
  return texts;
}

void round_trip(std::size_t buffer_bytes) {
  const std::vector<std::string> texts = texts_for(50);
  std::mt19937 random(7);
  EntityLog log(std::filesystem::temp_directory_path());
  std::vector<Seen> written;
  for (std::uint32_t doc = 0; doc < 300; ++doc)
    for (int k = 0; k < 6; ++k) {
      EntityEvent e;
      e.vertex = random() % 40;
      e.doc = doc;
      e.kind = static_cast<EntityEvent::Kind>(random() % 3);
      const std::string& t = texts[random() % texts.size()];
      e.text = t.data();
      e.size = static_cast<std::uint32_t>(t.size());
      e.mentions = static_cast<std::int32_t>(random() % 5);
      e.type = static_cast<std::uint8_t>(random() % 4);
      log.add(e);
      written.push_back({e.vertex, e.doc, e.kind, t, e.mentions, e.type});
    }
  ASSERT_EQ(log.size(), written.size());
  std::vector<Seen> read;
  std::uint32_t last_vertex = 0, last_doc = 0;
  log.replay(buffer_bytes, [&](const EntityEvent& e) {
    EXPECT_TRUE(std::tie(last_vertex, last_doc) <= std::tie(e.vertex, e.doc)) << e.vertex << " " << e.doc;
    last_vertex = e.vertex;
    last_doc = e.doc;
    read.push_back({e.vertex, e.doc, e.kind, std::string(e.view()), e.mentions, e.type});
  });
  EXPECT_EQ(log.size(), 0u);
  std::sort(written.begin(), written.end());
  std::sort(read.begin(), read.end());
  EXPECT_EQ(read, written);
}

TEST(EntityLog, EventsComeBackByEntityAndDocumentWithTheirTexts) { round_trip(std::size_t{1} << 20); }

TEST(EntityLog, EventsComeBackTheSameWhenTheSortRunsOnDisk) { round_trip(37 * sizeof(EntityEvent)); }

TEST(EntityLog, NothingLoggedReplaysNothing) {
  EntityLog log(std::filesystem::temp_directory_path());
  int calls = 0;
  log.replay(1 << 10, [&](const EntityEvent&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(EntityLog, AFolderThatCannotHoldTheLogIsAnErrorNamingItAndTheLog) {
  EntityLog log("/nonexistent/kgraph-entity-log");
  EntityEvent e;
  try {
    log.add(e);
    FAIL() << "no error";
  } catch (const std::runtime_error& err) {
    const std::string what = err.what();
    EXPECT_NE(what.find("/nonexistent/kgraph-entity-log"), std::string::npos) << what;
    EXPECT_NE(what.find("entity-log"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace kgraph::graph
