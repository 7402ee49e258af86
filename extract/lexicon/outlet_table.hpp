// The news outlets of ontology/lexicon/outlets.tsv: the spellings datelines and
// bylines use for an outlet ("(Reuters)", "By Jane Doe, AP") and the web hosts
// of its site. Used to name a document's outlet when its metadata gives none.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kgraph::extract {

class OutletTable {
 public:
  // Throws DataFileError naming file:line (E204 wrong columns, E207 an empty
  // name, a form or host given twice, a host that is no host name).
  static OutletTable load(const std::filesystem::path& ontology_dir);

  // The outlet's name for a form, compared as normalize_key does (case and
  // typographic dashes ignored); nullptr when the table has no such form.
  const std::string* by_form(std::string_view form) const;
  // The outlet whose host is `host` or a domain above it ("uk.reuters.com"
  // finds reuters.com); `host` is lower case, without "www.". nullptr if none.
  const std::string* by_host(std::string_view host) const;

 private:
  std::unordered_map<std::string, std::string> forms_;  // normalised form -> name
  std::unordered_map<std::string, std::string> hosts_;  // host -> name
};

}  // namespace kgraph::extract
