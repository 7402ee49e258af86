// The evidence file: sentences come back as they went in, before and after
// flush(), from several threads, and the file leaves no trace in its folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "graph/evidence_file.hpp"

namespace kgraph::graph {
namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(EvidenceFile, SentencesReadBackBeforeAndAfterFlush) {
  const auto dir = fresh_dir("kgraph-evidence-file");
  {
    EvidenceFile file(dir);
    std::vector<std::string> sentences;
    std::vector<EvidenceText> texts;
    // Enough text to pass the write buffer several times, so reads cross the file and the buffer.
    for (int i = 0; i < 40000; ++i) {
      sentences.push_back("Sentence " + std::to_string(i) + ": the minister met his counterpart in Geneva on Monday.");
      texts.push_back(file.append(sentences.back()));
    }
    EXPECT_EQ(texts.front().str(), sentences.front());
    EXPECT_EQ(texts.back().str(), sentences.back());  // still buffered
    EXPECT_EQ(file.bytes(), texts.back().offset() + sentences.back().size());
    file.flush();
    std::vector<int> wrong(2, 0);
    std::vector<std::thread> readers;
    for (int t = 0; t < 2; ++t)
      readers.emplace_back([&, t] {
        for (std::size_t i = static_cast<std::size_t>(t); i < texts.size(); i += 2)
          if (texts[i].str() != sentences[i]) ++wrong[static_cast<std::size_t>(t)];
      });
    for (auto& r : readers) r.join();
    EXPECT_EQ(wrong[0] + wrong[1], 0);
    EXPECT_TRUE(texts[50] < texts[5]);  // by bytes: "Sentence 50" before "Sentence 5:"
    EXPECT_FALSE(texts[5] < texts[50]);
    EXPECT_TRUE(texts[7] == sentences[7]);
    EXPECT_TRUE(EvidenceText().str().empty());
    // The file has no name: the folder stays empty while it is in use.
    EXPECT_TRUE(std::filesystem::is_empty(dir));
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST(EvidenceFile, AMissingFolderIsNamedInTheError) {
  const auto dir = std::filesystem::temp_directory_path() / "kgraph-evidence-file-no-such-folder" / "below";
  try {
    EvidenceFile file(dir);
    FAIL() << "made an evidence file in a folder that does not exist";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(dir.string()), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace kgraph::graph
