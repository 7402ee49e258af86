#include "extract/ner/gazetteer.hpp"

#include <array>
#include <string>

#include "extract/ner/token_text.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract::ner {
namespace {

// The general lists beside the country table: file name and the list it fills.
struct ListFile {
  const char* file;
  const char* kind;
};
constexpr std::array<ListFile, 1> kListFiles{{{"ner/gazetteer.tsv", "ner-gazetteer"}}};

GazetteerList list_by_name(const std::string& name, const TsvTable& t, const TsvRow& r) {
  static constexpr std::array<std::string_view, static_cast<int>(GazetteerList::Count)> names{
      "country", "capital", "demonym", "region", "place", "first_name", "person_title", "org_word", "organisation"};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<GazetteerList>(i);
  throw DataFileError(make_error("E204", t.where(r), "unknown gazetteer list '" + name + "'"));
}

void add_pipe_list(Gazetteer& g, const std::string& cell, GazetteerList list) {
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t bar = cell.find('|', start);
    if (bar == std::string::npos) bar = cell.size();
    if (bar > start) g.add(std::string_view(cell).substr(start, bar - start), list);
    start = bar + 1;
  }
}

}  // namespace

Gazetteer Gazetteer::load(const std::filesystem::path& ontology_dir) {
  Gazetteer g;
  TsvTable countries = load_tsv(ontology_dir / "lexicon" / "countries.tsv", "countries");
  const std::size_t name = countries.column("name"), official = countries.column("official"),
                    alt = countries.column("alt_names"), capitals = countries.column("capitals"),
                    demonyms = countries.column("demonyms"), region = countries.column("region"),
                    subregion = countries.column("subregion");
  for (const TsvRow& r : countries.rows) {
    g.add(r[name], GazetteerList::Country);
    g.add(r[official], GazetteerList::Country);
    add_pipe_list(g, r[alt], GazetteerList::Country);
    add_pipe_list(g, r[capitals], GazetteerList::Capital);
    add_pipe_list(g, r[demonyms], GazetteerList::Demonym);
    add_pipe_list(g, r[region], GazetteerList::Region);
    add_pipe_list(g, r[subregion], GazetteerList::Region);
  }
  for (const ListFile& f : kListFiles) {
    TsvTable t = load_tsv(ontology_dir / f.file, f.kind);
    const std::size_t phrase = t.column("phrase"), list = t.column("list");
    for (const TsvRow& r : t.rows) g.add(r[phrase], list_by_name(r[list], t, r));
  }
  return g;
}

void Gazetteer::add(std::string_view phrase, GazetteerList list) {
  std::array<std::uint64_t, kMaxWords> words{};
  std::size_t n = 0;
  char buf[kMaxTokenBytes];
  std::size_t start = 0;
  while (start < phrase.size()) {
    std::size_t sp = phrase.find(' ', start);
    if (sp == std::string_view::npos) sp = phrase.size();
    if (sp > start) {
      if (n == kMaxWords) return;  // longer phrases are not worth matching
      words[n++] = token_hash(std::string_view(buf, normalise_token(phrase.substr(start, sp - start), buf)));
    }
    start = sp + 1;
  }
  if (n == 0) return;
  std::uint64_t h = 0x5bd1e995;
  for (std::size_t i = 0; i < n; ++i) {
    h = extend(h, words[i]);
    std::uint32_t bits = i + 1 == n ? 1u << static_cast<int>(list) : kPrefixBit;
    std::uint32_t old = map_.insert(h, 0);
    map_.set(h, old | bits);
  }
  ++phrases_;
}

void Gazetteer::match(std::span<const std::uint64_t> token_hashes, std::span<std::uint32_t> out) const {
  for (std::uint32_t& o : out) o = 0;
  const std::size_t n = token_hashes.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = 0x5bd1e995;
    for (std::size_t j = i; j < n && j - i < kMaxWords; ++j) {
      h = extend(h, token_hashes[j]);
      std::uint32_t v = map_.find(h);
      if (v == FlatHashMap::kMissing) break;
      std::uint32_t lists = v & 0xffffu;
      if (lists) {
        out[i] |= lists;
        for (std::size_t k = i + 1; k <= j; ++k) out[k] |= lists << 16;
      }
      if (!(v & kPrefixBit)) break;
    }
  }
}

}  // namespace kgraph::extract::ner
