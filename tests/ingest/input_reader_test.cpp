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

TEST(InputReader, Latin1TextIsDecodedWithAWarningNamingLineAndByte) {
  TempDir dir;
  auto path = dir.write("latin1.txt", "line one\nline two caf\xE9 in M\xFCnchen\n");
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, "line one\nline two caf\xC3\xA9 in M\xC3\xBCnchen\n");
  EXPECT_EQ(c.errors, 0u);
  ASSERT_THAT(c.codes(), ElementsAre("W141"));
  EXPECT_EQ(c.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(c.diagnostics[0].location, path + ":2");
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("byte offset 21"));
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("windows-1252"));
}

TEST(InputReader, StrayByteInUtf8TextIsReplacedAndTheRestKept) {
  TempDir dir;
  auto path = dir.write("stray.txt", "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D, then \xFF a stray byte.\n");
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D, then \xEF\xBF\xBD a stray byte.\n");
  ASSERT_THAT(c.codes(), ElementsAre("W141"));
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("byte offset 25"));
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("U+FFFD"));
}

TEST(InputReader, Utf16FileWithByteOrderMarkIsReadSilently) {
  TempDir dir;
  // "Zürich" in UTF-16LE after its byte-order mark.
  auto path = dir.write("utf16.txt", std::string("\xFF\xFEZ\0\xFC\0r\0i\0c\0h\0\n\0", 16));
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, "Z\xC3\xBCrich\n");
  EXPECT_TRUE(c.diagnostics.empty());
}

TEST(InputReader, ValidUtf8IsByteIdenticalAndNotWarned) {
  TempDir dir;
  const std::string bytes = "Plain ASCII line.\nJos\xC3\xA9 and \xE2\x82\xAC" "5 and \xF0\x9F\x98\x80.\n";
  auto c = read_all({dir.write("a.txt", bytes), dir.write("b.txt", "only ascii here\n")});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].body, bytes);
  EXPECT_EQ(c.docs[1].body, "only ascii here\n");
  EXPECT_TRUE(c.diagnostics.empty());
}

TEST(InputReader, HtmlWithoutCharsetIsDecodedHereAndTheHtmlStageToldUtf8) {
  TempDir dir;
  auto c = read_all({dir.write("page.html", "<html><body><p>\x93" "Caf\xE9\x94 in Z\xFCrich</p></body></html>"),
                     dir.write("declared.html", "<html><meta charset=koi8-r><p>\xF0\xD2\xC9</p></html>")});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].body, "<html><body><p>\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D in Z\xC3\xBCrich</p></body></html>");
  EXPECT_EQ(c.docs[0].charset, "UTF-8");
  // A page that declares its charset is libxml2's to decode.
  EXPECT_EQ(c.docs[1].body, "<html><meta charset=koi8-r><p>\xF0\xD2\xC9</p></html>");
  EXPECT_EQ(c.docs[1].charset, "");
  ASSERT_THAT(c.codes(), ElementsAre("W141"));
}

TEST(InputReader, InvalidUtf8InJsonLineIsReplacedAndTheRecordKept) {
  TempDir dir;
  auto path = dir.write("bad.jsonl", "{\"text\":\"caf\xE9\"}\n{\"text\":\"fine\"}\n");
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].body, "caf\xEF\xBF\xBD");
  ASSERT_THAT(c.codes(), ElementsAre("W141"));
  EXPECT_EQ(c.diagnostics[0].location, path + ":1");
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("column 13"));
  EXPECT_EQ(c.errors, 0u);
}

TEST(InputReader, InvalidUtf8InJsonFileIsReplacedAndTheRestRead) {
  TempDir dir;
  auto path = dir.write("bad.json", "[{\"text\":\"ok\"},\n{\"text\":\"caf\xE9\"},\n{\"text\":\"after\"}]");
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[1].body, "caf\xEF\xBF\xBD");
  EXPECT_EQ(c.docs[2].body, "after");
  ASSERT_THAT(c.codes(), ElementsAre("W141"));
  EXPECT_EQ(c.diagnostics[0].location, path + ":2");
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("byte offset 28"));
}

TEST(InputReader, JsonFileReadInChunksKeepsCharactersThatStraddleAChunk) {
  TempDir dir;
  // The file is read 64 KiB at a time: a 2-, 3- and 4-byte character across
  // the first, second and third boundary, and a stray byte just before the fourth.
  const std::string head = "[{\"text\":\"";
  std::string text;
  for (const std::string ch : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    const std::size_t boundary = (text.size() + head.size()) / 65536 * 65536 + 65536;
    text += std::string(boundary - head.size() - text.size() - 1, 'a') + ch;
  }
  const std::string good = text;
  text += std::string(4 * 65536 - head.size() - text.size() - 1, 'b') + "\xFF" + "tail";
  auto path = dir.write("chunks.json", head + text + "\"}]");
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body.substr(0, good.size()), good);
  EXPECT_EQ(c.docs[0].body.substr(c.docs[0].body.size() - 7), "\xEF\xBF\xBDtail");
  ASSERT_THAT(c.codes(), ElementsAre("W141"));
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("byte offset " + std::to_string(4 * 65536 - 1)));
}

TEST(InputReader, HtmlInAJsonRecordIsUtf8WhateverItsMetaSays) {
  TempDir dir;
  auto c = read_all({dir.write("pages.jsonl", "{\"html\":\"<meta charset=iso-8859-1><p>caf\u00e9</p>\"}\n")});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].charset, "UTF-8");
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

TEST(InputReader, OversizedStringInAJsonFileIsCutWhileReadingAndTheNextRecordKept) {
  TempDir dir;
  InputOptions o;
  o.max_document_bytes = 1000;
  // Escapes count as the bytes they stand for: 600 "\u00e9" are 1200 bytes of text in 3600 of JSON.
  std::string escaped;
  for (int i = 0; i < 600; ++i) escaped += "\\u00e9";
  auto path = dir.write("big.json", "[{\"id\":\"big\",\"text\":\"" + std::string(5000, 'x') + "\",\"title\":\"T\"},\n" +
                                        "{\"id\":\"esc\",\"text\":\"" + escaped + "\"},\n" +
                                        "{\"id\":\"fits\",\"text\":\"" + std::string(999, 'y') + "\\u00e9\"},\n" +
                                        "{\"id\":\"small\",\"text\":\"ok\",\"note\":\"" + std::string(5000, 'z') + "\"}]");
  auto c = read_all({path}, o);
  EXPECT_THAT(c.ids(), ElementsAre("small"));
  ASSERT_THAT(c.codes(), ElementsAre("E105", "E105", "E105"));
  EXPECT_EQ(c.diagnostics[0].location, path + ":1");
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("\"text\""));
  EXPECT_EQ(c.diagnostics[1].location, path + ":2");
  EXPECT_EQ(c.diagnostics[2].location, path + ":3");  // 999 + 2 bytes: one past the limit
}

TEST(InputReader, FolderWalkReadsInputExtensionsOnly) {
  TempDir dir;
  dir.write("corpus/article.txt", "An article.");
  dir.write("corpus/page.HTM", "<p>A page.</p>");
  dir.write("corpus/feed.ndjson", "{\"text\":\"A record.\"}\n");
  dir.write("corpus/report.pdf", std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", 22));
  dir.write("corpus/notes.docx", "PK\x03\x04 word");
  dir.write("corpus/README", "no extension");
  dir.write("corpus/table.csv", "a,b\n");
  auto c = read_all({(dir.path() / "corpus").string()});
  EXPECT_THAT(c.ids(), ElementsAre("article.txt", "feed.ndjson:1", "page.HTM"));
  ASSERT_THAT(c.codes(), ElementsAre("W142"));
  EXPECT_EQ(c.errors, 0u);
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("skipped 4 files"));
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("(no extension, .csv, .docx, .pdf;"));
  // Named on the command line, a file is read whatever its extension.
  auto named = read_all({(dir.path() / "corpus" / "README").string()});
  EXPECT_THAT(named.ids(), ElementsAre("README"));
}

TEST(InputReader, FolderWalkSkipsTheOutputsOfAnEarlierBuild) {
  TempDir dir;
  dir.write("corpus/article.txt", "An article.");
  for (const char* name : {"extractions.jsonl", "graph.graphml", "graph.gexf", "graph.ttl", "graph.nt", "graph.nq",
                           "graph.trig", "report.md", "report.html", "nodes.csv", "relationships.csv",
                           "report.html.tmp.4242"})
    dir.write(std::string("corpus/out/") + name, "{\"id\":\"x\",\"text\":\"an output, not an article\"}\n");
  dir.write("corpus/out/kept.html", "<p>Another page in the output folder is still read.</p>");
  // A build into the corpus folder itself: its outputs sit beside the articles.
  dir.write("corpus/report.html", "<html><p>output</p></html>");
  dir.write("corpus/.kgraph.lock", "");
  // The same names outside an output folder are ordinary inputs.
  dir.write("corpus/other/report.html", "<html><p>an article called report</p></html>");
  auto c = read_all({(dir.path() / "corpus").string()});
  EXPECT_THAT(c.ids(), ElementsAre("article.txt", "other/report.html", "out/kept.html"));
  ASSERT_THAT(c.codes(), ElementsAre("W142"));
  EXPECT_THAT(c.diagnostics[0].message, HasSubstr("skipped 13 outputs of an earlier kgraph run (in ., out)"));
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
    in.body = url.ends_with("/latin1") ? "caf\xE9 \x80" : "<html>page</html>";
    in.kind = url.ends_with("/latin1") ? InputKind::Text : InputKind::Html;
    if (url.ends_with("/latin1")) in.charset = "ISO-8859-1";  // as a Content-Type header says it
    return in;
  };
  auto c = read_all({"http://example.org/up", "http://example.org/down", "http://example.org/latin1"}, {}, &reader);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].meta.id, "http://example.org/up");
  EXPECT_EQ(c.docs[0].meta.url, "http://example.org/up");
  // Text in the charset its header declares is decoded silently; Latin-1 is read as Windows-1252.
  EXPECT_EQ(c.docs[1].body, "caf\xC3\xA9 \xE2\x82\xAC");
  ASSERT_THAT(c.codes(), ElementsAre("E120"));
  EXPECT_EQ(c.diagnostics[0].location, "http://example.org/down");
  EXPECT_EQ(c.errors, 1u);
}

}  // namespace
}  // namespace kgraph::extract
