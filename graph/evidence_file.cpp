#include "graph/evidence_file.hpp"

#include <stdexcept>
#include <string>

namespace kgraph::graph {

EvidenceText::EvidenceText(const EvidenceFile* file, std::uint64_t offset, std::size_t size)
    : file_(file), packed_(offset << kSizeBits | size) {}

std::string EvidenceText::str() const { return file_ && size() > 0 ? file_->read(offset(), size()) : std::string(); }

bool EvidenceText::operator<(const EvidenceText& o) const {
  if (file_ == o.file_ && packed_ == o.packed_) return false;
  return str() < o.str();
}

bool EvidenceText::operator==(const EvidenceText& o) const {
  if (file_ == o.file_ && packed_ == o.packed_) return true;
  return size() == o.size() && str() == o.str();
}

EvidenceFile::EvidenceFile(const std::filesystem::path& dir) : file_(dir, std::size_t{1} << 20, "evidence") {}

EvidenceText EvidenceFile::append(std::string_view text) {
  if (text.size() > EvidenceText::kSizeMask)
    throw std::length_error("an evidence sentence of " + std::to_string(text.size()) + " bytes (16 MiB at most)");
  const std::uint64_t at = file_.bytes();
  file_.append(text.data(), text.size());
  return EvidenceText(this, at, text.size());
}

std::string EvidenceFile::read(std::uint64_t offset, std::size_t size) const {
  std::string out(size, '\0');
  file_.read(offset, out.data(), size);
  return out;
}

}  // namespace kgraph::graph
