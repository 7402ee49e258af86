#include "extract/ingest/json_records.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>

#include <rapidjson/error/en.h>
#include <rapidjson/filereadstream.h>
#include <rapidjson/reader.h>

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
  std::string problem;  // first field of the wrong type, if any
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
  bool String(const char* s, rapidjson::SizeType n, bool) { return scalar(ValueKind::String, std::string_view(s, n)); }

  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (skip_ == 0) key_.assign(s, n);
    return true;
  }

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
      on_error_(make_error("E112", location, r.problem + "; record skipped"));
      return;
    }
    RawInput in;
    if (r.text && !r.text->empty()) {
      in.body = std::move(*r.text);
      in.kind = InputKind::Text;
    } else if (r.html && !r.html->empty()) {
      in.body = std::move(*r.html);
      in.kind = InputKind::Html;
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
};

// Reads one line into `line` (without "\n" or "\r\n"). Past `max` bytes it
// stops storing and only looks for the end of the line. False at end of input.
bool read_line(std::streambuf& in, std::string& line, std::size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  using Traits = std::streambuf::traits_type;
  int c = in.sbumpc();
  if (Traits::eq_int_type(c, Traits::eof())) return false;
  for (; !Traits::eq_int_type(c, Traits::eof()); c = in.sbumpc()) {
    if (c == '\n') break;
    if (line.size() < max)
      line.push_back(Traits::to_char_type(c));
    else
      too_long = true;
  }
  if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

std::string parse_error_text(const rapidjson::ParseResult& r) { return rapidjson::GetParseError_En(r.Code()); }

// Counts lines as RapidJSON consumes characters, so that records and errors in
// a .json file can be named FILE:LINE.
class LineCountingStream {
 public:
  using Ch = char;
  explicit LineCountingStream(rapidjson::FileReadStream& inner) : inner_(inner) {}
  Ch Peek() const { return inner_.Peek(); }
  Ch Take() {
    Ch c = inner_.Take();
    if (c == '\n') ++line_;
    return c;
  }
  std::size_t Tell() const { return inner_.Tell(); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }
  const std::size_t& line() const { return line_; }

 private:
  rapidjson::FileReadStream& inner_;
  std::size_t line_ = 1;
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
  std::streambuf* buf = in.rdbuf();
  if (buf == nullptr) return;
  while (read_line(*buf, line, options.max_line_bytes, too_long)) {
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
    if (auto bad = find_invalid_utf8(line); bad != std::string_view::npos) {
      on_error(make_error("E104", location, "invalid UTF-8 at column " + std::to_string(bad + 1) + "; line skipped"));
      continue;
    }
    handler.reset();
    rapidjson::StringStream ss(line.c_str());
    rapidjson::ParseResult r = reader.Parse<kParseFlags>(ss, handler);
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
  if (!(got == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)) std::rewind(file.get());

  char buffer[1 << 16];
  rapidjson::FileReadStream fs(file.get(), buffer, sizeof buffer);
  LineCountingStream stream(fs);
  RecordHandler handler(source, options, sink, on_error, /*allow_array=*/true, stream.line());
  rapidjson::Reader reader;
  rapidjson::ParseResult r = reader.Parse<kParseFlags>(stream, handler);
  if (!r) {
    if (handler.aborted()) return;
    const std::string location = at_line(source.location, stream.line());
    if (r.Code() == rapidjson::kParseErrorDocumentEmpty) {
      on_error(make_error("E102", source.location, "empty file (only whitespace)"));
    } else if (r.Code() == rapidjson::kParseErrorStringInvalidEncoding) {
      on_error(make_error("E104", location,
                          "invalid UTF-8 at byte " + std::to_string(r.Offset()) + "; the rest of the file is skipped"));
    } else {
      on_error(make_error("E110", location,
                          "broken JSON at byte " + std::to_string(r.Offset()) + ": " + parse_error_text(r) +
                              "; records before this point were kept, the rest of the file is skipped"));
    }
    return;
  }
  handler.commit_top_level();
}

}  // namespace kgraph::extract
