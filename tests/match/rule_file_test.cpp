// Rule files with mistakes: the loader names the file and line and says what is wrong.
#include <gtest/gtest.h>

#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "extract/lexicon/lexicon.hpp"
#include "extract/match/rule_set.hpp"
#include "extract/syntax/syntax_model.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract::match {
namespace {

namespace fs = std::filesystem;

class RuleFile : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    lexicon_ = new Lexicon(Lexicon::load(KGRAPH_ONTOLOGY));
    model_ = new syntax::SyntaxModel(syntax::SyntaxModel::read(fs::path(KGRAPH_ONTOLOGY) / "models" / "syntax-en-ewt.model"));
  }
  static void TearDownTestSuite() {
    delete lexicon_;
    delete model_;
  }
  // A copy of ontology/relations with rules.tsv replaced by the header and `rows`.
  fs::path with_rules(const std::string& rows) {
    dir_ = fs::temp_directory_path() / ("kgraph-rule-file-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* f : {"lemmas.tsv", "modality_scope.tsv"})
      fs::copy_file(fs::path(KGRAPH_ONTOLOGY) / "relations" / f, dir_ / f);
    std::ofstream(dir_ / "rules.tsv") << "# kgraph-data relation-rules v1\nid\trelation\ttrigger\thead\ttail\trequire\n" << rows;
    return dir_;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The error loading `rows`, as "location: message".
  std::string error_of(const std::string& rows) {
    try {
      RuleSet::load(with_rules(rows), *lexicon_, model_->label_names(), model_->tag_names());
    } catch (const DataFileError& e) {
      return e.diagnostic.location.substr(e.diagnostic.location.rfind('/') + 1) + ": [" + e.diagnostic.code + "] " +
             e.diagnostic.message;
    }
    return "no error";
  }

  static Lexicon* lexicon_;
  static syntax::SyntaxModel* model_;
  fs::path dir_;
};
Lexicon* RuleFile::lexicon_ = nullptr;
syntax::SyntaxModel* RuleFile::model_ = nullptr;

TEST_F(RuleFile, GoodRulesLoad) {
  EXPECT_EQ(error_of("a\tmet_with\tmeet[pos=VERB]\tnsubj\tobl*[case=with]\t-\n"), "no error");
}

TEST_F(RuleFile, UnknownDependencyRelation) {
  EXPECT_EQ(error_of("a\tmet_with\tmeet\tnsubj\tobl\t-\nb\tmet_with\tmeet\tnsubjj\tobj\t-\n"),
            "rules.tsv:4: [E341] unknown dependency relation 'nsubjj' (the parser's labels are UD relations)");
}

TEST_F(RuleFile, UnknownRelationType) {
  EXPECT_EQ(error_of("a\tmeets_with\tmeet\tnsubj\tobj\t-\n"), "rules.tsv:3: [E341] unknown relation type 'meets_with'");
}

TEST_F(RuleFile, UnknownWordList) {
  EXPECT_EQ(error_of("a\tdeployed_to\tsend\tnsubj\tobl\tobj[list=forcez]\n"),
            "rules.tsv:3: [E341] unknown word list 'forcez' (ontology/lexicon/word_lists.tsv)");
  // an organisation kind that organisations.tsv never uses
  EXPECT_EQ(error_of("a\tspoke_with\tspeak\tnsubj\tobl[kind=medias]\t-\n"),
            "rules.tsv:3: [E341] unknown organisation kind 'medias' (organisations.tsv `kind`)");
}

TEST_F(RuleFile, UnclosedTest) {
  EXPECT_EQ(error_of("a\tmet_with\tmeet\tnsubj[type=Person\tobj\t-\n"),
            "rules.tsv:3: [E340] step 'nsubj[type=Person' has '[' without a closing ']'");
}

TEST_F(RuleFile, DuplicateId) {
  const std::string e = error_of("a\tmet_with\tmeet\tnsubj\tobj\t-\na\tmet_with\tmeet\tnsubj\tobj\t-\n");
  EXPECT_NE(e.find("rules.tsv:4: [E340] rule id 'a' used before, at"), std::string::npos) << e;
}

TEST_F(RuleFile, WrongColumnCount) {
  EXPECT_EQ(error_of("a\tmet_with\tmeet\tnsubj\tobj\n").substr(0, 20), "rules.tsv:3: [E204] ");
}

// The relation filter (relation_filter.tsv, written by scripts/relation-filter).
class FilterFile : public RuleFile {
 protected:
  RuleSet load_with_filter(const std::string& rows) {
    const fs::path dir = with_rules("a\tmet_with\tmeet\tnsubj\tobj\t-\n");
    std::ofstream(dir / "relation_filter.tsv") << "# kgraph-data relation-filter v1\nkind\tkey\tfired\tright\n" << rows;
    return RuleSet::load(dir, *lexicon_, model_->label_names(), model_->tag_names());
  }
  std::string filter_error(const std::string& rows) {
    try {
      load_with_filter(rows);
    } catch (const DataFileError& e) {
      return e.diagnostic.location.substr(e.diagnostic.location.rfind('/') + 1) + ": [" + e.diagnostic.code + "] " +
             e.diagnostic.message;
    }
    return "no error";
  }
};

TEST_F(FilterFile, TypesCellsMatchEitherOrderForSymmetricRelations) {
  const RuleSet set = load_with_filter("types\tmet_with Country Person\t31\t3\nresolved\ttrigger:spoke_with/with\t9\t1\n");
  EXPECT_TRUE(set.filtered(RelationType::MetWith, EntityType::Person, EntityType::Country, "parse:met.noun.with", false));
  EXPECT_TRUE(set.filtered(RelationType::MetWith, EntityType::Country, EntityType::Person, "parse:met.noun.with", false));
  EXPECT_FALSE(set.filtered(RelationType::MetWith, EntityType::Person, EntityType::Person, "parse:met.noun.with", false));
  // deployed_to is not symmetric: the row names met_with only
  EXPECT_FALSE(set.filtered(RelationType::DeployedTo, EntityType::Country, EntityType::Person, "x", false));
  // a rule's resolved arguments only
  EXPECT_TRUE(set.filtered(RelationType::SpokeWith, EntityType::Person, EntityType::Person, "trigger:spoke_with/with", true));
  EXPECT_FALSE(set.filtered(RelationType::SpokeWith, EntityType::Person, EntityType::Person, "trigger:spoke_with/with", false));
}

TEST_F(FilterFile, RuleCellsDropTheRule) {
  const RuleSet set = load_with_filter("rule\ttitle:sentence-country\t57\t17\n");
  EXPECT_TRUE(set.filtered(RelationType::HoldsPosition, EntityType::Person, EntityType::Country, "title:sentence-country", false));
  EXPECT_FALSE(set.filtered(RelationType::HoldsPosition, EntityType::Person, EntityType::Country, "title:apposition", false));
}

TEST_F(FilterFile, BadRowsNameFileAndLine) {
  EXPECT_EQ(filter_error("types\tmet_with Country Persn\t3\t1\n"),
            "relation_filter.tsv:3: [E344] unknown relation or entity type in 'met_with Country Persn'");
  EXPECT_EQ(filter_error("type\tmet_with Country Person\t3\t1\n"),
            "relation_filter.tsv:3: [E344] unknown kind 'type' (types, resolved, rule)");
  EXPECT_EQ(filter_error("types\tmet_with Country\t3\t1\n"),
            "relation_filter.tsv:3: [E344] types key is 'relation HeadType TailType'");
}

// The veto table (vetoes.tsv): each condition form loads; a bad row names the file and line.
class VetoFile : public RuleFile {
 protected:
  RuleSet load_with_vetoes(const std::string& rows) {
    const fs::path dir = with_rules("a\tmet_with\tmeet\tnsubj\tobj\t-\n");
    std::ofstream(dir / "vetoes.tsv") << "# kgraph-data relation-vetoes v1\nid\trelation\trules\ttrigger\tcondition\n" << rows;
    return RuleSet::load(dir, *lexicon_, model_->label_names(), model_->tag_names());
  }
  std::string veto_error(const std::string& rows) {
    try {
      load_with_vetoes(rows);
    } catch (const DataFileError& e) {
      return e.diagnostic.location.substr(e.diagnostic.location.rfind('/') + 1) + ": [" + e.diagnostic.code + "] " +
             e.diagnostic.message;
    }
    return "no error";
  }
};

TEST_F(VetoFile, EveryConditionFormLoads) {
  const RuleSet set = load_with_vetoes(
      "a\tmet_with\t*\tmeet|host[pos=VERB]\tsentence[list=sports_context]\n"
      "b\tdeployed_to\tmodel:\t*\ttail:^obl[lemma=withdraw] & !trigger:nsubj[list=force] & head[pos=PROPN]\n");
  ASSERT_EQ(set.vetoes().size(), 2u);
  EXPECT_TRUE(set.vetoes()[0].rules.empty());  // "*": every rule
  EXPECT_EQ(set.vetoes()[1].rules, "model:");
  EXPECT_TRUE(set.vetoes()[1].trigger.lemmas.empty());  // "*": any trigger
  ASSERT_EQ(set.vetoes()[1].conditions.size(), 3u);
  EXPECT_EQ(set.vetoes()[1].conditions[0].anchor, VetoCondition::Anchor::Tail);
  EXPECT_TRUE(set.vetoes()[1].conditions[1].negate);
  EXPECT_TRUE(set.vetoes()[1].conditions[2].path.empty());  // a test of the head itself
}

TEST_F(VetoFile, BadRowsNameFileAndLine) {
  EXPECT_EQ(veto_error("a\tmet_with\t*\tmeet\tsubject:nsubj\n"),
            "vetoes.tsv:3: [E346] condition 'subject:nsubj' is none of anchor:path, anchor[tests], sentence[tests] "
            "(anchors: trigger, head, tail)");
  EXPECT_EQ(veto_error("a\tmet_with\t*\tmeet\tsentence[list=sport_context]\n"),
            "vetoes.tsv:3: [E341] unknown word list 'sport_context' (ontology/lexicon/word_lists.tsv)");
  EXPECT_EQ(veto_error("a\tmeets_with\t*\tmeet\t-\n"), "vetoes.tsv:3: [E346] unknown relation type 'meets_with'");
  const std::string twice = veto_error("a\tmet_with\t*\tmeet\t-\na\tmet_with\t*\thost\t-\n");
  EXPECT_EQ(twice.substr(0, 44), "vetoes.tsv:4: [E346] veto id 'a' used before");
  EXPECT_EQ(twice.substr(twice.size() - 13), "/vetoes.tsv:3");
}

// End to end: `kgraph check-ontology` on an ontology whose rule file has a typo fails with
// exit code 2 and names the file and line.
TEST(CheckOntology, NamesTheRuleFileAndLine) {
  const fs::path dir = fs::temp_directory_path() / ("kgraph-check-ontology-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(KGRAPH_ONTOLOGY, dir, fs::copy_options::recursive);
  std::ofstream(dir / "relations" / "rules.tsv", std::ios::app) << "typo.rule\tmet_with\tmeet\tnsubjx\tobj\t-\n";
  std::size_t lines = 0;
  {
    std::ifstream in(dir / "relations" / "rules.tsv");
    for (std::string l; std::getline(in, l);) ++lines;
  }
  const fs::path err = dir / "stderr.txt";
  const std::string command = std::string("'") + KGRAPH_BINARY + "' check-ontology --ontology '" + dir.string() + "' 2>'" +
                              err.string() + "' >/dev/null";
  const int status = std::system(command.c_str());
  std::ifstream in(err);
  const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(WEXITSTATUS(status), 2) << message;
  EXPECT_NE(message.find("relations/rules.tsv:" + std::to_string(lines) + ": error: [E341] unknown dependency relation 'nsubjx'"),
            std::string::npos)
      << message;
  fs::remove_all(dir);
}

// words_of (one probe by key hash) gives the very lemma and rules that lemma() and rules_of() give by
// string, for every form of the lemma table, every lemma, and words the table does not list.
TEST_F(RuleFile, WordsOfAgreesWithTheLookupsByString) {
  const fs::path dir = fs::path(KGRAPH_ONTOLOGY) / "relations";
  const RuleSet set = RuleSet::load(dir, *lexicon_, model_->label_names(), model_->tag_names());
  std::vector<std::string> keys{"the", "talks", "president", "troops", "xyzzy", ""};
  for (const TsvRow& r : load_tsv(dir / "lemmas.tsv", "lemmas").rows) {
    keys.push_back(r[0]);
    keys.push_back(r[1]);
  }
  int triggers = 0, own_lemma = 0;
  for (const std::string& key : keys) {
    const RuleSet::KeyWords w = set.words_of(key_hash(key), key);
    EXPECT_EQ(w.lemma, &set.lemma(key)) << key;
    EXPECT_EQ(w.rules, &set.rules_of(set.lemma(key))) << key;
    triggers += !w.rules->empty();
    own_lemma += w.lemma == &key;
  }
  EXPECT_GT(triggers, 10);   // "meet", "met", "talks" ... trigger rules
  EXPECT_GT(own_lemma, 10);  // the lemmas and unlisted words are their own
}

}  // namespace
}  // namespace kgraph::extract::match
