#include "extract/html/json_ld.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace kgraph::extract::html {
namespace {

using Value = rapidjson::Value;

std::string_view string_of(const Value& v) {
  return v.IsString() ? std::string_view(v.GetString(), v.GetStringLength()) : std::string_view();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_article_type(const Value& obj) {
  auto member = obj.FindMember("@type");
  if (member == obj.MemberEnd()) return false;
  auto article = [](std::string_view t) { return ends_with(t, "Article") || ends_with(t, "BlogPosting") || t == "Report"; };
  if (member->value.IsString()) return article(string_of(member->value));
  if (member->value.IsArray())
    for (const Value& t : member->value.GetArray())
      if (article(string_of(t))) return true;
  return false;
}

// "name" of an object, a plain string, or the first of an array of either.
std::string name_of(const Value& v) {
  if (v.IsString()) return std::string(string_of(v));
  if (v.IsObject()) {
    auto n = v.FindMember("name");
    if (n != v.MemberEnd() && n->value.IsString()) return std::string(string_of(n->value));
  }
  if (v.IsArray() && !v.Empty()) return name_of(v[0]);
  return {};
}

void fill(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

void take(const Value& obj, JsonLdFacts& facts) {
  auto get = [&](const char* key) -> const Value* {
    auto m = obj.FindMember(key);
    return m == obj.MemberEnd() ? nullptr : &m->value;
  };
  if (const Value* v = get("headline")) fill(facts.headline, std::string(string_of(*v)));
  if (const Value* v = get("datePublished")) fill(facts.date_published, std::string(string_of(*v)));
  if (const Value* v = get("author")) fill(facts.author, name_of(*v));
  if (const Value* v = get("publisher")) fill(facts.publisher, name_of(*v));
  if (const Value* v = get("url")) fill(facts.url, std::string(string_of(*v)));
  if (const Value* v = get("articleBody"); v != nullptr) fill(facts.article_body, std::string(string_of(*v)));
  if (const Value* v = get("mainEntityOfPage"); v != nullptr && v->IsObject()) {
    auto id = v->FindMember("@id");
    if (id != v->MemberEnd()) fill(facts.url, std::string(string_of(id->value)));
  }
}

// Collects article objects (first pass) or any object with a date (second pass).
// Depth-limited: JSON-LD that matters is shallow, hostile JSON is not.
void visit(const Value& v, JsonLdFacts& facts, bool articles_only, int depth) {
  if (depth > 6) return;
  if (v.IsArray()) {
    for (const Value& item : v.GetArray()) visit(item, facts, articles_only, depth + 1);
    return;
  }
  if (!v.IsObject()) return;
  if (!articles_only || is_article_type(v)) take(v, facts);
  auto graph = v.FindMember("@graph");
  if (graph != v.MemberEnd()) visit(graph->value, facts, articles_only, depth + 1);
}

}  // namespace

void read_json_ld(std::string_view json, JsonLdFacts& facts) {
  if (json.size() > (1u << 20)) return;
  rapidjson::Document doc;
  // Iterative parsing: a JSON bomb of nested arrays must not exhaust the stack.
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag>(json.data(), json.size());
  if (doc.HasParseError()) return;
  visit(doc, facts, true, 0);
  visit(doc, facts, false, 0);
}

}  // namespace kgraph::extract::html
