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

// One heap for every thread (glibc's M_ARENA_MAX = 1); does nothing with other
// allocators. Call before the first thread starts. glibc gives each thread
// that allocates its own arena, and memory freed in one is not reused by
// another: the merge's writers, on threads of their own, built their tables
// beside the main thread's freed accumulation instead of in it, and each
// arena kept its own free pages (merge -j2 peaked 1.41 KiB per article, -j1
// 1.24, issue 16). A reduce mostly writes files; the lock two writers share
// costs it no measurable time.
void share_one_heap();

}  // namespace kgraph::graph
