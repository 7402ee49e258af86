#include "graph/free_memory.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kgraph::graph {

void return_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

void share_one_heap() {
#if defined(__GLIBC__)
  mallopt(M_ARENA_MAX, 1);
#endif
}

}  // namespace kgraph::graph
