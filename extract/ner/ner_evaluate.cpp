#include "extract/ner/ner_evaluate.hpp"

#include <ctime>

namespace kgraph::extract::ner {

Evaluation evaluate(const NerTagger& tagger, const ConllData& data, int timing_passes) {
  Evaluation ev;
  std::vector<std::vector<NerSpan>> predicted(data.sentences.size());
  for (const LabelledSentence& s : data.sentences) ev.tokens += s.tokens.size();
  for (int pass = 0; pass < timing_passes || pass == 0; ++pass) {
    // CPU time, not wall time: on a shared machine the process waits for a core.
    const std::clock_t start = std::clock();
    for (std::size_t i = 0; i < data.sentences.size(); ++i)
      predicted[i] = tagger.tag(data.sentences[i].text, data.sentences[i].tokens);
    const double seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
    if (pass == 0 || seconds < ev.tag_seconds) ev.tag_seconds = seconds;
  }
  for (std::size_t i = 0; i < data.sentences.size(); ++i)
    ev.score.add(spans_from_tags(data.sentences[i].gold), predicted[i]);
  return ev;
}

}  // namespace kgraph::extract::ner
