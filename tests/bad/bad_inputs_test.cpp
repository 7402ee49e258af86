// The bad-input suite (README.md here says what each case must produce): the
// real binary in a temp dir, with bad inputs beside good ones, checking the
// message and location of each case, that the run goes on, the exit code, that
// every good document is in the output, and that nothing is left half-written.
// Network cases use tests/fetch/test_server.py on 127.0.0.1 only.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/fetch/local_server.hpp"

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path kInputs = fs::path(KGRAPH_SOURCE_DIR) / "tests" / "bad" / "inputs";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class BadInputs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kgraph-bad-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }

  // Runs `kgraph ARGS` in the temp dir; the ontology comes from the source tree.
  RunResult kgraph(const std::vector<std::string>& args) const {
    std::string cmd = "cd " + quote(dir_.string()) + " && KGRAPH_ONTOLOGY=" + quote(KGRAPH_ONTOLOGY) + " " +
                      quote(KGRAPH_BINARY);
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " >stdout.txt 2>stderr.txt";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir_ / "stdout.txt");
    r.err = slurp(dir_ / "stderr.txt");
    return r;
  }
  std::string in(const std::string& name) const { return (kInputs / name).string(); }

  // Ids of the documents in an extractions file, in order.
  static std::vector<std::string> ids(const std::string& jsonl) {
    std::vector<std::string> out;
    std::istringstream s(jsonl);
    for (std::string line; std::getline(s, line);) {
      const auto b = line.find("\"id\":\"");
      if (b == std::string::npos) continue;
      out.push_back(line.substr(b + 6, line.find('"', b + 6) - b - 6));
    }
    return out;
  }

  void expect_no_temporaries() const {
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      EXPECT_EQ(e.path().filename().string().find(".kgraph-"), std::string::npos) << "left behind: " << e.path();
  }

  fs::path dir_;
};

// One line per case: "LOCATION: error: [CODE]".
void expect_message(const std::string& err, const std::string& location, const std::string& code,
                    const char* severity = "error") {
  EXPECT_THAT(err, HasSubstr(location + ": " + severity + ": [" + code + "]")) << "stderr was:\n" << err;
}

TEST_F(BadInputs, EveryBadFileIsNamedAndTheGoodOnesAreExtracted) {
  // A 70 MB single line (past the 64 MiB line limit), between two good lines.
  {
    std::ofstream huge(dir_ / "huge-line.jsonl", std::ios::binary);
    huge << R"({"id": "huge-good-1", "text": "Angela Merkel met Emmanuel Macron in Paris."})" << '\n';
    huge << R"({"id": "huge", "text": ")" << std::string(70'000'000, 'a') << "\"}\n";
    huge << R"({"id": "huge-good-2", "text": "Joe Biden met Olaf Scholz in Washington."})" << '\n';
  }
  const std::vector<std::string> files{"empty.txt",         "whitespace.txt",     "image.png",
                                       "nul-bytes.txt",     "invalid-utf8.txt",   "good-berlin.txt",
                                       "broken-lines.jsonl", "broken-array.json", "no-article.html",
                                       "good-kyiv.txt"};
  std::vector<std::string> args{"extract", "--no-tagger", "-o", "out.jsonl"};
  for (const auto& f : files) args.push_back(in(f));
  args.push_back("huge-line.jsonl");
  args.push_back("no-such-file.txt");
  RunResult r = kgraph(args);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  expect_message(r.err, in("empty.txt"), "E102");
  expect_message(r.err, in("whitespace.txt"), "E102");
  expect_message(r.err, in("image.png") + ":3", "E103");  // the line of the first NUL
  expect_message(r.err, in("nul-bytes.txt") + ":1", "E103");
  expect_message(r.err, in("invalid-utf8.txt") + ":2", "W141", "warning");  // decoded, not dropped
  expect_message(r.err, in("broken-lines.jsonl") + ":2", "E110");
  expect_message(r.err, in("broken-lines.jsonl") + ":3", "E111");
  expect_message(r.err, in("broken-array.json") + ":4", "E110");
  expect_message(r.err, in("no-article.html"), "E130");
  expect_message(r.err, "huge-line.jsonl:2", "E105");
  expect_message(r.err, "no-such-file.txt", "E101");
  EXPECT_THAT(r.err, HasSubstr("10 inputs failed")) << r.err;
  EXPECT_THAT(ids(slurp(dir_ / "out.jsonl")),
              ::testing::ElementsAre("invalid-utf8.txt", "good-berlin.txt", "jl-good-1", "jl-good-2", "arr-good-1", "arr-good-2",
                                     "good-kyiv.txt", "huge-good-1", "huge-good-2"));
  expect_no_temporaries();
}

// With -j2 a reader thread fills batches while workers extract; the messages
// about bad inputs travel with their batch, so stderr reads the same as -j1.
TEST_F(BadInputs, MessagesAndOutputDoNotDependOnTheThreadCount) {
  std::string err[2], out[2];
  for (int j = 1; j <= 2; ++j) {
    std::vector<std::string> args{"extract", "-j", std::to_string(j), "-o", "out" + std::to_string(j) + ".jsonl"};
    for (const char* f : {"good-berlin.txt", "empty.txt", "broken-lines.jsonl", "image.png", "good-kyiv.txt",
                          "invalid-utf8.txt", "broken-array.json", "no-article.html"})
      args.push_back(in(f));
    RunResult r = kgraph(args);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    err[j - 1] = r.err.substr(0, r.err.rfind("-> out"));  // the summary names the output file
    out[j - 1] = slurp(dir_ / ("out" + std::to_string(j) + ".jsonl"));
  }
  EXPECT_THAT(err[0], HasSubstr("[E110]"));
  EXPECT_EQ(err[0], err[1]);
  EXPECT_FALSE(out[0].empty());
  EXPECT_EQ(out[0], out[1]);
}

TEST_F(BadInputs, BuildKeepsGoingAndWritesEveryOutputWhole) {
  RunResult r = kgraph({"build", "--no-tagger", "-q", "--formats", "graphml,md", "-o", "out", in("good-berlin.txt"),
                  in("empty.txt"), in("broken-lines.jsonl"), in("good-kyiv.txt")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  expect_message(r.err, in("empty.txt"), "E102");
  expect_message(r.err, in("broken-lines.jsonl") + ":2", "E110");
  EXPECT_EQ(ids(slurp(dir_ / "out" / "extractions.jsonl")).size(), 4u);
  EXPECT_TRUE(fs::exists(dir_ / "out" / "graph.graphml"));
  EXPECT_THAT(slurp(dir_ / "out" / "graph.graphml"), HasSubstr("</graphml>"));
  expect_no_temporaries();
}

TEST_F(BadInputs, AllGoodExitsZero) {
  RunResult r = kgraph({"extract", "--no-tagger", in("good-berlin.txt"), in("good-kyiv.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("error")));
  EXPECT_EQ(ids(r.out).size(), 2u);
}

TEST_F(BadInputs, UsageErrorsExitTwo) {
  EXPECT_EQ(kgraph({"extract", "--no-such-flag", in("good-berlin.txt")}).exit_code, 2);
  EXPECT_EQ(kgraph({"extract"}).exit_code, 2);  // no inputs at all
  RunResult urls = kgraph({"extract", "--urls", "missing-list.txt"});
  EXPECT_EQ(urls.exit_code, 2);
  EXPECT_THAT(urls.err, HasSubstr("missing-list.txt"));
  EXPECT_EQ(kgraph({"extract", "-j", "0", in("good-berlin.txt")}).exit_code, 2);
  EXPECT_EQ(kgraph({"build", in("good-berlin.txt")}).exit_code, 2);  // -o is required
  EXPECT_EQ(kgraph({"no-such-command"}).exit_code, 2);
}

TEST_F(BadInputs, StdinWithABrokenLine) {
  const std::string cmd = "printf '%s\\n%s\\n' '{\"id\":\"a\",\"text\":\"Angela Merkel met Emmanuel Macron.\"}' "
                          "'{\"id\":' | KGRAPH_ONTOLOGY=" + quote(KGRAPH_ONTOLOGY) + " " + quote(KGRAPH_BINARY) +
                          " extract --no-tagger - >" + quote((dir_ / "o").string()) + " 2>" +
                          quote((dir_ / "e").string());
  const int status = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 1);
  expect_message(slurp(dir_ / "e"), "-:2", "E110");
  EXPECT_EQ(ids(slurp(dir_ / "o")), std::vector<std::string>{"a"});
}

// Issue 3, acceptance 2: metadata of the first example article.
TEST_F(BadInputs, ExampleArticleMetadata) {
  RunResult r = kgraph({"extract", "--no-tagger", std::string(KGRAPH_EXAMPLES) + "/nato-russia"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string first = r.out.substr(0, r.out.find('\n'));
  EXPECT_THAT(first, HasSubstr(R"("id":"000_1ed70707b213574a.txt")"));
  EXPECT_THAT(first, HasSubstr(R"("title":"Stoltenberg: NATO, US want dialogue with Russia")"));
  EXPECT_THAT(first, HasSubstr(R"("date":"2017-01-31")"));
  EXPECT_THAT(first, HasSubstr(R"("source":"Axar.az")"));
}

// The same story from two outlets: reported always; with --dedupe the copy is
// not extracted but stays a source with its own outlet.
TEST_F(BadInputs, NearDuplicatesAreReportedAndDedupeKeepsTheOutlet) {
  const std::string original = slurp(std::string(KGRAPH_EXAMPLES) + "/nato-russia/000_1ed70707b213574a.txt");
  std::string copy = original;
  copy.replace(copy.find("Axar.az"), 7, "Wire.example");  // another outlet's header
  copy += "\nShare this article on social media.\n";
  fs::create_directories(dir_ / "corpus");
  std::ofstream(dir_ / "corpus" / "a.txt") << original;
  std::ofstream(dir_ / "corpus" / "b.txt") << copy;
  std::ofstream(dir_ / "corpus" / "c.txt") << slurp(in("good-berlin.txt"));

  RunResult plain = kgraph({"extract", "--no-tagger", "corpus"});
  EXPECT_EQ(plain.exit_code, 0) << plain.err;  // a duplicate is a warning, not a failure
  EXPECT_THAT(plain.err, ::testing::ContainsRegex(
                             R"(corpus/b.txt: warning: \[W140\] doc b.txt is a near-duplicate of doc a.txt \(similarity 0\.[89][0-9]\))"));
  EXPECT_THAT(plain.err, Not(HasSubstr("c.txt: warning")));
  EXPECT_THAT(plain.out, Not(HasSubstr("duplicate_of")));

  RunResult dedupe = kgraph({"build", "--no-tagger", "--dedupe", "--formats", "csv", "-o", "out", "corpus"});
  EXPECT_EQ(dedupe.exit_code, 0) << dedupe.err;
  const std::string x = slurp(dir_ / "out" / "extractions.jsonl");
  EXPECT_THAT(ids(x), ::testing::ElementsAre("a.txt", "b.txt", "c.txt"));
  EXPECT_THAT(x, HasSubstr(R"("id":"b.txt","title":"Stoltenberg: NATO, US want dialogue with Russia","date":"2017-01-31","source":"Wire.example")"));
  EXPECT_THAT(x, HasSubstr(R"("duplicate_of":"a.txt")"));
  // The copy's outlet counts: an edge from the story is supported by both outlets.
  EXPECT_THAT(slurp(dir_ / "out" / "relationships.csv"), ::testing::ContainsRegex(",[0-9.]+,2,2,[a-z]"));  // sources:int,outlets:int

  std::ofstream(dir_ / "corpus" / "d.txt") << original;  // an exact copy
  RunResult exact = kgraph({"extract", "--no-tagger", "--dedupe", "corpus"});
  EXPECT_THAT(exact.err, HasSubstr("doc d.txt is an exact duplicate of doc a.txt (similarity 1.00)"));
}

class NetworkInputs : public BadInputs {
 protected:
  static void SetUpTestSuite() { server_ = new kgraph::testing::LocalServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static kgraph::testing::LocalServer* server_;
};
kgraph::testing::LocalServer* NetworkInputs::server_ = nullptr;

TEST_F(NetworkInputs, EveryUrlCaseHasItsOutcome) {
  auto u = [](const char* p) { return server_->url(p); };
  {
    std::ofstream list(dir_ / "urls.txt");
    list << "# cases of tests/bad/README.md\n" << u("/good") << "\n\n" << u("/404") << "\n" << u("/flaky") << "\n"
         << u("/slow") << "\n  " << u("/loop") << "  \n" << u("/big") << "\n" << u("/gzip") << "\n"
         << "file:///etc/passwd\n" << u("/image") << "\n" << u("/empty-article") << "\n" << u("/to-file") << "\n";
  }
  RunResult r = kgraph({"extract", "--no-tagger", "--allow-private", "--cache", "cache", "--timeout", "1", "--max-body",
                  "100000", "--retry-delay", "0.1", "-o", "out.jsonl", in("good-berlin.txt"), "--urls", "urls.txt"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  expect_message(r.err, u("/404"), "E121");
  expect_message(r.err, u("/slow"), "E122");
  expect_message(r.err, u("/loop"), "E123");
  expect_message(r.err, u("/big"), "E124");
  expect_message(r.err, "file:///etc/passwd", "E125");
  expect_message(r.err, u("/to-file"), "E125");
  expect_message(r.err, u("/image"), "E127");
  expect_message(r.err, u("/empty-article"), "E130");
  EXPECT_THAT(r.err, HasSubstr("8 inputs failed"));
  EXPECT_THAT(ids(slurp(dir_ / "out.jsonl")),
              ::testing::ElementsAre("good-berlin.txt", u("/good"), u("/flaky"), u("/gzip")));
  const std::string out = slurp(dir_ / "out.jsonl");
  EXPECT_THAT(out, HasSubstr(R"("title":"Stoltenberg meets Lavrov in Munich","date":"2017-02-18","source":"Test Wire")"));
  expect_no_temporaries();

  // A rerun takes the good pages from the cache: the slow page is not waited for twice,
  // but failures are not cached and are tried again.
  RunResult again = kgraph({"extract", "--no-tagger", "--allow-private", "--cache", "cache", u("/good"), u("/gzip")});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr("fetched 2 of 2 URLs (2 from the cache)"));
}

TEST_F(NetworkInputs, LoopbackIsRefusedWithoutAllowPrivate) {
  RunResult r = kgraph({"extract", "--no-tagger", "--no-cache", server_->url("/good"), in("good-kyiv.txt")});
  EXPECT_EQ(r.exit_code, 1);
  expect_message(r.err, server_->url("/good"), "E126");
  EXPECT_THAT(r.err, HasSubstr("--allow-private"));
  EXPECT_EQ(ids(r.out), std::vector<std::string>{"good-kyiv.txt"});
}

}  // namespace
