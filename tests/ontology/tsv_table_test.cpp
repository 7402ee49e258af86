#include "ontology/tsv_table.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace kgraph {
namespace {

std::filesystem::path write(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("kgraph-tsv-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

TEST(TsvTable, ReadsHeaderColumnsAndRowsSkippingComments) {
  auto p = write("ok.tsv", "# kgraph-data triggers v1\n# a comment\nrelation\tform\n\nmet_with\tmet\nspoke_with\tspoke\r\n");
  TsvTable t = load_tsv(p, "triggers");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1][1], "spoke");
  EXPECT_EQ(t.rows[1].line, 6);
  EXPECT_EQ(t.column("form"), 1u);
  std::filesystem::remove(p);
}

TEST(TsvTable, RefusesOtherKindsNewerVersionsAndRaggedRowsNamingFileAndLine) {
  auto kind = write("kind.tsv", "# kgraph-data places v1\nname\n");
  EXPECT_THROW(load_tsv(kind, "triggers"), DataFileError);
  auto version = write("ver.tsv", "# kgraph-data triggers v9\nname\n");
  EXPECT_THROW(load_tsv(version, "triggers"), DataFileError);
  auto ragged = write("rag.tsv", "# kgraph-data triggers v1\na\tb\nx\ty\nonly-one\n");
  try {
    load_tsv(ragged, "triggers");
    FAIL() << "a ragged row must be refused";
  } catch (const DataFileError& e) {
    EXPECT_NE(e.diagnostic.location.find("rag.tsv:4"), std::string::npos) << e.diagnostic.format();
    EXPECT_EQ(e.diagnostic.code, "E204");
  }
  EXPECT_THROW(load_tsv("/nonexistent/file.tsv", "triggers"), DataFileError);
  for (auto& p : {kind, version, ragged}) std::filesystem::remove(p);
}

TEST(TsvTable, TheBundledLexiconFilesAllLoad) {
  const std::filesystem::path dir = std::filesystem::path(KGRAPH_ONTOLOGY) / "lexicon";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::string header;
    std::getline(in, header);
    ASSERT_EQ(header.rfind("# kgraph-data ", 0), 0u) << entry.path();
    const std::string kind = header.substr(14, header.find(' ', 14) - 14);
    EXPECT_NO_THROW(load_tsv(entry.path(), kind)) << entry.path();
    ++files;
  }
  EXPECT_GE(files, 10);
}

}  // namespace
}  // namespace kgraph
