// Handing freed heap memory back to the system.
//
// A large merge frees most of what it held while reading (the duplicate
// finder's signatures, the spool index, the accumulation of entities and
// edges) before it builds what it writes. The allocator keeps those pages:
// it only returns the top of the heap, and the freed blocks lie below the ones
// still in use. They are reused, but only by requests of a size that fits, so
// the peak resident size is the sum of both phases rather than the larger one
// (issue 16: measured with /usr/bin/time -v on bench-scale corpora).
#pragma once

namespace kgraph::graph {

// Returns whole free pages of the heap to the system (glibc's malloc_trim);
// does nothing with other allocators. Costs a walk over the free lists: call
// it after freeing a large part of the heap, not in a loop.
void return_free_memory();

}  // namespace kgraph::graph
