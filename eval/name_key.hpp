// When two names are the same for scoring: case-folded (Unicode), whitespace
// runs collapsed and trimmed, and the apostrophe variants (’ ‘ ʼ ` ´) made one.
// "Côte d’Ivoire " and "CÔTE  D'IVOIRE" give the same key.
#pragma once

#include <string>
#include <string_view>

namespace kgraph::eval {

std::string name_key(std::string_view name);

}  // namespace kgraph::eval
