#include "export/xml_stream.hpp"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <mutex>
#include <stdexcept>
#include <string>

#include "export/field_text.hpp"

namespace kgraph::exports {
namespace {

int write_to_ostream(void* context, const char* buffer, int len) {
  auto* out = static_cast<std::ostream*>(context);
  out->write(buffer, len);
  return *out ? len : -1;
}

int close_nothing(void*) { return 0; }

const xmlChar* xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

void check(int rc, const char* what) {
  if (rc < 0) throw std::runtime_error(std::string("XML writer failed in ") + what);
}

}  // namespace

XmlStream::XmlStream(std::ostream& out) : out_(out) {
  // libxml2 must be initialised once before threads use it: GraphML and GEXF
  // may be written side by side (export/graph_outputs.hpp).
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(write_to_ostream, close_nothing, &out_, nullptr);
  if (!buffer) throw std::runtime_error("cannot create XML output buffer");
  writer_ = xmlNewTextWriter(buffer);  // owns `buffer` from here on
  if (!writer_) {
    xmlOutputBufferClose(buffer);
    throw std::runtime_error("cannot create XML writer");
  }
  check(xmlTextWriterSetIndent(writer_, 1), "set indent");
  check(xmlTextWriterSetIndentString(writer_, xml("  ")), "set indent");
  check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr), "start document");
}

XmlStream::~XmlStream() { xmlFreeTextWriter(writer_); }

void XmlStream::start(const char* name) { check(xmlTextWriterStartElement(writer_, xml(name)), name); }

void XmlStream::attribute(const char* name, std::string_view value) {
  std::string safe = xml_safe(value);
  check(xmlTextWriterWriteAttribute(writer_, xml(name), xml(safe.c_str())), name);
}

void XmlStream::text(std::string_view value) {
  std::string safe = xml_safe(value);
  check(xmlTextWriterWriteString(writer_, xml(safe.c_str())), "text");
}

void XmlStream::end() { check(xmlTextWriterEndElement(writer_), "end element"); }

void XmlStream::element(const char* name, std::string_view value) {
  start(name);
  text(value);
  end();
}

void XmlStream::finish() {
  check(xmlTextWriterEndDocument(writer_), "end document");
  check(xmlTextWriterFlush(writer_), "flush");
  out_.flush();
  if (!out_) throw std::runtime_error("XML output stream failed");
}

}  // namespace kgraph::exports
