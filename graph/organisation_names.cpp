#include "graph/organisation_names.hpp"

#include <algorithm>

#include "graph/place_spellings.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::graph {

std::string organisation_key(std::string_view name) {
  std::string key = fold_name(name);
  std::erase(key, '.');
  return key;
}

namespace {

// Whether `alias` is the last words of `name` (both keys): a short form, not another name.
bool ends_name(const std::string& alias, const std::string& name) {
  return alias.size() < name.size() && name.ends_with(alias) && name[name.size() - alias.size() - 1] == ' ';
}

}  // namespace

OrganisationNames OrganisationNames::load(const std::filesystem::path& file) {
  const TsvTable t = load_tsv(file, "organisations");
  const std::size_t c_name = t.column("name"), c_aliases = t.column("aliases");
  OrganisationNames o;
  auto add = [&](const std::string& key, const std::string& canonical) {
    auto [it, added] = o.canonical_.try_emplace(key, canonical);
    if (!added && it->second != canonical) it->second.clear();
  };
  for (const TsvRow& r : t.rows) {
    if (r[c_name].empty()) throw DataFileError(make_error("E207", t.where(r), "an organisation needs a name"));
    const std::string canonical = organisation_key(r[c_name]);
    add(canonical, canonical);
    const std::string& aliases = r[c_aliases];
    for (std::size_t b = 0; b <= aliases.size();) {
      std::size_t e = aliases.find('|', b);
      if (e == std::string::npos) e = aliases.size();
      if (e > b) {
        const std::string key = organisation_key(std::string_view(aliases).substr(b, e - b));
        if (!ends_name(key, canonical)) add(key, canonical);
      }
      b = e + 1;
    }
  }
  return o;
}

std::string_view OrganisationNames::key_of(std::string_view key) const {
  if (canonical_.empty()) return key;
  const auto it = canonical_.find(std::string(key));
  return it == canonical_.end() || it->second.empty() ? key : std::string_view(it->second);
}

}  // namespace kgraph::graph
