// The hostile-input suite (README.md here lists the cases): the real binary
// over inputs built to break parsers and writers, each case in its own temp
// dir beside a good document. Every case must finish in under a minute with
// exit 0 or 1 (never a signal), keep every good document, and leave outputs
// that the real clients parse (check_outputs.py: xmllint, networkx, igraph,
// rdflib, rapper, serdi, csv, html.parser). The interrupt tests kill a build
// while it writes and check that the previous outputs are byte-identical.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kHere = fs::path(KGRAPH_SOURCE_DIR) / "tests" / "hostile";
const fs::path kInputs = kHere / "inputs";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

struct RunResult {
  int exit_code = -1;  // -1: ended by a signal
  int signal = 0;
  double seconds = 0;
  std::string err;
};

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kgraph-hostile-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  fs::path out() const { return dir_ / "out"; }

  // `kgraph build ARGS -o out` in the temp dir, timed; the exit status as it was.
  RunResult build(const std::vector<std::string>& args) const {
    std::string cmd = "cd " + quote(dir_.string()) + " && KGRAPH_ONTOLOGY=" + quote(KGRAPH_ONTOLOGY) +
                      " SOURCE_DATE_EPOCH=1500000000 exec " + quote(KGRAPH_BINARY) + " build -q";
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " -o out >stdout.txt 2>stderr.txt";
    const auto t0 = std::chrono::steady_clock::now();
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    // sh reports a child killed by signal N as exit 128+N.
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    if (r.exit_code > 128) r.signal = r.exit_code - 128;
    r.err = slurp(dir_ / "stderr.txt");
    return r;
  }

  // Runs check_outputs.py on out/; returns its report, fails the test if a check failed.
  void expect_clients_accept(const std::vector<std::string>& markers = {}) const {
    std::string cmd = "/usr/bin/python3 " + quote((kHere / "check_outputs.py").string()) + " " + quote(out().string());
    for (const auto& m : markers) cmd += " " + quote(m);
    cmd += " >" + quote((dir_ / "clients.txt").string()) + " 2>&1";
    const int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << slurp(dir_ / "clients.txt");
  }

  // The suite's common contract for one case.
  void expect_survived(const RunResult& r, const std::vector<std::string>& good_ids) const {
    EXPECT_EQ(r.signal, 0) << "killed by signal " << r.signal << "\n" << r.err;
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << "\n" << r.err;
    const std::string x = slurp(out() / "extractions.jsonl");
    // An id as written in the JSON (escaped), up to its end or a prefix of it.
    for (const auto& id : good_ids) EXPECT_THAT(x, HasSubstr("\"id\":\"" + id)) << r.err;
    for (const auto& e : fs::directory_iterator(out()))  // no temporary (".NAME.kgraph-tmp.PID.RANDOM") or lock left
      EXPECT_NE(e.path().filename().string().front(), '.') << e.path();
    std::cerr << "[hostile] " << ::testing::UnitTest::GetInstance()->current_test_info()->name() << ": exit "
              << r.exit_code << ", " << r.seconds << " s\n";
  }

  void copy_in(const std::string& name) const { fs::copy_file(kInputs / name, dir_ / name); }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }

  fs::path dir_;
};

TEST_F(Hostile, EscapingReachesEveryOutputIntactOrReplaced) {
  copy_in("escaping.jsonl");
  copy_in("control-chars.txt");
  copy_in("markup.html");
  copy_in("good-berlin.txt");
  RunResult r = build({"escaping.jsonl", "control-chars.txt", "markup.html", "good-berlin.txt"});
  expect_survived(r, {"esc <1> & \\\"q\\\" ]]>", "good-1", "good-berlin.txt", "control-chars.txt", "markup.html"});
  // The one refused record: a NUL (escaped as \u0000 in the JSON) in its text.
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("escaping.jsonl:3: error: [E103]"));
  // The markup of the inputs (evidence sentences, titles) is shown as text in the HTML report.
  expect_clients_accept({"<script>alert(\"x\")</script>", "<img src=x onerror=alert(1)>", "<script>alert(3)</script>"});
}

TEST_F(Hostile, InvalidUtf8EmptyBinaryAndNulBytes) {
  copy_in("invalid-utf8.txt");
  copy_in("good-berlin.txt");
  write("empty.txt", "");
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\0\x01";
  write("binary.bin.txt", std::string(png, sizeof png - 1));
  write("nul.txt", std::string("Angela Merkel met Emmanuel Macron") + '\0' + " in Berlin.\n");
  write("nul.jsonl", std::string("{\"id\": \"n1\", \"text\": \"a") + '\0' +
                         "b\"}\n{\"id\": \"n2\", \"text\": \"Angela Merkel met Emmanuel Macron in Berlin.\"}\n");
  RunResult r = build({"invalid-utf8.txt", "empty.txt", "binary.bin.txt", "nul.txt", "nul.jsonl", "good-berlin.txt"});
  // Bytes that are not UTF-8 are decoded (W141), not a reason to drop the document.
  expect_survived(r, {"good-berlin.txt", "n2", "invalid-utf8.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("invalid-utf8.txt:1: warning: [W141]"));
  EXPECT_THAT(r.err, HasSubstr("empty.txt: error: [E102]"));
  EXPECT_THAT(r.err, HasSubstr("[E103]"));
  expect_clients_accept();
}

TEST_F(Hostile, FiftyMegabyteSingleLine) {
  std::string line(50u << 20, 'a');
  for (std::size_t i = 0; i < line.size(); i += 7) line[i] = ' ';
  write("huge.txt", line);
  write("huge.jsonl", "{\"id\": \"big\", \"text\": \"" + line + "\"}\n{\"id\": \"after\", \"text\": \"Angela Merkel met Emmanuel Macron in Berlin.\"}\n");
  line.clear();
  copy_in("good-berlin.txt");
  RunResult r = build({"huge.txt", "huge.jsonl", "good-berlin.txt"});
  expect_survived(r, {"good-berlin.txt", "after"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("huge.txt: error: [E105]"));
  EXPECT_THAT(r.err, HasSubstr("huge.jsonl:1: error: [E105]"));
  expect_clients_accept();
}

TEST_F(Hostile, HundredThousandNestedDivs) {
  std::string page = "<html><head><title>Deep</title></head><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  write("deep.html", page + "</body></html>");
  copy_in("good-berlin.txt");
  RunResult r = build({"deep.html", "good-berlin.txt"});
  expect_survived(r, {"good-berlin.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("deep.html: error: [E131]"));
  expect_clients_accept();
}

TEST_F(Hostile, BrokenJsonLinesAmongGoodLines) {
  write("mixed.jsonl",
        "{\"id\": \"g1\", \"text\": \"Angela Merkel met Emmanuel Macron in Berlin.\"}\n"
        "{\"id\": \"cut\", \"text\": \"this line stops in the mid\n"
        "[1, 2, {\"id\": \"not a record\"}]\n"
        "{\"id\": \"g2\", \"text\": \"Xi Jinping met Joe Biden in Bali on Monday.\"}\n"
        "{\"id\": \"deep\", \"text\": " + std::string(100000, '[') + "\n"
        "\xff\xfe{\"id\": \"bom\"}\n"
        "{\"id\": \"g3\", \"text\": \"Vladimir Putin met Recep Tayyip Erdogan in Sochi.\"}\n");
  RunResult r = build({"mixed.jsonl"});
  expect_survived(r, {"g1", "g2", "g3"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("mixed.jsonl:2: error: [E110]"));
  expect_clients_accept();
}

TEST_F(Hostile, TooManyMentions) {
  // One paragraph per sentence (the cleaner keeps prose paragraphs), five mentions each.
  std::string text = "Leaders meet in Paris\n";
  for (int i = 0; i < 100; ++i)
    text += "\nIn round " + std::to_string(i) +
            " of the talks, German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.\n";
  write("crowd.txt", text);
  copy_in("good-berlin.txt");
  RunResult r = build({"--max-mentions", "50", "crowd.txt", "good-berlin.txt"});
  expect_survived(r, {"good-berlin.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("crowd.txt: error: [E107]"));
  expect_clients_accept();
}

// --- interrupted builds --------------------------------------------------

class Interrupt : public Hostile {
 protected:
  // A corpus that takes a while: copies of the example articles, each with its own id.
  void write_big_corpus(int documents) const {
    std::vector<std::string> texts;
    for (const auto& e : fs::directory_iterator(KGRAPH_EXAMPLES + std::string("/nato-russia"))) texts.push_back(slurp(e.path()));
    std::ofstream f(dir_ / "big.jsonl", std::ios::binary);
    for (int i = 0; i < documents; ++i) {
      std::string t = texts[static_cast<std::size_t>(i) % texts.size()];
      std::string escaped;
      for (char c : t) {
        if (c == '"' || c == '\\') escaped += '\\', escaped += c;
        else if (c == '\n') escaped += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20) escaped += ' ';
        else escaped += c;
      }
      f << "{\"id\": \"d" << i << "\", \"text\": \"Report " << i << ". " << escaped << "\"}\n";
    }
  }

  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::directory_iterator(out())) files[e.path().filename().string()] = slurp(e.path());
    return files;
  }

  // Starts the big build, waits until it is writing (its temporary exists),
  // sends `sig`, and returns the exit status.
  int build_and_kill(int sig, double extra_delay) const {
    const pid_t pid = ::fork();
    if (pid == 0) {
      if (::chdir(dir_.c_str()) != 0) ::_exit(127);
      ::setenv("KGRAPH_ONTOLOGY", KGRAPH_ONTOLOGY, 1);
      ::setenv("SOURCE_DATE_EPOCH", "1500000000", 1);
      std::freopen("big-stderr.txt", "w", stderr);
      ::execl(KGRAPH_BINARY, KGRAPH_BINARY, "build", "-q", "big.jsonl", "-o", "out", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Writing has begun once a temporary of this process (".NAME.kgraph-tmp.PID.RANDOM":
    // an output, or the extraction spool) is in the folder.
    const std::string marker = ".kgraph-tmp." + std::to_string(pid) + ".";
    auto writing = [&] {
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(out(), ec))
        if (e.path().filename().string().find(marker) != std::string::npos) return true;
      return false;
    };
    bool started = false;
    for (int i = 0; i < 6000 && !(started = writing()); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_TRUE(started) << "the build never started writing";
    std::this_thread::sleep_for(std::chrono::duration<double>(extra_delay));
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
  }

  // kgraph's temporaries, previous files kept aside during a commit, and its lock file.
  static bool kgraphs_own(const std::string& name) {
    return name.find(".kgraph-tmp.") != std::string::npos || name.find(".kgraph-old.") != std::string::npos ||
           name == ".kgraph.lock";
  }

  std::vector<std::string> temporaries() const {
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(out()))
      if (kgraphs_own(e.path().filename().string())) left.push_back(e.path().filename().string());
    return left;
  }
};

TEST_F(Interrupt, SigintAndSigtermLeavePreviousOutputsIntact) {
  copy_in("good-berlin.txt");
  ASSERT_EQ(build({"good-berlin.txt"}).exit_code, 0);
  const auto before = snapshot();
  ASSERT_EQ(before.size(), 11u);
  write_big_corpus(4000);
  for (int sig : {SIGINT, SIGTERM}) {
    const int status = build_and_kill(sig, 0.5);
    ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 130) << slurp(dir_ / "big-stderr.txt");
    EXPECT_THAT(slurp(dir_ / "big-stderr.txt"), HasSubstr(sig == SIGINT ? "interrupted by SIGINT" : "interrupted by SIGTERM"));
    EXPECT_EQ(snapshot(), before) << "outputs changed after signal " << sig;
    EXPECT_TRUE(temporaries().empty());
  }
}

TEST_F(Interrupt, SigkillLeavesPreviousOutputsAndTheNextRunCleansUp) {
  copy_in("good-berlin.txt");
  ASSERT_EQ(build({"good-berlin.txt"}).exit_code, 0);
  const auto before = snapshot();
  write_big_corpus(4000);
  const int status = build_and_kill(SIGKILL, 0.5);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  // The killed run's temporary and lock file may stay behind; every real output is as before.
  auto after = snapshot();
  for (auto it = after.begin(); it != after.end();) it = kgraphs_own(it->first) ? after.erase(it) : std::next(it);
  EXPECT_EQ(after, before);
  // The next run removes the dead process's temporary and writes the same outputs again.
  ASSERT_EQ(build({"good-berlin.txt"}).exit_code, 0);
  EXPECT_TRUE(temporaries().empty());
  EXPECT_EQ(snapshot(), before);
}

}  // namespace
