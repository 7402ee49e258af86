#include "ontology/diagnostic.hpp"

namespace kgraph {

std::string Diagnostic::format() const {
  std::string out = location.empty() ? std::string("kgraph") : location;
  out += severity == Severity::Error ? ": error: [" : ": warning: [";
  out += code;
  out += "] ";
  out += message;
  return out;
}

}  // namespace kgraph
