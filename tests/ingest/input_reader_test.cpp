// InputReader: argument expansion, file kinds, ids, and every bad input the
// reader must survive while still delivering the good documents beside it.
#include "extract/ingest/input_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/ingest/ingest_test_support.hpp"

namespace kgraph::extract {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::read_all;
using testing::TempDir;

TEST(InputReader, TextFileKeepsBytesExactlyAndIsNamedByFileName) {
  TempDir dir;
  const std::string bytes = "\xEF\xBB\xBFTitle line\r\n\r\n  Body with  spaces \xC3\xA9.\n";
  auto path = dir.write("sub/article.txt", bytes);
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.errors, 0u);
  EXPECT_EQ(c.docs[0].body, bytes);  // BOM, CRLF and spaces kept: offsets point into the file's bytes
  EXPECT_EQ(c.docs[0].kind, InputKind::Text);
  EXPECT_EQ(c.docs[0].meta.id, "article.txt");
  EXPECT_EQ(c.docs[0].location, path);
}

TEST(InputReader, UnknownExtensionWithUtf8IsText) {
  TempDir dir;
  auto c = read_all({dir.write("notes.md", "Some text.\n")});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].kind, InputKind::Text);
}

TEST(InputReader, HtmlByExtensionAndByContent) {
  TempDir dir;
  auto a = dir.write("a.HTM", "<p>hello</p>");
  auto b = dir.write("b.txt", "\xEF\xBB\xBF  \n<!DOCTYPE html><title>x</title>");
  auto c2 = dir.write("c", "<HTML><body>x</body></HTML>");
  auto d = dir.write("d.txt", "< html is not a tag here");
  auto c = read_all({a, b, c2, d});
  ASSERT_EQ(c.docs.size(), 4u);
  EXPECT_EQ(c.docs[0].kind, InputKind::Html);
  EXPECT_EQ(c.docs[1].kind, InputKind::Html);
  EXPECT_EQ(c.docs[2].kind, InputKind::Html);
  EXPECT_EQ(c.docs[3].kind, InputKind::Text);
}

TEST(InputReader, HtmlInAnotherCharsetIsLeftToTheHtmlStage) {
  TempDir dir;
  auto c = read_all({dir.write("latin1.html", "<html><meta charset=iso-8859-1>caf\xE9</html>")});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.errors, 0u);
}

TEST(InputReader, DirectoryIsRecursiveSortedAndIdsAreRelative) {
  TempDir dir;
  dir.write("corpus/b.txt", "b");
  dir.write("corpus/a/z.txt", "z");
  dir.write("corpus/a-c.txt", "ac");  // '-' sorts before '/': "a-c.txt" < "a/z.txt"
  dir.write("corpus/.hidden.txt", "hidden");
  dir.write("corpus/.git/config", "hidden too");
  dir.write("corpus/c.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
  auto c = read_all({(dir.path() / "corpus").string() + "/"});
  EXPECT_EQ(c.errors, 0u);
  EXPECT_THAT(c.ids(), ElementsAre("a-c.txt", "a/z.txt", "b.txt", "c.jsonl:1", "c.jsonl:2"));
  EXPECT_THAT(c.docs[1].location, HasSubstr("corpus/a/z.txt"));
}

TEST(InputReader, ArgumentsKeepTheirOrder) {
  TempDir dir;
  auto z = dir.write("z.txt", "z");
  auto a = dir.write("a.txt", "a");
  auto c = read_all({z, a});
  EXPECT_THAT(c.ids(), ElementsAre("z.txt", "a.txt"));
}

TEST(InputReader, JsonLinesFieldsAndDefaultIds) {
  TempDir dir;
  auto path = dir.write("corpus.jsonl",
                        "{\"id\":\"r1\",\"text\":\"T1\",\"title\":\"Ti\",\"url\":\"http://x\",\"source\":\"S\","
                        "\"date\":\"2017-01-31\",\"extra\":{\"nested\":[1,2]}}\n"
                        "\n"
                        "{\"html\":\"<p>h</p>\",\"title\":null}\r\n"
                        "{\"id\":42,\"text\":\"numeric id\"}\n");
  auto c = read_all({path});
  EXPECT_EQ(c.errors, 0u);
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].meta.id, "r1");
  EXPECT_EQ(c.docs[0].body, "T1");
  EXPECT_EQ(c.docs[0].meta.title, "Ti");
  EXPECT_EQ(c.docs[0].meta.url, "http://x");
  EXPECT_EQ(c.docs[0].meta.source, "S");
  EXPECT_EQ(c.docs[0].meta.date, "2017-01-31");
  EXPECT_EQ(c.docs[1].meta.id, path + ":3");
  EXPECT_EQ(c.docs[1].kind, InputKind::Html);
  EXPECT_EQ(c.docs[1].location, path + ":3");
  EXPECT_EQ(c.docs[2].meta.id, "42");
}

TEST(InputReader, RenamedFields) {
  TempDir dir;
  auto path = dir.write("x.ndjson", "{\"doc_id\":\"a\",\"body\":\"text here\",\"text\":\"ignored\"}\n");
  InputOptions o;
  o.text_field = "body";
  o.id_field = "doc_id";
  auto c = read_all({path}, o);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].meta.id, "a");
  EXPECT_EQ(c.docs[0].body, "text here");
}

TEST(InputReader, JsonArrayAndSingleObject) {
  TempDir dir;
  auto arr = dir.write("arr.json", "[\n {\"id\":\"a\",\"text\":\"A\"},\n {\"text\":\"B\"}\n]\n");
  auto one = dir.write("one.json", "\xEF\xBB\xBF{\"id\":\"solo\",\"text\":\"S\"}");
  auto c = read_all({arr, one});
  EXPECT_EQ(c.errors, 0u);
  EXPECT_THAT(c.ids(), ElementsAre("a", arr + ":3", "solo"));
}

TEST(InputReader, BrokenJsonLinesAmongGoodOnes) {
  TempDir dir;
  auto path = dir.write("mixed.jsonl",
                        "{\"id\":\"1\",\"text\":\"ok\"}\n"
                        "{\"id\":\"2\",\"text\":\"broken\"\n"
                        "{\"id\":\"3\",\"text\":\"ok\"} trailing\n"
                        "{\"id\":\"4\",\"title\":\"no text\"}\n"
                        "{\"id\":\"5\",\"text\":7}\n"
                        "[{\"id\":\"6\",\"text\":\"array line\"}]\n"
                        "{\"id\":\"7\",\"text\":\"ok\"}\n");
  auto c = read_all({path});
  EXPECT_THAT(c.ids(), ElementsAre("1", "7"));
  EXPECT_THAT(c.codes(), ElementsAre("E110", "E110", "E111", "E112", "E113"));
  EXPECT_EQ(c.errors, 5u);
  EXPECT_EQ(c.diagnostics[0].location, path + ":2");
  EXPECT_EQ(c.diagnostics[1].location, path + ":3");
  EXPECT_EQ(c.diagnostics[2].location, path + ":4");
  EXPECT_THAT(c.diagnostics[3].message, HasSubstr("\"text\""));
  EXPECT_THAT(c.diagnostics[0].format(), HasSubstr("mixed.jsonl:2: error: [E110]"));
}

TEST(InputReader, JsonArrayBrokenInTheMiddleKeepsRecordsBefore) {
  TempDir dir;
  auto path = dir.write("broken.json",
                        "[\n{\"id\":\"a\",\"text\":\"A\"},\n{\"id\":\"b\",\"text\":\"B\"},\n{\"id\":\"c\",\"text\": oops},\n"
                        "{\"id\":\"d\",\"text\":\"D\"}]\n");
  auto c = read_all({path});
  EXPECT_THAT(c.ids(), ElementsAre("a", "b"));
  ASSERT_THAT(c.codes(), ElementsAre("E110"));
  EXPECT_EQ(c.diagnostics[0].location, path + ":4");
}

TEST(InputReader, JsonArrayBadElementsAreSkipped) {
  TempDir dir;
  auto path = dir.write("elements.json",
                        "[{\"id\":\"a\",\"text\":\"A\"}, 17, [\"x\"], {\"id\":\"b\",\"text\":[\"no\"]},"
                        " {\"id\":\"c\",\"text\":\"C\"}]");
  auto c = read_all({path});
  EXPECT_THAT(c.ids(), ElementsAre("a", "c"));
  EXPECT_THAT(c.codes(), ElementsAre("E113", "E113", "E112"));
}

TEST(InputReader, JsonTopLevelScalarIsRejected) {
  TempDir dir;
  auto c = read_all({dir.write("scalar.json", "\"just a string\"")});
  EXPECT_TRUE(c.docs.empty());
  EXPECT_THAT(c.codes(), ElementsAre("E113"));
}

TEST(InputReader, MissingPathIsReportedAndOthersStillRead) {
  TempDir dir;
  auto good = dir.write("good.txt", "fine");
  auto missing = (dir.path() / "nope.txt").string();
  auto c = read_all({missing, good});
  EXPECT_THAT(c.ids(), ElementsAre("good.txt"));
  ASSERT_THAT(c.codes(), ElementsAre("E101"));
  EXPECT_EQ(c.diagnostics[0].location, missing);
  EXPECT_EQ(c.errors, 1u);
}

TEST(InputReader, EmptyAndWhitespaceFiles) {
  TempDir dir;
  auto c = read_all({dir.write("empty.txt", ""), dir.write("blank.txt", " \n\t\n"), dir.write("empty.jsonl", "\n\n"),
                     dir.write("empty.json", ""), dir.write("blank.json", "  \n")});
  EXPECT_TRUE(c.docs.empty());
  EXPECT_THAT(c.codes(), ElementsAre("E102", "E102", "E102", "E102", "E102"));
  EXPECT_THAT(c.diagnostics[0].location, HasSubstr("empty.txt"));
}

TEST(InputReader, BinaryFileIsRejected) {
  TempDir dir;
  auto c = read_all({dir.write("image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), dir.write("ok.txt", "ok")});
  EXPECT_THAT(c.ids(), ElementsAre("ok.txt"));
  ASSERT_THAT(c.codes(), ElementsAre("E103"));
  EXPECT_THAT(c.diagnostics[0].location, HasSubstr("image.png"));
}

TEST(InputReader, InvalidUtf8NamesLineAndByte) {
  TempDir dir;
  auto path = dir.write("latin1.txt", "line one\nline two caf\xE9\n");
  auto c = read_all({path});
  EXPECT_TRUE(c.docs.empty());
  ASSERT_THAT(c.codes(), ElementsAre("E104"));
  EXPECT_EQ(c.diagnostics[0].location, path + ":2");
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("byte 21"));
}

TEST(InputReader, InvalidUtf8InJsonLine) {
  TempDir dir;
  auto path = dir.write("bad.jsonl", "{\"text\":\"caf\xE9\"}\n{\"text\":\"fine\"}\n");
  auto c = read_all({path});
  EXPECT_EQ(c.docs.size(), 1u);
  ASSERT_THAT(c.codes(), ElementsAre("E104"));
  EXPECT_EQ(c.diagnostics[0].location, path + ":1");
}

TEST(InputReader, InvalidUtf8InJsonFile) {
  TempDir dir;
  auto path = dir.write("bad.json", "[{\"text\":\"ok\"},\n{\"text\":\"caf\xE9\"}]");
  auto c = read_all({path});
  EXPECT_EQ(c.docs.size(), 1u);
  ASSERT_THAT(c.codes(), ElementsAre("E104"));
  EXPECT_EQ(c.diagnostics[0].location, path + ":2");
}

TEST(InputReader, TooLargeFileLineAndRecord) {
  TempDir dir;
  InputOptions o;
  o.max_document_bytes = 10;
  o.max_line_bytes = 40;
  auto big = dir.write("big.txt", std::string(11, 'x'));
  auto lines = dir.write("lines.jsonl", "{\"text\":\"" + std::string(100, 'y') + "\"}\n{\"text\":\"short\"}\n" +
                                            "{\"text\":\"" + std::string(20, 'z') + "\"}\n");
  auto c = read_all({big, lines}, o);
  EXPECT_THAT(c.ids(), ElementsAre(lines + ":2"));
  EXPECT_THAT(c.codes(), ElementsAre("E105", "E105", "E105"));
  EXPECT_EQ(c.diagnostics[0].location, big);
  EXPECT_EQ(c.diagnostics[1].location, lines + ":1");
  EXPECT_EQ(c.diagnostics[2].location, lines + ":3");
}

TEST(InputReader, DuplicateIdsAreMadeUniqueWithAWarning) {
  TempDir dir;
  auto a = dir.write("one/same.txt", "first");
  auto b = dir.write("two/same.txt", "second");
  auto j = dir.write("x.jsonl", "{\"id\":\"same.txt\",\"text\":\"third\"}\n{\"id\":\"same.txt#2\",\"text\":\"4\"}\n");
  auto c = read_all({a, b, j});
  EXPECT_THAT(c.ids(), ElementsAre("same.txt", "same.txt#2", "same.txt#3", "same.txt#2#2"));
  EXPECT_THAT(c.codes(), ElementsAre("E114", "E114", "E114"));
  EXPECT_EQ(c.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(c.errors, 0u);  // warnings are not errors
}

TEST(InputReader, SymlinkLoopEnds) {
  TempDir dir;
  dir.write("loop/a.txt", "a");
  std::filesystem::create_directory_symlink("..", dir.path() / "loop" / "up");
  std::filesystem::create_directory_symlink(".", dir.path() / "loop" / "self");
  auto c = read_all({(dir.path() / "loop").string()});
  // "self" is the directory itself; "up" is new once, but its "loop" is not.
  EXPECT_THAT(c.ids(), ElementsAre("a.txt"));
  EXPECT_THAT(c.codes(), ElementsAre("E106", "E106"));
  EXPECT_EQ(c.errors, 0u);
}

TEST(InputReader, BrokenSymlinkAndUnreadableDirectory) {
  TempDir dir;
  dir.write("tree/good.txt", "good");
  dir.write("tree/locked/secret.txt", "secret");
  std::filesystem::create_symlink("missing-target.txt", dir.path() / "tree" / "dangling.txt");
  std::filesystem::permissions(dir.path() / "tree" / "locked", std::filesystem::perms::none);
  const bool root = ::geteuid() == 0;  // root reads everything; only the link is then unreadable
  auto c = read_all({(dir.path() / "tree").string()});
  std::filesystem::permissions(dir.path() / "tree" / "locked", std::filesystem::perms::owner_all);
  if (root) {
    EXPECT_THAT(c.ids(), ElementsAre("good.txt", "locked/secret.txt"));
    EXPECT_THAT(c.codes(), ElementsAre("E101"));
  } else {
    EXPECT_THAT(c.ids(), ElementsAre("good.txt"));
    EXPECT_THAT(c.codes(), ElementsAre("E101", "E101"));
  }
  EXPECT_THAT(c.diagnostics[0].location, HasSubstr("dangling.txt"));
}

TEST(InputReader, UrlsWithoutFetcherAreErrors) {
  auto c = read_all({"https://example.org/a"});
  EXPECT_TRUE(c.docs.empty());
  ASSERT_THAT(c.codes(), ElementsAre("E120"));
  EXPECT_EQ(c.diagnostics[0].location, "https://example.org/a");
}

TEST(InputReader, UrlsGoToTheFetcher) {
  InputReader reader{InputOptions{}};
  reader.fetch = [](const std::string& url, Diagnostic& error) -> std::optional<RawInput> {
    if (url.ends_with("/down")) {
      error.message = "connection refused";
      return std::nullopt;
    }
    RawInput in;
    in.body = url.ends_with("/latin1") ? "caf\xE9" : "<html>page</html>";
    in.kind = url.ends_with("/latin1") ? InputKind::Text : InputKind::Html;
    return in;
  };
  auto c = read_all({"http://example.org/up", "http://example.org/down", "http://example.org/latin1"}, {}, &reader);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].meta.id, "http://example.org/up");
  EXPECT_EQ(c.docs[0].meta.url, "http://example.org/up");
  ASSERT_THAT(c.codes(), ElementsAre("E120", "E104"));
  EXPECT_EQ(c.diagnostics[0].location, "http://example.org/down");
  EXPECT_EQ(c.errors, 2u);
}

}  // namespace
}  // namespace kgraph::extract
