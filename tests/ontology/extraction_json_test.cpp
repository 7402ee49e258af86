#include "ontology/extraction_json.hpp"

#include <gtest/gtest.h>

namespace kgraph {
namespace {

Extraction sample() {
  Extraction x;
  x.meta.id = "a/b.txt";
  x.meta.title = "Leaders \"meet\" in <Vienna>";
  x.meta.date = "2020-02-03";
  Entity a{"e1", "Anna Lindqvist", EntityType::Person, {{{10, 24}, "Anna Lindqvist"}}, ""};
  Entity b{"e2", "Finland", EntityType::Country, {{{40, 47}, "Finland"}, {{60, 67}, "Finnish"}}, ""};
  x.entities = {a, b};
  Relation r;
  r.type = RelationType::HoldsPosition;
  r.head = 0;
  r.tail = 1;
  r.confidence = 0.9;
  r.evidence = {{0, 80}, "Finnish Prime Minister Anna Lindqvist said\n\"no\".", "title:apposition", ""};
  r.attributes["title"] = "Prime Minister";
  x.relations = {r};
  return x;
}

TEST(ExtractionJson, RoundTripsEveryField) {
  const Extraction x = sample();
  const std::string line = to_json_line(x);
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one line per document";
  Diagnostic err;
  auto back = parse_json_line(line, err);
  ASSERT_TRUE(back) << err.format();
  EXPECT_EQ(back->meta.title, x.meta.title);
  ASSERT_EQ(back->entities.size(), 2u);
  EXPECT_EQ(back->entities[1].mentions[1].text, "Finnish");
  EXPECT_EQ(back->entities[1].mentions[1].span, (Span{60, 67}));
  ASSERT_EQ(back->relations.size(), 1u);
  EXPECT_EQ(back->relations[0].type, RelationType::HoldsPosition);
  EXPECT_EQ(back->relations[0].tail, 1);
  EXPECT_EQ(back->relations[0].evidence.text, x.relations[0].evidence.text);
  EXPECT_EQ(back->relations[0].attributes.at("title"), "Prime Minister");
  EXPECT_EQ(to_json_line(*back), line) << "writing what was read gives the same bytes";
}

TEST(ExtractionJson, WikidataIdIsWrittenWhenKnownAndReadBack) {
  Extraction x = sample();
  x.entities[1].wikidata = "Q33";
  const std::string line = to_json_line(x);
  EXPECT_NE(line.find("\"name\":\"Finland\",\"type\":\"Country\",\"wikidata\":\"Q33\",\"mentions\""),
            std::string::npos)
      << line;
  EXPECT_EQ(line.find("\"name\":\"Anna Lindqvist\",\"type\":\"Person\",\"wikidata\""), std::string::npos)
      << "no key without an id: " << line;
  Diagnostic err;
  auto back = parse_json_line(line, err);
  ASSERT_TRUE(back) << err.format();
  EXPECT_EQ(back->entities[1].wikidata, "Q33");
  EXPECT_EQ(back->entities[0].wikidata, "");
  for (const char* bad : {"33", "Q", "Q033", "Q33 ", "<http://x>", "q33"}) {
    std::string broken = line;
    broken.replace(broken.find("\"Q33\""), 5, "\"" + std::string(bad) + "\"");
    EXPECT_FALSE(parse_json_line(broken, err)) << broken;
    EXPECT_NE(err.message.find("malformed wikidata id"), std::string::npos) << err.message;
  }
}

TEST(ExtractionJson, KeysComeInTheContractOrderAndUnknownMetadataIsNull) {
  const std::string line = to_json_line(sample());
  EXPECT_EQ(line.rfind("{\"id\":\"a/b.txt\",\"title\":", 0), 0u) << line;
  EXPECT_NE(line.find("\"source\":null,\"url\":null"), std::string::npos) << line;
  EXPECT_NE(line.find("\"confidence\":0.900"), std::string::npos) << line;
}

TEST(ExtractionJson, RejectsBrokenLinesWithAReason) {
  Diagnostic err;
  EXPECT_FALSE(parse_json_line("{\"id\": \"x\", \"entities\": [", err));
  EXPECT_NE(err.message.find("broken JSON"), std::string::npos);
  EXPECT_FALSE(parse_json_line("{\"id\":\"x\",\"entities\":[{\"id\":\"e1\",\"name\":\"A\",\"type\":\"Persn\"}]}", err));
  EXPECT_NE(err.message.find("Persn"), std::string::npos);
  EXPECT_FALSE(parse_json_line(
      "{\"id\":\"x\",\"entities\":[],\"relations\":[{\"type\":\"met_with\",\"head\":\"e1\",\"tail\":\"e2\"}]}", err));
  EXPECT_FALSE(parse_json_line("[1,2]", err));
}

// Values that parse as JSON but break the contract: each is refused with E310
// and a reason, so `merge` can skip the line instead of carrying it into the
// graph and the writers (a confidence of 1e308 overflowed the printed form).
TEST(ExtractionJson, RejectsValuesOutsideTheContract) {
  std::string good = to_json_line(sample());
  Diagnostic err;
  ASSERT_TRUE(parse_json_line(good, err)) << err.format();
  auto with = [&](const std::string& from, const std::string& to) {
    std::string line = good;
    const auto at = line.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return line.replace(at, from.size(), to);
  };
  struct Case {
    std::string from, to, reason;
  };
  const Case cases[] = {
      {"\"confidence\":0.900", "\"confidence\":1e308", "confidence 1e308 is outside [0, 1]"},
      {"\"confidence\":0.900", "\"confidence\":-0.5", "confidence -0.5 is outside [0, 1]"},
      {"\"confidence\":0.900", "\"confidence\":1.5", "outside [0, 1]"},
      {"\"confidence\":0.900", "\"confidence\":\"high\"", "confidence is not a number"},
      {"\"confidence\":0.900", "\"confidence\":1e400", "broken JSON"},
      {"\"confidence\":0.900", "\"confidence\":NaN", "broken JSON"},
      {"\"evidence\":{\"start\":0,\"end\":80", "\"evidence\":{\"start\":90,\"end\":80", "evidence has no valid"},
      {"\"evidence\":{\"start\":0,\"end\":80", "\"evidence\":{\"start\":-1,\"end\":80", "evidence has no valid"},
      {"{\"id\":\"e2\"", "{\"id\":\"e1\"", "entity id 'e1' appears twice"},
  };
  for (const Case& c : cases) {
    err = Diagnostic{};
    const std::string line = with(c.from, c.to);
    EXPECT_FALSE(parse_json_line(line, err)) << line;
    EXPECT_EQ(err.code, "E310") << line;
    EXPECT_NE(err.message.find(c.reason), std::string::npos) << err.message;
  }
  // With the text on the line, offsets must lie inside it.
  Extraction x = sample();
  x.text = std::string(100, 'a');
  ASSERT_TRUE(parse_json_line(to_json_line(x), err)) << err.format();
  x.text = std::string(70, 'a');  // the evidence ends at 80
  EXPECT_FALSE(parse_json_line(to_json_line(x), err));
  EXPECT_NE(err.message.find("evidence ends past the end of the text"), std::string::npos) << err.message;
  x.text = std::string(30, 'a');  // a mention ends at 47
  EXPECT_FALSE(parse_json_line(to_json_line(x), err));
  EXPECT_NE(err.message.find("mention of 'Finland' ends past the end"), std::string::npos) << err.message;
  // The bounds themselves are fine.
  EXPECT_TRUE(parse_json_line(with("\"confidence\":0.900", "\"confidence\":1"), err)) << err.format();
  EXPECT_TRUE(parse_json_line(with("\"confidence\":0.900", "\"confidence\":0"), err)) << err.format();
}

}  // namespace
}  // namespace kgraph
