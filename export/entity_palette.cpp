#include "export/entity_palette.hpp"

#include <charconv>
#include <string>

#include "ontology/tsv_table.hpp"

namespace kgraph::exports {

EntityPalette EntityPalette::load(const std::filesystem::path& ontology_dir) {
  const TsvTable table = load_tsv(ontology_dir / "lexicon" / "entity_types.tsv", "entity-types");
  const std::size_t type_col = table.column("type");
  const std::array<std::size_t, 3> channel_cols = {table.column("r"), table.column("g"), table.column("b")};

  EntityPalette palette;
  std::array<bool, kEntityTypeCount> seen{};
  for (const TsvRow& row : table.rows) {
    auto type = parse_entity_type(row[type_col]);
    if (!type) throw DataFileError(make_error("E204", table.where(row), "unknown entity type '" + row[type_col] + "'"));
    std::array<std::uint8_t, 3> rgb{};
    for (std::size_t c = 0; c < 3; ++c) {
      const std::string& cell = row[channel_cols[c]];
      unsigned value = 256;
      auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
      if (ec != std::errc{} || end != cell.data() + cell.size() || value > 255)
        throw DataFileError(make_error("E204", table.where(row), "colour channel '" + cell + "' is not 0..255"));
      rgb[c] = static_cast<std::uint8_t>(value);
    }
    palette.colors_[static_cast<std::size_t>(*type)] = Rgb{rgb[0], rgb[1], rgb[2]};
    seen[static_cast<std::size_t>(*type)] = true;
  }
  for (int t = 0; t < kEntityTypeCount; ++t)
    if (!seen[static_cast<std::size_t>(t)])
      throw DataFileError(make_error("E204", table.path.string(),
                                     "no colour for entity type '" +
                                         std::string(to_string(static_cast<EntityType>(t))) + "'"));
  return palette;
}

}  // namespace kgraph::exports
