#include "extract/html/date_parser.hpp"

#include <gtest/gtest.h>

namespace kgraph::extract::html {
namespace {

std::string p(std::string_view s, int year = 0) { return parse_date(s, year).value_or("none"); }

TEST(ParseDate, Iso) {
  EXPECT_EQ(p("2017-01-31"), "2017-01-31");
  EXPECT_EQ(p("2017-01-31T16:24:00Z"), "2017-01-31");
  EXPECT_EQ(p("2017-01-31T16:24:00+01:00"), "2017-01-31");
  EXPECT_EQ(p("2017/1/5"), "2017-01-05");
}

TEST(ParseDate, NumericForms) {
  EXPECT_EQ(p("2017.01.31 / 16:24"), "2017-01-31");
  EXPECT_EQ(p("31.01.2017"), "2017-01-31");
  EXPECT_EQ(p("31/01/2017"), "2017-01-31");  // 31 cannot be a month
  EXPECT_EQ(p("01/31/2017"), "2017-01-31");  // US order
}

TEST(ParseDate, MonthNames) {
  EXPECT_EQ(p("January 31, 2017"), "2017-01-31");
  EXPECT_EQ(p("31 January 2017"), "2017-01-31");
  EXPECT_EQ(p("Tuesday, 31 Jan 2017 16:24 GMT"), "2017-01-31");
  EXPECT_EQ(p("Tue, 31 Jan 2017 16:24:00 +0000"), "2017-01-31");  // RFC 822
  EXPECT_EQ(p("Tue, 31 Jan 17 16:24:00 GMT"), "2017-01-31");      // RFC 822 two-digit year
  EXPECT_EQ(p("Sept. 3rd, 2015"), "2015-09-03");
  EXPECT_EQ(p("Published: October 25th, 2012 by Dan"), "2012-10-25");
}

TEST(ParseDate, YearFromContext) {
  EXPECT_EQ(p("Jan 8", 2017), "2017-01-08");
  EXPECT_EQ(p("Jan 8"), "none");
  EXPECT_EQ(p("8 Jan 16:24", 2020), "2020-01-08");
}

TEST(ParseDate, RejectsImpossibleDates) {
  EXPECT_EQ(p("2017-02-29"), "none");
  EXPECT_EQ(p("2016-02-29"), "2016-02-29");
  EXPECT_EQ(p("1900-02-29"), "none");
  EXPECT_EQ(p("2000-02-29"), "2000-02-29");
  EXPECT_EQ(p("April 31, 2017"), "none");
  EXPECT_EQ(p("2017-13-01"), "none");
  EXPECT_EQ(p("32.01.2017"), "none");
  EXPECT_EQ(p("0 January 2017"), "none");
  EXPECT_EQ(p("no date here"), "none");
  EXPECT_EQ(p(""), "none");
  EXPECT_EQ(p("Marching band 12"), "none");
}

TEST(FindDatelineDate, StandaloneDateLine) {
  EXPECT_EQ(find_dateline_date("Date\n2017.01.31 / 16:24\n\nThe minister said on Tuesday ...", 0), "2017-01-31");
  EXPECT_EQ(find_dateline_date("Posted January 31, 2017\nText follows here.", 0), "2017-01-31");
}

TEST(FindDatelineDate, DatelineOpeningAParagraph) {
  const char* text = "EU ministers meet\n\nBrussels, Jan 8 (IANS): European Union ministers met on Monday ...";
  EXPECT_EQ(find_dateline_date(text, 2017), "2017-01-08");
  EXPECT_EQ(find_dateline_date(text, 0), std::nullopt);
  EXPECT_EQ(find_dateline_date("NEW DELHI, March 3, 2015 - The government said ...", 0), "2015-03-03");
}

TEST(FindDatelineDate, IgnoresDatesInRunningText) {
  const char* text =
      "The war ended on 8 May 1945, as every schoolchild knows, and the treaty followed much later in the year.";
  EXPECT_EQ(find_dateline_date(text, 0), std::nullopt);
  EXPECT_EQ(find_dateline_date("", 2017), std::nullopt);
}

}  // namespace
}  // namespace kgraph::extract::html
