#include "cli/extraction_spool.hpp"

#include <algorithm>
#include <stdexcept>

#include "export/atomic_file.hpp"
#include "extract/profile/stage_profile.hpp"
#include "graph/knowledge_graph.hpp"
#include "ontology/extraction_json.hpp"

namespace kgraph::cli {

ExtractionSpool::ExtractionSpool(const std::filesystem::path& dir)
    // Named like every temporary (".NAME.kgraph-tmp.PID.RANDOM"), so the next
    // run removes it if this process is killed (exports::remove_stale_temporaries).
    : path_(exports::temporary_path(dir / "extractions.spool")) {
  std::filesystem::create_directories(dir);
  file_ = std::fopen(path_.c_str(), "w+b");
  if (!file_) throw std::runtime_error(path_.string() + ": cannot create the extraction spool");
}

ExtractionSpool::~ExtractionSpool() {
  if (file_) std::fclose(file_);
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

void ExtractionSpool::add(std::string_view id, std::string_view line) {
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size())
    throw std::runtime_error(path_.string() + ": cannot write the extraction spool");
  index_.push_back(Entry{std::string(id), end_, static_cast<std::uint32_t>(line.size())});
  end_ += line.size();
}

std::string ExtractionSpool::read_at(const Entry& e) {
  std::string line(e.length, '\0');
  if (std::fseek(file_, static_cast<long>(e.offset), SEEK_SET) != 0 ||
      std::fread(line.data(), 1, line.size(), file_) != line.size())
    throw std::runtime_error(path_.string() + ": cannot read the extraction spool");
  return line;
}

std::vector<std::size_t> ExtractionSpool::canonical_order() {
  if (std::fflush(file_) != 0) throw std::runtime_error(path_.string() + ": cannot write the extraction spool");
  // Sorted by id; lines with the same id (rare) are ordered by their bytes.
  std::vector<std::size_t> order(index_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (index_[a].id != index_[b].id) return index_[a].id < index_[b].id;
    return read_at(index_[a]) < read_at(index_[b]);
  });
  return order;
}

void ExtractionSpool::replay(const std::function<void(const std::string& line, std::size_t entry)>& fn) {
  for (std::size_t i : canonical_order()) fn(read_at(index_[i]), i);
}

std::size_t write_and_add(ExtractionSpool& spool, graph::KnowledgeGraph& g, std::ostream& out, const ReplayEdit& edit) {
  std::size_t added = 0;
  g.reserve(spool.size());
  spool.replay([&](const std::string& spooled, std::size_t entry) {
    extract::profile::StageTimer timer(extract::profile::Stage::Merge);
    Diagnostic error;
    std::optional<Extraction> x = parse_json_line(spooled, error);
    if (!x) throw std::runtime_error("extraction spool: " + error.format());
    std::string edited;
    if (edit) edit(*x, edited, entry);
    out << (edited.empty() ? spooled : edited) << '\n';
    g.add(*x);
    ++added;
  });
  return added;
}

}  // namespace kgraph::cli
