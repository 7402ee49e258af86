#include "eval/gold_standard.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace kgraph::eval {
namespace {

using Value = rapidjson::Value;

// Thrown inside this file only, turned into a Diagnostic by parse_gold.
struct SchemaError {
  std::string where;
  std::string message;
};

std::string str(const Value& v, const char* key, const std::string& where, bool required = true) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || it->value.IsNull()) {
    if (required) throw SchemaError{where, std::string("missing \"") + key + "\""};
    return {};
  }
  if (!it->value.IsString()) throw SchemaError{where, std::string("\"") + key + "\" must be a string"};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::vector<std::string> strings(const Value& v, const char* key, const std::string& where) {
  std::vector<std::string> out;
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || it->value.IsNull()) return out;
  if (!it->value.IsArray()) throw SchemaError{where, std::string("\"") + key + "\" must be an array of strings"};
  for (const Value& s : it->value.GetArray()) {
    if (!s.IsString()) throw SchemaError{where, std::string("\"") + key + "\" must be an array of strings"};
    out.emplace_back(s.GetString(), s.GetStringLength());
  }
  return out;
}

const Value& array(const Value& v, const char* key, const std::string& where, const Value& empty) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || it->value.IsNull()) return empty;
  if (!it->value.IsArray()) throw SchemaError{where, std::string("\"") + key + "\" must be an array"};
  return it->value;
}

GoldEntity entity(const Value& v, const std::string& where) {
  if (!v.IsObject()) throw SchemaError{where, "an entity must be an object"};
  GoldEntity e;
  e.name = str(v, "name", where);
  std::string type = str(v, "type", where);
  auto t = parse_entity_type(type);
  if (!t) throw SchemaError{where, "unknown entity type '" + type + "'"};
  e.type = *t;
  e.aliases = strings(v, "aliases", where);
  return e;
}

GoldRelation relation(const Value& v, const std::string& where) {
  if (!v.IsObject()) throw SchemaError{where, "a relation must be an object"};
  GoldRelation r;
  std::string type = str(v, "type", where);
  auto t = parse_relation_type(type);
  if (!t) throw SchemaError{where, "unknown relation type '" + type + "'"};
  r.type = *t;
  r.head = str(v, "head", where);
  r.tail = str(v, "tail", where);
  if (auto it = v.FindMember("required"); it != v.MemberEnd()) {
    if (!it->value.IsBool()) throw SchemaError{where, "\"required\" must be true or false"};
    r.required = it->value.GetBool();
  }
  if (std::string m = str(v, "modality", where, false); !m.empty()) {
    r.modality = parse_modality(m);
    if (!r.modality) throw SchemaError{where, "unknown modality '" + m + "'"};
  }
  r.evidence = str(v, "evidence", where, false);
  return r;
}

GoldStandard standard(const Value& root) {
  if (!root.IsObject()) throw SchemaError{"", "the gold standard must be a JSON object with \"documents\""};
  const Value empty(rapidjson::kArrayType);
  auto docs = root.FindMember("documents");
  if (docs == root.MemberEnd() || !docs->value.IsArray()) throw SchemaError{"", "missing \"documents\" array"};
  GoldStandard gold;
  for (rapidjson::SizeType i = 0; i < docs->value.Size(); ++i) {
    const Value& d = docs->value[i];
    const std::string where = "documents[" + std::to_string(i) + "]";
    if (!d.IsObject()) throw SchemaError{where, "a document must be an object"};
    GoldDocument g;
    g.doc = str(d, "doc", where);
    const Value& ents = array(d, "entities", where, empty);
    for (rapidjson::SizeType k = 0; k < ents.Size(); ++k)
      g.entities.push_back(entity(ents[k], where + ".entities[" + std::to_string(k) + "]"));
    g.optional_entities = strings(d, "optional_entities", where);
    g.forbidden_entities = strings(d, "forbidden_entities", where);
    const Value& rels = array(d, "relations", where, empty);
    for (rapidjson::SizeType k = 0; k < rels.Size(); ++k)
      g.relations.push_back(relation(rels[k], where + ".relations[" + std::to_string(k) + "]"));
    gold.documents.push_back(std::move(g));
  }
  return gold;
}

}  // namespace

std::optional<GoldStandard> parse_gold(std::string_view json, const std::string& name, Diagnostic& error) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(json.data(), json.size());  // no recursion on deep nesting
  if (d.HasParseError()) {
    const std::size_t offset = std::min(d.GetErrorOffset(), json.size());
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(json.begin(), json.begin() + offset, '\n'));
    error = make_error("E402", name + ":" + std::to_string(line),
                       std::string("broken JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
    return std::nullopt;
  }
  try {
    return standard(d);
  } catch (const SchemaError& e) {
    error = make_error("E403", name, (e.where.empty() ? "" : e.where + ": ") + e.message);
    return std::nullopt;
  }
}

std::optional<GoldStandard> load_gold(const std::filesystem::path& path, Diagnostic& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = make_error("E401", path.string(), "cannot open the gold standard");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_gold(text.str(), path.string(), error);
}

}  // namespace kgraph::eval
