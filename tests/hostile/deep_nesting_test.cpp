// Regressions for stack overflows found while fuzzing: RapidJSON's default
// parser recurses once per nesting level, so a line of a few million "[" (a
// 3 MB line, legal for every reader) overflowed the stack in the JSON Lines
// record reader and in the extraction JSON codec (kgraph merge/report). Both
// now parse iteratively; these inputs must give an ordinary error.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "extract/ingest/json_records.hpp"
#include "ontology/extraction_json.hpp"

namespace {

const std::string kDeep(3'000'000, '[');

TEST(DeepNesting, JsonLinesRecordIsBrokenJsonNotACrash) {
  std::istringstream in("{\"id\": \"a\", \"text\": \"Angela Merkel met Emmanuel Macron.\", \"x\": " + kDeep +
                        "\n{\"id\": \"b\", \"text\": \"Xi Jinping met Joe Biden.\"}\n" + kDeep + "\n");
  std::vector<std::string> ids, codes;
  kgraph::extract::InputOptions options;
  kgraph::extract::read_json_lines(
      in, {"deep.jsonl", "deep"}, options, [&](kgraph::extract::RawInput&& r) { ids.push_back(r.meta.id); },
      [&](const kgraph::Diagnostic& d) { codes.push_back(d.code); });
  EXPECT_EQ(ids, std::vector<std::string>{"b"});
  ASSERT_EQ(codes.size(), 2u);
  for (const auto& c : codes) EXPECT_TRUE(c == "E110" || c == "E113") << c;
}

TEST(DeepNesting, ExtractionLineIsRefusedNotACrash) {
  kgraph::Diagnostic error;
  EXPECT_FALSE(kgraph::parse_json_line(kDeep, error));
  EXPECT_EQ(error.code, "E310");
  EXPECT_FALSE(kgraph::parse_json_line("{\"id\": \"x\", \"entities\": " + kDeep, error));
  EXPECT_EQ(error.code, "E310");
}

}  // namespace
