// Node colours per entity type, read from ontology/lexicon/entity_types.tsv so
// that changing the palette is a data edit, not a rebuild.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>

#include "ontology/types.hpp"

namespace kgraph::exports {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

class EntityPalette {
 public:
  // Throws DataFileError naming file:line for an unknown type, a channel
  // outside 0..255, or a type the file leaves out.
  static EntityPalette load(const std::filesystem::path& ontology_dir);

  Rgb color(EntityType t) const { return colors_[static_cast<std::size_t>(t)]; }

 private:
  std::array<Rgb, kEntityTypeCount> colors_{};
};

}  // namespace kgraph::exports
