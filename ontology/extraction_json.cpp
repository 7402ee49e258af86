#include "ontology/extraction_json.hpp"

#include <cmath>
#include <cstdio>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace kgraph {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

// Empty metadata is written as null, as the contract's example shows.
void put_or_null(Writer& w, const std::string& s) {
  if (s.empty())
    w.Null();
  else
    put(w, s);
}

// Confidence is rounded to 3 decimals and printed through one fixed format so the
// bytes do not depend on floating-point printing details. The contract's range
// is [0, 1] (parse_json_line refuses anything else); clamping here keeps even a
// caller's stray value inside the buffer and the line valid JSON.
void put_confidence(Writer& w, double c) {
  if (!(c >= 0.0)) c = 0.0;  // also NaN
  if (c > 1.0) c = 1.0;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", std::round(c * 1000.0) / 1000.0);
  w.RawValue(buf, std::char_traits<char>::length(buf), rapidjson::kNumberType);
}

void put_span(Writer& w, const Span& s) {
  w.Key("start");
  w.Uint(s.begin);
  w.Key("end");
  w.Uint(s.end);
}

}  // namespace

std::string to_json_line(const Extraction& x) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("id");
  put(w, x.meta.id);
  w.Key("title");
  put_or_null(w, x.meta.title);
  w.Key("date");
  put_or_null(w, x.meta.date);
  w.Key("source");
  put_or_null(w, x.meta.source);
  w.Key("url");
  put_or_null(w, x.meta.url);
  if (!x.meta.author.empty()) {
    w.Key("author");
    put(w, x.meta.author);
  }
  if (!x.duplicate_of.empty()) {
    w.Key("duplicate_of");
    put(w, x.duplicate_of);
  }
  if (x.signature) {
    w.Key("signature");
    w.StartObject();
    w.Key("words");
    w.Uint64(x.signature->words);
    w.Key("exact");
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(x.signature->exact));
    put(w, hex);
    w.Key("minhash");
    put(w, encode_minhash(*x.signature));
    w.EndObject();
  }
  w.Key("entities");
  w.StartArray();
  for (const Entity& e : x.entities) {
    w.StartObject();
    w.Key("id");
    put(w, e.id);
    w.Key("name");
    put(w, e.name);
    w.Key("type");
    put(w, to_string(e.type));
    if (!e.wikidata.empty()) {
      w.Key("wikidata");
      put(w, e.wikidata);
    }
    w.Key("mentions");
    w.StartArray();
    for (const Mention& m : e.mentions) {
      w.StartObject();
      put_span(w, m.span);
      w.Key("text");
      put(w, m.text);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const Relation& r : x.relations) {
    w.StartObject();
    w.Key("type");
    put(w, to_string(r.type));
    w.Key("head");
    put(w, x.entities.at(static_cast<std::size_t>(r.head)).id);
    w.Key("tail");
    put(w, x.entities.at(static_cast<std::size_t>(r.tail)).id);
    w.Key("modality");
    put(w, to_string(r.modality));
    w.Key("confidence");
    put_confidence(w, r.confidence);
    w.Key("evidence");
    w.StartObject();
    put_span(w, r.evidence.span);
    w.Key("text");
    put(w, r.evidence.text);
    w.Key("rule");
    put(w, r.evidence.rule);
    if (!r.evidence.note.empty()) {
      w.Key("note");
      put(w, r.evidence.note);
    }
    w.EndObject();
    w.Key("attributes");
    w.StartObject();
    for (const auto& [k, v] : r.attributes) {  // std::map: sorted keys
      w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
      put(w, v);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  if (!x.text.empty()) {
    w.Key("text");
    put(w, x.text);
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

namespace {

using Value = rapidjson::Value;

std::string get_string(const Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool get_span(const Value& obj, Span& out) {
  auto b = obj.FindMember("start");
  auto e = obj.FindMember("end");
  if (b == obj.MemberEnd() || e == obj.MemberEnd() || !b->value.IsUint() || !e->value.IsUint()) return false;
  out.begin = b->value.GetUint();
  out.end = e->value.GetUint();
  return out.begin <= out.end;
}

// A JSON number as written in the input, for messages.
std::string number_text(const Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

std::optional<Extraction> parse_json_line(std::string_view line, Diagnostic& error) {
  auto fail = [&](std::string msg) -> std::optional<Extraction> {
    error = make_error("E310", "", std::move(msg));
    return std::nullopt;
  };
  rapidjson::Document d;
  // Iterative: deep nesting ("[[[[..." a million times) must not overflow the stack.
  // The pool allocator frees the tree without recursing, so destruction is safe too.
  d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
  if (d.HasParseError())
    return fail(std::string("broken JSON at byte ") + std::to_string(d.GetErrorOffset()) + ": " +
                rapidjson::GetParseError_En(d.GetParseError()));
  if (!d.IsObject()) return fail("an extraction must be a JSON object");

  Extraction x;
  x.meta.id = get_string(d, "id");
  if (x.meta.id.empty()) return fail("extraction has no \"id\"");
  x.meta.title = get_string(d, "title");
  x.meta.date = get_string(d, "date");
  x.meta.source = get_string(d, "source");
  x.meta.url = get_string(d, "url");
  x.meta.author = get_string(d, "author");
  x.duplicate_of = get_string(d, "duplicate_of");
  x.text = get_string(d, "text");
  if (auto sig = d.FindMember("signature"); sig != d.MemberEnd()) {
    // Optional (older files lack it), but when present it must be whole: a
    // damaged signature would silently hide or invent a duplicate.
    const Value& v = sig->value;
    TextSignature s;
    auto words = v.IsObject() ? v.FindMember("words") : v.MemberEnd();
    const std::string exact = v.IsObject() ? get_string(v, "exact") : std::string();
    if (!v.IsObject() || words == v.MemberEnd() || !words->value.IsUint64() || exact.size() != 16 ||
        exact.find_first_not_of("0123456789abcdef") != std::string::npos ||
        !decode_minhash(get_string(v, "minhash"), s))
      return fail("signature is not {\"words\": N, \"exact\": 16 hex digits, \"minhash\": base64 of 512 bytes}");
    s.words = static_cast<std::size_t>(words->value.GetUint64());
    s.exact = std::stoull(exact, nullptr, 16);
    x.signature = s;
  }

  // Offsets point into the document text; when the line carries that text, a
  // span past its end would make any reader of the text read out of bounds.
  auto past_text = [&](const Span& s) { return !x.text.empty() && s.end > x.text.size(); };

  std::map<std::string, int> index_of;
  if (auto ents = d.FindMember("entities"); ents != d.MemberEnd() && ents->value.IsArray()) {
    for (const Value& ev : ents->value.GetArray()) {
      if (!ev.IsObject()) return fail("entity is not an object");
      Entity e;
      e.id = get_string(ev, "id");
      e.name = get_string(ev, "name");
      auto type = parse_entity_type(get_string(ev, "type"));
      if (e.id.empty() || e.name.empty()) return fail("entity without id or name");
      if (!type) return fail("entity '" + e.name + "' has unknown type '" + get_string(ev, "type") + "'");
      e.type = *type;
      e.wikidata = get_string(ev, "wikidata");
      if (!e.wikidata.empty() && !is_wikidata_id(e.wikidata))
        return fail("entity '" + e.name + "' has a malformed wikidata id '" + e.wikidata + "' (expected Q and a number)");
      if (auto ms = ev.FindMember("mentions"); ms != ev.MemberEnd() && ms->value.IsArray()) {
        for (const Value& mv : ms->value.GetArray()) {
          Mention m;
          if (!mv.IsObject() || !get_span(mv, m.span)) return fail("mention of '" + e.name + "' has no valid start/end");
          if (past_text(m.span)) return fail("mention of '" + e.name + "' ends past the end of the text");
          m.text = get_string(mv, "text");
          e.mentions.push_back(std::move(m));
        }
      }
      if (!index_of.emplace(e.id, static_cast<int>(x.entities.size())).second)
        return fail("entity id '" + e.id + "' appears twice");
      x.entities.push_back(std::move(e));
    }
  }
  if (auto rels = d.FindMember("relations"); rels != d.MemberEnd() && rels->value.IsArray()) {
    for (const Value& rv : rels->value.GetArray()) {
      if (!rv.IsObject()) return fail("relation is not an object");
      Relation r;
      auto type = parse_relation_type(get_string(rv, "type"));
      if (!type) return fail("unknown relation type '" + get_string(rv, "type") + "'");
      r.type = *type;
      auto head = index_of.find(get_string(rv, "head"));
      auto tail = index_of.find(get_string(rv, "tail"));
      if (head == index_of.end() || tail == index_of.end()) return fail("relation refers to an unknown entity id");
      r.head = head->second;
      r.tail = tail->second;
      auto modality = parse_modality(get_string(rv, "modality"));
      r.modality = modality.value_or(Modality::Asserted);
      // A confidence is a probability: anything else (1e308, -1, a string) is a
      // broken record, refused here rather than carried into the graph and outputs.
      if (auto c = rv.FindMember("confidence"); c != rv.MemberEnd()) {
        if (!c->value.IsNumber()) return fail("relation confidence is not a number");
        r.confidence = c->value.GetDouble();
        if (!std::isfinite(r.confidence) || r.confidence < 0.0 || r.confidence > 1.0)
          return fail("relation confidence " + number_text(c->value) + " is outside [0, 1]");
      }
      if (auto ev = rv.FindMember("evidence"); ev != rv.MemberEnd() && ev->value.IsObject()) {
        const bool has_span = ev->value.HasMember("start") || ev->value.HasMember("end");
        if (has_span && !get_span(ev->value, r.evidence.span)) return fail("relation evidence has no valid start/end");
        if (past_text(r.evidence.span)) return fail("relation evidence ends past the end of the text");
        r.evidence.text = get_string(ev->value, "text");
        r.evidence.rule = get_string(ev->value, "rule");
        r.evidence.note = get_string(ev->value, "note");
      }
      if (auto at = rv.FindMember("attributes"); at != rv.MemberEnd() && at->value.IsObject())
        for (const auto& m : at->value.GetObject())
          if (m.value.IsString())
            r.attributes[std::string(m.name.GetString(), m.name.GetStringLength())] =
                std::string(m.value.GetString(), m.value.GetStringLength());
      x.relations.push_back(std::move(r));
    }
  }
  return x;
}

}  // namespace kgraph
