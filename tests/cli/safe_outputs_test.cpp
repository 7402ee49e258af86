// Outputs that are never lost (issue 15): the real binary, run over a folder
// that holds a good build, by runs that fail in every way a user meets (a
// mistyped path, an empty folder, nothing but bad records, an output name
// taken by a folder, a second run at the same time). Each must leave every
// previous file byte-identical; scripts can trust the exit code.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/cli/command_run.hpp"

namespace fs = std::filesystem;

namespace {

using kgraph::testing::CommandRun;
using kgraph::testing::q;
using kgraph::testing::run;
using kgraph::testing::slurp;
using ::testing::HasSubstr;
using ::testing::Not;

using kgraph::testing::kBinary;
using kgraph::testing::kCorpus;

// Every entry of a folder, hidden ones too, with its bytes ("<folder>" for a folder).
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    files[e.path().filename().string()] = fs::is_directory(e.symlink_status()) ? "<folder>" : slurp(e.path());
  return files;
}

class SafeOutputs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kgraph-safe-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }

  // `kgraph ARGS` in the temp dir, stdout and stderr together.
  CommandRun kgraph(const std::string& args) const {
    return run("cd " + q(dir_) + " && KGRAPH_ONTOLOGY=" + q(KGRAPH_ONTOLOGY) +
               " SOURCE_DATE_EPOCH=1500000000 " + kBinary + " " + args + " 2>&1");
  }

  // A good build of the example corpus into out/, and its 11 files.
  std::map<std::string, std::string> good_build() const {
    CommandRun r = kgraph("build -q -j 2 " + q(kCorpus) + " -o out");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    const auto files = snapshot(out());
    EXPECT_EQ(files.size(), 11u);
    return files;
  }

  // Starts `kgraph ARGS` without waiting; stderr goes to FILE.
  pid_t start(const std::vector<std::string>& args, const std::string& stderr_file) const {
    const pid_t pid = ::fork();
    if (pid == 0) {
      if (::chdir(dir_.c_str()) != 0) ::_exit(127);
      ::setenv("KGRAPH_ONTOLOGY", KGRAPH_ONTOLOGY, 1);
      ::setenv("SOURCE_DATE_EPOCH", "1500000000", 1);
      if (!std::freopen(stderr_file.c_str(), "w", stderr)) ::_exit(127);
      std::vector<char*> argv{const_cast<char*>(KGRAPH_BINARY)};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(KGRAPH_BINARY, argv.data());
      ::_exit(127);
    }
    return pid;
  }

  // Waits until `file` (relative to the temp dir) contains `text`; false if
  // the process ended first. No time limit: ctest's timeout catches a hang.
  bool wait_for_text(pid_t pid, const std::string& file, const std::string& text) const {
    for (;;) {
      if (slurp(dir_ / file).find(text) != std::string::npos) return true;
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  static int exit_status(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  fs::path out() const { return dir_ / "out"; }
  fs::path dir_;
};

// Holds a kgraph lock file the way another run would: flock, with this process's pid in it.
class HeldLock {
 public:
  explicit HeldLock(const fs::path& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666)) {
    EXPECT_GE(fd_, 0) << path;
    EXPECT_EQ(::flock(fd_, LOCK_EX), 0);
    const std::string pid = std::to_string(::getpid()) + "\n";
    EXPECT_EQ(::write(fd_, pid.data(), pid.size()), static_cast<ssize_t>(pid.size()));
  }
  ~HeldLock() { release(); }
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// Issue 15, point 1: a run that reads no document exits 2, says so naming its
// inputs, and leaves every previous output byte-identical.
TEST_F(SafeOutputs, ARunWithoutReadableInputReplacesNothing) {
  const auto before = good_build();
  fs::create_directories(dir_ / "empty-folder");
  fs::create_directories(dir_ / "unreadable");
  fs::create_symlink("/nonexistent/article.txt", dir_ / "unreadable" / "a.txt");  // root reads every file: a broken link
  std::ofstream(dir_ / "unreadable" / "b.txt") << "";
  std::ofstream(dir_ / "bad-records.jsonl") << "{\"id\": \"a\",\n{\"id\": \"b\", \"text\": 5}\n[1, 2]\n";
  std::ofstream(dir_ / "bad-lines.jsonl") << "{\"id\": \"a\"\nnot json\n";
  const std::vector<std::pair<std::string, std::string>> runs = {
      {"build -q examples/nato-rusia -o out", "examples/nato-rusia"},
      {"build -q empty-folder -o out", "empty-folder"},
      {"build -q unreadable -o out", "unreadable"},
      {"build -q bad-records.jsonl -o out", "bad-records.jsonl"},
      {"build -q - -o out </dev/null", "-"},
      {"build -q -j 1 examples/nato-rusia empty-folder -o out", "examples/nato-rusia, empty-folder"},
      {"merge -q x.jsnl -o out", "x.jsnl"},
      {"merge -q bad-lines.jsonl -o out", "bad-lines.jsonl"},
  };
  for (const auto& [args, inputs] : runs) {
    CommandRun r = kgraph(args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
    EXPECT_THAT(r.out, HasSubstr(inputs + ": error: [E108] no readable input")) << args;
    EXPECT_THAT(r.out, HasSubstr("nothing was written; out is as it was")) << args;
    EXPECT_EQ(snapshot(out()), before) << args;
  }
}

TEST_F(SafeOutputs, ExtractWithoutReadableInputKeepsTheFileOrCreatesNone) {
  std::ofstream(dir_ / "e.jsonl") << "{\"id\":\"kept\"}\n";
  const auto before = snapshot(dir_);
  for (const std::string input : {"typo", "- </dev/null"}) {
    CommandRun r = kgraph("extract -q " + input + " -o e.jsonl");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_THAT(r.out, HasSubstr("[E108] no readable input"));
    EXPECT_THAT(r.out, HasSubstr("e.jsonl is as it was"));
    EXPECT_EQ(snapshot(dir_), before) << input;
  }
  CommandRun fresh = kgraph("extract -q typo -o new.jsonl");
  EXPECT_EQ(fresh.exit_code, 2) << fresh.out;
  EXPECT_EQ(snapshot(dir_), before) << "new.jsonl or a lock or temporary was created";
  CommandRun to_stdout = run("cd " + q(dir_) + " && " + kBinary + " extract -q typo 2>/dev/null");
  EXPECT_EQ(to_stdout.exit_code, 2);
  EXPECT_EQ(to_stdout.out, "");
}

// A folder the run would have created is not left behind either.
TEST_F(SafeOutputs, ARunWithoutReadableInputCreatesNoFolder) {
  CommandRun r = kgraph("build -q typo -o new/out");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "new"));
}

// Issue 15, point 7, first bullet: one output that cannot be replaced (here
// report.md is a folder) and no other output is replaced either.
TEST_F(SafeOutputs, AnOutputThatCannotBeReplacedReplacesNoOther) {
  good_build();
  fs::remove(out() / "report.md");
  fs::create_directories(out() / "report.md");
  std::ofstream(out() / "report.md" / "notes.txt") << "mine\n";
  // Outputs that differ from the good build: only some of its articles.
  fs::create_directories(dir_ / "two");
  int n = 0;
  for (const auto& e : fs::directory_iterator(kCorpus))
    if (n++ < 2) fs::copy_file(e.path(), dir_ / "two" / e.path().filename());
  const auto before = snapshot(out());
  CommandRun r = kgraph("build -q two -o out");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.out, HasSubstr("out/report.md: is a folder, not a file; no output was replaced"));
  EXPECT_EQ(snapshot(out()), before);  // every file, and no temporary or lock left
  EXPECT_EQ(slurp(out() / "report.md" / "notes.txt"), "mine\n");
}

// Issue 15, point 7, second bullet: a second run into a folder another run
// holds says so and waits; it writes only once the first is done.
TEST_F(SafeOutputs, ASecondRunWaitsForTheFolderAndSaysSo) {
  const auto before = good_build();
  HeldLock held(out() / ".kgraph.lock");  // as a running build holds it
  const pid_t pid = start({"build", "-q", "-j", "2", kCorpus.string(), "-o", "out"}, "wait.txt");
  const std::string message = "kgraph: another kgraph run is writing to out (pid " + std::to_string(::getpid()) + "); waiting";
  ASSERT_TRUE(wait_for_text(pid, "wait.txt", message)) << slurp(dir_ / "wait.txt");
  auto now = snapshot(out());
  now.erase(".kgraph.lock");
  EXPECT_EQ(now, before);  // nothing written while waiting
  held.release();
  EXPECT_EQ(exit_status(pid), 0) << slurp(dir_ / "wait.txt");
  EXPECT_EQ(snapshot(out()), before);  // the same inputs again; the lock file is gone
}

TEST_F(SafeOutputs, AnInterruptEndsTheWaitAndReplacesNothing) {
  const auto before = good_build();
  HeldLock held(out() / ".kgraph.lock");
  const pid_t pid = start({"build", "-q", "examples-elsewhere", "-o", "out"}, "wait.txt");
  ASSERT_TRUE(wait_for_text(pid, "wait.txt", "; waiting")) << slurp(dir_ / "wait.txt");
  ::kill(pid, SIGINT);
  EXPECT_EQ(exit_status(pid), 130) << slurp(dir_ / "wait.txt");
  auto now = snapshot(out());
  now.erase(".kgraph.lock");
  EXPECT_EQ(now, before);
}

// extract -o FILE waits for another run writing FILE, and for a build into
// FILE's folder, but not for an extraction into another file of the folder.
TEST_F(SafeOutputs, ExtractWaitsForItsFileAndForABuildOfItsFolder) {
  fs::create_directories(out());
  {
    HeldLock held(out() / ".e.jsonl.kgraph.lock");
    ASSERT_EQ(kgraph("extract -q " + q(kCorpus) + " -o out/other.jsonl").exit_code, 0);
    const pid_t pid = start({"extract", "-q", kCorpus.string(), "-o", "out/e.jsonl"}, "wait.txt");
    ASSERT_TRUE(wait_for_text(pid, "wait.txt", "another kgraph run is writing to out/e.jsonl (pid")) << slurp(dir_ / "wait.txt");
    EXPECT_FALSE(fs::exists(out() / "e.jsonl"));
    held.release();
    EXPECT_EQ(exit_status(pid), 0) << slurp(dir_ / "wait.txt");
  }
  const std::string extracted = slurp(out() / "e.jsonl");
  EXPECT_EQ(extracted, slurp(out() / "other.jsonl"));
  {
    HeldLock held(out() / ".kgraph.lock");
    const pid_t pid = start({"extract", "-q", kCorpus.string(), "-o", "out/e.jsonl"}, "wait.txt");
    ASSERT_TRUE(wait_for_text(pid, "wait.txt", "another kgraph run is writing to out (pid")) << slurp(dir_ / "wait.txt");
    held.release();
    EXPECT_EQ(exit_status(pid), 0) << slurp(dir_ / "wait.txt");
  }
  EXPECT_EQ(snapshot(out()).size(), 2u) << "a lock file or temporary was left";
}

// Issue 15, point 7, third bullet: only kgraph's own temporaries are removed,
// and only under the lock.
TEST_F(SafeOutputs, OnlyKgraphsOwnLeftoversAreRemoved) {
  const auto before = good_build();
  std::map<std::string, std::string> users;
  for (const char* name : {"mydata.tmp.999999", ".hidden.tmp.999997", ".report.md.swp", "report.md~",
                           "graph.ttl.tmp.999996", ".graph.ttl.kgraph-tmp.notes"}) {
    std::ofstream(out() / name) << "user data " << name << "\n";
    users[name] = "user data " + std::string(name) + "\n";
  }
  fs::create_symlink("../somewhere.txt", out() / ".graph.nt.kgraph-tmp.999995.0badcafe");
  fs::create_symlink("../somewhere.txt", out() / "link.tmp.999994");
  // A killed run's temporary and a previous file it had set aside.
  std::ofstream(out() / ".graph.ttl.kgraph-tmp.999999.0badcafe") << "half written";
  std::ofstream(out() / ".report.md.kgraph-old.999999.0badcafe") << "an older report";
  std::ofstream(dir_ / "keep.jsonl") << "{}\n";
  std::ofstream(dir_ / ".keep.jsonl.kgraph-tmp.999999.0badcafe") << "half written";
  std::ofstream(dir_ / ".other.jsonl.kgraph-tmp.999999.0badcafe") << "another file's";

  // While another run holds the folder, its temporaries stay (a run in
  // another PID namespace has PIDs this one cannot see).
  {
    HeldLock held(out() / ".kgraph.lock");
    const pid_t pid = start({"build", "-q", "-j", "2", kCorpus.string(), "-o", "out"}, "wait.txt");
    ASSERT_TRUE(wait_for_text(pid, "wait.txt", "; waiting")) << slurp(dir_ / "wait.txt");
    EXPECT_TRUE(fs::exists(out() / ".graph.ttl.kgraph-tmp.999999.0badcafe"));
    held.release();
    ASSERT_EQ(exit_status(pid), 0) << slurp(dir_ / "wait.txt");
  }
  auto after = snapshot(out());
  for (const auto& [name, bytes] : users) {
    EXPECT_EQ(after[name], bytes) << name;
    after.erase(name);
  }
  EXPECT_TRUE(fs::is_symlink(out() / ".graph.nt.kgraph-tmp.999995.0badcafe"));
  EXPECT_TRUE(fs::is_symlink(out() / "link.tmp.999994"));
  after.erase(".graph.nt.kgraph-tmp.999995.0badcafe");
  after.erase("link.tmp.999994");
  EXPECT_EQ(after, before);  // the leftovers are gone, the outputs are the build's

  // extract -o FILE removes FILE's leftovers only.
  ASSERT_EQ(kgraph("extract -q " + q(kCorpus) + " -o keep.jsonl").exit_code, 0);
  EXPECT_FALSE(fs::exists(dir_ / ".keep.jsonl.kgraph-tmp.999999.0badcafe"));
  EXPECT_TRUE(fs::exists(dir_ / ".other.jsonl.kgraph-tmp.999999.0badcafe"));
}

// Issue 15, point 8: summaries in English, and no empty per-type lines.
TEST_F(SafeOutputs, SummariesCountInTheSingularAndListOnlyWhatThereIs) {
  std::ofstream(dir_ / "weather.txt") << "The weather was mild on Monday, and the rain stopped before noon.\n";
  CommandRun r = kgraph("build weather.txt missing.txt -o out");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("kgraph: 1 document (1 input failed), 0 entities, 0 relations in"));
  EXPECT_THAT(r.out, Not(HasSubstr("entities: ")));
  EXPECT_THAT(r.out, Not(HasSubstr("relations: ")));
  CommandRun x = kgraph("extract weather.txt missing.txt -o w.jsonl");
  EXPECT_EQ(x.exit_code, 1) << x.out;
  EXPECT_THAT(x.out, HasSubstr("kgraph: extracted 1 document, 1 input failed -> w.jsonl"));
  CommandRun m = kgraph("merge w.jsonl -o merged");
  EXPECT_EQ(m.exit_code, 0) << m.out;
  EXPECT_THAT(m.out, HasSubstr("kgraph: merged 1 document into 0 entities and 0 relations"));
}

// Issue 15, point 8: help texts. Every footer says what the command writes,
// gives an example and its exit codes, in the same words.
TEST(HelpTexts, EveryCommandSaysWhatItWritesWithAnExampleAndItsExitCodes) {
  for (const char* command : {"build", "extract", "merge", "text", "eval", "train-ner", "check-ontology", "report"}) {
    CommandRun r = run(kBinary + " " + command + " --help");
    ASSERT_EQ(r.exit_code, 0) << command;
    EXPECT_THAT(r.out, HasSubstr("\nWrites ")) << command << ":\n" << r.out;
    EXPECT_THAT(r.out, HasSubstr("\nExample: kgraph " + std::string(command) + " ")) << command << ":\n" << r.out;
    EXPECT_THAT(r.out, HasSubstr("\nExit codes: 0 ")) << command << ":\n" << r.out;
  }
  EXPECT_THAT(run(kBinary + " --help").out, HasSubstr("no readable input (E108: nothing written)"));
}

TEST(HelpTexts, ThreadsWriteOutputFilesOnlyWhereTheyDo) {
  const std::string extract = run(kBinary + " extract --help").out;
  const std::string build = run(kBinary + " build --help").out;
  const auto threads_line = [](const std::string& help) { return help.substr(help.find("-j,"), 200); };
  EXPECT_THAT(threads_line(extract), Not(HasSubstr("output files"))) << extract;
  EXPECT_THAT(threads_line(build), HasSubstr("writing the output files")) << build;
}

TEST(HelpTexts, DefaultsNameNoPathOfTheBuildMachine) {
  for (const char* command : {"train-ner", "text", "build", "extract", "check-ontology"}) {
    const std::string help = run(kBinary + " " + std::string(command) + " --help").out;
    EXPECT_THAT(help, Not(HasSubstr(KGRAPH_ONTOLOGY))) << command;
  }
  EXPECT_THAT(run(kBinary + " train-ner --help").out, HasSubstr("default: the bundled ontology/"));
}

}  // namespace
