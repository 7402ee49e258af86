#include "extract/ner/ner_evaluate.hpp"

#include <chrono>

namespace kgraph::extract::ner {

Evaluation evaluate(const NerTagger& tagger, const ConllData& data) {
  Evaluation ev;
  std::vector<std::vector<NerSpan>> predicted(data.sentences.size());
  auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < data.sentences.size(); ++i) {
    const LabelledSentence& s = data.sentences[i];
    predicted[i] = tagger.tag(s.text, s.tokens);
    ev.tokens += s.tokens.size();
  }
  ev.tag_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::size_t i = 0; i < data.sentences.size(); ++i)
    ev.score.add(spans_from_tags(data.sentences[i].gold), predicted[i]);
  return ev;
}

}  // namespace kgraph::extract::ner
