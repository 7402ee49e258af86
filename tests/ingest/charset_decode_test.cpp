// The decoder on its own: what is left alone, what is declared, detected or repaired.
#include "extract/ingest/charset_decode.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kgraph::extract {
namespace {

using ::testing::HasSubstr;

TEST(CharsetDecode, ValidUtf8AndAsciiAreNeverTouched) {
  for (std::string s : {std::string("plain ASCII, nothing else\n"), std::string("\xEF\xBB\xBF" "BOM kept"),
                        std::string("Z\xC3\xBCrich \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC")}) {
    const std::string before = s;
    EXPECT_FALSE(decode_text(s, "").has_value());
    EXPECT_FALSE(decode_text(s, "windows-1251").has_value());  // a header cannot make valid UTF-8 something else
    EXPECT_EQ(s, before);
    std::string charset;
    EXPECT_FALSE(decode_html(s, charset).has_value());
    EXPECT_EQ(s, before);
    EXPECT_EQ(charset, "");
  }
}

TEST(CharsetDecode, Windows1252IsDetectedForSmartQuotes) {
  std::string s = "\x93We agreed,\x94 said Fran\xE7ois Hollande in Paris, adding that the \x80" "5 million fund was ready.";
  auto d = decode_text(s, "");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->encoding, "windows-1252");
  EXPECT_EQ(d->basis, Decoding::Basis::Detected);
  EXPECT_EQ(d->first_invalid, 0u);
  EXPECT_EQ(s, "\xE2\x80\x9CWe agreed,\xE2\x80\x9D said Fran\xC3\xA7ois Hollande in Paris, adding that the \xE2\x82\xAC"
               "5 million fund was ready.");
  EXPECT_TRUE(d->worth_warning());
  EXPECT_THAT(d->describe(), HasSubstr("windows-1252 (detected)"));
}

TEST(CharsetDecode, Latin1WithoutC1BytesIsReadAsWindows1252) {
  std::string s = "Die Gespr\xE4" "che in M\xFCnchen seien gut verlaufen, sagte die Bundeskanzlerin am Montag.";
  auto d = decode_text(s, "");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->encoding, "windows-1252");
  EXPECT_EQ(s, "Die Gespr\xC3\xA4" "che in M\xC3\xBCnchen seien gut verlaufen, sagte die Bundeskanzlerin am Montag.");
}

TEST(CharsetDecode, MostlyUtf8WithAStrayByteIsRepaired) {
  std::string s = "Zelenskyy\xE2\x80\x99s visit to Gen\xC3\xA8ve \xE2\x80\x94 and \xFF one stray byte.";
  auto d = decode_text(s, "");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->basis, Decoding::Basis::Repaired);
  EXPECT_EQ(d->first_invalid, 39u);
  EXPECT_EQ(d->replaced, 1u);
  EXPECT_EQ(s, "Zelenskyy\xE2\x80\x99s visit to Gen\xC3\xA8ve \xE2\x80\x94 and \xEF\xBF\xBD one stray byte.");
}

TEST(CharsetDecode, DeclaredCharsetWinsOverDetection) {
  std::string s = "\xF0\xD2\xC5\xDA\xC9\xC4\xC5\xCE\xD4";  // "Президент" in KOI8-R
  auto d = decode_text(s, "KOI8-R");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->basis, Decoding::Basis::Declared);
  EXPECT_FALSE(d->worth_warning());
  EXPECT_EQ(s, "\xD0\x9F\xD1\x80\xD0\xB5\xD0\xB7\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82");
}

TEST(CharsetDecode, Utf16ByteOrderMarks) {
  std::string le("\xFF\xFE" "A\0\xE9\0", 6), be("\xFE\xFF\0A\0\xE9", 6);
  ASSERT_TRUE(decode_text(le, "").has_value());
  ASSERT_TRUE(decode_text(be, "").has_value());
  EXPECT_EQ(le, "A\xC3\xA9");
  EXPECT_EQ(be, "A\xC3\xA9");
}

// A pair of UTF-16 surrogates is one character (four UTF-8 bytes); a lone one is none: U+FFFD.
TEST(CharsetDecode, Utf16SurrogatePairsAndLoneSurrogates) {
  std::string pair("\xFF\xFE" "\x3D\xD8\x00\xDE" "A\0", 8), lone("\xFF\xFE" "\x3D\xD8" "A\0", 6);
  ASSERT_TRUE(decode_text(pair, "").has_value());
  ASSERT_TRUE(decode_text(lone, "").has_value());
  EXPECT_EQ(pair, "\xF0\x9F\x98\x80" "A");  // U+1F600
  EXPECT_EQ(lone, "\xEF\xBF\xBD" "A");
}

TEST(CharsetDecode, HtmlDeclarationsAreFoundAndLatin1ReadAsWindows1252) {
  EXPECT_EQ(declared_page_charset("<html><head><META Charset='Windows-1250'>"), "Windows-1250");
  EXPECT_EQ(declared_page_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"),
            "iso-8859-1");
  EXPECT_EQ(declared_page_charset("<p>charset=utf-8 in the text</p><meta name=x>"), "");
  std::string page = "<meta charset=iso-8859-1><p>\x93quoted\x94</p>", charset;
  auto d = decode_html(page, charset);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->basis, Decoding::Basis::Declared);
  EXPECT_EQ(charset, "UTF-8");
  EXPECT_EQ(page, "<meta charset=iso-8859-1><p>\xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
  // Another declared charset is libxml2's.
  std::string koi = "<meta charset=koi8-r><p>\xF0\xD2\xC5</p>", none;
  EXPECT_FALSE(decode_html(koi, none).has_value());
  EXPECT_EQ(none, "");
}

TEST(CharsetDecode, JsonIsRepairedNeverDetected) {
  std::string s = "caf\xE9 na\xEFve";
  auto d = repair_json_text(s);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->replaced, 2u);
  EXPECT_EQ(s, "caf\xEF\xBF\xBD na\xEF\xBF\xBDve");
}

}  // namespace
}  // namespace kgraph::extract
