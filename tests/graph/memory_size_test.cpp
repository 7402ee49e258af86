// --memory SIZE as users write it, and the sizes it refuses with a reason.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "graph/memory_size.hpp"

namespace kgraph::graph {
namespace {

TEST(MemorySize, UnitsCountInThousandTwentyFours) {
  EXPECT_EQ(parse_memory_size("1G"), std::size_t{1} << 30);
  EXPECT_EQ(parse_memory_size("1g"), std::size_t{1} << 30);
  EXPECT_EQ(parse_memory_size("1GiB"), std::size_t{1} << 30);
  EXPECT_EQ(parse_memory_size("1.5G"), std::size_t{3} << 29);
  EXPECT_EQ(parse_memory_size("512M"), std::size_t{512} << 20);
  EXPECT_EQ(parse_memory_size("512MB"), std::size_t{512} << 20);
  EXPECT_EQ(parse_memory_size("200000K"), std::size_t{200000} << 10);
  EXPECT_EQ(parse_memory_size("2T"), std::size_t{2} << 40);
  EXPECT_EQ(parse_memory_size("1073741824"), std::size_t{1} << 30);
}

TEST(MemorySize, BadSizesSayWhatIsWrong) {
  auto message = [](const std::string& text) {
    try {
      parse_memory_size(text);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message("").find("not a number"), std::string::npos);
  EXPECT_NE(message("G").find("not a number"), std::string::npos);
  EXPECT_NE(message("-1G").find("not a number"), std::string::npos);
  EXPECT_NE(message("1X").find("unknown unit"), std::string::npos);
  EXPECT_NE(message("1 G").find("unknown unit"), std::string::npos);
  EXPECT_NE(message("1GG").find("unknown unit"), std::string::npos);
  EXPECT_NE(message("0").find("zero"), std::string::npos);
  EXPECT_NE(message("0G").find("zero"), std::string::npos);
  EXPECT_NE(message("10M").find("smallest budget"), std::string::npos);
  EXPECT_NE(message("1000").find("smallest budget"), std::string::npos);
  EXPECT_NE(message("1X").find("'1X'"), std::string::npos);  // the size as written
}

}  // namespace
}  // namespace kgraph::graph
