#include "extract/ingest/charset_decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <memory>

#include "extract/ingest/utf8_check.hpp"

namespace kgraph::extract {
namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr UChar kReplacement = 0xFFFD;

// ICU's detector looks at this much around the first byte that is not UTF-8:
// enough text for its statistics, and a bounded cost on a large document.
constexpr std::size_t kSampleBefore = 16u << 10;
constexpr std::size_t kSampleAfter = 256u << 10;
// Below this confidence (0-100) a detection is not used. ICU gives its UTF-16
// fallbacks 10; a short Latin-1 or Windows-1252 news paragraph scores 50-80.
constexpr int32_t kMinConfidence = 15;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A charset label as written in a header or attribute, trimmed of spaces and
// quotes and lower-cased.
std::string normalise_label(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n\"'");
  if (b == npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n\"'");
  std::string out(s.substr(b, e - b + 1));
  for (char& c : out) c = lower(c);
  return out;
}

bool is_utf8_label(const std::string& l) { return l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8"; }

// The labels the WHATWG Encoding Standard maps to windows-1252: what browsers
// do, because pages labelled Latin-1 or ASCII use its 0x80-0x9F characters
// (curly quotes, dashes, the euro sign), where Latin-1 has only controls.
bool is_latin1_label(const std::string& l) {
  static constexpr std::array<std::string_view, 17> kLabels = {
      "ansi_x3.4-1968", "ascii",    "cp1252",     "cp819",    "csisolatin1",     "ibm819",
      "iso-8859-1",     "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",     "iso_8859-1:1987",
      "l1",             "latin1",   "us-ascii",   "windows-1252", "x-cp1252"};
  for (std::string_view k : kLabels)
    if (l == k) return true;
  return false;
}

// A detected charset, as it is best read: ICU names Latin-1 (and Latin-5) when
// it saw no byte in 0x80-0x9F of its sample; Windows-1252 (and 1254) agree on
// every other byte and also read those that lie outside the sample.
std::string preferred_name(std::string_view detected) {
  if (detected == "ISO-8859-1") return "windows-1252";
  if (detected == "ISO-8859-9") return "windows-1254";
  return std::string(detected);
}

struct ByteOrderMark {
  const char* charset;
  std::size_t size;
};

std::optional<ByteOrderMark> byte_order_mark(std::string_view b) {
  using namespace std::string_view_literals;
  if (b.starts_with("\xEF\xBB\xBF"sv)) return ByteOrderMark{"UTF-8", 3};
  if (b.starts_with("\xFF\xFE\0\0"sv)) return ByteOrderMark{"UTF-32LE", 4};
  if (b.starts_with("\0\0\xFE\xFF"sv)) return ByteOrderMark{"UTF-32BE", 4};
  if (b.starts_with("\xFF\xFE"sv)) return ByteOrderMark{"UTF-16LE", 2};
  if (b.starts_with("\xFE\xFF"sv)) return ByteOrderMark{"UTF-16BE", 2};
  return std::nullopt;
}

// Bytes the converter could not map, counted by its callback.
struct Unmapped {
  const char* base = nullptr;
  std::size_t count = 0;
  std::size_t first = npos;
};

void U_CALLCONV substitute(const void* context, UConverterToUnicodeArgs* args, const char* /*units*/, int32_t length,
                           UConverterCallbackReason reason, UErrorCode* err) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  auto* u = static_cast<Unmapped*>(const_cast<void*>(context));
  // The converter has consumed the bad bytes: they end where `source` is now.
  const auto consumed = static_cast<std::size_t>(args->source - u->base);
  if (u->count++ == 0) u->first = consumed >= static_cast<std::size_t>(length) ? consumed - length : 0;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

struct ConverterClose {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// `bytes` in `charset` as UTF-8, with U+FFFD for what the charset does not
// define; nullopt when ICU does not know the charset.
std::optional<std::string> convert(std::string_view bytes, const std::string& charset, Unmapped& unmapped) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> cnv(ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err) || !cnv) return std::nullopt;
  unmapped = Unmapped{bytes.data(), 0, npos};
  ucnv_setToUCallBack(cnv.get(), substitute, &unmapped, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return std::nullopt;
  // No charset ICU knows gives more UTF-16 units than bytes; the loop grows the
  // buffer all the same should one do.
  std::u16string units(bytes.size() + 16, u'\0');
  const char* source = bytes.data();
  const char* const end = source + bytes.size();
  std::size_t used = 0;
  for (;;) {
    UChar* target = units.data() + used;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &source, end, nullptr, true, &err);
    used = static_cast<std::size_t>(target - units.data());
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      units.resize(units.size() * 2);
      continue;
    }
    if (U_FAILURE(err)) return std::nullopt;
    break;
  }
  // ICU writes the UTF-8 itself; a lone surrogate (from UTF-16 input) is no character: U+FFFD.
  if (used > static_cast<std::size_t>(INT32_MAX / 3)) return std::nullopt;
  std::string out(used * 3, '\0');  // a UTF-16 unit is at most three UTF-8 bytes
  int32_t length = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, units.data(), static_cast<int32_t>(used),
                     kReplacement, nullptr, &err);
  if (U_FAILURE(err)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

struct DetectorClose {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// ICU's best guess for bytes that are not UTF-8, or "" when it has none worth
// using. Its UTF-8/16/32 answers are skipped: the bytes are known not to be
// UTF-8, and NUL-free text is not UTF-16 or UTF-32.
std::string detect(std::string_view bytes, std::size_t first_invalid, bool html) {
  const std::size_t from = first_invalid > kSampleBefore ? first_invalid - kSampleBefore : 0;
  const std::string_view sample = bytes.substr(from, kSampleBefore + kSampleAfter);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> det(ucsdet_open(&err));
  if (U_FAILURE(err)) return {};
  ucsdet_enableInputFilter(det.get(), html);  // statistics of the text, not of the markup
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &err);
  if (U_FAILURE(err)) return {};
  for (int32_t i = 0; i < n; ++i) {
    if (ucsdet_getConfidence(matches[i], &err) < kMinConfidence) break;
    const char* name = ucsdet_getName(matches[i], &err);
    if (U_FAILURE(err) || name == nullptr) return {};
    if (std::string_view(name).starts_with("UTF-")) continue;
    return preferred_name(name);
  }
  return {};
}

Decoding repaired(std::string& bytes, const Utf8Census& census) {
  Decoding d;
  d.encoding = "UTF-8";
  d.basis = Decoding::Basis::Repaired;
  d.first_invalid = census.first_invalid;
  d.first_invalid_line = line_column_at(bytes, census.first_invalid).line;
  d.first_replaced = census.first_invalid;
  bytes = repair_utf8(bytes, d.replaced);
  return d;
}

// Bytes with no usable declaration that are not valid UTF-8. When they hold
// more well-formed multi-byte sequences than stray bytes they are UTF-8 with a
// few bad bytes (a truncated character, a byte pasted from elsewhere), and only
// those are replaced; else ICU's detector names the charset; else the stray
// bytes are replaced all the same.
Decoding decode_undeclared(std::string& bytes, const Utf8Census& census, bool html) {
  if (census.multibyte <= census.invalid) {
    const std::string charset = detect(bytes, census.first_invalid, html);
    Unmapped unmapped;
    if (!charset.empty())
      if (std::optional<std::string> out = convert(bytes, charset, unmapped)) {
        Decoding d;
        d.encoding = charset;
        d.basis = Decoding::Basis::Detected;
        d.first_invalid = census.first_invalid;
        d.first_invalid_line = line_column_at(bytes, census.first_invalid).line;
        d.replaced = unmapped.count;
        d.first_replaced = unmapped.first;
        bytes = std::move(*out);
        return d;
      }
  }
  return repaired(bytes, census);
}

// Reads `bytes` as `charset`, which the input declares; nullopt (bytes
// untouched) when ICU does not know the name.
std::optional<Decoding> decode_declared(std::string& bytes, const std::string& charset, Decoding::Basis basis,
                                        std::size_t skip = 0) {
  Unmapped unmapped;
  std::optional<std::string> out = convert(std::string_view(bytes).substr(skip), charset, unmapped);
  if (!out) return std::nullopt;
  Decoding d;
  d.encoding = charset;
  d.basis = basis;
  d.replaced = unmapped.count;
  if (unmapped.count > 0) d.first_replaced = unmapped.first + skip;
  bytes = std::move(*out);
  return d;
}

}  // namespace

std::string Decoding::describe() const {
  std::string s;
  auto at = [](std::size_t offset, std::size_t line) {
    return "byte offset " + std::to_string(offset) + (line > 0 ? ", line " + std::to_string(line) : "");
  };
  switch (basis) {
    case Basis::Detected:
      s = "not UTF-8 (first invalid byte at " + at(first_invalid, first_invalid_line) + "); read as " + encoding +
          " (detected)";
      break;
    case Basis::Repaired:
      return "invalid UTF-8 (first invalid byte at " + at(first_invalid, first_invalid_line) + "); " +
             std::to_string(replaced) + (replaced == 1 ? " byte" : " bytes") +
             " replaced by U+FFFD, the rest read as UTF-8";
    case Basis::Declared: s = "read as " + encoding + " (declared)"; break;
    case Basis::ByteOrderMark: s = "read as " + encoding + " (byte-order mark)"; break;
  }
  if (replaced > 0)
    s += "; " + std::to_string(replaced) + (replaced == 1 ? " byte" : " bytes") + " that " + encoding +
         " does not define replaced by U+FFFD (the first at byte offset " + std::to_string(first_replaced) + ")";
  return s;
}

std::optional<Decoding> decode_text(std::string& bytes, std::string_view declared) {
  if (std::optional<ByteOrderMark> bom = byte_order_mark(bytes)) {
    if (bom->size == 3) {  // UTF-8: kept, so that offsets count it as the cleaner expects
      Utf8Census census = utf8_census(bytes);
      if (census.invalid == 0) return std::nullopt;
      return repaired(bytes, census);
    }
    if (auto d = decode_declared(bytes, bom->charset, Decoding::Basis::ByteOrderMark, bom->size)) return d;
  }
  const Utf8Census census = utf8_census(bytes);
  if (census.invalid == 0) return std::nullopt;
  const std::string label = normalise_label(declared);
  if (!label.empty() && !is_utf8_label(label)) {
    const std::string charset = is_latin1_label(label) ? "windows-1252" : label;
    const std::size_t line = line_column_at(bytes, census.first_invalid).line;
    if (std::optional<Decoding> d = decode_declared(bytes, charset, Decoding::Basis::Declared)) {
      d->first_invalid = census.first_invalid;
      d->first_invalid_line = line;
      return d;
    }
  }
  return decode_undeclared(bytes, census, /*html=*/false);
}

std::optional<Decoding> decode_html(std::string& page, std::string& charset) {
  std::optional<ByteOrderMark> bom = byte_order_mark(page);
  if (bom && bom->size != 3) {  // UTF-16/32: the mark decides, whatever a header says
    if (std::optional<Decoding> d = decode_declared(page, bom->charset, Decoding::Basis::ByteOrderMark, bom->size)) {
      charset = "UTF-8";
      return d;
    }
  }
  // Valid UTF-8 is left as it is, to libxml2 and whatever the page declares.
  const Utf8Census census = utf8_census(page);
  if (census.invalid == 0) return std::nullopt;
  std::string label = normalise_label(charset);
  const bool utf8_mark = bom && bom->size == 3 && label.empty();
  if (utf8_mark) label = "utf-8";
  if (label.empty()) label = normalise_label(declared_page_charset(page));
  // Any other charset, and names libxml2 may know and ICU not, stay libxml2's.
  if (!label.empty() && !is_utf8_label(label) && !is_latin1_label(label)) return std::nullopt;
  std::optional<Decoding> d;
  if (is_latin1_label(label)) {
    const std::size_t line = line_column_at(page, census.first_invalid).line;
    d = decode_declared(page, "windows-1252", Decoding::Basis::Declared);
    if (!d) return std::nullopt;
    d->first_invalid = census.first_invalid;
    d->first_invalid_line = line;
  } else if (utf8_mark) {
    // A UTF-8 byte-order mark declares UTF-8: only the stray bytes are replaced.
    d = repaired(page, census);
  } else {
    d = decode_undeclared(page, census, /*html=*/true);
  }
  if (page.starts_with("\xEF\xBB\xBF")) page.erase(0, 3);  // told UTF-8 below, libxml2 would keep a mark as text
  charset = "UTF-8";
  return d;
}

std::optional<Decoding> repair_json_text(std::string& bytes) {
  const Utf8Census census = utf8_census(bytes);
  if (census.invalid == 0) return std::nullopt;
  return repaired(bytes, census);
}

std::string declared_page_charset(std::string_view page) {
  // Case-insensitive search for "<meta"; within the tag, the first "charset"
  // followed by '=' gives the name, which covers <meta charset="X"> and
  // content="text/html; charset=X" alike.
  auto find_nocase = [&](std::string_view needle, std::size_t from, std::size_t to) -> std::size_t {
    for (std::size_t i = from; i + needle.size() <= to; ++i) {
      std::size_t k = 0;
      while (k < needle.size() && lower(page[i + k]) == needle[k]) ++k;
      if (k == needle.size()) return i;
    }
    return npos;
  };
  for (std::size_t at = find_nocase("<meta", 0, page.size()); at != npos;
       at = find_nocase("<meta", at + 5, page.size())) {
    std::size_t end = page.find('>', at);
    if (end == npos) end = page.size();
    for (std::size_t c = find_nocase("charset", at, end); c != npos; c = find_nocase("charset", c + 7, end)) {
      std::size_t i = c + 7;
      while (i < end && (page[i] == ' ' || page[i] == '\t' || page[i] == '\n' || page[i] == '\r')) ++i;
      if (i >= end || page[i] != '=') continue;
      ++i;
      while (i < end && (page[i] == ' ' || page[i] == '"' || page[i] == '\'')) ++i;
      std::size_t j = i;
      while (j < end && (std::isalnum(static_cast<unsigned char>(page[j])) || page[j] == '-' || page[j] == '_' ||
                         page[j] == '.' || page[j] == ':'))
        ++j;
      if (j > i) return std::string(page.substr(i, j - i));
    }
  }
  return {};
}

}  // namespace kgraph::extract
