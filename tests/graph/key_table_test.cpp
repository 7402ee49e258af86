// graph/key_table.hpp: keys numbered in the order first met, found again
// through every growth of the table, and unknown keys not found.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graph/key_table.hpp"

namespace kgraph::graph {
namespace {

TEST(KeyTable, KeysAreNumberedInTheOrderFirstMetAndFoundAfterEveryGrowth) {
  KeyTable table;
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back((i % 2 ? "vladimir putin " : "kim (s") + std::to_string(i * 7919 % 10007));
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto [index, fresh] = table.insert(keys[i]);
    EXPECT_TRUE(fresh) << keys[i];
    EXPECT_EQ(index, i);
    const auto [again, fresh_again] = table.insert(keys[i / 2]);  // an earlier key: its index, not new
    EXPECT_FALSE(fresh_again);
    EXPECT_EQ(again, i / 2);
  }
  ASSERT_EQ(table.size(), keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(table.key(static_cast<std::uint32_t>(i)), keys[i]);
    EXPECT_EQ(table.find(keys[i]), i);
  }
  EXPECT_EQ(table.find("vladimir putin"), KeyTable::kNone);
  EXPECT_EQ(table.find(""), KeyTable::kNone);
  EXPECT_EQ(KeyTable().find("kim"), KeyTable::kNone);
}

}  // namespace
}  // namespace kgraph::graph
