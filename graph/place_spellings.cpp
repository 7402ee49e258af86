#include "graph/place_spellings.hpp"

#include "ontology/tsv_table.hpp"

namespace kgraph::graph {

std::string fold_name(std::string_view name) {
  std::string key(name);
  for (char& c : key)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    else if (c == '-')
      c = ' ';
  return key;
}

PlaceSpellings PlaceSpellings::load(const std::filesystem::path& file) {
  const TsvTable t = load_tsv(file, "capital-spellings");
  const std::size_t c_spelling = t.column("spelling"), c_capital = t.column("capital");
  PlaceSpellings p;
  for (const TsvRow& r : t.rows) {
    if (r[c_spelling].empty() || r[c_capital].empty())
      throw DataFileError(make_error("E207", t.where(r), "a spelling and its capital are both needed"));
    if (!p.capital_.try_emplace(fold_name(r[c_spelling]), fold_name(r[c_capital])).second)
      throw DataFileError(make_error("E207", t.where(r), "spelling '" + r[c_spelling] + "' listed twice"));
  }
  return p;
}

std::string_view PlaceSpellings::key_of(std::string_view key) const {
  if (capital_.empty()) return key;
  const auto it = capital_.find(std::string(key));
  return it == capital_.end() ? key : std::string_view(it->second);
}

}  // namespace kgraph::graph
