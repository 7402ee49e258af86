// kgraph_train_parser: trains the syntax model (UPOS tagger + dependency
// parser) on CoNLL-U files and evaluates it; scripts/train-parser runs it.
//   kgraph_train_parser --train T --dev D --out MODEL [--tagger-epochs N] [--parser-epochs N] [--jackknife K] [--prune W]
//   kgraph_train_parser --model MODEL --eval FILE...
//   kgraph_train_parser --reprune MODEL [--prune-tagger W] --prune W --out SMALLER [--eval FILE...]
//   kgraph_train_parser --model MODEL --dump FILE   (the model's tags and trees of FILE's words, as CoNLL-U)
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "extract/syntax/train_syntax.hpp"
#include "ontology/tsv_table.hpp"

using namespace kgraph::extract::syntax;

int main(int argc, char** argv) {
  std::string train, dev, out, model, reprune;
  std::vector<std::string> eval;
  std::string dump;
  SyntaxTrainOptions opt;
  float tagger_prune = 0;
  try {
    for (int i = 1; i < argc; ++i) {
      std::string a = argv[i];
      auto next = [&]() -> std::string {
        if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
        return argv[++i];
      };
      if (a == "--train") train = next();
      else if (a == "--dev") dev = next();
      else if (a == "--out") out = next();
      else if (a == "--model") model = next();
      else if (a == "--eval") eval.push_back(next());
      else if (a == "--dump") dump = next();
      else if (a == "--tagger-epochs") opt.tagger_epochs = std::stoi(next());
      else if (a == "--parser-epochs") opt.parser_epochs = std::stoi(next());
      else if (a == "--jackknife") opt.jackknife = std::stoi(next());
      else if (a == "--prune") opt.prune = std::stof(next());
      else if (a == "--reprune") reprune = next();
      else if (a == "--prune-tagger") tagger_prune = std::stof(next());
      else if (a == "--seed") opt.seed = std::stoull(next());
      else throw std::runtime_error("unknown option " + a);
    }
    if (!train.empty()) {
      if (out.empty()) throw std::runtime_error("--train needs --out");
      auto t0 = std::chrono::steady_clock::now();
      auto tr = read_conllu_file(train);
      std::vector<Sentence> dv;
      if (!dev.empty()) dv = read_conllu_file(dev);
      std::string bytes = train_syntax(tr, dv, opt, std::cerr);
      std::ofstream f(out, std::ios::binary);
      f << bytes;
      if (!f) throw std::runtime_error("cannot write " + out);
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf("wrote %s: %zu bytes; training took %.1f s\n", out.c_str(), bytes.size(), s);
      model = out;
    }
    if (!reprune.empty()) {
      if (out.empty()) throw std::runtime_error("--reprune needs --out");
      std::string bytes = SyntaxModel::read(reprune, WeightTable::Entries::kept).serialise_pruned(tagger_prune, opt.prune);
      std::ofstream f(out, std::ios::binary);
      f << bytes;
      if (!f) throw std::runtime_error("cannot write " + out);
      std::printf("wrote %s: %zu bytes (tagger weights below %g, parser weights below %g dropped)\n", out.c_str(),
                  bytes.size(), tagger_prune, opt.prune);
      model = out;
    }
    if (!eval.empty()) {
      if (model.empty()) throw std::runtime_error("--eval needs --model (or --train)");
      SyntaxModel m = SyntaxModel::read(model);
      std::printf("model %s: %zu tagger and %zu parser features\n", model.c_str(), m.tagger_features(),
                  m.parser_features());
      for (const auto& e : eval) {
        SyntaxScores s = evaluate_syntax(m, read_conllu_file(e));
        std::printf("%s: %zu words  UPOS %.5f  UAS %.5f  LAS %.5f  (LAS without subtypes %.5f)  %.0f words/s\n",
                    e.c_str(), s.words, s.upos, s.uas, s.las, s.clas_universal, static_cast<double>(s.words) / s.seconds);
      }
    }
    if (!dump.empty()) {
      // Byte-comparable output: two builds parse alike exactly when their dumps are equal.
      if (model.empty()) throw std::runtime_error("--dump needs --model");
      SyntaxModel m = SyntaxModel::read(model);
      for (const Sentence& g : read_conllu_file(dump)) {
        std::vector<std::string> words;
        for (const Word& w : g.words) words.push_back(w.form);
        const Parse p = m.parse(words);
        for (std::size_t i = 0; i < words.size(); ++i)
          std::printf("%zu\t%s\t_\t%s\t_\t_\t%d\t%s\t_\t_\n", i + 1, words[i].c_str(), p.upos[i].c_str(), p.heads[i],
                      p.deprels[i].c_str());
        std::printf("\n");
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kgraph_train_parser: %s\n", e.what());
    return 1;
  }
  return 0;
}
