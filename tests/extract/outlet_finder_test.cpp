// The outlet of a document without source metadata, from what the news text
// says: datelines, bylines and the site of its URL (extract/clean/outlet_finder).
// Texts written for these tests in the style of wire copy.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>

#include "extract/clean/outlet_finder.hpp"
#include "extract/extractor.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract {
namespace {

const Extractor& extractor() {
  static const Extractor x(KGRAPH_ONTOLOGY);
  return x;
}

const OutletTable& outlets() {
  static const OutletTable t = OutletTable::load(KGRAPH_ONTOLOGY);
  return t;
}

// The source an extraction of `text` (a .txt file's bytes, no metadata) records,
// through the reader's path (prepare, then extract).
std::string source_of(const std::string& text, const std::string& url = "", const std::string& source = "") {
  RawInput raw;
  raw.meta.id = "dump-0042.txt";
  raw.meta.url = url;
  raw.meta.source = source;
  raw.body = text;
  raw.location = "dump-0042.txt";
  Diagnostic error;
  std::optional<Extraction> x = extractor().extract(std::move(raw), error);
  EXPECT_TRUE(x.has_value()) << error.format();
  return x ? x->meta.source : "<failed>";
}

const std::string kBody =
    "Turkey's foreign minister said on Tuesday that talks with Russia on grain exports would resume next week. "
    "He spoke to reporters after a cabinet meeting in the capital.\n\n"
    "Officials in Moscow did not comment on the statement when asked about it on Tuesday.\n";

TEST(OutletFromDateline, AgencyInBracketsAfterThePlace) {
  EXPECT_EQ(source_of("Turkey to resume grain talks\n\nANKARA (Reuters) - " + kBody), "Reuters");
  EXPECT_EQ(source_of("ANKARA (Reuters) - " + kBody), "Reuters");
  EXPECT_EQ(source_of("NEW DELHI, Dec 3 (Reuters) - " + kBody), "Reuters");
  EXPECT_EQ(source_of("WASHINGTON (AP) \xE2\x80\x94 " + kBody), "AP");
  EXPECT_EQ(source_of("(IANS) " + kBody), "IANS");
  EXPECT_EQ(source_of("Brussels, Jan 8 (IANS): " + kBody), "IANS");
  EXPECT_EQ(source_of("Rio de Janeiro, Jan. 5 (Xinhua) -- " + kBody), "Xinhua");
  EXPECT_EQ(source_of("MOSCOW (ITAR-TASS) \xE2\x80\x93 " + kBody), "TASS");
  EXPECT_EQ(source_of("Washington (CNN)" + kBody), "CNN");  // a page reduced to text drops the space
}

TEST(OutletFromDateline, BracketsThatAreNoDateline) {
  // An agency named in a sentence, a place in brackets, an outlet the table does not list.
  EXPECT_EQ(source_of("The minister told TASS (in an interview) that " + kBody), "");
  EXPECT_EQ(source_of("Talks were held in the capital, the minister told reporters (AP) on Tuesday. " + kBody), "");
  EXPECT_EQ(source_of("KYIV (Ukraine) - " + kBody), "");
  EXPECT_EQ(source_of("KYIV (Daily Planet) - " + kBody), "");
  EXPECT_EQ(source_of(kBody + "\nXinhua news agency reported that the talks would resume.\n"), "");
  // Past the header (title and two paragraphs) a dateline is a quoted story, not this one's.
  EXPECT_EQ(source_of("Grain talks to resume\n\n" + kBody + "\nOfficials said more on Friday, as they had promised to do.\n"
                      "ANKARA (Reuters) - A second story pasted below the first one, as dumps have it.\n"),
            "");
}

TEST(OutletFromByline, OutletAfterTheAuthor) {
  EXPECT_EQ(source_of("Turkey to resume grain talks\nBy Jane Doe, Reuters\n\n" + kBody), "Reuters");
  EXPECT_EQ(source_of("Turkey to resume grain talks\nBy Jane Doe | AP\n\n" + kBody), "AP");
  EXPECT_EQ(source_of("By Jane Doe and John Roe - Agence France-Presse\n\n" + kBody), "AFP");
  EXPECT_EQ(source_of("Turkey to resume grain talks\nBy Reuters Staff\n\n" + kBody), "Reuters");
  EXPECT_EQ(source_of("Turkey to resume grain talks\nBy Jane Doe, Staff Writer\n\n" + kBody), "");
}

TEST(OutletFromUrl, KnownSiteByItsNameOtherSitesByHost) {
  EXPECT_EQ(source_of(kBody, "https://www.reuters.com/world/turkey-grain-2023-05-10/"), "Reuters");
  EXPECT_EQ(source_of(kBody, "https://uk.reuters.com/article/x"), "Reuters");
  EXPECT_EQ(source_of(kBody, "HTTPS://WWW.Example-News.com:8443/a?b#c"), "example-news.com");
  EXPECT_EQ(source_of(kBody, "http://user@news.example.org/a"), "news.example.org");
  EXPECT_EQ(source_of(kBody, "file:///tmp/a.txt"), "");
  EXPECT_EQ(source_of(kBody, "http://localhost/a"), "");
  // The agency in the dateline goes before the site that carried its story.
  EXPECT_EQ(source_of("ANKARA (Reuters) - " + kBody, "https://www.example-news.com/a"), "Reuters");
}

TEST(OutletFromText, MetadataWinsAndNothingGivesNothing) {
  EXPECT_EQ(source_of("ANKARA (Reuters) - " + kBody, "", "Al Jazeera"), "Al Jazeera");
  EXPECT_EQ(source_of(kBody), "");
  EXPECT_EQ(source_of(""), "");
}

TEST(OutletFromText, ExtractOfADocumentToo) {
  // The other entry point: a Document not prepared by the reader.
  Document doc;
  doc.meta.id = "dump-0043.txt";
  doc.text = "ANKARA (Reuters) - " + kBody;
  EXPECT_EQ(extractor().extract(std::move(doc)).meta.source, "Reuters");
}

TEST(OutletPieces, DatelineBylineAndUrlAlone) {
  EXPECT_EQ(dateline_outlet("ANKARA (Reuters)", outlets()), "Reuters");
  EXPECT_EQ(dateline_outlet("ANKARA (reuters) - x", outlets()), "Reuters");
  EXPECT_EQ(dateline_outlet("the capital (Reuters) - x", outlets()), "");
  EXPECT_EQ(dateline_outlet("ANKARA (Reuters)x", outlets()), "");
  EXPECT_EQ(byline_outlet("by JANE DOE; dpa", outlets()), "dpa");
  EXPECT_EQ(byline_outlet("Bystanders, Reuters", outlets()), "");
  EXPECT_EQ(url_outlet("https://[::1]/a", outlets()), "");
  EXPECT_EQ(url_outlet("https://bbc.co.uk/news", outlets()), "BBC");
  EXPECT_EQ(url_outlet("https://exa mple.com/", outlets()), "");
}

// The table is data: a malformed row is refused with file:line.
TEST(OutletTableFile, RefusesABadHostWithFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / ("kgraph-outlets-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "lexicon");
  const auto write = [&](const std::string& rows) {
    std::ofstream(dir / "lexicon" / "outlets.tsv") << "# kgraph-data outlets v1\nname\tforms\thosts\n" << rows;
  };
  write("Reuters\t\treuters.com\nAP\tAssociated Press\twww.apnews.com\n");
  try {
    OutletTable::load(dir);
    ADD_FAILURE() << "loaded a host with www.";
  } catch (const DataFileError& e) {
    EXPECT_EQ(e.diagnostic.code, "E207");
    EXPECT_NE(std::string(e.what()).find("outlets.tsv:4"), std::string::npos) << e.what();
  }
  write("Reuters\t\treuters.com\nAP\tReuters\tapnews.com\n");
  EXPECT_THROW(OutletTable::load(dir), DataFileError);  // one form, two outlets
  write("Reuters\treuters.com\n");
  EXPECT_THROW(OutletTable::load(dir), DataFileError);  // a column missing
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kgraph::extract
