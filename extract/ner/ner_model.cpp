#include "extract/ner/ner_model.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <new>
#include <fstream>
#include <numeric>
#include <sstream>


#include "extract/ner/feature_extractor.hpp"
#include "extract/ner/hashing.hpp"
#include "ontology/mapped_file.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::extract::ner {
namespace {

constexpr char kMagic[8] = {'K', 'G', 'N', 'E', 'R', 'M', 'D', 'L'};

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Bounds-checked little-endian reader; every failure names the file.
class Reader {
 public:
  Reader(std::string_view bytes, std::size_t end, const std::string& where) : b_(bytes), end_(end), where_(where) {}
  std::uint64_t fixed(int n) {
    need(static_cast<std::size_t>(n));
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= std::uint64_t{static_cast<unsigned char>(b_[pos_ + i])} << (8 * i);
    pos_ += static_cast<std::size_t>(n);
    return v;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1);
      auto c = static_cast<unsigned char>(b_[pos_++]);
      v |= std::uint64_t{c & 0x7fu} << shift;
      if (!(c & 0x80)) return v;
    }
    fail("E314", "corrupt model file (bad varint)");
  }
  bool at_end() const { return pos_ == end_; }
  [[noreturn]] void fail(const char* code, const std::string& msg) const {
    throw DataFileError(make_error(code, where_, msg));
  }

 private:
  void need(std::size_t n) const {
    if (end_ - pos_ < n) fail("E314", "truncated model file");
  }
  std::string_view b_;
  std::size_t end_, pos_ = 0;
  const std::string& where_;
};

}  // namespace

// The table is read at random ~40 times per token: on 2 MB pages (where the
// kernel allows) those reads do not also miss the TLB.
void NerModel::allocate(std::size_t capacity) {
  slots_ = make_huge_page_array<Slot>(capacity);
  mask_ = capacity - 1;
}

void NerModel::insert(std::uint64_t key, const std::int16_t* weights) {
  const std::uint64_t bit = (key >> 32) & filter_mask_;
  filter_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  std::size_t i = key & mask_;
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
  slots_[i].key = key;
  std::memcpy(slots_[i].weights, weights, sizeof slots_[i].weights);
}

std::string NerModel::serialise(std::span<const std::uint64_t> keys, std::span<const float> weights, float prune_below) {
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  const float min_abs = prune_below * max_abs;

  std::vector<std::uint32_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });

  std::string body;
  std::uint32_t kept = 0;
  std::uint64_t prev = 0;
  for (std::uint32_t r : order) {
    const float* w = weights.data() + std::size_t{r} * kNumTags;
    std::int16_t q[kNumTags];
    std::uint32_t mask = 0;
    float row_max = 0;
    for (int t = 0; t < kNumTags; ++t) {
      q[t] = static_cast<std::int16_t>(std::lround(w[t] / scale));
      if (q[t] != 0) mask |= 1u << t;
      row_max = std::max(row_max, std::fabs(w[t]));
    }
    if (mask == 0 || row_max < min_abs) continue;
    put_varint(body, keys[r] - prev);
    prev = keys[r];
    body.push_back(static_cast<char>(mask & 0xff));
    body.push_back(static_cast<char>(mask >> 8));
    for (int t = 0; t < kNumTags; ++t)
      if (mask & (1u << t)) {
        auto u = static_cast<std::uint16_t>(q[t]);
        body.push_back(static_cast<char>(u & 0xff));
        body.push_back(static_cast<char>(u >> 8));
      }
    ++kept;
  }

  std::string out(kMagic, sizeof kMagic);
  put_u32(out, kModelFormatVersion);
  put_u32(out, kFeatureSetVersion);
  put_u32(out, kNumTags);
  put_u32(out, kept);
  put_u32(out, std::bit_cast<std::uint32_t>(scale));
  out += body;
  put_u64(out, fnv1a(out));
  return out;
}

NerModel NerModel::parse(std::string_view bytes, const std::string& where) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw DataFileError(make_error("E311", where, "not a kgraph NER model file (bad magic)"));
  if (bytes.size() < sizeof kMagic + 8 + 20) throw DataFileError(make_error("E314", where, "truncated model file"));
  Reader in(bytes, bytes.size() - 8, where);
  in.fixed(8);
  auto version = static_cast<std::uint32_t>(in.fixed(4));
  if (version != kModelFormatVersion)
    in.fail("E312", "unsupported NER model format version " + std::to_string(version) + " (this kgraph reads version " +
                        std::to_string(kModelFormatVersion) + "); retrain with 'kgraph train-ner'");
  auto feature_set = static_cast<std::uint32_t>(in.fixed(4));
  if (feature_set != kFeatureSetVersion)
    in.fail("E313", "NER model was trained with feature set " + std::to_string(feature_set) + ", this kgraph computes set " +
                        std::to_string(kFeatureSetVersion) + "; retrain with 'kgraph train-ner'");
  if (in.fixed(4) != kNumTags) in.fail("E314", "NER model has an unexpected number of tags");
  auto n = static_cast<std::uint32_t>(in.fixed(4));
  float scale = std::bit_cast<float>(static_cast<std::uint32_t>(in.fixed(4)));
  std::uint64_t stored = 0;
  for (int i = 0; i < 8; ++i)
    stored |= std::uint64_t{static_cast<unsigned char>(bytes[bytes.size() - 8 + i])} << (8 * i);
  if (stored != fnv1a(std::string_view(bytes).substr(0, bytes.size() - 8)))
    in.fail("E314", "corrupt model file (checksum mismatch)");

  // Every feature takes at least 3 bytes (a varint and the tag mask): a count
  // the file cannot hold is corrupt, and must not size the table (a forged
  // count of 4 billion asked for a 64 GiB allocation).
  const std::size_t body = bytes.size() - 8 - (sizeof kMagic + 20);
  if (std::size_t{n} > body / 3)
    in.fail("E314", "corrupt model file (" + std::to_string(n) + " features cannot fit in " + std::to_string(body) + " bytes)");

  NerModel m;
  std::size_t cap = 16;
  while (cap < std::size_t{n} + n / 2) cap *= 2;  // load factor at most 2/3
  m.allocate(cap);
  m.features_ = n;
  // Eight filter bits per feature: about one absent key in nine passes.
  std::size_t filter_bits = 64;
  while (filter_bits < std::size_t{n} * 8) filter_bits *= 2;
  m.filter_.assign(filter_bits / 64, 0);
  m.filter_mask_ = filter_bits - 1;
  m.scale_ = scale;
  // The rows come in key order, which scatters them over the table: a batch is
  // decoded first and each row's slot prefetched, so the inserts' misses overlap.
  constexpr std::uint32_t kBatch = 32;
  std::uint64_t keys[kBatch];
  std::int16_t weights[kBatch][kNumTags];
  std::uint64_t key = 0;
  for (std::uint32_t first = 0; first < n; first += kBatch) {
    const std::uint32_t rows = std::min(kBatch, n - first);
    for (std::uint32_t r = 0; r < rows; ++r) {
      std::uint64_t delta = in.varint();
      if (delta == 0 || key + delta < key) in.fail("E314", "corrupt model file (keys not ascending)");
      key += delta;
      auto mask = static_cast<std::uint32_t>(in.fixed(2));
      for (int t = 0; t < kNumTags; ++t) weights[r][t] = mask & (1u << t) ? static_cast<std::int16_t>(in.fixed(2)) : 0;
      keys[r] = key;
      m.prefetch(key);
    }
    for (std::uint32_t r = 0; r < rows; ++r) m.insert(keys[r], weights[r]);
  }
  if (!in.at_end()) in.fail("E314", "corrupt model file (trailing bytes)");
  return m;
}

NerModel NerModel::read(const std::filesystem::path& path) {
  // Mapped: no copy of the file through a stream into a string.
  MappedFile file;
  if (!file.open(path)) throw DataFileError(make_error("E310", path.string(), "cannot open NER model file"));
  return parse(file.bytes(), path.string());
}

}  // namespace kgraph::extract::ner
