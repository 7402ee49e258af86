#include "export/field_text.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "export/entity_palette.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::exports {
namespace {

TEST(XmlSafe, KeepsValidTextIncludingRtlMarksAndEmoji) {
  const std::string s = "A\tb\nc\r \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xF0\x9F\x98\x80 <&\"]]>";
  EXPECT_EQ(xml_safe(s), s);
}

TEST(XmlSafe, DropsControlCharacters) {
  EXPECT_EQ(xml_safe(std::string("a\x01" "b\x1F" "c\x7F", 6) + std::string(1, '\0') + "d"), "abc\x7F" "d");
  EXPECT_EQ(xml_safe("x\xEF\xBF\xBEy\xEF\xBF\xBFz"), "xyz");  // U+FFFE, U+FFFF
}

TEST(XmlSafe, DropsInvalidUtf8) {
  EXPECT_EQ(xml_safe("a\xC0\xAF" "b"), "ab");          // overlong '/'
  EXPECT_EQ(xml_safe("a\xED\xA0\x80" "b"), "ab");      // surrogate
  EXPECT_EQ(xml_safe("a\xE2\x82"), "a");              // truncated at the end
  EXPECT_EQ(xml_safe("\x80\xBF" "ok\xFF"), "ok");      // stray continuation bytes, 0xFF
  EXPECT_EQ(xml_safe("\xF4\x90\x80\x80" "x"), "x");    // above U+10FFFF
  EXPECT_EQ(xml_safe("\xC3(\xC3\xA9"), "(\xC3\xA9");  // bad lead byte resynchronises
}

TEST(FormatNumber, FixedAndLocaleFree) {
  EXPECT_EQ(format_number(0.5), "0.5");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(1234567.0), "1.23457e+06");
  EXPECT_EQ(format_number(1e-7), "1e-07");
  EXPECT_EQ(format_number(3), "3");
}

TEST(EntityPalette, LoadsTheShippedFile) {
  EntityPalette p = EntityPalette::load(KGRAPH_ONTOLOGY);
  Rgb person = p.color(EntityType::Person), country = p.color(EntityType::Country);
  EXPECT_FALSE(person.r == country.r && person.g == country.g && person.b == country.b);
}

TEST(EntityPalette, RefusesBadRowsNamingTheLine) {
  auto dir = std::filesystem::temp_directory_path() / "kgraph-palette-test";
  std::filesystem::create_directories(dir / "lexicon");
  std::ofstream(dir / "lexicon" / "entity_types.tsv") << "# kgraph-data entity-types v1\ntype\tr\tg\tb\nPerson\t1\t2\t300\n";
  try {
    EntityPalette::load(dir);
    FAIL() << "expected DataFileError";
  } catch (const DataFileError& e) {
    EXPECT_NE(e.diagnostic.location.find("entity_types.tsv:3"), std::string::npos) << e.what();
  }
  std::ofstream(dir / "lexicon" / "entity_types.tsv") << "# kgraph-data entity-types v1\ntype\tr\tg\tb\nPerson\t1\t2\t3\n";
  EXPECT_THROW(EntityPalette::load(dir), DataFileError);  // the other types have no colour
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kgraph::exports
