// What the extractor found in one document: resolved entities with their
// mentions, and relations between them with evidence. An Extraction is the unit
// that crosses every stage boundary after extract/: it is written as one JSON
// line (formats/EXTRACTION.md), read back by `kgraph merge`, and fed to graph/.
// It is self-contained: nothing in it points into a Document that may be gone.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ontology/document.hpp"
#include "ontology/span.hpp"
#include "ontology/text_signature.hpp"
#include "ontology/types.hpp"

namespace kgraph {

struct Mention {
  Span span;         // byte offsets into the document text
  std::string text;  // the covered substring, copied so the Extraction stands alone
};

// One real-world thing as it appears in one document. `name` is canonical:
// the same string for the same thing in every document.
struct Entity {
  std::string id;  // "e1", "e2", ... unique within the document
  std::string name;
  EntityType type = EntityType::Organisation;
  std::vector<Mention> mentions;  // sorted by span
  // The Wikidata item ("Q159") of a knowledge-base row (ontology/lexicon,
  // ontology/world) whose canonical name and type are this entity's; "" when
  // none is known. Always is_wikidata_id() when set.
  std::string wikidata;
};

// "Q" and a number without leading zeros: the only form a Wikidata item id
// takes, and so the only text that may go into an IRI or a link unescaped.
inline bool is_wikidata_id(std::string_view s) {
  if (s.size() < 2 || s.size() > 12 || s[0] != 'Q' || s[1] == '0') return false;
  for (std::size_t i = 1; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// Where a relation was read: the sentence(s) and the rule that fired.
struct Evidence {
  Span span;          // the supporting sentence(s), byte offsets into the document text
  std::string text;   // the covered text
  std::string rule;   // the extractor rule that produced the relation, e.g. "trigger:met_with/meet"
  std::string note;   // how arguments were resolved, e.g. "he -> Angela Merkel"
};

struct Relation {
  RelationType type = RelationType::MetWith;
  int head = -1;  // index into Extraction::entities
  int tail = -1;
  Modality modality = Modality::Asserted;
  double confidence = 0.0;  // in [0, 1]
  Evidence evidence;
  // Free attributes with fixed meanings: "title" (holds_position), "date", "place" (entity id).
  std::map<std::string, std::string> attributes;
};

struct Extraction {
  DocumentMeta meta;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::string text;  // the document text, kept only when asked for (--with-text)
  // With --dedupe, a near-duplicate is not extracted: it carries the id of the
  // first copy and that copy's entities and relations (offsets point into the
  // first copy's text), under its own metadata, so its outlet still counts.
  std::string duplicate_of;
  // The document's own text signature (even on a copy that carries another
  // document's findings): `kgraph merge` compares them to find copies across
  // shards. Absent in files written before it existed.
  std::optional<TextSignature> signature;
};

}  // namespace kgraph
