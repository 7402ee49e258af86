// Training reproduces the committed model: the settings of scripts/train-ner on
// the copies of CoNLL-2003 in tests/data/ner give the same dev score and the same
// bytes as ontology/models/ner-conll2003.model. Takes ~20-30 s (Release).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extract/ner/conll_reader.hpp"
#include "extract/ner/gazetteer.hpp"
#include "extract/ner/perceptron_trainer.hpp"

namespace {

using namespace kgraph::extract::ner;

// Must match scripts/train-ner and ontology/models/README.md.
constexpr int kEpochs = 12;
constexpr std::uint32_t kSeed = 1;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(NerTraining, ReproducesCommittedModel) {
  const std::string dir = std::string(KGRAPH_TEST_DATA) + "/ner/";
  ConllData train = read_conll_jsonl(dir + "conll2003_train.jsonl");
  ConllData dev = read_conll_jsonl(dir + "conll2003_dev.jsonl");
  ASSERT_EQ(train.sentences.size(), 14041u);
  ASSERT_EQ(dev.sentences.size(), 3250u);
  EXPECT_TRUE(train.problems.empty());

  TrainParams params;
  params.max_epochs = kEpochs;
  params.seed = kSeed;
  auto gazetteer = std::make_shared<const Gazetteer>(Gazetteer::load(KGRAPH_ONTOLOGY));
  TrainResult r = train_perceptron(train, dev, gazetteer, params, nullptr);

  // The committed dev score (ontology/models/README.md).
  const SpanCounts micro = r.dev_score.micro();
  EXPECT_EQ(micro.tp, 4512u);
  EXPECT_EQ(micro.fp, 550u);
  EXPECT_EQ(micro.fn, 508u);
  EXPECT_GE(micro.f1(), 0.87);

  const std::string committed = read_file(std::string(KGRAPH_ONTOLOGY) + "/models/ner-conll2003.model");
  EXPECT_TRUE(r.model_bytes == committed) << "retrained model differs from the committed one ("
                                          << r.model_bytes.size() << " vs " << committed.size() << " bytes)";
}

}  // namespace
