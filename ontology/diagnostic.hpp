// Errors as values. A Diagnostic names where the problem is (a file, file:line,
// a URL, or doc#sentence) and carries a stable code from the catalogue below,
// so that scripts and users can grep for it. Only cli/ prints them.
#pragma once

#include <string>
#include <string_view>

namespace kgraph {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;      // "E101" ...; see diagnostic_codes.md in ontology/
  std::string location;  // "corpus.jsonl:17", "https://example.org/a", "ontology/aliases.tsv:12"
  std::string message;

  // "LOCATION: error: [CODE] MESSAGE"
  std::string format() const;
};

inline Diagnostic make_error(std::string code, std::string location, std::string message) {
  return Diagnostic{Severity::Error, std::move(code), std::move(location), std::move(message)};
}
inline Diagnostic make_warning(std::string code, std::string location, std::string message) {
  return Diagnostic{Severity::Warning, std::move(code), std::move(location), std::move(message)};
}

}  // namespace kgraph
