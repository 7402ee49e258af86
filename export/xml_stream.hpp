// The one way the XML writers (GraphML, GEXF) produce XML: libxml2's
// xmlTextWriter writing through an xmlOutputBuffer into a std::ostream, so
// escaping is the library's job and never string concatenation. Every string
// passes through xml_safe() first. libxml2 stays inside the .cpp.
#pragma once

#include <ostream>
#include <string_view>

struct _xmlTextWriter;

namespace kgraph::exports {

class XmlStream {
 public:
  // Starts the document (<?xml version="1.0" encoding="UTF-8"?>), indented
  // by two spaces. Throws std::runtime_error if libxml2 refuses.
  explicit XmlStream(std::ostream& out);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Names are ASCII literals chosen by the writers ("viz:color" included);
  // values are arbitrary text. Each call throws std::runtime_error on a
  // writer error (for instance the ostream failing).
  void start(const char* name);
  void attribute(const char* name, std::string_view value);
  void text(std::string_view value);
  void end();
  // <name>value</name>
  void element(const char* name, std::string_view value);
  // Closes every open element, ends the document and flushes into the ostream.
  void finish();

 private:
  _xmlTextWriter* writer_ = nullptr;
  std::ostream& out_;
};

}  // namespace kgraph::exports
