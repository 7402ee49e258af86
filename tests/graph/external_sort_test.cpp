// The external sort of graph/external_sort.hpp: runs forced by a tiny budget
// merge back into the order std::stable_sort gives, and leave no file behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "graph/external_sort.hpp"

namespace kgraph::graph {
namespace {

struct Item {
  int key = 0;
  int order = 0;  // position in add order: shows whether ties stay in it
  bool operator==(const Item& o) const { return key == o.key && order == o.order; }
};
struct ByKey {
  bool operator()(const Item& a, const Item& b) const { return a.key < b.key; }
};

std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             (name + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::vector<Item> sorted_by(std::size_t budget_records, const std::vector<Item>& items, std::size_t& runs,
                            const std::filesystem::path& dir) {
  ExternalSorter<Item, ByKey> sorter(dir, budget_records * sizeof(Item));
  for (const Item& i : items) sorter.add(i);
  EXPECT_EQ(sorter.size(), items.size());
  runs = sorter.runs();
  std::vector<Item> out;
  sorter.merge([&](const Item& i) { out.push_back(i); });
  EXPECT_EQ(sorter.size(), 0u);
  return out;
}

TEST(ExternalSorter, RunsMergeIntoTheStableOrderWhateverTheBudget) {
  std::mt19937 random(7);
  std::vector<Item> items;
  for (int i = 0; i < 5000; ++i) items.push_back(Item{static_cast<int>(random() % 300), i});  // many ties
  std::vector<Item> expected = items;
  std::stable_sort(expected.begin(), expected.end(), ByKey());
  const auto dir = fresh_dir("kgraph-external-sort");
  for (std::size_t budget : {1u, 3u, 64u, 999u, 5000u, 100000u}) {
    std::size_t runs = 0;
    EXPECT_EQ(sorted_by(budget, items, runs, dir), expected) << "budget " << budget << " records";
    EXPECT_EQ(runs, budget >= items.size() ? 0u : items.size() / budget - (items.size() % budget == 0 ? 1 : 0))
        << "budget " << budget;
  }
  // The runs lived in a file without a name.
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST(ExternalSorter, NothingAddedMergesNothingAndEqualKeysKeepAddOrderAcrossRuns) {
  const auto dir = fresh_dir("kgraph-external-sort-ties");
  std::size_t runs = 0;
  EXPECT_TRUE(sorted_by(2, {}, runs, dir).empty());
  // All keys equal: every run is a tie with every other, so the merge alone decides.
  std::vector<Item> same;
  for (int i = 0; i < 101; ++i) same.push_back(Item{4, i});
  EXPECT_EQ(sorted_by(4, same, runs, dir), same);
  EXPECT_EQ(runs, 25u);
  // Descending input: each run holds the largest keys left, the merge must interleave all of them.
  std::vector<Item> down;
  for (int i = 0; i < 100; ++i) down.push_back(Item{(100 - i) % 7, i});
  std::vector<Item> expected = down;
  std::stable_sort(expected.begin(), expected.end(), ByKey());
  EXPECT_EQ(sorted_by(6, down, runs, dir), expected);
  std::filesystem::remove_all(dir);
}

// Ties::Interchangeable: runs sorted in place, so ties may leave add order, but
// every budget gives the keys in order and every record exactly once.
TEST(ExternalSorter, InterchangeableTiesGiveEveryRecordOnceInKeyOrderWhateverTheBudget) {
  std::mt19937 random(11);
  std::vector<Item> items;
  for (int i = 0; i < 3000; ++i) items.push_back(Item{static_cast<int>(random() % 50), i});  // many ties
  std::vector<int> expected_keys;
  for (const Item& i : items) expected_keys.push_back(i.key);
  std::sort(expected_keys.begin(), expected_keys.end());
  const auto dir = fresh_dir("kgraph-external-sort-unstable");
  for (std::size_t budget : {1u, 7u, 100u, 2999u, 3000u, 50000u}) {
    ExternalSorter<Item, ByKey> sorter(dir, budget * sizeof(Item), ByKey(), Ties::Interchangeable);
    for (const Item& i : items) sorter.add(i);
    EXPECT_EQ(sorter.runs(), budget >= items.size() ? 0u : (items.size() + budget - 1) / budget - 1) << "budget " << budget;
    std::vector<int> keys;
    std::vector<bool> seen(items.size(), false);
    std::size_t repeats = 0;
    sorter.merge([&](const Item& i) {
      keys.push_back(i.key);
      if (seen.at(static_cast<std::size_t>(i.order))) ++repeats;
      seen[static_cast<std::size_t>(i.order)] = true;
    });
    EXPECT_EQ(keys, expected_keys) << "budget " << budget;
    EXPECT_EQ(repeats, 0u) << "budget " << budget;
    EXPECT_EQ(std::count(seen.begin(), seen.end(), false), 0) << "budget " << budget;
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST(ExternalSorter, AFolderThatCannotHoldTheRunsIsAnErrorNamingIt) {
  ExternalSorter<Item, ByKey> sorter("/nonexistent/kgraph-sort", 2 * sizeof(Item));
  sorter.add(Item{1, 0});
  sorter.add(Item{0, 1});
  try {
    sorter.add(Item{2, 2});  // the buffer is full: a run must be written
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/kgraph-sort"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace kgraph::graph
