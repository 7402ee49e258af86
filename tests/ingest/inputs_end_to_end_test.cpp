// Inputs as they really come, through the real binary: texts and pages that are
// not UTF-8 (fixtures in tests/ingest/inputs/, written for these tests), a folder
// that holds an earlier build's outputs and files that are not articles, and a
// JSON record far past --max-document-bytes, whose peak memory is measured.
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path kInputs = fs::path(KGRAPH_SOURCE_DIR) / "tests" / "ingest" / "inputs";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Result {
  int exit_code = -1;
  std::string err;
  long max_rss_kib = 0;  // of this child alone (wait4), not of every child the test ran
};

class Inputs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kgraph-inputs-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }

  // Runs `kgraph ARGS` with stdout and stderr in files of the temp dir.
  Result kgraph(const std::vector<std::string>& args) const {
    const std::string out = (dir_ / "stdout.txt").string(), err = (dir_ / "stderr.txt").string();
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::setenv("KGRAPH_ONTOLOGY", KGRAPH_ONTOLOGY, 1);
      const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(o, 1);
      ::dup2(e, 2);
      std::vector<char*> argv{const_cast<char*>(KGRAPH_BINARY)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(KGRAPH_BINARY, argv.data());
      ::_exit(127);
    }
    Result r;
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.max_rss_kib = usage.ru_maxrss;
    r.err = slurp(err);
    return r;
  }

  fs::path dir_;
};

std::string input(const char* name) { return (kInputs / name).string(); }

TEST_F(Inputs, Windows1252TextIsExtractedWithAWarningAndTheRightNames) {
  Result r = kgraph({"extract", "--with-text", "-o", (dir_ / "x.jsonl").string(), input("windows-1252.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr(input("windows-1252.txt") + ":3: warning: [W141] not UTF-8 (first invalid byte at byte "
                                                           "offset 46, line 3); read as windows-1252 (detected)"));
  const std::string x = slurp(dir_ / "x.jsonl");
  EXPECT_THAT(x, HasSubstr("\"name\":\"Fran\xC3\xA7ois Hollande\""));
  EXPECT_THAT(x, HasSubstr("\"text\":\"Fran\xC3\xA7ois Hollande\""));  // the mention's own text
  EXPECT_THAT(x, HasSubstr("\"name\":\"J\xC3\xBCrgen M\xC3\xBCller\""));
  EXPECT_THAT(x, HasSubstr("\"name\":\"D\xC3\xBCsseldorf\""));
  // Smart quotes, apostrophe and euro sign, from 0x93, 0x94, 0x92 and 0x80.
  EXPECT_THAT(x, HasSubstr("\xE2\x80\x9CWe spoke about Europe\xE2\x80\x99s future,\xE2\x80\x9D"));
  EXPECT_THAT(x, HasSubstr("\xE2\x82\xAC" "2 billion"));
}

TEST_F(Inputs, Latin1PageWithoutACharsetIsExtractedWithAWarningAndTheRightNames) {
  Result r = kgraph({"extract", "-o", (dir_ / "x.jsonl").string(), input("latin-1-no-charset.html")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr(input("latin-1-no-charset.html") + ":1: warning: [W141] not UTF-8"));
  EXPECT_THAT(r.err, HasSubstr("byte offset 98"));
  const std::string x = slurp(dir_ / "x.jsonl");
  EXPECT_THAT(x, HasSubstr("\"name\":\"Jos\xC3\xA9 Manuel Barroso\""));
  EXPECT_THAT(x, HasSubstr("\"name\":\"Lars L\xC3\xB8kke Rasmussen\""));
  EXPECT_THAT(x, HasSubstr("\"name\":\"Z\xC3\xBCrich\""));
}

// `kgraph text` shows a page as build and extract read it: decoded the same way, with the same warning.
TEST_F(Inputs, TextCommandDecodesAPageWithoutACharsetAsExtractDoes) {
  Result r = kgraph({"text", input("latin-1-no-charset.html")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr(input("latin-1-no-charset.html") + ": warning: [W141] not UTF-8"));
  EXPECT_THAT(slurp(dir_ / "stdout.txt"), HasSubstr("Jos\xC3\xA9 Manuel Barroso met Angela Merkel"));
}

TEST_F(Inputs, PageThatDeclaresWindows1252IsReadByItsDeclaration) {
  Result r = kgraph({"extract", "--with-text", "-o", (dir_ / "x.jsonl").string(), input("declared-windows-1252.html")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("W141")));  // declared: nothing guessed, nothing lost
  const std::string x = slurp(dir_ / "x.jsonl");
  EXPECT_THAT(x, HasSubstr("\xE2\x80\x9CPoland\xE2\x80\x99s security is Germany\xE2\x80\x99s security,\xE2\x80\x9D"));
  EXPECT_THAT(x, HasSubstr("\xE2\x82\xAC" "500 million"));
  EXPECT_THAT(x, HasSubstr("Steinmeier \xE2\x80\x93 the German president \xE2\x80\x93"));
  EXPECT_THAT(x, HasSubstr("\"name\":\"Frank-Walter Steinmeier\""));
}

TEST_F(Inputs, Utf8TextWithAStrayByteKeepsTheArticle) {
  Result r = kgraph({"extract", "--with-text", "-o", (dir_ / "x.jsonl").string(), input("utf-8-stray-byte.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr(input("utf-8-stray-byte.txt") + ":5: warning: [W141] invalid UTF-8 (first invalid byte "
                                                               "at byte offset 224, line 5); 1 byte replaced by U+FFFD"));
  EXPECT_THAT(r.err, Not(HasSubstr("E104")));
  const std::string x = slurp(dir_ / "x.jsonl");
  EXPECT_THAT(x, HasSubstr("five hours\xEF\xBF\xBD and ended"));
  EXPECT_THAT(x, HasSubstr("\"name\":\"Volodymyr Zelenskyy\""));
  EXPECT_THAT(x, HasSubstr("\"name\":\"Gen\xC3\xA8ve\""));
}

TEST_F(Inputs, ASecondBuildIntoAFolderInsideTheInputReadsOnlyTheArticle) {
  const fs::path corpus = dir_ / "corpus";
  fs::create_directories(corpus);
  std::ofstream(corpus / "article.txt") << "Emmanuel Macron met Angela Merkel in Berlin on Monday to discuss Ukraine.\n";
  std::ofstream(corpus / "report.pdf", std::ios::binary)
      << std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 4 >>\nstream\n\0\0\x01\x02\nendstream\n", 58);
  std::ofstream(corpus / "notes.docx", std::ios::binary) << std::string("PK\x03\x04\x14\0\x06\0Olaf Scholz", 19);
  const std::string out = (corpus / "out").string();
  Result first = kgraph({"build", corpus.string(), "-o", out});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  const std::string before = slurp(corpus / "out" / "extractions.jsonl");
  Result second = kgraph({"build", corpus.string(), "-o", out});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.err, Not(HasSubstr("error:")));
  EXPECT_THAT(second.err, HasSubstr("[W142] read 1 file; skipped 2 files of a kind kgraph does not read (.docx, .pdf;"));
  EXPECT_THAT(second.err, HasSubstr("skipped 11 outputs of an earlier kgraph run (in out)"));
  const std::string after = slurp(corpus / "out" / "extractions.jsonl");
  EXPECT_EQ(after, before);  // the same one document, not the graph read back as articles
  EXPECT_THAT(after, HasSubstr("\"id\":\"article.txt\""));
  EXPECT_EQ(std::count(after.begin(), after.end(), '\n'), 1);
}

// A 40 MB record past a 1 MB limit: the limit is checked while the file is
// streamed, so the run's peak memory stays near the limit, not near the file.
// Measured against a run over a small file (the ontology and tagger model are
// the fixed part); the bound is a memory bound, not a timing.
TEST_F(Inputs, OversizedJsonRecordIsRefusedWithoutHoldingIt) {
  constexpr std::size_t kLimit = 1'000'000;
  constexpr std::size_t kText = 40u << 20;
  {
    std::ofstream big(dir_ / "big.json", std::ios::binary);
    big << "[{\"id\":\"big\",\"text\":\"";
    const std::string sentence = "Jens Stoltenberg met Sergei Lavrov in Munich on Saturday. ";
    for (std::size_t n = 0; n < kText; n += sentence.size()) big << sentence;
    big << "\"},\n{\"id\":\"small\",\"text\":\"Angela Merkel met Emmanuel Macron in Paris.\"}]\n";
  }
  std::ofstream(dir_ / "small.json") << "[{\"id\":\"small\",\"text\":\"Angela Merkel met Emmanuel Macron in Paris.\"}]\n";
  const std::string limit = std::to_string(kLimit);
  Result baseline = kgraph({"extract", "--max-document-bytes", limit, "-o", (dir_ / "s.jsonl").string(),
                         (dir_ / "small.json").string()});
  ASSERT_EQ(baseline.exit_code, 0) << baseline.err;
  Result r = kgraph({"extract", "--max-document-bytes", limit, "-o", (dir_ / "b.jsonl").string(),
                  (dir_ / "big.json").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("big.json:1: error: [E105] field \"text\" is more than the limit of 1000000 bytes"));
  EXPECT_THAT(slurp(dir_ / "b.jsonl"), HasSubstr("\"id\":\"small\""));  // the record after it is read
  const long bound_kib = baseline.max_rss_kib + static_cast<long>(2 * kLimit / 1024) + 16 * 1024;
  EXPECT_LT(r.max_rss_kib, bound_kib) << "peak RSS " << r.max_rss_kib << " KiB for a " << (kText >> 20)
                                      << " MiB record; small run " << baseline.max_rss_kib << " KiB";
  RecordProperty("peak_rss_kib", std::to_string(r.max_rss_kib));
  RecordProperty("baseline_rss_kib", std::to_string(baseline.max_rss_kib));
}

}  // namespace
