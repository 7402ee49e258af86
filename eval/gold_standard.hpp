// A gold standard: for each annotated document, the entities that must be
// found (with the surface forms that must resolve to them), those that may be
// found, those that must not (page boilerplate), and the relations between
// canonical names. Format: tests/data/seeds.gold.json and its "about" field.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ontology/diagnostic.hpp"
#include "ontology/types.hpp"

namespace kgraph::eval {

struct GoldEntity {
  std::string name;  // canonical label
  EntityType type = EntityType::Organisation;
  std::vector<std::string> aliases;  // surface forms that must resolve to `name`
};

struct GoldRelation {
  RelationType type = RelationType::MetWith;
  std::string head;  // canonical labels (or aliases of them)
  std::string tail;
  bool required = true;  // false: correct if produced, not needed for recall
  std::optional<Modality> modality;
  std::string evidence;
};

struct GoldDocument {
  std::string doc;  // the document id an extraction must carry
  std::vector<GoldEntity> entities;
  std::vector<std::string> optional_entities;
  std::vector<std::string> forbidden_entities;
  std::vector<GoldRelation> relations;
};

struct GoldStandard {
  std::vector<GoldDocument> documents;
};

// Error codes: E401 cannot open, E402 broken JSON (location FILE:LINE),
// E403 JSON that is not a gold standard (location FILE: documents[i]...).
// A gold file is a small hand-written annotation, so it is parsed whole.
std::optional<GoldStandard> parse_gold(std::string_view json, const std::string& name, Diagnostic& error);
std::optional<GoldStandard> load_gold(const std::filesystem::path& path, Diagnostic& error);

}  // namespace kgraph::eval
