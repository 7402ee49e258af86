#include "extract/html/html_article_json.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace kgraph::extract::html {

std::string to_json(const HtmlArticle& article, std::string_view file) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto field = [&](const char* key, std::string_view value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  };
  w.StartObject();
  field("file", file);
  field("title", article.title);
  field("date", article.date);
  field("source", article.source);
  field("author", article.author);
  field("canonical_url", article.canonical_url);
  field("language", article.language);
  field("text", article.text);
  field("comments", article.comments);
  w.EndObject();
  return buffer.GetString();
}

}  // namespace kgraph::extract::html
