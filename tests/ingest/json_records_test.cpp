// The JSON Lines reader on a stream, as stdin ("-") is read.
#include "extract/ingest/json_records.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace kgraph::extract {
namespace {

using ::testing::ElementsAre;

struct Out {
  std::vector<RawInput> docs;
  std::vector<Diagnostic> diagnostics;
};

Out read_stream(const std::string& input, InputOptions options = {}) {
  Out out;
  std::istringstream in(input);
  read_json_lines(
      in, RecordSource{"-", "-"}, options, [&](RawInput&& r) { out.docs.push_back(std::move(r)); },
      [&](const Diagnostic& d) { out.diagnostics.push_back(d); });
  return out;
}

TEST(JsonLines, StdinIdsAreDashLine) {
  auto out = read_stream("{\"text\":\"a\"}\n{\"id\":\"x\",\"text\":\"b\"}\n{\"text\":\"c\"}");  // no final newline
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].meta.id, "-:1");
  EXPECT_EQ(out.docs[1].meta.id, "x");
  EXPECT_EQ(out.docs[2].meta.id, "-:3");
  EXPECT_EQ(out.docs[2].location, "-:3");
  EXPECT_TRUE(out.diagnostics.empty());
}

TEST(JsonLines, TextIsDecoded) {
  auto out = read_stream(R"({"text":"caf\u00e9 \"q\"\nnext"})");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].body, "caf\xC3\xA9 \"q\"\nnext");
}

TEST(JsonLines, BrokenLineNamesLineAndColumn) {
  auto out = read_stream("{\"text\":\"a\"}\n{\"text\" \"b\"}\n{\"text\":\"c\"}\n");
  EXPECT_EQ(out.docs.size(), 2u);
  ASSERT_EQ(out.diagnostics.size(), 1u);
  EXPECT_EQ(out.diagnostics[0].format().rfind("-:2: error: [E110] broken JSON at column 9", 0), 0u)
      << out.diagnostics[0].format();
}

TEST(JsonLines, NulInsideLineAndEscapedNulInText) {
  auto out = read_stream(std::string("{\"text\":\"a\0b\"}\n", 15) + "{\"text\":\"a\\u0000b\"}\n");
  EXPECT_TRUE(out.docs.empty());
  std::vector<std::string> codes;
  for (const auto& d : out.diagnostics) codes.push_back(d.code);
  EXPECT_THAT(codes, ElementsAre("E103", "E103"));
}

TEST(JsonLines, LongLineIsNotBufferedAndNextLineIsRead) {
  InputOptions o;
  o.max_line_bytes = 16;
  auto out = read_stream(std::string(1000, ' ') + "\n{\"text\":\"ok\"}\n", o);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].meta.id, "-:2");
  ASSERT_EQ(out.diagnostics.size(), 1u);
  EXPECT_EQ(out.diagnostics[0].code, "E105");
  EXPECT_EQ(out.diagnostics[0].location, "-:1");
}

TEST(JsonLines, EmptyInput) {
  auto out = read_stream("");
  ASSERT_EQ(out.diagnostics.size(), 1u);
  EXPECT_EQ(out.diagnostics[0].code, "E102");
}

}  // namespace
}  // namespace kgraph::extract
