// Inputs as they really come: news dumps are in Windows-1252 or Latin-1 as
// often as in UTF-8, and one stray byte must not cost a whole article. These
// functions turn the bytes of an input into UTF-8: by the charset a byte-order
// mark or the input declares, else by ICU's charset detector, else by
// replacing each byte that is not UTF-8 with U+FFFD. Bytes that are valid
// UTF-8 are never touched, and never "detected" as anything else.
//
// Every later offset (mentions, sentences, evidence) is a byte offset into the
// UTF-8 text this produces, not into the file's original bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kgraph::extract {

// How an input that was not plain UTF-8 was read.
struct Decoding {
  enum class Basis { ByteOrderMark, Declared, Detected, Repaired };
  std::string encoding;  // what the bytes were read as: "windows-1252", "UTF-16LE", "UTF-8", ...
  Basis basis = Basis::Repaired;
  // The first byte that is not part of a well-formed UTF-8 sequence, in the
  // original bytes (npos when a byte-order mark or a declaration decided).
  std::size_t first_invalid = std::string_view::npos;
  std::size_t first_invalid_line = 0;  // 1-based line of that byte
  std::size_t replaced = 0;            // bytes (or sequences of `encoding`) replaced by U+FFFD
  std::size_t first_replaced = std::string_view::npos;  // original offset of the first one

  // The reader warns (W141) when the encoding was guessed or bytes were lost;
  // a UTF-16 file with its byte-order mark, or a page read by its declared
  // charset, is simply read.
  bool worth_warning() const { return basis == Basis::Detected || basis == Basis::Repaired || replaced > 0; }
  // "not UTF-8 (first invalid byte at byte offset 41, line 2); read as windows-1252 (detected)"
  std::string describe() const;
};

// A plain-text document. `declared` is a charset named by the transport (an
// HTTP Content-Type), "" if none. Leaves `bytes` alone and returns nullopt when
// they are valid UTF-8 (a UTF-8 byte-order mark is kept); otherwise rewrites
// them as UTF-8 (a UTF-16/32 byte-order mark is dropped) and says how.
std::optional<Decoding> decode_text(std::string& bytes, std::string_view declared);

// An HTML page. libxml2 decodes a page by the charset `charset` (the
// transport's) or the page's <meta> names, and nothing is done here for those,
// except that the Latin-1 family is read as Windows-1252, as browsers do, and a
// page that says UTF-8 but is not is handled like one that says nothing. For the
// rest this decodes the page to UTF-8 as decode_text does (the detector skipping
// markup) and sets `charset` to "UTF-8", so that libxml2 takes it as it is.
std::optional<Decoding> decode_html(std::string& page, std::string& charset);

// JSON is UTF-8 by definition (RFC 8259): a byte that is not is replaced by
// U+FFFD, with no detection. Nullopt, and `bytes` untouched, when valid.
std::optional<Decoding> repair_json_text(std::string& bytes);

// The charset a page's <meta charset=...> or <meta http-equiv="Content-Type"
// content="...; charset=..."> declares, "" if none.
std::string declared_page_charset(std::string_view page);

}  // namespace kgraph::extract
