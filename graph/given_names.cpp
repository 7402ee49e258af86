#include "graph/given_names.hpp"

#include <set>

#include "graph/place_spellings.hpp"  // fold_name, the merge key fold
#include "ontology/tsv_table.hpp"

namespace kgraph::graph {
namespace {

// One word of ASCII letters: the table keys on the first word of a name, which never holds a
// space, a dot or a hyphen.
bool one_word(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

}  // namespace

GivenNames GivenNames::load(const std::filesystem::path& file) {
  const TsvTable t = load_tsv(file, "given-names");
  const std::size_t c_short = t.column("short"), c_formal = t.column("formal");
  GivenNames g;
  std::set<std::string> formals;
  for (const TsvRow& r : t.rows) {
    auto bad = [&](const std::string& why) { return DataFileError(make_error("E207", t.where(r), why)); };
    if (!one_word(r[c_short]) || !one_word(r[c_formal]))
      throw bad("a given name is one word of letters ('" + r[c_short] + "', '" + r[c_formal] + "')");
    std::string s = fold_name(r[c_short]), f = fold_name(r[c_formal]);
    if (s == f) throw bad("'" + r[c_short] + "' is its own formal name");
    if (!g.formal_.try_emplace(s, f).second) throw bad("short form '" + r[c_short] + "' listed twice");
    formals.insert(std::move(f));
  }
  // One step only: a short form that is also a formal name would make the key depend on how far
  // a chain is followed.
  for (const TsvRow& r : t.rows)
    if (formals.count(fold_name(r[c_short])))
      throw DataFileError(make_error("E207", t.where(r), "short form '" + r[c_short] + "' is also a formal name"));
  return g;
}

std::string_view GivenNames::formal(std::string_view word) const {
  if (formal_.empty()) return {};
  const auto it = formal_.find(fold_name(word));
  return it == formal_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace kgraph::graph
