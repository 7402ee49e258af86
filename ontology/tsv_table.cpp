#include "ontology/tsv_table.hpp"

#include <fstream>
#include <stdexcept>

namespace kgraph {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> split_nonempty(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::size_t TsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return i;
  throw DataFileError(make_error("E201", path.string(), "missing column '" + name + "'"));
}

TsvTable load_tsv(const std::filesystem::path& path, const std::string& kind, int max_version) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataFileError(make_error("E200", path.string(), "cannot open data file"));
  TsvTable table;
  table.path = path;
  std::string line;
  int n = 0;
  auto where = [&] { return path.string() + ":" + std::to_string(n); };

  if (!std::getline(in, line)) throw DataFileError(make_error("E202", path.string(), "empty data file"));
  ++n;
  const std::string prefix = "# kgraph-data ";
  if (line.rfind(prefix, 0) != 0)
    throw DataFileError(make_error("E202", where(), "missing header '# kgraph-data " + kind + " v1'"));
  std::string rest = line.substr(prefix.size());
  std::size_t sp = rest.find(' ');
  std::string got_kind = rest.substr(0, sp);
  if (got_kind != kind)
    throw DataFileError(make_error("E203", where(), "data file is of kind '" + got_kind + "', expected '" + kind + "'"));
  int version = 0;
  if (sp != std::string::npos && sp + 2 <= rest.size() && rest[sp + 1] == 'v') version = std::atoi(rest.c_str() + sp + 2);
  if (version < 1 || version > max_version)
    throw DataFileError(make_error("E203", where(), "unsupported version of '" + kind + "' data (this build reads up to v" +
                                                      std::to_string(max_version) + ")"));
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (table.columns.empty()) {
      table.columns = split_tabs(line);
      continue;
    }
    TsvRow row{n, split_tabs(line)};
    if (row.cells.size() != table.columns.size())
      throw DataFileError(make_error("E204", where(), "expected " + std::to_string(table.columns.size()) +
                                                          " tab-separated columns, found " +
                                                          std::to_string(row.cells.size())));
    table.rows.push_back(std::move(row));
  }
  if (table.columns.empty()) throw DataFileError(make_error("E202", path.string(), "no column header line"));
  return table;
}

}  // namespace kgraph
