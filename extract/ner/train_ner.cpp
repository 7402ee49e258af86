#include "extract/ner/train_ner.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>

#include "extract/ner/conll_reader.hpp"
#include "extract/ner/gazetteer.hpp"
#include "extract/ner/ner_evaluate.hpp"
#include "extract/ner/ner_tagger.hpp"
#include "extract/ner/perceptron_trainer.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract::ner {
namespace {

// Reports skipped input lines (at most a few, then a count); returns how many there were.
std::size_t report_problems(const ConllData& data, std::ostream& err) {
  std::size_t shown = 0;
  for (const Diagnostic& d : data.problems)
    if (shown++ < 5) err << "kgraph: " << d.format() << "\n";
  if (data.problems.size() > 5) err << "kgraph: ... and " << data.problems.size() - 5 << " more\n";
  return data.problems.size();
}

void print_speed(const Evaluation& ev, std::size_t bytes, std::ostream& out) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "tagging: %zu tokens, %zu bytes in %.3f CPU s: %.0f tokens/s, %.2f MB/s (one thread, fastest of 5 passes)\n",
                ev.tokens, bytes, ev.tag_seconds, ev.tag_seconds > 0 ? double(ev.tokens) / ev.tag_seconds : 0.0,
                ev.tag_seconds > 0 ? double(bytes) / 1e6 / ev.tag_seconds : 0.0);
  out << buf;
}

int evaluate_only(const TrainNerOptions& o, std::ostream& out, std::ostream& err) {
  NerTagger tagger = NerTagger::load(o.eval_only, o.ontology);
  ConllData dev = read_conll_jsonl(o.dev, o.dev_limit);
  std::size_t bad = report_problems(dev, err);
  Evaluation ev = evaluate(tagger, dev, 5);
  out << "model " << o.eval_only.string() << " on " << o.dev.string() << " (" << dev.sentences.size() << " sentences)\n";
  ev.score.print(out);
  print_speed(ev, dev.bytes, out);
  return bad ? 1 : 0;
}

int train(const TrainNerOptions& o, std::ostream& out, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  auto gazetteer = std::make_shared<const Gazetteer>(Gazetteer::load(o.ontology));
  ConllData train_data = read_conll_jsonl(o.train, o.train_limit);
  ConllData dev_data = read_conll_jsonl(o.dev, o.dev_limit);
  std::size_t bad = report_problems(train_data, err) + report_problems(dev_data, err);
  if (!o.quiet)
    err << "train-ner: " << train_data.sentences.size() << " training sentences, " << dev_data.sentences.size()
        << " dev sentences, " << gazetteer->size() << " gazetteer phrases, seed " << o.seed << "\n";

  TrainParams params;
  params.max_epochs = o.epochs;
  params.seed = o.seed;
  TrainResult result = train_perceptron(train_data, dev_data, gazetteer, params, o.quiet ? nullptr : &err);
  if (result.best_epoch == 0) {
    err << "kgraph: error: train-ner: no epoch was trained\n";
    return 2;
  }
  std::ofstream file(o.output, std::ios::binary | std::ios::trunc);
  file.write(result.model_bytes.data(), static_cast<std::streamsize>(result.model_bytes.size()));
  file.close();
  if (!file) throw DataFileError(make_error("E315", o.output.string(), "cannot write NER model file"));

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out << "wrote " << o.output.string() << " (" << result.model_bytes.size() << " bytes, best epoch " << result.best_epoch
      << " of " << o.epochs << ", seed " << o.seed << ", " << result.features << " features before pruning, "
      << static_cast<int>(seconds) << "s)\n";
  out << "dev score of the written model:\n";
  result.dev_score.print(out);
  return bad ? 1 : 0;
}

}  // namespace

int run_train_ner(const TrainNerOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.eval_only.empty()) return evaluate_only(options, out, err);
  return train(options, out, err);
}

}  // namespace kgraph::extract::ner
