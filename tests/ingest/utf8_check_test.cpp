#include "extract/ingest/utf8_check.hpp"

#include <gtest/gtest.h>

namespace kgraph::extract {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8Check, AcceptsWellFormed) {
  EXPECT_EQ(find_invalid_utf8(""), npos);
  EXPECT_EQ(find_invalid_utf8("plain ascii"), npos);
  EXPECT_EQ(find_invalid_utf8("\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"), npos);
}

TEST(Utf8Check, RejectsIllFormed) {
  EXPECT_EQ(find_invalid_utf8("ab\xE9"), 2u);              // Latin-1 byte
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);            // overlong
  EXPECT_EQ(find_invalid_utf8("x\xE0\x80\xAF"), 1u);       // overlong, 3 bytes
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);        // surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);    // past U+10FFFF
  EXPECT_EQ(find_invalid_utf8("ok\xE2\x80"), 2u);          // truncated
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);                // lone continuation
}

TEST(Utf8Check, LineColumn) {
  auto lc = line_column_at("ab\ncd\nef", 4);
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 2u);
  lc = line_column_at("abc", 0);
  EXPECT_EQ(lc.line, 1u);
  EXPECT_EQ(lc.column, 1u);
}

}  // namespace
}  // namespace kgraph::extract
