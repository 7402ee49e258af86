#include "extract/syntax/syntax_model.hpp"

#include <algorithm>
#include <cstring>

#include "extract/syntax/arc_eager.hpp"
#include "extract/syntax/tagger.hpp"
#include "ontology/mapped_file.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract::syntax {
namespace {

constexpr char kMagic[8] = {'K', 'G', 'S', 'Y', 'N', 'M', 'D', 'L'};

void put_names(std::string& out, const std::vector<std::string>& names) {
  put_varint(out, names.size());
  for (const auto& n : names) {
    put_varint(out, n.size());
    out += n;
  }
}

int index_of(const std::vector<std::string>& names, const std::string& name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? 0 : static_cast<int>(it - names.begin());
}

}  // namespace

SyntaxModel::SyntaxModel(std::vector<std::string> tags, std::vector<std::string> labels, WeightTable tagger,
                         WeightTable parser)
    : tags_(std::move(tags)), labels_(std::move(labels)), tagger_(std::move(tagger)), parser_(std::move(parser)) {}

std::string SyntaxModel::serialise(const std::vector<std::string>& tags, const std::vector<std::string>& labels,
                                   const AveragedPerceptron& tagger, const AveragedPerceptron& parser, float prune) {
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, kSyntaxFormatVersion);
  put_u32(out, kSyntaxFeatureSet);
  put_names(out, tags);
  put_names(out, labels);
  WeightTable::write(out, tagger.averaged(), tagger.classes(), prune);
  WeightTable::write(out, parser.averaged(), parser.classes(), prune);
  std::uint64_t sum = fnv1a(out);
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((sum >> (8 * i)) & 0xff));
  return out;
}

std::string SyntaxModel::serialise_pruned(float tagger_prune, float parser_prune) const {
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, kSyntaxFormatVersion);
  put_u32(out, kSyntaxFeatureSet);
  put_names(out, tags_);
  put_names(out, labels_);
  WeightTable::write(out, tagger_.entries(), tagger_.classes(), tagger_prune);
  WeightTable::write(out, parser_.entries(), parser_.classes(), parser_prune);
  std::uint64_t sum = fnv1a(out);
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((sum >> (8 * i)) & 0xff));
  return out;
}

SyntaxModel SyntaxModel::parse_bytes(std::string_view bytes, const std::string& where, WeightTable::Entries entries) {
  auto fail = [&](const char* code, const std::string& msg) { throw DataFileError(make_error(code, where, msg)); };
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    fail("E331", "not a kgraph syntax model file (bad magic)");
  if (bytes.size() < sizeof kMagic + 8 + 8) fail("E334", "truncated syntax model file");
  const std::size_t end = bytes.size() - 8;
  std::size_t pos = sizeof kMagic;
  std::uint64_t version = 0, features = 0, stored = 0;
  get_fixed(bytes, pos, end, 4, version);
  get_fixed(bytes, pos, end, 4, features);
  if (version != kSyntaxFormatVersion)
    fail("E332", "unsupported syntax model format version " + std::to_string(version) + " (this kgraph reads version " +
                     std::to_string(kSyntaxFormatVersion) + "); retrain with scripts/train-parser");
  if (features != kSyntaxFeatureSet)
    fail("E333", "syntax model was trained with feature set " + std::to_string(features) + ", this kgraph computes set " +
                     std::to_string(kSyntaxFeatureSet) + "; retrain with scripts/train-parser");
  std::size_t sum_pos = end;
  get_fixed(bytes, sum_pos, bytes.size(), 8, stored);
  if (stored != fnv1a(bytes.substr(0, end))) fail("E334", "corrupt syntax model file (checksum mismatch)");
  auto corrupt = [&](const std::string& msg) { fail("E334", msg); };
  auto names = [&] {
    std::uint64_t n = 0;
    if (!get_varint(bytes, pos, end, n) || n == 0 || n > 1000) corrupt("corrupt syntax model file (name table)");
    std::vector<std::string> out;
    for (std::uint64_t i = 0; i < n; ++i) {
      std::uint64_t len = 0;
      if (!get_varint(bytes, pos, end, len) || len > end - pos) corrupt("corrupt syntax model file (name table)");
      out.emplace_back(bytes.substr(pos, len));
      pos += len;
    }
    return out;
  };
  auto tags = names();
  auto labels = names();
  auto tagger = WeightTable::read(bytes, pos, end, corrupt, entries);
  auto parser = WeightTable::read(bytes, pos, end, corrupt, entries);
  if (tagger.classes() != static_cast<int>(tags.size()) || parser.classes() != 2 + 2 * static_cast<int>(labels.size()))
    corrupt("corrupt syntax model file (class counts do not match the name tables)");
  if (pos != end) corrupt("corrupt syntax model file (trailing bytes)");
  return SyntaxModel(std::move(tags), std::move(labels), std::move(tagger), std::move(parser));
}

SyntaxModel SyntaxModel::read(const std::filesystem::path& path, WeightTable::Entries entries) {
  // Mapped rather than read into a string: the model is 10+ MB, parsed once.
  MappedFile file;
  if (!file.open(path)) throw DataFileError(make_error("E330", path.string(), "cannot open syntax model file"));
  return parse_bytes(file.bytes(), path.string(), entries);
}

SyntaxModel::ParseIds SyntaxModel::parse_ids(std::span<const std::string> words, std::span<const int> fixed_tags) const {
  ParseIds out;
  if (words.empty()) return out;
  TaggerWords tw = prepare_words(words);
  out.tags = tag_words_table(tagger_, tw, fixed_tags);
  const ParserInput in = parser_input(tw, out.tags);
  ArcEagerState st = parse_greedy_table(parser_, in, index_of(labels_, "root"), index_of(labels_, "dep"));
  out.heads.assign(st.heads().begin() + 1, st.heads().begin() + 1 + static_cast<std::ptrdiff_t>(words.size()));
  out.labels.assign(st.labels().begin() + 1, st.labels().begin() + 1 + static_cast<std::ptrdiff_t>(words.size()));
  return out;
}

Parse SyntaxModel::parse(std::span<const std::string> words, std::span<const int> fixed_tags) const {
  Parse out;
  const ParseIds p = parse_ids(words, fixed_tags);
  for (std::size_t i = 0; i < p.tags.size(); ++i) {
    out.upos.push_back(tags_[static_cast<std::size_t>(p.tags[i])]);
    out.heads.push_back(p.heads[i]);
    out.deprels.push_back(labels_[static_cast<std::size_t>(p.labels[i])]);
  }
  return out;
}

}  // namespace kgraph::extract::syntax
