// Short forms of English given names and the formal name each stands for ("Joe" -> "Joseph"),
// from ontology/lexicon/given_names.tsv. The graph reads a person's first name through it when
// it keys nodes, so one person named "Joe Biden" in one article and "Joseph R. Biden" in the next
// is one node.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kgraph::graph {

class GivenNames {
 public:
  GivenNames() = default;  // empty: every name is its own formal form
  // Throws DataFileError naming file:line: E204 wrong columns, E207 a form that is not one word
  // of letters, a short form listed twice, equal to its formal name, or itself a formal name.
  static GivenNames load(const std::filesystem::path& file);

  // The formal form of `word` in lower case when `word` (ASCII letter case aside) is a listed
  // short form; otherwise an empty view.
  std::string_view formal(std::string_view word) const;
  bool empty() const { return formal_.empty(); }

 private:
  std::unordered_map<std::string, std::string> formal_;  // keys and values in lower case
};

}  // namespace kgraph::graph
