#include "extract/lexicon/outlet_table.hpp"

#include "extract/lexicon/lexicon.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract {
namespace {

// Lower-case ASCII letters, digits, '-' and '.', with at least one dot and no
// empty label: what a host in the table must look like to ever match a URL.
bool is_host_name(const std::string& h) {
  if (h.empty() || h.front() == '.' || h.back() == '.' || h.find("..") != std::string::npos) return false;
  if (h.find('.') == std::string::npos) return false;
  for (char c : h)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  return true;
}

}  // namespace

OutletTable OutletTable::load(const std::filesystem::path& ontology_dir) {
  const TsvTable t = load_tsv(ontology_dir / "lexicon" / "outlets.tsv", "outlets");
  const std::size_t name_col = t.column("name"), forms_col = t.column("forms"), hosts_col = t.column("hosts");
  OutletTable out;
  for (const TsvRow& r : t.rows) {
    const std::string& name = r[name_col];
    if (name.empty()) throw DataFileError(make_error("E207", t.where(r), "empty outlet name"));
    std::vector<std::string> forms = split_nonempty(r[forms_col], '|');
    forms.push_back(name);
    for (const std::string& form : forms) {
      auto [it, fresh] = out.forms_.emplace(normalize_key(form), name);
      // The name repeated among its own forms is harmless; another outlet's is not.
      if (!fresh && it->second != name)
        throw DataFileError(make_error("E207", t.where(r), "form '" + form + "' already names outlet '" + it->second + "'"));
    }
    for (const std::string& host : split_nonempty(r[hosts_col], '|')) {
      if (!is_host_name(host) || host.rfind("www.", 0) == 0)
        throw DataFileError(make_error("E207", t.where(r), "'" + host + "' is not a lower-case host name without 'www.'"));
      if (!out.hosts_.emplace(host, name).second)
        throw DataFileError(make_error("E207", t.where(r), "host '" + host + "' listed twice"));
    }
  }
  return out;
}

const std::string* OutletTable::by_form(std::string_view form) const {
  auto it = forms_.find(normalize_key(form));
  return it == forms_.end() ? nullptr : &it->second;
}

const std::string* OutletTable::by_host(std::string_view host) const {
  // Try the host, then each domain above it, down to two labels.
  while (host.find('.') != std::string_view::npos) {
    if (auto it = hosts_.find(std::string(host)); it != hosts_.end()) return &it->second;
    host.remove_prefix(host.find('.') + 1);
  }
  return nullptr;
}

}  // namespace kgraph::extract
