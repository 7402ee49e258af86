#include "extract/ingest/json_records.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "extract/ingest/charset_decode.hpp"
#include "extract/ingest/utf8_check.hpp"

namespace kgraph::extract {
namespace {

// Iterative: a line of a million "[" must not recurse a million frames deep (stack overflow).
constexpr unsigned kParseFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;

std::string at_line(const std::string& location, std::size_t line) {
  return location + ":" + std::to_string(line);
}

// The fields of one record as they arrive; committed only when complete.
struct PendingRecord {
  std::size_t line = 0;
  std::optional<std::string> id, text, html, title, url, source, date, author;
  std::string problem;  // first field of the wrong type (E112) or past the size limit (E105), if any
  const char* problem_code = "E112";
};

enum class ValueKind { String, Null, Integer, Number, Bool, Object, Array };

const char* kind_name(ValueKind k) {
  switch (k) {
    case ValueKind::String: return "a string";
    case ValueKind::Null: return "null";
    case ValueKind::Integer:
    case ValueKind::Number: return "a number";
    case ValueKind::Bool: return "a boolean";
    case ValueKind::Object: return "an object";
    case ValueKind::Array: return "an array";
  }
  return "a value";
}

// SAX handler that builds one record at a time. The top level is one object
// (a record) or, when arrays are allowed, an array whose elements are records.
// Nested values of unknown fields are skipped; a nested value in a known field
// spoils only its record (E112); a non-object array element is reported (E113)
// and skipped. A top level that is neither stops the parse: nothing else in
// such a file can be a record.
class RecordHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RecordHandler> {
 public:
  RecordHandler(const RecordSource& source, const InputOptions& options, const RawSink& sink,
                const DiagnosticSink& on_error, bool allow_array, const std::size_t& line)
      : source_(source), options_(options), sink_(sink), on_error_(on_error), allow_array_(allow_array), line_(line) {}

  // Before each JSON text (each JSON Lines line).
  void reset() {
    top_ = Top::None;
    in_record_ = false;
    skip_ = 0;
    pending_top_.reset();
    aborted_ = false;
  }
  bool aborted() const { return aborted_; }
  std::size_t records_seen() const { return records_seen_; }

  // A single top-level record is committed only after the whole text parsed:
  // "{...} trailing garbage" is a broken line, not a record.
  void commit_top_level() {
    if (pending_top_) commit(*pending_top_);
    pending_top_.reset();
  }

  bool Null() { return scalar(ValueKind::Null, {}); }
  bool Bool(bool) { return scalar(ValueKind::Bool, {}); }
  bool Int(int i) { return scalar(ValueKind::Integer, std::to_string(i)); }
  bool Uint(unsigned u) { return scalar(ValueKind::Integer, std::to_string(u)); }
  bool Int64(int64_t i) { return scalar(ValueKind::Integer, std::to_string(i)); }
  bool Uint64(uint64_t u) { return scalar(ValueKind::Integer, std::to_string(u)); }
  bool Double(double) { return scalar(ValueKind::Number, {}); }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    value_cut_ = std::exchange(cut_, false);
    const bool ok = scalar(ValueKind::String, std::string_view(s, n));
    value_cut_ = false;
    return ok;
  }

  bool Key(const char* s, rapidjson::SizeType n, bool) {
    cut_ = false;  // a key past the limit names no field kgraph reads
    if (skip_ == 0) key_.assign(s, n);
    return true;
  }

  // Set by the stream (BoundedStrings) when it cut the string being parsed at
  // the size limit; taken by the String or Key event that follows.
  bool& cut_flag() { return cut_; }

  bool StartObject() {
    if (skip_ > 0) return ++skip_, true;
    if (top_ == Top::None) {
      top_ = Top::Object;
      begin_record();
      return true;
    }
    if (!in_record_) {  // an element of the top-level array
      begin_record();
      return true;
    }
    field(ValueKind::Object, {});
    skip_ = 1;
    return true;
  }

  bool EndObject(rapidjson::SizeType) {
    if (skip_ > 0) return --skip_, true;
    in_record_ = false;
    if (top_ == Top::Object)
      pending_top_ = std::move(record_);
    else
      commit(record_);
    return true;
  }

  bool StartArray() {
    if (skip_ > 0) return ++skip_, true;
    if (top_ == Top::None) {
      if (!allow_array_) return abort("a JSON Lines line must hold one object, not an array");
      top_ = Top::Array;
      return true;
    }
    if (!in_record_) {
      bad_element(ValueKind::Array);
      skip_ = 1;
      return true;
    }
    field(ValueKind::Array, {});
    skip_ = 1;
    return true;
  }

  bool EndArray(rapidjson::SizeType) {
    if (skip_ > 0) --skip_;
    return true;
  }

 private:
  enum class Top { None, Object, Array };

  bool scalar(ValueKind kind, std::string_view value) {
    if (skip_ > 0) return true;
    if (top_ == Top::None)
      return abort(std::string("expected a record (an object)") + (allow_array_ ? " or an array of records" : "") +
                   ", found " + kind_name(kind));
    if (!in_record_) {
      bad_element(kind);
      return true;
    }
    field(kind, value);
    return true;
  }

  void begin_record() {
    in_record_ = true;
    record_ = PendingRecord{};
    record_.line = line_;
    ++records_seen_;
  }

  void bad_element(ValueKind kind) {
    ++records_seen_;
    on_error_(make_error("E113", at_line(source_.location, line_),
                         "array element " + std::to_string(records_seen_) + " is " + kind_name(kind) +
                             ", not a record object; skipped"));
  }

  bool abort(std::string message) {
    aborted_ = true;
    on_error_(make_error("E113", at_line(source_.location, line_), std::move(message)));
    return false;
  }

  // Stores a value of a known field; unknown fields are ignored.
  void field(ValueKind kind, std::string_view value) {
    std::optional<std::string>* slot = nullptr;
    bool integer_ok = false;
    if (key_ == options_.id_field) {
      slot = &record_.id;
      integer_ok = true;  // numeric ids are common in exported corpora
    } else if (key_ == options_.text_field) {
      slot = &record_.text;
    } else if (key_ == "html") {
      slot = &record_.html;
    } else if (key_ == "title") {
      slot = &record_.title;
    } else if (key_ == "url") {
      slot = &record_.url;
    } else if (key_ == "source") {
      slot = &record_.source;
    } else if (key_ == "date") {
      slot = &record_.date;
    } else if (key_ == "author") {
      slot = &record_.author;
    } else {
      return;
    }
    if (kind == ValueKind::Null) return;  // null means unknown, like an absent field
    if (value_cut_) {
      if (record_.problem.empty()) {
        record_.problem = "field \"" + key_ + "\" is more than the limit of " +
                          std::to_string(options_.max_document_bytes) + " bytes (--max-document-bytes)";
        record_.problem_code = "E105";
      }
      return;
    }
    if (kind == ValueKind::String || (integer_ok && kind == ValueKind::Integer)) {
      *slot = std::string(value);
      return;
    }
    if (record_.problem.empty())
      record_.problem = "field \"" + key_ + "\" must be a string" + (integer_ok ? " or an integer" : "") +
                        ", not " + kind_name(kind);
  }

  void commit(PendingRecord& r) {
    const std::string location = at_line(source_.location, r.line);
    if (!r.problem.empty()) {
      on_error_(make_error(r.problem_code, location, r.problem + "; record skipped"));
      return;
    }
    RawInput in;
    if (r.text && !r.text->empty()) {
      in.body = std::move(*r.text);
      in.kind = InputKind::Text;
    } else if (r.html && !r.html->empty()) {
      in.body = std::move(*r.html);
      in.kind = InputKind::Html;
      // A JSON string is Unicode whatever the page's <meta charset> said when
      // it was a file: libxml2 must not decode it a second time.
      in.charset = "UTF-8";
    } else {
      on_error_(make_error("E111", location,
                           "record has no \"" + options_.text_field + "\" or \"html\" field (or it is empty); skipped"));
      return;
    }
    if (in.body.size() > options_.max_document_bytes) {
      on_error_(make_error("E105", location,
                           "document text is " + std::to_string(in.body.size()) + " bytes, more than the limit of " +
                               std::to_string(options_.max_document_bytes) + "; skipped"));
      return;
    }
    if (auto nul = in.body.find('\0'); nul != std::string::npos) {
      on_error_(make_error("E103", location,
                           "document text contains a NUL character at byte " + std::to_string(nul) + "; skipped"));
      return;
    }
    in.meta.id = r.id && !r.id->empty() ? std::move(*r.id) : at_line(source_.id_base, r.line);
    in.meta.title = r.title.value_or("");
    in.meta.url = r.url.value_or("");
    in.meta.source = r.source.value_or("");
    in.meta.date = r.date.value_or("");
    in.meta.author = r.author.value_or("");
    in.location = location;
    sink_(std::move(in));
  }

  const RecordSource& source_;
  const InputOptions& options_;
  const RawSink& sink_;
  const DiagnosticSink& on_error_;
  const bool allow_array_;
  const std::size_t& line_;  // current line of the input, kept by the caller

  Top top_ = Top::None;
  bool in_record_ = false;
  std::size_t skip_ = 0;  // depth inside a value being skipped
  std::string key_;
  PendingRecord record_;
  std::optional<PendingRecord> pending_top_;
  std::size_t records_seen_ = 0;
  bool aborted_ = false;
  bool cut_ = false;        // the stream cut the string being parsed
  bool value_cut_ = false;  // ... and it is the value now being stored
};

// Reads one line into `line` (without "\n" or "\r\n"). Past `max` bytes it
// stops storing and only looks for the end of the line. False at end of input.
// Reads one line (without its '\n', and without a '\r' before it) into `line`,
// keeping at most `max` bytes and setting `too_long` when it drops more.
// False at the end of input. istream::getline copies a chunk at a time out of
// the stream's buffer (a memchr for the '\n'), where taking one character at a
// time cost more than parsing the JSON.
bool read_line(std::istream& in, std::string& line, std::size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  char chunk[1 << 16];
  bool extracted = false;
  while (true) {
    in.getline(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) return extracted;  // the end of input, before anything of this line or after a full chunk
    extracted = true;
    // eof: the last line, with no '\n'; fail: the chunk filled before one; else the '\n' was taken too
    const bool full = !in.eof() && in.fail();
    const std::size_t stored = in.eof() || full ? got : got - 1;
    const std::size_t keep = std::min(stored, max - std::min(max, line.size()));
    line.append(chunk, keep);
    if (keep < stored) too_long = true;
    if (!full) break;
    in.clear();
  }
  if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

std::string parse_error_text(const rapidjson::ParseResult& r) { return rapidjson::GetParseError_En(r.Code()); }

// A JSON file as RapidJSON reads it: 64 KiB at a time, so the file is never
// held whole, with every byte that is not UTF-8 replaced by U+FFFD on the way
// (JSON is UTF-8 by definition; one stray byte must not cost the rest of the
// file), counting lines so that records and errors can be named FILE:LINE.
// Tell() counts the file's own bytes: a replacement counts as the one byte it
// stands for.
class FileStream {
 public:
  using Ch = char;
  FileStream(std::FILE* file, std::size_t start) : file_(file), raw_offset_(start) { refill(); }
  Ch Peek() const { return pos_ < buf_.size() ? buf_[pos_] : '\0'; }
  Ch Take() {
    if (pos_ >= buf_.size()) return '\0';
    const Ch c = buf_[pos_++];
    if (c == '\n') ++line_;
    if (pos_ == buf_.size()) refill();
    return c;
  }
  // Each U+FFFD (three bytes) stands for one byte of the file.
  std::size_t Tell() const {
    if (fixes_.empty()) return chunk_tell_ + pos_;
    const auto before = static_cast<std::size_t>(std::lower_bound(fixes_.begin(), fixes_.end(), pos_) - fixes_.begin());
    return chunk_tell_ + pos_ - 2 * before;
  }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

  const std::size_t& line() const { return line_; }
  bool read_error() const { return read_error_; }
  // What was replaced, for the W141 warning; nullopt when the file was valid UTF-8.
  std::optional<Decoding> repairs() const {
    if (replaced_ == 0) return std::nullopt;
    Decoding d;
    d.encoding = "UTF-8";
    d.basis = Decoding::Basis::Repaired;
    d.first_invalid = d.first_replaced = first_invalid_;
    d.first_invalid_line = first_invalid_line_;
    d.replaced = replaced_;
    return d;
  }

 private:
  static constexpr std::size_t kChunk = 1u << 16;

  // Where the bytes of `s` stop being whole: a multi-byte sequence cut by the
  // chunk's end waits for the next chunk.
  static std::size_t complete_prefix(std::string_view s) {
    for (std::size_t k = 1; k <= 3 && k <= s.size(); ++k) {
      const auto b = static_cast<unsigned char>(s[s.size() - k]);
      if ((b & 0xC0) == 0x80) continue;
      const std::size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      return need > k ? s.size() - k : s.size();
    }
    return s.size();
  }

  void refill() {
    chunk_tell_ = raw_offset_;
    buf_.clear();
    fixes_.clear();
    pos_ = 0;
    while (buf_.empty()) {
      raw_.resize(carry_ + kChunk);
      const std::size_t got = std::fread(raw_.data() + carry_, 1, kChunk, file_);
      if (got < kChunk && std::ferror(file_)) read_error_ = true;
      const std::size_t total = carry_ + got;
      if (total == 0) return;  // the end
      const std::string_view bytes(raw_.data(), total);
      const std::size_t usable = got == 0 ? total : complete_prefix(bytes);
      take_chunk(bytes.substr(0, usable));
      raw_.erase(0, usable);
      carry_ = total - usable;
      raw_offset_ += usable;
      if (got == 0 && carry_ == 0) return;
    }
  }

  void take_chunk(std::string_view chunk) {
    if (find_invalid_utf8(chunk) == std::string_view::npos) {
      buf_.assign(chunk);
      if (replaced_ == 0) lines_before_ += static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '\n'));
      return;
    }
    buf_.reserve(chunk.size() + 16);
    for (std::size_t i = 0; i < chunk.size();) {
      const std::size_t len = utf8_sequence_length(chunk, i);
      if (len > 0) {
        buf_.append(chunk.substr(i, len));
        i += len;
        continue;
      }
      if (replaced_++ == 0) {
        first_invalid_ = raw_offset_ + i;
        first_invalid_line_ = lines_before_ + 1 + static_cast<std::size_t>(std::count(chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
      }
      fixes_.push_back(buf_.size());
      buf_ += "\xEF\xBF\xBD";
      ++i;
    }
  }

  std::FILE* file_;
  std::string raw_;                // bytes read, the first `carry_` of them left over from the last chunk
  std::size_t carry_ = 0;
  std::string buf_;                // the current chunk, valid UTF-8
  std::size_t pos_ = 0;
  std::vector<std::size_t> fixes_;  // where in buf_ a U+FFFD stands for a bad byte
  std::size_t line_ = 1;
  std::size_t chunk_tell_ = 0;     // file offset of buf_[0]
  std::size_t raw_offset_ = 0;     // file offset of the chunk being repaired
  std::size_t lines_before_ = 0;   // newlines before it, until the first repair
  std::size_t replaced_ = 0;
  std::size_t first_invalid_ = 0, first_invalid_line_ = 0;
  bool read_error_ = false;
};

// Follows the JSON text RapidJSON takes from `Inner`, character by character,
// to know when it is inside a string and how many bytes that string decodes
// to. Once a string passes `limit` bytes, the rest of it is read past without
// being handed over (RapidJSON would keep it all in memory and the handler copy
// it), the parser sees the closing quote, and `cut` is set for the handler,
// which refuses the record (E105). So a 600 MB record costs about the limit in
// memory, not twice the record.
template <typename Inner>
class BoundedStrings {
 public:
  using Ch = char;
  BoundedStrings(Inner& inner, std::size_t limit, bool& cut) : inner_(inner), limit_(limit), cut_(cut) {}
  Ch Peek() const { return inner_.Peek(); }
  Ch Take() {
    const Ch c = inner_.Take();
    if (state_ == State::String && c != '\\' && c != '"') {  // the common case, kept short
      if (++bytes_ > limit_) cut_if_between_characters();
      return c;
    }
    follow(c);
    if (state_ == State::String && bytes_ > limit_) cut_if_between_characters();
    return c;
  }
  std::size_t Tell() const { return inner_.Tell(); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  enum class State { Outside, String, Escape, Hex };

  static unsigned hex_value(Ch c) {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
    return 0;  // RapidJSON reports the bad escape itself
  }

  void follow(Ch c) {
    switch (state_) {
      case State::Outside:
        if (c == '"') {
          state_ = State::String;
          bytes_ = 0;
          high_surrogate_ = false;
        }
        break;
      case State::String:
        if (c == '\\')
          state_ = State::Escape;
        else if (c == '"')
          state_ = State::Outside;
        else
          ++bytes_;
        break;
      case State::Escape:
        if (c == 'u') {
          state_ = State::Hex;
          hex_left_ = 4;
          code_ = 0;
        } else {
          ++bytes_;
          state_ = State::String;
        }
        break;
      case State::Hex:
        code_ = code_ * 16 + hex_value(c);
        if (--hex_left_ > 0) break;
        state_ = State::String;
        if (code_ >= 0xD800 && code_ <= 0xDBFF) {
          bytes_ += 4;  // with its low half, one 4-byte character
          high_surrogate_ = true;
        } else if (code_ >= 0xDC00 && code_ <= 0xDFFF && high_surrogate_) {
          high_surrogate_ = false;
        } else {
          bytes_ += code_ < 0x80 ? 1 : code_ < 0x800 ? 2 : 3;
          high_surrogate_ = false;
        }
        break;
    }
  }

  // Cut only between characters: not inside an escape, a surrogate pair or a
  // multi-byte sequence, so that what the parser sees stays well-formed.
  void cut_if_between_characters() {
    if (!high_surrogate_ && (static_cast<unsigned char>(inner_.Peek()) & 0xC0) != 0x80) skip_rest();
  }

  // Reads up to the closing quote (not taking it), skipping escapes.
  void skip_rest() {
    bool escaped = false;
    for (Ch p = inner_.Peek(); p != '\0'; p = inner_.Peek()) {
      if (escaped)
        escaped = false;
      else if (p == '\\')
        escaped = true;
      else if (p == '"')
        break;
      inner_.Take();
    }
    cut_ = true;
  }

  Inner& inner_;
  const std::size_t limit_;
  bool& cut_;
  State state_ = State::Outside;
  std::size_t bytes_ = 0;  // UTF-8 bytes of the string so far
  unsigned hex_left_ = 0, code_ = 0;
  bool high_surrogate_ = false;
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

void read_json_lines(std::istream& in, const RecordSource& source, const InputOptions& options,
                     const RawSink& sink, const DiagnosticSink& on_error) {
  std::size_t line_no = 0;
  RecordHandler handler(source, options, sink, on_error, /*allow_array=*/false, line_no);
  rapidjson::Reader reader;
  std::string line;
  bool too_long = false;
  bool any = false;
  if (in.rdbuf() == nullptr) return;
  while (read_line(in, line, options.max_line_bytes, too_long)) {
    ++line_no;
    const std::string location = at_line(source.location, line_no);
    if (too_long) {
      any = true;
      on_error(make_error("E105", location,
                          "line is longer than the limit of " + std::to_string(options.max_line_bytes) +
                              " bytes; skipped"));
      continue;
    }
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a BOM is not JSON
    if (is_blank(line)) continue;
    any = true;
    if (auto nul = line.find('\0'); nul != std::string::npos) {
      on_error(make_error("E103", location, "NUL byte at column " + std::to_string(nul + 1) + "; line skipped"));
      continue;
    }
    // JSON is UTF-8: a byte that is not is replaced, and the record kept.
    if (std::optional<Decoding> fixed = repair_json_text(line))
      on_error(make_warning("W141", location,
                            "invalid UTF-8 at column " + std::to_string(fixed->first_invalid + 1) + ": " +
                                std::to_string(fixed->replaced) + (fixed->replaced == 1 ? " byte" : " bytes") +
                                " replaced by U+FFFD, the rest read as UTF-8"));
    handler.reset();
    rapidjson::StringStream ss(line.c_str());
    rapidjson::ParseResult r;
    if (line.size() <= options.max_document_bytes) {  // no string in it can be longer: parse it as it is
      r = reader.Parse<kParseFlags>(ss, handler);
    } else {
      BoundedStrings<rapidjson::StringStream> bounded(ss, options.max_document_bytes, handler.cut_flag());
      r = reader.Parse<kParseFlags>(bounded, handler);
    }
    if (!r) {
      if (!handler.aborted())
        on_error(make_error("E110", location,
                            "broken JSON at column " + std::to_string(r.Offset() + 1) + ": " + parse_error_text(r) +
                                "; line skipped"));
      continue;
    }
    handler.commit_top_level();
  }
  if (!any) on_error(make_error("E102", source.location, "no records: the input is empty"));
}

void read_json_file(const std::filesystem::path& path, const RecordSource& source, const InputOptions& options,
                    const RawSink& sink, const DiagnosticSink& on_error) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    on_error(make_error("E101", source.location, "cannot open: " + std::string(std::strerror(errno))));
    return;
  }
  // Skip a UTF-8 BOM: RapidJSON does not accept one before the value.
  unsigned char bom[3] = {0, 0, 0};
  std::size_t got = std::fread(bom, 1, 3, file.get());
  if (got == 0) {
    on_error(make_error("E102", source.location, "empty file"));
    return;
  }
  const bool bom_skipped = got == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF;
  if (!bom_skipped) std::rewind(file.get());

  FileStream stream(file.get(), bom_skipped ? 3 : 0);
  RecordHandler handler(source, options, sink, on_error, /*allow_array=*/true, stream.line());
  rapidjson::Reader reader;
  rapidjson::ParseResult r;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size <= options.max_document_bytes) {  // no string in it can be longer: parse it as it is
    r = reader.Parse<kParseFlags>(stream, handler);
  } else {
    BoundedStrings<FileStream> bounded(stream, options.max_document_bytes, handler.cut_flag());
    r = reader.Parse<kParseFlags>(bounded, handler);
  }
  // Said once per file, after its records: where the first bad byte was and how many.
  auto report_repairs = [&] {
    if (std::optional<Decoding> fixed = stream.repairs())
      on_error(make_warning("W141", at_line(source.location, fixed->first_invalid_line), fixed->describe()));
  };
  if (!r) {
    report_repairs();
    if (handler.aborted()) return;
    const std::string location = at_line(source.location, stream.line());
    if (stream.read_error()) {
      on_error(make_error("E101", location, "read error; records before this point were kept"));
    } else if (r.Code() == rapidjson::kParseErrorDocumentEmpty) {
      on_error(make_error("E102", source.location, "empty file (only whitespace)"));
    } else {
      on_error(make_error("E110", location,
                          "broken JSON at byte " + std::to_string(r.Offset()) + ": " + parse_error_text(r) +
                              "; records before this point were kept, the rest of the file is skipped"));
    }
    return;
  }
  handler.commit_top_level();
  report_repairs();
}

}  // namespace kgraph::extract
