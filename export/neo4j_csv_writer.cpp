#include "export/neo4j_csv_writer.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "export/atomic_file.hpp"
#include "export/field_text.hpp"
#include "export/graph_values.hpp"

namespace kgraph::exports {
namespace {

// A spreadsheet opening the file would run a cell that starts with one of
// these as a formula (=HYPERLINK(...), +cmd|...!A0, @SUM(...)); tab and CR are
// on OWASP's list too, since some programs skip them before looking.
bool starts_like_formula(std::string_view s) {
  return !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
}

// One RFC 4180 text field. Text is cleaned like the XML outputs (valid UTF-8,
// no control characters) and line breaks are flattened to spaces. A cell that
// would start a formula gets a leading single quote and is quoted, as OWASP
// advises against CSV injection. Only text goes through here: the numeric
// columns (weights, counts, scores) are written as numbers and never changed.
std::string field(std::string_view raw) {
  std::string s = xml_safe(raw);
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  const bool formula = starts_like_formula(s);
  if (formula) s.insert(0, 1, '\'');
  const bool quote = formula || s.find_first_of(",\"") != std::string::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string upper_snake(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

void write_nodes(const graph::KnowledgeGraph& g, std::ostream& out) {
  out << "id:ID,name,:LABEL,aliases:string[],mentions:int,degree:int,weighted_degree:double,pagerank:double,"
         "betweenness:double,component:int,first_seen,last_seen,wikidata\n";
  const auto& nodes = g.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const graph::Node n = nodes[i];
    std::vector<std::string> aliases = n.aliases;
    for (std::string& a : aliases) std::replace(a.begin(), a.end(), ';', ',');
    out << 'n' << i << ',' << field(n.name) << ',' << to_string(n.type) << ',' << field(join(aliases, ";")) << ','
        << n.mentions << ',' << n.degree << ',' << format_number(n.weighted_degree) << ','
        << format_number(n.pagerank) << ',' << format_number(n.betweenness) << ',' << n.component << ','
        << field(n.first_seen) << ',' << field(n.last_seen) << ',' << field(n.wikidata) << '\n';
  }
}

void write_relationship_header(std::ostream& out) {
  out << ":START_ID,:END_ID,:TYPE,weight:double,sources:int,outlets:int,modality";
  for (const Modality m : graph::kModalityStrength) out << ',' << modality_mentions_name(m) << ":int";
  out << ",first_seen,last_seen,evidence\n";
}

void write_relationship_rows(const graph::KnowledgeGraph& g, std::ostream& out) {
  for (const graph::Edge& e : g.edges()) {
    out << 'n' << e.head << ",n" << e.tail << ',' << upper_snake(to_string(e.type)) << ','
        << format_number(e.weight) << ',' << e.source_count << ',' << e.outlet_count << ','
        << to_string(e.modality);
    for (const Modality m : graph::kModalityStrength) out << ',' << e.mentions(m);
    out << ',' << field(e.first_seen) << ',' << field(e.last_seen) << ',' << field(first_evidence(e)) << '\n';
  }
}

void write_relationships(const graph::KnowledgeGraph& g, std::ostream& out) {
  write_relationship_header(out);
  write_relationship_rows(g, out);
}

}  // namespace

void write_neo4j_nodes(const graph::KnowledgeGraph& g, const std::filesystem::path& file) {
  write_atomically(file, [&](std::ostream& out) { write_nodes(g, out); });
}

void write_neo4j_relationship_header(const std::filesystem::path& file) {
  write_atomically(file, [&](std::ostream& out) { write_relationship_header(out); });
}

void write_neo4j_relationship_rows(const graph::KnowledgeGraph& g, const std::filesystem::path& file) {
  write_atomically(file, [&](std::ostream& out) { write_relationship_rows(g, out); });
}

void write_neo4j_csv(const graph::KnowledgeGraph& g, const std::filesystem::path& dir, const ExportOptions&) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir.string() + ": cannot create directory: " + ec.message());
  write_atomically(dir / "nodes.csv", [&](std::ostream& out) { write_nodes(g, out); });
  write_atomically(dir / "relationships.csv", [&](std::ostream& out) { write_relationships(g, out); });
}

}  // namespace kgraph::exports
