#include "extract/html/html_rules.hpp"

#include <algorithm>
#include <charconv>

#include "extract/html/text_util.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract::html {

HtmlRules HtmlRules::load(const std::filesystem::path& ontology_dir) {
  HtmlRules rules;
  TsvTable words = load_tsv(ontology_dir / "html" / "class_words.tsv", "html-class-words");
  std::size_t w = words.column("word"), k = words.column("kind"), m = words.column("match");
  for (const TsvRow& row : words.rows) {
    Word entry{ascii_lower(row[w]), ClassWord::None, false};
    if (row[k] == "remove") entry.kind = ClassWord::Remove;
    else if (row[k] == "comments") entry.kind = ClassWord::Comments;
    else if (row[k] == "short") entry.kind = ClassWord::Short;
    else if (row[k] == "author") entry.kind = ClassWord::Short, entry.author = true;
    else if (row[k] == "box") entry.kind = ClassWord::Box;
    else if (row[k] == "lead") entry.kind = ClassWord::Lead;
    else if (row[k] == "negative") entry.kind = ClassWord::Negative;
    else if (row[k] == "positive") entry.kind = ClassWord::Positive;
    else throw DataFileError(make_error("E204", words.where(row), "unknown kind '" + row[k] + "'"));
    if (row[m] == "prefix") entry.prefix = true;
    else if (row[m] != "exact") throw DataFileError(make_error("E204", words.where(row), "unknown match '" + row[m] + "'"));
    if (entry.word.empty()) throw DataFileError(make_error("E204", words.where(row), "empty word"));
    rules.words_.push_back(std::move(entry));
  }

  TsvTable phrases = load_tsv(ontology_dir / "html" / "boilerplate_phrases.tsv", "html-boilerplate-phrases");
  std::size_t p = phrases.column("phrase"), c = phrases.column("max_chars");
  for (const TsvRow& row : phrases.rows) {
    Phrase entry{text_lower(row[p]), 0};
    const std::string& n = row[c];
    auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), entry.max_chars);
    if (ec != std::errc() || end != n.data() + n.size() || entry.phrase.empty())
      throw DataFileError(make_error("E204", phrases.where(row), "expected a phrase and a number of characters"));
    rules.phrases_.push_back(std::move(entry));
  }
  return rules;
}

const HtmlRules::Word* HtmlRules::find_word(std::string_view token) const {
  for (const Word& w : words_) {
    bool hit = w.prefix ? token.substr(0, w.word.size()) == w.word : token == w.word;
    if (hit) return &w;
  }
  return nullptr;
}

namespace {

// Calls `on_token` with each lower-case token of a class or id value.
template <class OnToken>
void for_each_token(std::string_view value, OnToken&& on_token) {
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    on_token(std::string_view(token));
    token.clear();
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    char ch = value[i];
    bool upper = ch >= 'A' && ch <= 'Z', lower = ch >= 'a' && ch <= 'z';
    if (upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') flush();  // camelCase hump
    if (upper) token += static_cast<char>(ch - 'A' + 'a');
    else if (lower) token += ch;
    else flush();  // digits, '-', '_', spaces and everything else split tokens
  }
  flush();
}

}  // namespace

ClassWord HtmlRules::classify_attribute(std::string_view value) const { return words(value).kind; }

AttributeWords HtmlRules::words(std::string_view value) const {
  AttributeWords out;
  bool remove = false, comments = false, box = false, short_element = false, negative = false, positive = false;
  bool first = true;
  for_each_token(value, [&](std::string_view token) {
    const Word* word = find_word(token);
    ClassWord kind = word != nullptr ? word->kind : ClassWord::None;
    if (word != nullptr && word->author) out.author_word = true;
    if (first) out.first = kind;
    first = false;
    switch (kind) {
      case ClassWord::Remove: remove = true; break;
      case ClassWord::Comments: comments = true; break;
      case ClassWord::Box: box = true; break;
      case ClassWord::Short: short_element = true; break;
      case ClassWord::Negative: negative = true; break;
      case ClassWord::Positive: positive = true; break;
      case ClassWord::Lead: out.lead_word = true; break;
      case ClassWord::None: break;
    }
  });
  out.short_word = short_element;
  out.kind = remove          ? ClassWord::Remove
             : comments      ? ClassWord::Comments
             : box           ? ClassWord::Box
             : positive      ? ClassWord::Positive
             : short_element ? ClassWord::Short
             : negative      ? ClassWord::Negative
                             : ClassWord::None;
  return out;
}

bool HtmlRules::is_boilerplate(std::string_view lower_text, std::size_t chars) const {
  return std::any_of(phrases_.begin(), phrases_.end(), [&](const Phrase& p) {
    return chars <= p.max_chars && lower_text.find(p.phrase) != std::string_view::npos;
  });
}

}  // namespace kgraph::extract::html
