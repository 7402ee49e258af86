#include "export/entity_lookup.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <tuple>

namespace kgraph::exports {
namespace {

// Case-folded, without accents, spaces collapsed; as code points for the edit distance.
std::u32string fold(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                      UTF8PROC_CASEFOLD);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  std::u32string out;
  auto push = [&](char32_t c) {
    const bool space = c == U' ' || c == U'\t' || c == U'\n' || c == U'\u00A0';
    if (space && (out.empty() || out.back() == U' ')) return;
    out.push_back(space ? U' ' : c);
  };
  if (n < 0) {  // not valid UTF-8 (a typed name may be anything): ASCII case only
    for (char c : text) push(static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c + 32 : static_cast<unsigned char>(c)));
  } else {
    for (utf8proc_ssize_t i = 0; i < n;) {
      utf8proc_int32_t cp = 0;
      const utf8proc_ssize_t len = utf8proc_iterate(mapped + i, n - i, &cp);
      if (len <= 0) break;
      push(static_cast<char32_t>(cp));
      i += len;
    }
    std::free(mapped);
  }
  if (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

std::u32string last_word(const std::u32string& s) {
  const std::size_t space = s.rfind(U' ');
  return space == std::u32string::npos ? s : s.substr(space + 1);
}

std::vector<std::u32string> words(const std::u32string& s) {
  std::vector<std::u32string> out;
  for (std::size_t i = 0; i <= s.size();) {
    std::size_t end = s.find(U' ', i);
    if (end == std::u32string::npos) end = s.size();
    if (end > i) out.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

// Levenshtein distance, two rows.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

struct Folded {
  std::u32string name;
  std::vector<std::u32string> aliases;
};

// Mentions (more first), then name: the order of candidates and of equal suggestions.
bool more_mentioned(const graph::KnowledgeGraph& g, int a, int b) {
  const graph::NodeTable& nodes = g.nodes();
  const auto x = static_cast<std::size_t>(a), y = static_cast<std::size_t>(b);
  return std::make_pair(nodes.mentions(y), nodes.name(x)) < std::make_pair(nodes.mentions(x), nodes.name(y));
}

}  // namespace

EntityLookup lookup_entity(const graph::KnowledgeGraph& graph, std::string_view query) {
  EntityLookup out;
  if (int exact = graph.find(std::string(query)); exact >= 0) {
    out.node = exact;
    return out;
  }
  const std::u32string q = fold(query);
  std::vector<Folded> folded(graph.nodes().size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const graph::Node node = graph.nodes()[i];
    folded[i].name = fold(node.name);
    for (const std::string& a : node.aliases) folded[i].aliases.push_back(fold(a));
  }
  auto settle = [&](std::vector<int> found) {
    if (found.size() == 1) {
      out.node = found.front();
    } else {
      std::sort(found.begin(), found.end(), [&](int a, int b) { return more_mentioned(graph, a, b); });
      out.candidates = std::move(found);
    }
    return !out.candidates.empty() || out.node >= 0;
  };
  if (q.empty()) return out;

  std::vector<int> by_name, by_surname;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const Folded& f = folded[i];
    if (f.name == q || std::find(f.aliases.begin(), f.aliases.end(), q) != f.aliases.end())
      by_name.push_back(static_cast<int>(i));
    else if (last_word(f.name) == q)
      by_surname.push_back(static_cast<int>(i));
  }
  if (settle(std::move(by_name)) || settle(std::move(by_surname))) return out;

  // Suggestions: the smallest distance from the query to a node's name, an
  // alias or the name's last word; a shared word counts as close too.
  const std::size_t limit = std::max<std::size_t>(1, q.size() / 3);
  const std::vector<std::u32string> query_words = words(q);
  std::vector<std::pair<std::size_t, int>> scored;  // (distance, node)
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const Folded& f = folded[i];
    std::size_t best = std::min(edit_distance(q, f.name), edit_distance(q, last_word(f.name)));
    for (const std::u32string& a : f.aliases) best = std::min(best, edit_distance(q, a));
    if (best > limit) {
      // "Doe Jane", "president Doe": a word in common, ranked after every near spelling
      const std::vector<std::u32string> name_words = words(f.name);
      const bool shared = std::any_of(query_words.begin(), query_words.end(), [&](const std::u32string& w) {
        return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
      });
      if (!shared) continue;
      best = limit + 1;
    }
    scored.emplace_back(best, static_cast<int>(i));
  }
  std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return more_mentioned(graph, a.second, b.second);
  });
  for (std::size_t k = 0; k < scored.size() && k < kMaxSuggestions; ++k) out.suggestions.push_back(scored[k].second);
  return out;
}

}  // namespace kgraph::exports
