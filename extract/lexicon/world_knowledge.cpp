#include "extract/lexicon/world_knowledge.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <unordered_set>

#include "extract/lexicon/lexicon.hpp"
#include "ontology/extraction.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract {
namespace {

std::string id_key(EntityType type, std::string_view name) {
  std::string key(to_string(type));
  key += '\t';
  key += name;
  return key;
}

// Records `id` for (type, name); a name given two different ids becomes
// ambiguous ("") rather than depending on which row came first.
void add_id(std::unordered_map<std::string, std::string>& ids, EntityType type, std::string_view name,
            const std::string& id) {
  auto [it, added] = ids.try_emplace(id_key(type, name), id);
  if (!added && it->second != id) it->second.clear();
}

void check_id(const TsvTable& t, const TsvRow& r, const std::string& id) {
  if (!id.empty() && !is_wikidata_id(id))
    throw DataFileError(make_error("E207", t.where(r), "malformed Wikidata id '" + id + "' (expected Q and a number)"));
}

bool parse_number(std::string_view s, std::uint64_t& out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// The fields of one places.tsv line (no allocation: views into the buffer).
struct PlaceLine {
  std::string_view fields[5];
  int count = 0;
};
PlaceLine split_place(std::string_view line) {
  PlaceLine p;
  std::size_t start = 0;
  while (p.count < 5) {
    const std::size_t tab = line.find('\t', start);
    p.fields[p.count++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (tab == std::string_view::npos) return p;
    start = tab + 1;
  }
  p.count = 6;  // more than five fields
  return p;
}

}  // namespace

std::string_view WorldKnowledge::place_key(std::uint32_t line) const {
  std::string_view rest(places_.data() + line, places_.size() - line);
  return rest.substr(0, rest.find('\t'));
}

WorldKnowledge WorldKnowledge::load(const std::filesystem::path& ontology_dir) {
  WorldKnowledge w;
  const auto lexicon = ontology_dir / "lexicon";

  std::unordered_set<std::string> countries;
  {
    const TsvTable t = load_tsv(lexicon / "countries.tsv", "countries");
    const std::size_t name = t.column("name");
    const auto id = std::find(t.columns.begin(), t.columns.end(), "wikidata");  // optional column
    for (const TsvRow& r : t.rows) {
      countries.insert(r[name]);
      if (id == t.columns.end()) continue;
      const std::string& q = r[static_cast<std::size_t>(id - t.columns.begin())];
      check_id(t, r, q);
      if (!q.empty()) add_id(w.ids_, EntityType::Country, r[name], q);
    }
  }
  {
    const TsvTable t = load_tsv(lexicon / "organisations.tsv", "organisations");
    const auto id = std::find(t.columns.begin(), t.columns.end(), "wikidata");
    if (id != t.columns.end()) {
      const std::size_t name = t.column("name"), col = static_cast<std::size_t>(id - t.columns.begin());
      for (const TsvRow& r : t.rows) {
        check_id(t, r, r[col]);
        if (!r[col].empty()) add_id(w.ids_, EntityType::Organisation, r[name], r[col]);
      }
    }
  }

  {
    // Office holders spelled as the lexicon spells them ("Volodymyr Zelensky"),
    // linked by the build script to the Wikidata person of the same office.
    const TsvTable t = load_tsv(lexicon / "office_holders.tsv", "office-holders");
    const auto id = std::find(t.columns.begin(), t.columns.end(), "wikidata");
    if (id != t.columns.end()) {
      const std::size_t person = t.column("person"), col = static_cast<std::size_t>(id - t.columns.begin());
      for (const TsvRow& r : t.rows) {
        check_id(t, r, r[col]);
        if (!r[col].empty()) add_id(w.ids_, EntityType::Person, r[person], r[col]);
      }
    }
  }

  const auto world = ontology_dir / "world";
  if (!std::filesystem::is_directory(world)) return w;

  {
    const TsvTable t = load_tsv(world / "office_terms.tsv", "world-office-terms");
    const std::size_t c[] = {t.column("office_of"), t.column("title"),           t.column("person"),
                             t.column("from"),      t.column("to"),              t.column("person_wikidata"),
                             t.column("position_wikidata"), t.column("group")};
    w.terms_.reserve(t.rows.size());
    for (const TsvRow& r : t.rows) {
      WorldTerm term{r[c[0]], r[c[1]], r[c[2]], r[c[3]], r[c[4]], r[c[5]], r[c[6]], r[c[7]]};
      if (term.person.empty() || term.office_of.empty())
        throw DataFileError(make_error("E207", t.where(r), "empty person or office_of"));
      if (const std::string e = term_dates_error(term.from, term.to); !e.empty()) throw DataFileError(make_error("E207", t.where(r), e));
      check_id(t, r, term.person_wikidata);
      check_id(t, r, term.position_wikidata);
      if (!term.person_wikidata.empty()) add_id(w.ids_, EntityType::Person, term.person, term.person_wikidata);
      w.terms_.push_back(std::move(term));
    }
  }

  // places.tsv: read whole, then one pass that checks every line and records
  // where it starts. The header is checked by load_tsv's rules, by hand here
  // so that no row is copied.
  const auto path = world / "places.tsv";
  {
    // One read into a buffer of the file's size: a stringstream would copy
    // the 2 MB several times over as it grows, which was most of the cost.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw DataFileError(make_error("E200", path.string(), "cannot open data file"));
    w.places_.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    if (!in.read(w.places_.data(), static_cast<std::streamsize>(w.places_.size())))
      throw DataFileError(make_error("E200", path.string(), "cannot read data file"));
  }
  const std::string_view text = w.places_;
  bool header = false, columns = false;
  std::string_view previous;
  std::string normalised;
  int n = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    const auto offset = static_cast<std::uint32_t>(at);
    at = end + 1;
    ++n;
    const auto where = [&] { return path.string() + ":" + std::to_string(n); };
    if (!header) {
      if (line != "# kgraph-data world-places v1")
        throw DataFileError(make_error("E202", where(), "expected header '# kgraph-data world-places v1'"));
      header = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (!columns) {
      if (line != "key\tname\tcountry\tpopulation\tgeonameid")
        throw DataFileError(make_error("E201", where(), "expected columns key, name, country, population, geonameid"));
      columns = true;
      continue;
    }
    const PlaceLine p = split_place(line);
    if (p.count != 5)
      throw DataFileError(
          make_error("E204", where(), "expected 5 tab-separated columns, found " + std::to_string(p.count)));
    std::uint64_t number = 0;
    if (p.fields[0].empty() || p.fields[1].empty())
      throw DataFileError(make_error("E207", where(), "empty key or name"));
    normalised.clear();
    append_normalized_key(p.fields[0], normalised);
    if (normalised != p.fields[0])
      throw DataFileError(make_error("E207", where(), "key '" + std::string(p.fields[0]) + "' is not normalised"));
    if (p.fields[0] < previous)
      throw DataFileError(make_error("E207", where(), "key '" + std::string(p.fields[0]) + "' is out of order"));
    if (!countries.count(std::string(p.fields[2])))
      throw DataFileError(make_error("E205", where(), "unknown country '" + std::string(p.fields[2]) + "'"));
    if (!parse_number(p.fields[3], number) || !parse_number(p.fields[4], number))
      throw DataFileError(make_error("E207", where(), "population and geonameid must be whole numbers"));
    previous = p.fields[0];
    w.place_lines_.push_back(offset);
  }
  if (!columns) throw DataFileError(make_error("E202", path.string(), "no column header line"));
  return w;
}

std::string_view WorldKnowledge::wikidata(std::string_view name, EntityType type) const {
  auto it = ids_.find(id_key(type, name));
  return it == ids_.end() ? std::string_view() : std::string_view(it->second);
}

std::optional<Place> WorldKnowledge::place(std::string_view name) const {
  const std::string key = normalize_key(name);
  auto first = std::lower_bound(place_lines_.begin(), place_lines_.end(), key,
                                [&](std::uint32_t line, const std::string& k) { return place_key(line) < k; });
  std::optional<Place> best;
  for (auto it = first; it != place_lines_.end() && place_key(*it) == key; ++it) {
    std::string_view rest(places_.data() + *it, places_.size() - *it);
    const PlaceLine p = split_place(rest.substr(0, rest.find('\n')));
    Place candidate{p.fields[1], p.fields[2], 0, 0};
    parse_number(p.fields[3], candidate.population);
    parse_number(p.fields[4], candidate.geonameid);
    if (!best || candidate.population > best->population) best = candidate;
  }
  return best;
}

std::vector<const WorldTerm*> WorldKnowledge::terms_of(std::string_view person) const {
  std::vector<const WorldTerm*> out;
  for (const WorldTerm& t : terms_)
    if (t.person == person) out.push_back(&t);
  return out;
}

std::vector<const WorldTerm*> WorldKnowledge::holders(std::string_view office_of, std::string_view date) const {
  std::vector<const WorldTerm*> out;
  for (const WorldTerm& t : terms_)
    if (t.office_of == office_of && t.holds_on(date)) out.push_back(&t);
  return out;
}

}  // namespace kgraph::extract
