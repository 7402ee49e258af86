// The syntax module: CoNLL-U reading, the committed model's parse of a fixed
// news sentence, refusal of broken model files, and deterministic training.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include "extract/syntax/arc_eager.hpp"
#include "extract/syntax/conllu.hpp"
#include "extract/syntax/syntax_model.hpp"
#include "extract/syntax/tagger.hpp"
#include "extract/syntax/train_syntax.hpp"
#include "ontology/tsv_table.hpp"

namespace fs = std::filesystem;
using namespace kgraph::extract::syntax;

namespace {

const std::string kModel = std::string(KGRAPH_ONTOLOGY) + "/models/syntax-en-ewt.model";
const std::string kData = std::string(KGRAPH_TEST_DATA) + "/syntax";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes `bytes` to a temporary file and returns the error reading it gives.
std::string refusal(const std::string& bytes, const std::string& name) {
  fs::path p = fs::temp_directory_path() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  try {
    SyntaxModel::read(p);
  } catch (const kgraph::DataFileError& e) {
    fs::remove(p);
    return e.what();
  }
  fs::remove(p);
  return "(accepted)";
}

}  // namespace

TEST(SyntaxConllu, SkipsMultiwordTokensAndEmptyNodes) {
  auto ss = read_conllu_file(kData + "/mwt_empty.conllu");
  ASSERT_EQ(ss.size(), 2u);
  ASSERT_EQ(ss[0].words.size(), 5u);  // I do n't know .
  EXPECT_EQ(ss[0].words[1].form, "do");
  EXPECT_EQ(ss[0].words[2].form, "n't");
  EXPECT_EQ(ss[0].words[2].head, 4);
  ASSERT_EQ(ss[1].words.size(), 7u);  // the empty node 5.1 is not a word
  EXPECT_EQ(ss[1].words[5].form, "coffee");
  EXPECT_EQ(ss[1].words[5].deprel, "orphan");
  EXPECT_EQ(ss[1].words[5].head, 5);
  EXPECT_TRUE(is_projective(ss[1]));
}

TEST(SyntaxConllu, MalformedLineNamesFileAndLine) {
  std::istringstream in("# c\n1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n2\tb\tb\tNOUN\n\n");
  try {
    read_conllu(in, "bad.conllu");
    FAIL() << "accepted a 4-field word line";
  } catch (const kgraph::DataFileError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.conllu:3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("E336"), std::string::npos) << e.what();
  }
}

struct Arc {
  const char* word;
  const char* upos;
  int head;
  const char* rel;
};

// Parses the words of `tree` and compares every word's tag, head and relation.
void expect_tree(const SyntaxModel& m, const std::vector<Arc>& tree) {
  std::vector<std::string> w;
  for (const Arc& a : tree) w.push_back(a.word);
  Parse p = m.parse(w);
  ASSERT_EQ(p.heads.size(), w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    EXPECT_EQ(p.upos[i], tree[i].upos) << w[i];
    EXPECT_EQ(p.heads[i], tree[i].head) << w[i];
    EXPECT_EQ(p.deprels[i], tree[i].rel) << w[i];
  }
}

// Trees written by hand in the conventions of UD English-EWT: "in Brussels"
// and "on Monday" are obliques of the verb, the subject and object are nouns
// of the verb, possessive pronouns are nmod:poss.
TEST(SyntaxModel, ParsesNewsSentencesToTheExpectedTrees) {
  SyntaxModel m = SyntaxModel::read(kModel);
  expect_tree(m, {{"Lavrov", "PROPN", 2, "nsubj"},
                  {"met", "VERB", 0, "root"},
                  {"Stoltenberg", "PROPN", 2, "obj"},
                  {"in", "ADP", 5, "case"},
                  {"Brussels", "PROPN", 2, "obl"},
                  {"on", "ADP", 7, "case"},
                  {"Monday", "PROPN", 2, "obl"},
                  {".", "PUNCT", 2, "punct"}});
  expect_tree(m, {{"The", "DET", 3, "det"},
                  {"Russian", "ADJ", 3, "amod"},
                  {"president", "NOUN", 4, "nsubj"},
                  {"met", "VERB", 0, "root"},
                  {"his", "PRON", 7, "nmod:poss"},
                  {"Chinese", "ADJ", 7, "amod"},
                  {"counterpart", "NOUN", 4, "obj"},
                  {"on", "ADP", 9, "case"},
                  {"Monday", "PROPN", 4, "obl"},
                  {".", "PUNCT", 4, "punct"}});
}

// parse_greedy_table keeps the summed weights of a group of features while the group's
// state stays: the keys of a group must then be the same in any two states of equal
// group state, and every other key must change at some point (else it could join a
// group); the parses must equal the plain greedy parse's, and features() asked for some
// groups must give their keys unchanged.
TEST(SyntaxModel, FeatureGroupsFollowTheirStateAndTheCachedParseIsTheSame) {
  SyntaxModel m = SyntaxModel::read(kModel);
  const std::vector<std::vector<std::string>> sentences = {
      {"The", "Russian", "foreign", "minister", ",", "who", "arrived", "on", "Sunday", ",", "met", "his", "Chinese",
       "counterpart", "in", "Beijing", "to", "discuss", "the", "war", "in", "Ukraine", "."},
      {"NATO", "said", "it", "would", "send", "more", "troops", "to", "Estonia", ",", "Latvia", "and", "Lithuania",
       "after", "talks", "that", "lasted", "until", "late", "Tuesday", "."},
      {"Lavrov", "met", "Stoltenberg", "in", "Brussels", "on", "Monday", "."}};
  const auto& labels = m.label_names();
  const int root = static_cast<int>(std::find(labels.begin(), labels.end(), "root") - labels.begin());
  const int dep = static_cast<int>(std::find(labels.begin(), labels.end(), "dep") - labels.begin());
  std::size_t repeats[5] = {};
  std::vector<bool> changed;  // per key position of the mixed group: differed between two transitions
  for (const auto& words : sentences) {
    TaggerWords tw = prepare_words(words);
    std::vector<int> tags = tag_words(m.tagger_weights(), tw);
    // Twice: the second tagging finds every word's sums kept from the first.
    for (int pass = 0; pass < 2; ++pass) EXPECT_EQ(tag_words_table(m.tagger_weights(), tw), tags);
    const ParserInput in = parser_input(tw, tags);
    const ArcEagerState plain = parse_greedy(m.parser_weights(), in, root, dep);
    const ArcEagerState cached = parse_greedy_table(m.parser_weights(), in, root, dep);
    EXPECT_EQ(plain.heads(), cached.heads());
    EXPECT_EQ(plain.labels(), cached.labels());
    // Replay the parse, comparing each transition's keys with those of earlier states.
    ArcEagerState st(in.size());
    std::map<std::pair<int, std::uint64_t>, std::vector<std::uint64_t>> seen;  // (group, state) -> keys
    std::vector<std::uint64_t> before, keys;
    std::vector<float> scores(static_cast<std::size_t>(m.parser_weights().classes()));
    while (!st.terminal()) {
      keys.clear();
      st.features(in, keys);
      changed.resize(keys.size(), false);
      for (int g = ArcEagerState::kBufferGroup; g <= ArcEagerState::kTopRightGroup; ++g) {
        auto [it, fresh] = seen.try_emplace({g, st.group_state(g)}, keys);
        if (fresh) continue;
        ++repeats[g];
        for (std::size_t t = 0; t < keys.size(); ++t)
          if (ArcEagerState::feature_group(t) == g) {
            EXPECT_EQ(keys[t], it->second[t]) << "key " << t << " of group " << g;
          }
      }
      // Asked for some groups only, features() computes their keys as in full and
      // leaves the others' slots as they were.
      for (unsigned groups : {1u << ArcEagerState::kMixedGroup, (1u << ArcEagerState::kMixedGroup) | (1u << ArcEagerState::kTopGroup),
                              (1u << ArcEagerState::kTopRightGroup),
                              (1u << ArcEagerState::kBufferGroup) | (1u << ArcEagerState::kFrontGroup)}) {
        constexpr std::uint64_t kUntouched = 0x5a5a5a5a5a5a5a5aULL;
        std::vector<std::uint64_t> partial(ArcEagerState::kMaxFeatureKeys, kUntouched);
        ASSERT_EQ(st.features(in, partial.data(), groups), keys.size());
        for (std::size_t t = 0; t < keys.size(); ++t)
          EXPECT_EQ(partial[t], (groups >> ArcEagerState::feature_group(t)) & 1u ? keys[t] : kUntouched) << "key " << t;
      }
      for (std::size_t t = 0; t < before.size(); ++t)
        if (keys[t] != before[t]) changed[t] = true;
      before = keys;
      std::fill(scores.begin(), scores.end(), 0.0f);
      m.parser_weights().score(keys, scores.data());
      st.apply(st.best_valid(scores.data(), m.parser_weights().classes()));
    }
  }
  for (int g = ArcEagerState::kBufferGroup; g <= ArcEagerState::kTopRightGroup; ++g) EXPECT_GT(repeats[g], 5u) << g;
  std::size_t grouped = 0;
  for (std::size_t t = 0; t < changed.size(); ++t) {
    grouped += ArcEagerState::feature_group(t) != ArcEagerState::kMixedGroup;
    EXPECT_TRUE(changed[t]) << "key " << t << " never changed";
  }
  EXPECT_EQ(grouped, 16u + 12u + 22u + 11u);
}

TEST(SyntaxModel, RefusesBrokenFilesNamingThem) {
  const std::string good = slurp(kModel);
  ASSERT_GT(good.size(), 1000u);
  std::string e = refusal("not a model", "kgraph-syntax-magic.model");
  EXPECT_NE(e.find("E331"), std::string::npos) << e;
  EXPECT_NE(e.find("kgraph-syntax-magic.model"), std::string::npos) << e;

  std::string v = good;
  v[8] = static_cast<char>(v[8] + 1);  // format version
  e = refusal(v, "kgraph-syntax-version.model");
  EXPECT_NE(e.find("E332"), std::string::npos) << e;
  EXPECT_NE(e.find("kgraph-syntax-version.model"), std::string::npos) << e;

  std::string c = good;
  c[c.size() / 2] = static_cast<char>(c[c.size() / 2] ^ 0x40);
  e = refusal(c, "kgraph-syntax-corrupt.model");
  EXPECT_NE(e.find("E334"), std::string::npos) << e;

  e = refusal(good.substr(0, good.size() / 3), "kgraph-syntax-truncated.model");
  EXPECT_NE(e.find("E334"), std::string::npos) << e;

  try {
    SyntaxModel::read("/nonexistent/kgraph-syntax.model");
    FAIL();
  } catch (const kgraph::DataFileError& err) {
    EXPECT_NE(std::string(err.what()).find("/nonexistent/kgraph-syntax.model"), std::string::npos);
  }

  // The file is mapped: an empty file and a directory map to no bytes, refused as no model.
  e = refusal("", "kgraph-syntax-empty.model");
  EXPECT_NE(e.find("E331"), std::string::npos) << e;
  try {
    SyntaxModel::read(fs::temp_directory_path());
    FAIL();
  } catch (const kgraph::DataFileError& err) {
    EXPECT_NE(std::string(err.what()).find("E331"), std::string::npos) << err.what();
  }
}

TEST(SyntaxTraining, IsDeterministicAndItsModelReadsBack) {
  auto train = read_conllu_file(kData + "/tiny-train.conllu");
  SyntaxTrainOptions opt;
  opt.tagger_epochs = 5;
  opt.parser_epochs = 10;
  opt.jackknife = 2;
  std::ostringstream log1, log2;
  std::string a = train_syntax(train, train, opt, log1);
  std::string b = train_syntax(train, train, opt, log2);
  EXPECT_EQ(a, b);
  EXPECT_EQ(log1.str(), log2.str());
  SyntaxModel m = SyntaxModel::parse_bytes(a, "tiny");
  // Trained and tested on the same four sentences: it has learnt them.
  SyntaxScores s = evaluate_syntax(m, train);
  EXPECT_GT(s.uas, 0.9);
  EXPECT_GT(s.upos, 0.9);
}

// The weight tables keep a 32-bit fingerprint of each key, not the key: no two keys of
// the committed model may share one within a probe run (one would read the other's
// row), and the table must give back every row as the file has it (written again
// unpruned, the same bytes).
TEST(SyntaxModel, WeightTablesHoldEveryRowOfTheFileByFingerprint) {
  const SyntaxModel m = SyntaxModel::read(kModel, WeightTable::Entries::kept);
  EXPECT_EQ(m.tagger_weights().fingerprint_clashes(), 0u);
  EXPECT_EQ(m.parser_weights().fingerprint_clashes(), 0u);
  EXPECT_GT(m.parser_features(), 600000u);
  EXPECT_EQ(m.serialise_pruned(0.0f, 0.0f), slurp(kModel));
}

// Extraction reads the model without every row's key and the dense rows' entries (only
// re-pruning needs them): the same rows are found, so the same trees, and asking such a
// model for its entries is refused rather than answered with nothing.
TEST(SyntaxModel, ModelReadWithoutEntriesParsesTheSameAndRefusesToReprune) {
  const SyntaxModel kept = SyntaxModel::read(kModel, WeightTable::Entries::kept);
  const SyntaxModel dropped = SyntaxModel::read(kModel);
  EXPECT_EQ(dropped.parser_features(), kept.parser_features());
  EXPECT_EQ(dropped.tagger_features(), kept.tagger_features());
  const std::vector<std::string> words = {"The", "Russian", "foreign", "minister", ",", "who", "arrived", "on",
                                          "Sunday", ",", "met", "his", "Chinese", "counterpart", "in", "Beijing", "."};
  const Parse a = kept.parse(words), b = dropped.parse(words);
  EXPECT_EQ(a.upos, b.upos);
  EXPECT_EQ(a.heads, b.heads);
  EXPECT_EQ(a.deprels, b.deprels);
  EXPECT_EQ(a.heads[10], 0);  // "met" is the root
  EXPECT_THROW(dropped.serialise_pruned(0.0f, 0.0f), std::logic_error);
}

// parse_ids() is the parse parse() names: the same tags, heads and relations as indices
// into the model's name tables (sentence_parses reads them without a string per word).
TEST(SyntaxModel, ParseIdsAreTheNamedParse) {
  SyntaxModel m = SyntaxModel::read(kModel);
  const std::vector<std::string> words = {"Officials", "in",  "Country", "A",   "said",    "on", "Tuesday", "that",
                                          "1,200",     "troops", "would", "leave", "by",   "2019", "."};
  const Parse named = m.parse(words);
  const SyntaxModel::ParseIds ids = m.parse_ids(words);
  ASSERT_EQ(ids.tags.size(), words.size());
  ASSERT_EQ(ids.labels.size(), words.size());
  EXPECT_EQ(ids.heads, named.heads);
  for (std::size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(m.tag_names()[static_cast<std::size_t>(ids.tags[i])], named.upos[i]) << words[i];
    EXPECT_EQ(m.label_names()[static_cast<std::size_t>(ids.labels[i])], named.deprels[i]) << words[i];
  }
  EXPECT_TRUE(m.parse_ids({}).tags.empty());
}

// prepare_words() keeps one buffer for its per-word strings: each word's hashes must be
// those of the word alone (lower_hash folds case and digits), whatever came before it.
TEST(SyntaxTagger, PreparedWordsHashEachWordAlone) {
  const std::vector<std::string> words = {"Reconstruction", "of", "NATO's", "1999", "plan", "G7", "a"};
  const TaggerWords all = prepare_words(words);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const TaggerWords one = prepare_words(std::span<const std::string>(&words[i], 1));
    EXPECT_EQ(all.lower[i], lower_hash(words[i])) << words[i];
    EXPECT_EQ(all.lower[i], one.lower[0]) << words[i];
    EXPECT_EQ(all.shape[i], one.shape[0]) << words[i];
    EXPECT_EQ(all.suf4[i], one.suf4[0]) << words[i];
    EXPECT_EQ(all.pre3[i], one.pre3[0]) << words[i];
  }
  EXPECT_EQ(lower_hash("1999"), lower_hash("2003"));
  EXPECT_EQ(lower_hash("NATO"), lower_hash("nato"));
}
