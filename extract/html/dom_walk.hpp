// Iterative traversal of a libxml2 tree. Pages nest elements arbitrarily deep
// (100,000 nested divs is a real attack), so nothing here recurses.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace kgraph::extract::html {

// Visits `root` and its descendants in document order. `visit(node)` returns
// whether to descend into the node's children.
template <class Visit>
void walk(xmlNode* root, Visit&& visit) {
  xmlNode* n = root;
  while (n != nullptr) {
    if (visit(n) && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != root && n->next == nullptr) n = n->parent;
    if (n == root) break;
    n = n->next;
  }
}

inline std::string_view name_of(const xmlNode* n) {
  return n->name != nullptr ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

// The attribute's value, or "" when absent. libxml2 lower-cases HTML attribute names.
inline std::string attribute(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::string_view(reinterpret_cast<const char*>(a->name)) != name) continue;
    std::string value;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next)
      if (c->content != nullptr) value += reinterpret_cast<const char*>(c->content);
    return value;
  }
  return {};
}

// All text below `root`, in document order, without separators.
inline std::string text_content(xmlNode* root) {
  std::string out;
  walk(root, [&](xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) out += reinterpret_cast<const char*>(n->content);
    }
    return n->type == XML_ELEMENT_NODE || n == root;
  });
  return out;
}

}  // namespace kgraph::extract::html
