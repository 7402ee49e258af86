// The word lists of ontology/lexicon/word_lists.tsv each own one bit of a 128-bit set per word
// (TokenVocab::lists). Lists up to the 128th must load and be told apart (the upper 64 live in a
// second word); one list more must be refused with the file and line of its first row.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>

#include "extract/lexicon/lexicon.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract {
namespace {

std::size_t lines_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

std::size_t distinct_lists(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::set<std::string> names;
  bool header = true;  // the first line that is no comment names the columns
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) names.insert(line.substr(0, line.find('\t')));
    header = false;
  }
  return names.size();
}

TEST(WordListLimit, ListsUpToTheCapacityLoadAndAreToldApartAndOneMoreIsRefusedWithFileAndLine) {
  const std::filesystem::path bundled = KGRAPH_ONTOLOGY;
  const Lexicon bundled_lex = Lexicon::load(bundled);
  EXPECT_TRUE(bundled_lex.list_bit("sports_context"));

  const auto dir = std::filesystem::temp_directory_path() / ("kgraph-word-lists-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy(bundled / "lexicon", dir / "lexicon", std::filesystem::copy_options::recursive);
  std::filesystem::copy(bundled / "ner", dir / "ner", std::filesystem::copy_options::recursive);  // the given names
  const auto file = dir / "lexicon" / "word_lists.tsv";
  const std::size_t have = distinct_lists(file);
  ASSERT_LT(have, ListBits::kCapacity);
  {
    std::ofstream out(file, std::ios::app);
    for (std::size_t n = have; n < ListBits::kCapacity; ++n) out << "filler_list_" << n << "\tfillerword" << n << "\n";
  }
  const Lexicon full = Lexicon::load(dir);
  const std::string last = "filler_list_" + std::to_string(ListBits::kCapacity - 1);
  const std::string before = "filler_list_" + std::to_string(ListBits::kCapacity - 2);
  ASSERT_TRUE(full.list_bit(last));
  EXPECT_FALSE(full.list_bit(last) & full.list_bit(before));
  EXPECT_TRUE(full.in_list(last, "fillerword" + std::to_string(ListBits::kCapacity - 1)));
  EXPECT_FALSE(full.in_list(last, "fillerword" + std::to_string(ListBits::kCapacity - 2)));
  const std::uint64_t h = key_hash("fillerword" + std::to_string(ListBits::kCapacity - 1));
  const TokenVocab v = full.vocab(h, "fillerword" + std::to_string(ListBits::kCapacity - 1));
  EXPECT_TRUE(v.lists & full.list_bit(last));
  EXPECT_FALSE(v.lists & full.list_bit(before));
  EXPECT_FALSE(v.lists & full.list_bit("sports_context"));

  const std::size_t new_row = lines_of(file) + 1;
  std::ofstream(file, std::ios::app) << "a_list_too_many\tword\n";
  try {
    Lexicon::load(dir);
    ADD_FAILURE() << "a word list past the capacity loaded";
  } catch (const DataFileError& e) {
    EXPECT_EQ(e.diagnostic.code, "E206") << e.what();
    EXPECT_NE(std::string(e.what()).find("word_lists.tsv:" + std::to_string(new_row)), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kgraph::extract
