// The word lists of ontology/lexicon/word_lists.tsv each own one bit of a 64-bit mask per word
// (TokenVocab::lists). The bundled file uses all 64; one list more must be refused with the
// file and line of its first row, not load with a bit that shifts out of the mask.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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

TEST(WordListLimit, TheBundledListsLoadAndASixtyFifthIsRefusedWithFileAndLine) {
  const std::filesystem::path bundled = KGRAPH_ONTOLOGY;
  const Lexicon lex = Lexicon::load(bundled);
  EXPECT_NE(lex.list_bit("sports_context"), 0u);

  const auto dir = std::filesystem::temp_directory_path() / ("kgraph-word-lists-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy(bundled / "lexicon", dir / "lexicon", std::filesystem::copy_options::recursive);
  const auto file = dir / "lexicon" / "word_lists.tsv";
  const std::size_t new_row = lines_of(file) + 1;
  std::ofstream(file, std::ios::app) << "a_list_too_many\tword\n";
  try {
    Lexicon::load(dir);
    ADD_FAILURE() << "a 65th word list loaded";
  } catch (const DataFileError& e) {
    EXPECT_EQ(e.diagnostic.code, "E206") << e.what();
    EXPECT_NE(std::string(e.what()).find("word_lists.tsv:" + std::to_string(new_row)), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kgraph::extract
