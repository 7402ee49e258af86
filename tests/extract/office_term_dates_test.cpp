// Who held an office on a document's date is one reading of the office data's dates
// (extract/lexicon/term_dates.hpp), shared by the entity resolver, the relation finder and the
// world knowledge: both ends of a term count, a year bound covers its year, a date with a time
// reads as its day. A row whose dates cannot be read that way is refused with its file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "extract/lexicon/lexicon.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract {
namespace {

namespace fs = std::filesystem;

TEST(OfficeTermDates, BothEndsOfATermCount) {
  const OfficeTerm t{"NATO", "Secretary General", "A B", "2014-10-01", "2024-09-30", "a b"};
  EXPECT_FALSE(t.holds_on("2014-09-30"));
  EXPECT_TRUE(t.holds_on("2014-10-01"));
  EXPECT_TRUE(t.holds_on("2019-06-15"));
  EXPECT_TRUE(t.holds_on("2024-09-30"));  // the last day in office
  EXPECT_FALSE(t.holds_on("2024-10-01"));
  EXPECT_FALSE(t.holds_on(""));  // an undated document names nobody by office
}

TEST(OfficeTermDates, ATimeOfDayReadsAsItsDayAndAnOpenTermRuns) {
  const OfficeTerm t{"United States", "President", "A B", "2017-01-20", "", "a b"};
  EXPECT_TRUE(t.holds_on("2017-01-20T14:00:00Z"));
  EXPECT_FALSE(t.holds_on("2017-01-19T23:59:00Z"));
  EXPECT_TRUE(t.holds_on("2030-01-01"));
}

TEST(OfficeTermDates, AYearBoundCoversItsWholeYear) {
  const WorldTerm t{"Albania", "President", "A B", "2017", "2022", "", "", "head"};
  EXPECT_TRUE(t.holds_on("2017-01-01"));
  EXPECT_TRUE(t.holds_on("2022-12-31"));
  EXPECT_FALSE(t.holds_on("2016-12-31"));
  EXPECT_FALSE(t.holds_on("2023-01-01"));
}

TEST(OfficeTermDates, TheLexiconAndTheWorldDataAgreeOnAHandoverDay) {
  const Lexicon lex = Lexicon::load(KGRAPH_ONTOLOGY);
  // In the bundled data a US president's term ends on the day the next begins: on that day both
  // hold the office, the day after only the successor.
  int on_the_day = 0, the_day_after = 0;
  for (const std::string person : {"Barack Obama", "Donald Trump"})
    for (const OfficeTerm* t : lex.terms_of(person)) {
      if (t->office_of != "United States" || t->title != "President") continue;
      on_the_day += t->holds_on("2017-01-20");
      the_day_after += t->holds_on("2017-01-21");
    }
  EXPECT_EQ(on_the_day, 2);
  EXPECT_EQ(the_day_after, 1);
}

// A copy of the bundled ontology whose office_holders.tsv ends with the given row.
std::string load_error_with_row(const std::string& row, std::size_t* line) {
  const fs::path bundled = KGRAPH_ONTOLOGY;
  const fs::path dir = fs::temp_directory_path() / ("kgraph-term-dates-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(bundled / "lexicon", dir / "lexicon", fs::copy_options::recursive);
  fs::copy(bundled / "ner", dir / "ner", fs::copy_options::recursive);
  const fs::path file = dir / "lexicon" / "office_holders.tsv";
  {
    std::ifstream in(file);
    *line = 1;
    for (std::string l; std::getline(in, l);) ++*line;
  }
  std::ofstream(file, std::ios::app) << row << "\n";
  std::string error;
  try {
    Lexicon::load(dir);
  } catch (const DataFileError& e) {
    error = e.diagnostic.format();
  }
  fs::remove_all(dir);
  return error;
}

TEST(OfficeTermDates, ABadDateIsRefusedWithFileAndLine) {
  std::size_t line = 0;
  std::string error = load_error_with_row("NATO\tSecretary General\tA B\t1 May 2014\t\t", &line);
  EXPECT_NE(error.find("office_holders.tsv:" + std::to_string(line) + ": error: [E207] 'from' date '1 May 2014' is not YYYY"),
            std::string::npos) << error;
  error = load_error_with_row("NATO\tSecretary General\tA B\t2014-05-01\t2014-5-1\t", &line);
  EXPECT_NE(error.find("office_holders.tsv:" + std::to_string(line) + ": error: [E207] 'to' date '2014-5-1'"), std::string::npos) << error;
  error = load_error_with_row("NATO\tSecretary General\tA B\t2014-05-01\t2013-12-31\t", &line);
  EXPECT_NE(error.find("office_holders.tsv:" + std::to_string(line) + ": error: [E207] term ends (2013-12-31) before it starts (2014-05-01)"),
            std::string::npos) << error;
  EXPECT_EQ(load_error_with_row("NATO\tSecretary General\tA B\t2014\t2014-12-31\t", &line), "");
}

}  // namespace
}  // namespace kgraph::extract
