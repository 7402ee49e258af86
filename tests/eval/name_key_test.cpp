#include "eval/name_key.hpp"

#include <gtest/gtest.h>

namespace kgraph::eval {
namespace {

TEST(NameKey, FoldsCaseSpacesAndApostrophes) {
  EXPECT_EQ(name_key("  Côte   d\u2019Ivoire\t"), name_key("CÔTE D'IVOIRE"));
  EXPECT_EQ(name_key("the\u00A0Alliance"), "the alliance");
  EXPECT_EQ(name_key("O\u2018Neil"), "o'neil");
  EXPECT_NE(name_key("Georgia"), name_key("Georgian"));
}

TEST(NameKey, InvalidUtf8StillGivesAKey) { EXPECT_EQ(name_key("AB\xE9"), "ab\xE9"); }

}  // namespace
}  // namespace kgraph::eval
