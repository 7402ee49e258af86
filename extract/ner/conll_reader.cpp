#include "extract/ner/conll_reader.hpp"

#include <algorithm>
#include <fstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "ontology/tsv_table.hpp"

namespace kgraph::extract::ner {
namespace {

// byte_of[k] is the UTF-8 byte offset of code point k (and of the end, at k = count).
std::vector<std::uint32_t> code_point_offsets(std::string_view s) {
  std::vector<std::uint32_t> byte_of;
  byte_of.reserve(s.size() + 1);
  for (std::uint32_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  byte_of.push_back(static_cast<std::uint32_t>(s.size()));
  return byte_of;
}

bool label_from_type(std::string_view type, NerLabel& out) {
  if (type == "Person") out = NerLabel::Person;
  else if (type == "Organisation") out = NerLabel::Organisation;
  else if (type == "Location" || type == "Country") out = NerLabel::Location;
  else if (type == "Misc") out = NerLabel::Misc;
  else return false;
  return true;
}

// Splits sentence [begin,end) of `text` at spaces into `out.tokens`.
void split_tokens(const std::string& text, std::uint32_t begin, std::uint32_t end, LabelledSentence& out) {
  std::uint32_t i = begin;
  while (i < end) {
    while (i < end && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    std::uint32_t j = i;
    while (j < end && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j > i) out.tokens.push_back(Span{i, j});
    i = j;
  }
  out.gold.assign(out.tokens.size(), kOutside);
}

}  // namespace

ConllData read_conll_jsonl(const std::filesystem::path& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataFileError(make_error("E200", path.string(), "cannot open NER data file"));
  ConllData data;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    auto where = [&] { return path.string() + ":" + std::to_string(lineno); };
    rapidjson::Document doc;
    doc.Parse(line.data(), line.size());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("text") || !doc["text"].IsString() ||
        !doc.HasMember("sentences") || !doc["sentences"].IsArray()) {
      data.problems.push_back(make_error("E320", where(),
                                         doc.HasParseError() ? rapidjson::GetParseError_En(doc.GetParseError())
                                                             : "expected an object with 'text' and 'sentences'"));
      continue;
    }
    std::string text(doc["text"].GetString(), doc["text"].GetStringLength());
    const std::vector<std::uint32_t> byte_of = code_point_offsets(text);
    const auto cp_count = static_cast<std::uint32_t>(byte_of.size() - 1);
    std::size_t first_sentence = data.sentences.size();
    for (const auto& s : doc["sentences"].GetArray()) {
      if (!s.IsArray() || s.Size() != 2 || !s[0].IsUint() || !s[1].IsUint() || s[0].GetUint() > s[1].GetUint() ||
          s[1].GetUint() > cp_count) {
        data.problems.push_back(make_error("E321", where(), "bad sentence offsets"));
        continue;
      }
      LabelledSentence ls;
      ls.text = text;
      split_tokens(text, byte_of[s[0].GetUint()], byte_of[s[1].GetUint()], ls);
      data.bytes += byte_of[s[1].GetUint()] - byte_of[s[0].GetUint()];
      data.sentences.push_back(std::move(ls));
    }
    if (doc.HasMember("entities") && doc["entities"].IsArray()) {
      for (const auto& e : doc["entities"].GetArray()) {
        NerLabel label;
        if (!e.IsObject() || !e.HasMember("type") || !e["type"].IsString() || !e.HasMember("start") ||
            !e["start"].IsUint() || !e.HasMember("end") || !e["end"].IsUint() ||
            !label_from_type(e["type"].GetString(), label) || e["end"].GetUint() > cp_count) {
          data.problems.push_back(make_error("E322", where(), "bad entity"));
          continue;
        }
        const std::uint32_t b = byte_of[e["start"].GetUint()], en = byte_of[e["end"].GetUint()];
        bool placed = false;
        for (std::size_t k = first_sentence; k < data.sentences.size() && !placed; ++k) {
          LabelledSentence& ls = data.sentences[k];
          auto first = std::find_if(ls.tokens.begin(), ls.tokens.end(), [&](const Span& t) { return t.begin == b; });
          auto last = std::find_if(ls.tokens.begin(), ls.tokens.end(), [&](const Span& t) { return t.end == en; });
          if (first == ls.tokens.end() || last == ls.tokens.end() || last < first) continue;
          auto i = static_cast<std::size_t>(first - ls.tokens.begin()), j = static_cast<std::size_t>(last - ls.tokens.begin());
          ls.gold[i] = begin_tag(label);
          for (std::size_t k2 = i + 1; k2 <= j; ++k2) ls.gold[k2] = inside_tag(label);
          placed = true;
        }
        if (!placed) data.problems.push_back(make_error("E323", where(), "entity is not on token boundaries; skipped"));
      }
    }
    if (limit && data.sentences.size() >= limit) {
      data.sentences.resize(limit);
      break;
    }
  }
  return data;
}

}  // namespace kgraph::extract::ner
