// Writing output files: OutputFile (O_DIRECT in aligned blocks, or the page
// cache where a file system refuses it), write_atomically, OutputBatch's
// all-or-nothing commit, OutputLock and the removal of leftover temporaries,
// and write_graph_outputs with its formats written side by side.
#include "export/output_file.hpp"

#include <gmock/gmock.h>
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
#include "export/output_lock.hpp"
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

std::map<std::string, std::string> folder(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    files[e.path().filename().string()] = fs::is_directory(e.symlink_status()) ? "<folder>" : read_file(e.path());
  return files;
}

// ------------------------------------------------- OutputBatch::commit

// Four outputs, three of them with a previous file; the third one's temporary
// disappears before the commit (as when another program removed it), so its
// rename fails after two files were already in place. Those two are put back,
// the file that had no previous version is removed again, nothing else stays.
TEST_F(OutputFiles, ACommitThatFailsHalfWayPutsEveryPreviousFileBack) {
  for (const char* name : {"a.txt", "b.txt", "d.txt"}) std::ofstream(dir_ / name) << "previous " << name << "\n";
  const auto before = folder(dir_);
  {
    OutputBatch batch;
    for (const char* name : {"a.txt", "c.txt", "b.txt", "d.txt"})
      write_atomically(dir_ / name, [&](std::ostream& out) { out << "new " << name << "\n"; });
    auto pending = batch.release();
    ASSERT_EQ(pending.size(), 4u);
    fs::remove(pending[2].first);  // b.txt's temporary
    for (auto& [tmp, target] : pending) batch.add(tmp, target);
    try {
      batch.commit();
      FAIL() << "expected the rename of b.txt to fail";
    } catch (const std::runtime_error& e) {
      EXPECT_THAT(e.what(), ::testing::HasSubstr("b.txt: cannot rename into place"));
      EXPECT_THAT(e.what(), ::testing::HasSubstr("no output was replaced"));
    }
    EXPECT_FALSE(fs::exists(dir_ / "c.txt"));
  }
  EXPECT_EQ(folder(dir_), before);  // and no temporary or set-aside file left
}

TEST_F(OutputFiles, ACommitReplacesEveryFileAndKeepsNoSecondName) {
  for (const char* name : {"a.txt", "b.txt"}) std::ofstream(dir_ / name) << "previous\n";
  fs::create_symlink("a.txt", dir_ / "link.txt");
  {
    OutputBatch batch;
    for (const char* name : {"a.txt", "b.txt", "c.txt", "link.txt"})
      write_atomically(dir_ / name, [&](std::ostream& out) { out << "new " << name << "\n"; });
    batch.commit();
  }
  const auto files = folder(dir_);
  ASSERT_EQ(files.size(), 4u);
  for (const auto& [name, bytes] : files) EXPECT_EQ(bytes, "new " + name + "\n");
  EXPECT_FALSE(fs::is_symlink(dir_ / "link.txt"));  // the link itself was replaced, not what it points to
}

TEST_F(OutputFiles, ATargetThatIsAFolderStopsTheCommitBeforeAnythingMoves) {
  std::ofstream(dir_ / "graph.ttl") << "previous\n";
  fs::create_directories(dir_ / "report.md");
  const auto before = folder(dir_);
  {
    OutputBatch batch;
    for (const char* name : {"graph.ttl", "report.md", "nodes.csv"})
      write_atomically(dir_ / name, [](std::ostream& out) { out << "new\n"; });
    try {
      batch.commit();
      FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
      EXPECT_THAT(e.what(), ::testing::HasSubstr("report.md: is a folder, not a file; no output was replaced"));
    }
  }
  EXPECT_EQ(folder(dir_), before);
}

// ------------------------------------------- temporaries and the lock

TEST_F(OutputFiles, OnlyKgraphsTemporaryNamesAreRecognised) {
  const auto tmp = temporary_path(dir_ / "graph.ttl").filename().string();
  EXPECT_THAT(tmp, ::testing::MatchesRegex("\\.graph\\.ttl\\.kgraph-tmp\\.[0-9]+\\.[0-9a-f]{8}"));
  ASSERT_TRUE(parse_temporary_name(tmp));
  EXPECT_EQ(parse_temporary_name(tmp)->target, "graph.ttl");
  EXPECT_FALSE(parse_temporary_name(tmp)->old);
  ASSERT_TRUE(parse_temporary_name(".report.md.kgraph-old.12.0badcafe"));
  EXPECT_TRUE(parse_temporary_name(".report.md.kgraph-old.12.0badcafe")->old);
  EXPECT_NE(temporary_path(dir_ / "graph.ttl"), temporary_path(dir_ / "graph.ttl"));
  for (const char* other : {"mydata.tmp.999999", ".hidden.tmp.999997", "graph.ttl.tmp.123", ".report.md.swp",
                            "report.md~", ".graph.ttl.kgraph-tmp.notes", "graph.ttl.kgraph-tmp.1.0badcafe",
                            ".graph.ttl.kgraph-tmp..0badcafe", ".graph.ttl.kgraph-tmp.1.0badcaf",
                            "..kgraph-tmp.1.0badcafe", ".kgraph.lock", ".e.jsonl.kgraph.lock"})
    EXPECT_FALSE(parse_temporary_name(other)) << other;
}

TEST_F(OutputFiles, LeftoversAreRemovedForWhatTheLockHoldsOnly) {
  for (const char* name : {"report.md", "keep.jsonl", "mydata.tmp.999999", ".hidden.tmp.999997",
                           ".graph.ttl.kgraph-tmp.999999.0badcafe", ".report.md.kgraph-old.999999.0badcafe",
                           ".graph.nt.kgraph-old.999999.0badcafe", ".keep.jsonl.kgraph-tmp.999999.0badcafe"})
    std::ofstream(dir_ / name) << name;
  fs::create_symlink("report.md", dir_ / ".nodes.csv.kgraph-tmp.999999.0badcafe");
  {
    const OutputLock lock = OutputLock::file(dir_ / "keep.jsonl", {});
    EXPECT_EQ(remove_stale_temporaries(lock), 1u);
    EXPECT_FALSE(fs::exists(dir_ / ".keep.jsonl.kgraph-tmp.999999.0badcafe"));
    EXPECT_TRUE(fs::exists(dir_ / ".graph.ttl.kgraph-tmp.999999.0badcafe"));
  }
  {
    const OutputLock lock = OutputLock::folder(dir_, {});
    EXPECT_EQ(remove_stale_temporaries(lock), 3u);
  }
  const auto files = folder(dir_);
  // A previous graph.nt set aside by a run killed mid-commit is put back; a
  // previous report.md set aside is dropped, report.md being there.
  EXPECT_EQ(files.at("graph.nt"), ".graph.nt.kgraph-old.999999.0badcafe");
  EXPECT_EQ(files.at("report.md"), "report.md");
  std::vector<std::string> names;
  for (const auto& [name, bytes] : files) names.push_back(name);
  EXPECT_THAT(names, ::testing::ElementsAre(".hidden.tmp.999997", ".nodes.csv.kgraph-tmp.999999.0badcafe", "graph.nt",
                                            "keep.jsonl", "mydata.tmp.999999", "report.md"));
}

// flock locks conflict between two opens of a file even in one process, so
// the waiting can be watched here.
TEST_F(OutputFiles, ALockHeldElsewhereIsWaitedForWithAMessage) {
  std::optional<OutputLock> first(OutputLock::folder(dir_, {}));
  EXPECT_TRUE(fs::exists(dir_ / ".kgraph.lock"));
  std::vector<std::string> said;
  int polls = 0;
  struct GiveUp {};
  const LockWait wait{[&](const std::string& m) { said.push_back(m); },
                      [&] {
                        if (++polls >= 3) throw GiveUp{};
                      }};
  EXPECT_THROW(OutputLock::folder(dir_, wait), GiveUp);
  polls = 0;
  EXPECT_THROW(OutputLock::file(dir_ / "e.jsonl", wait), GiveUp);  // a file of the folder waits too
  ASSERT_EQ(said.size(), 2u);
  EXPECT_EQ(said[0], "another kgraph run is writing to " + dir_.string() + " (pid " + std::to_string(::getpid()) +
                         "); waiting");
  first.reset();
  EXPECT_FALSE(fs::exists(dir_ / ".kgraph.lock"));  // the last holder removes it
  // Files of one folder are written side by side; one file waits for itself.
  std::optional<OutputLock> a(OutputLock::file(dir_ / "a.jsonl", {}));
  const OutputLock b = OutputLock::file(dir_ / "b.jsonl", {});
  polls = 0;
  EXPECT_THROW(OutputLock::file(dir_ / "a.jsonl", wait), GiveUp);
  EXPECT_THAT(said.back(), ::testing::HasSubstr("writing to " + (dir_ / "a.jsonl").string() + " (pid"));
  polls = 0;
  EXPECT_THROW(OutputLock::folder(dir_, wait), GiveUp);
  a.reset();
  EXPECT_FALSE(fs::exists(dir_ / ".a.jsonl.kgraph.lock"));
  EXPECT_TRUE(fs::exists(dir_ / ".kgraph.lock"));  // b still holds the folder
}

// ------------------------------------------------------ write_graph_outputs

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
