// Writing output files: OutputFile (O_DIRECT in aligned blocks, or the page
// cache where a file system refuses it), write_atomically, and
// write_graph_outputs with its formats written side by side.
#include "export/output_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <random>
#include <sstream>
#include <string>

#include "export/atomic_file.hpp"
#include "export/graph_outputs.hpp"
#include "news_fixture.hpp"

namespace kgraph::exports {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Text of `n` bytes that differs at every position (a wrong block order or a
// lost tail shows), written the way the writers write: single characters and
// runs of every length, some longer than the 1 MiB block.
std::string sample(std::size_t n) {
  std::string s(n, '\0');
  std::mt19937 rng(static_cast<unsigned>(n));
  for (char& c : s) c = static_cast<char>('a' + rng() % 26);
  return s;
}

void write_in_pieces(std::ostream& out, const std::string& text) {
  std::mt19937 rng(7);
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t n = std::min<std::size_t>(text.size() - at, rng() % 3 == 0 ? 1 : rng() % 1500000);
    if (n == 1) {
      out.put(text[at]);
    } else {
      out.write(text.data() + at, static_cast<std::streamsize>(n));
    }
    at += n;
  }
}

class OutputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kgraph-output-files-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// Sizes around the 4 KiB alignment and the 1 MiB block: the aligned part goes
// out with O_DIRECT, the tail after it is switched off.
TEST_F(OutputFiles, EveryByteArrivesWhateverTheSize) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4095}, std::size_t{4096}, std::size_t{4097},
                        std::size_t{(1 << 20) - 1}, std::size_t{1 << 20}, std::size_t{(1 << 20) + 1},
                        std::size_t{3 * (1 << 20) + 4096 + 17}}) {
    const fs::path p = dir_ / ("out-" + std::to_string(n));
    const std::string text = sample(n);
    OutputFile file(p);
    std::ostream out(&file);
    write_in_pieces(out, text);
    ASSERT_TRUE(out) << n;
    file.finish();
    EXPECT_EQ(fs::file_size(p), n);
    EXPECT_TRUE(read_file(p) == text) << "content differs at size " << n;
  }
}

// Where a file system refuses O_DIRECT (tmpfs before Linux 6.6, some network
// and FUSE file systems) the file goes through the page cache: same bytes.
TEST_F(OutputFiles, ThePageCachePathWritesTheSameBytes) {
  for (std::size_t n : {std::size_t{0}, std::size_t{4097}, std::size_t{2 * (1 << 20) + 123}}) {
    const fs::path p = dir_ / ("cached-" + std::to_string(n));
    const std::string text = sample(n);
    OutputFile file(p, {}, /*allow_direct=*/false);
    EXPECT_FALSE(file.direct());
    std::ostream out(&file);
    write_in_pieces(out, text);
    file.finish();
    EXPECT_TRUE(read_file(p) == text) << "content differs at size " << n;
  }
}

TEST_F(OutputFiles, CannotCreateNamesTheFileTheUserAskedFor) {
  try {
    OutputFile file(dir_ / "missing-folder" / "graph.ttl.tmp.1", "out/graph.ttl");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("out/graph.ttl: cannot create file"), std::string::npos) << e.what();
  }
}

TEST_F(OutputFiles, AFailingWriterLeavesThePreviousFileAndNoTemporary) {
  const fs::path target = dir_ / "graph.nt";
  std::ofstream(target) << "previous\n";
  EXPECT_THROW(write_atomically(target,
                                [](std::ostream& out) {
                                  out << sample(5 * (1 << 20));
                                  throw std::runtime_error("writer failed half way");
                                }),
               std::runtime_error);
  EXPECT_EQ(read_file(target), "previous\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

// ------------------------------------------------------ write_graph_outputs

std::map<std::string, std::string> folder(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files[e.path().filename().string()] = read_file(e.path());
  return files;
}

TEST_F(OutputFiles, EveryFormatHasTheSameBytesOnOneThreadOrMany) {
  const graph::KnowledgeGraph g = testing::build_graph(testing::news_extractions());
  ExportOptions options;
  options.ontology_dir = KGRAPH_ONTOLOGY;
  options.generated_at = "2024-05-01T12:00:00Z";
  const std::set<std::string> formats(all_formats().begin(), all_formats().end());
  const auto one = write_graph_outputs(g, dir_ / "one", formats, options, 1);
  const auto many = write_graph_outputs(g, dir_ / "many", formats, options, 4);
  ASSERT_EQ(one.size(), 10u);  // nine formats, Neo4j's in two files
  ASSERT_EQ(many.size(), one.size());
  for (std::size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i].filename(), many[i].filename());
  EXPECT_EQ(one.front().filename(), "graph.graphml");  // listed in all_formats() order
  const auto a = folder(dir_ / "one"), b = folder(dir_ / "many");
  ASSERT_EQ(a.size(), 10u);  // and nothing else: no temporaries left
  for (const auto& [name, bytes] : a) {
    ASSERT_TRUE(b.count(name)) << name;
    EXPECT_TRUE(bytes == b.at(name)) << name << " differs between 1 and 4 threads";
    EXPECT_FALSE(bytes.empty()) << name;
  }
}

// The RDF writers (scheduled first) succeed; GraphML then fails for want of
// its colour table: nothing is replaced and every temporary is removed.
TEST_F(OutputFiles, OneFailingFormatReplacesNothingAndLeavesNoTemporary) {
  const graph::KnowledgeGraph g = testing::build_graph(testing::news_extractions());
  ExportOptions options;
  options.ontology_dir = dir_ / "no-ontology-here";
  for (const char* name : {"graph.graphml", "graph.ttl"}) std::ofstream(dir_ / name) << "previous\n";
  for (bool caller_batch : {false, true}) {
    try {
      std::optional<OutputBatch> batch;
      if (caller_batch) batch.emplace();
      write_graph_outputs(g, dir_, {"ttl", "nt", "graphml"}, options, 2);
      FAIL() << "expected the GraphML writer's error";
    } catch (const std::exception& e) {
      EXPECT_NE(std::string(e.what()).find("entity_types.tsv"), std::string::npos) << e.what();
    }
    const auto files = folder(dir_);
    EXPECT_EQ(files.size(), 2u) << "a temporary or a new file was left behind";
    for (const auto& [name, bytes] : files) EXPECT_EQ(bytes, "previous\n") << name;
  }
}

// With a batch open on the calling thread, the files wait for its commit.
TEST_F(OutputFiles, FilesJoinTheCallersBatchInFormatOrder) {
  const graph::KnowledgeGraph g = testing::build_graph(testing::news_extractions());
  ExportOptions options;
  options.ontology_dir = KGRAPH_ONTOLOGY;
  OutputBatch batch;
  const auto written = write_graph_outputs(g, dir_, {"csv", "ttl", "graphml"}, options, 2);
  EXPECT_FALSE(fs::exists(dir_ / "graph.ttl"));  // still a temporary
  EXPECT_EQ(batch.targets(), written);
  ASSERT_EQ(written.size(), 4u);
  EXPECT_EQ(written[0].filename(), "graph.graphml");
  EXPECT_EQ(written[1].filename(), "graph.ttl");
  EXPECT_EQ(written[2].filename(), "nodes.csv");
  batch.commit();
  for (const auto& p : written) EXPECT_TRUE(fs::is_regular_file(p)) << p;
  EXPECT_EQ(folder(dir_).size(), 4u);
}

}  // namespace
}  // namespace kgraph::exports
