#include "extract/ner/ner_score.hpp"

#include <algorithm>
#include <cstdio>

namespace kgraph::extract::ner {

void NerScore::add(std::span<const NerSpan> gold, std::span<const NerSpan> predicted) {
  auto same = [](const NerSpan& a, const NerSpan& b) { return a.first == b.first && a.last == b.last && a.label == b.label; };
  for (const NerSpan& p : predicted) {
    bool hit = std::any_of(gold.begin(), gold.end(), [&](const NerSpan& g) { return same(g, p); });
    SpanCounts& c = per_label_[static_cast<int>(p.label)];
    (hit ? c.tp : c.fp) += 1;
  }
  for (const NerSpan& g : gold)
    if (std::none_of(predicted.begin(), predicted.end(), [&](const NerSpan& p) { return same(g, p); }))
      per_label_[static_cast<int>(g.label)].fn += 1;
}

SpanCounts NerScore::micro() const {
  SpanCounts m;
  for (NerLabel l : {NerLabel::Person, NerLabel::Organisation, NerLabel::Location}) {
    m.tp += of(l).tp;
    m.fp += of(l).fp;
    m.fn += of(l).fn;
  }
  return m;
}

void NerScore::print(std::ostream& out) const {
  auto line = [&](std::string_view name, const SpanCounts& c) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%-6.*s P %.4f  R %.4f  F1 %.4f  (tp %zu fp %zu fn %zu)\n", static_cast<int>(name.size()),
                  name.data(), c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn);
    out << buf;
  };
  for (NerLabel l : {NerLabel::Person, NerLabel::Organisation, NerLabel::Location, NerLabel::Misc})
    line(label_name(l), of(l));
  line("micro", micro());
  out << "(micro = PER+ORG+LOC; MISC is reported but not scored)\n";
}

std::vector<NerSpan> spans_from_tags(std::span<const Tag> tags) {
  std::vector<NerSpan> spans;
  for (std::size_t i = 0; i < tags.size();) {
    if (tags[i] == kOutside) {
      ++i;
      continue;
    }
    NerLabel label = label_of(tags[i]);
    std::size_t j = i + 1;
    while (j < tags.size() && is_inside(tags[j]) && label_of(tags[j]) == label) ++j;
    spans.push_back(NerSpan{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), label, 1.0f});
    i = j;
  }
  return spans;
}

}  // namespace kgraph::extract::ner
