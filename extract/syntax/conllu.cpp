#include "extract/syntax/conllu.hpp"

#include <charconv>
#include <fstream>

#include "ontology/tsv_table.hpp"

namespace kgraph::extract::syntax {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

bool parse_int(std::string_view s, int& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::vector<Sentence> read_conllu(std::istream& in, const std::string& where) {
  std::vector<Sentence> out;
  Sentence cur;
  std::string line;
  std::size_t lineno = 0;
  auto fail = [&](const std::string& msg) {
    throw DataFileError(make_error("E336", where + ":" + std::to_string(lineno), msg));
  };
  auto flush = [&] {
    if (cur.words.empty()) return;
    const int n = static_cast<int>(cur.words.size());
    for (const Word& w : cur.words)
      if (w.head > n) fail("head " + std::to_string(w.head) + " past the end of its sentence");
    out.push_back(std::move(cur));
    cur = Sentence{};
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    auto f = split_tabs(line);
    if (f.size() != 10) fail("a CoNLL-U word line has 10 tab-separated fields, this one has " + std::to_string(f.size()));
    if (f[0].find('-') != std::string_view::npos || f[0].find('.') != std::string_view::npos) continue;
    int id = 0, head = 0;
    if (!parse_int(f[0], id) || id != static_cast<int>(cur.words.size()) + 1)
      fail("word id '" + std::string(f[0]) + "' out of sequence");
    if (f[6] == "_") head = 0;  // unannotated: attach to the root
    else if (!parse_int(f[6], head) || head < 0) fail("bad head '" + std::string(f[6]) + "'");
    if (head == id) fail("word " + std::to_string(id) + " is its own head");
    cur.words.push_back(Word{std::string(f[1]), std::string(f[3]), head, std::string(f[7])});
  }
  flush();
  return out;
}

std::vector<Sentence> read_conllu_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataFileError(make_error("E336", path, "cannot open CoNLL-U file"));
  return read_conllu(in, path);
}

bool is_projective(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  for (int i = 1; i <= n; ++i) {
    int h = s.words[i - 1].head;
    int lo = std::min(i, h), hi = std::max(i, h);
    for (int j = lo + 1; j < hi; ++j) {
      int hj = s.words[j - 1].head;
      if (hj < lo || hj > hi) return false;
    }
  }
  return true;
}

}  // namespace kgraph::extract::syntax
