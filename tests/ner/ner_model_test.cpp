// The model file format: round trip, and refusal of what it does not understand.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/ner/ner_model.hpp"
#include "extract/ner/ner_tagger.hpp"
#include "ontology/tsv_table.hpp"

namespace {

using kgraph::DataFileError;
using kgraph::extract::ner::NerModel;
using kgraph::extract::ner::NerTagger;

std::string small_model_bytes() {
  std::vector<float> w(2 * 9, 0.0f);
  w[0] = 1.5f;
  w[9 + 3] = -0.25f;
  std::vector<std::uint64_t> keys{42, 7};
  return NerModel::serialise(keys, w, 0.0f);
}

std::filesystem::path write_temp(const std::string& name, const std::string& bytes) {
  auto p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

// Runs `f`, expecting DataFileError whose message contains `file` and `what`.
template <typename F>
void expect_refused(F f, const std::string& file, const std::string& what) {
  try {
    f();
    FAIL() << "expected DataFileError";
  } catch (const DataFileError& e) {
    EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  }
}

TEST(NerModel, RoundTrip) {
  NerModel m = NerModel::parse(small_model_bytes(), "mem");
  ASSERT_EQ(m.features(), 2u);
  ASSERT_NE(m.row(42), nullptr);
  EXPECT_NEAR(m.row(42)[0] * m.scale(), 1.5f, 1e-3);
  EXPECT_NEAR(m.row(7)[3] * m.scale(), -0.25f, 1e-3);
  EXPECT_EQ(m.row(7)[0], 0);
  EXPECT_EQ(m.row(8), nullptr);
}

TEST(NerModel, RefusesUnknownVersion) {
  std::string bytes = small_model_bytes();
  bytes[8] = 99;  // format version, little-endian u32 after the magic
  auto p = write_temp("kgraph-ner-v99.model", bytes);
  expect_refused([&] { NerTagger::load(p, KGRAPH_ONTOLOGY); }, "kgraph-ner-v99.model", "version 99");
}

TEST(NerModel, RefusesOtherFeatureSet) {
  std::string bytes = small_model_bytes();
  bytes[12] = 77;
  expect_refused([&] { NerModel::parse(bytes, "fs.model"); }, "fs.model", "feature set 77");
}

TEST(NerModel, RefusesBadMagicAndTruncation) {
  expect_refused([&] { NerModel::parse("hello world, not a model", "x.model"); }, "x.model", "bad magic");
  std::string bytes = small_model_bytes();
  expect_refused([&] { NerModel::parse(bytes.substr(0, bytes.size() - 3), "t.model"); }, "t.model", "");
}

TEST(NerModel, MissingFileNamesIt) {
  expect_refused([&] { NerTagger::load("/nonexistent/ner.model", KGRAPH_ONTOLOGY); }, "/nonexistent/ner.model",
                 "cannot open");
}

}  // namespace
