// An array of value-initialised slots on memory aligned to 2 MiB, with transparent huge pages
// asked for where the kernel has them. The weight tables of the name tagger and the parser are
// hash tables read at random dozens of times per word; on huge pages those reads do not also
// miss the TLB.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>

#include <sys/mman.h>

namespace kgraph {

struct FreeHugePageArray {
  void operator()(void* p) const { std::free(p); }
};

template <class Slot>
using HugePageArray = std::unique_ptr<Slot[], FreeHugePageArray>;

inline constexpr std::size_t kHugePage = std::size_t{2} << 20;

// `bytes` rounded up to whole 2 MiB pages, aligned to 2 MiB, with huge pages asked for.
inline void* huge_page_block(std::size_t bytes) {
  const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

// Room for `count` slots on 2 MiB-aligned memory with huge pages asked for, left
// unwritten: a page becomes resident only when first written, so the room may be an
// upper bound of what is filled. Under 1 MiB (where a huge page would mostly hold
// nothing) the room is ordinary memory.
template <class Slot>
HugePageArray<Slot> make_huge_page_room(std::size_t count) {
  static_assert(std::is_trivially_default_constructible_v<Slot> && std::is_trivially_destructible_v<Slot>);
  if (count * sizeof(Slot) < kHugePage / 2) {
    void* small = std::aligned_alloc(64, std::max<std::size_t>((count * sizeof(Slot) + 63) / 64 * 64, 64));
    if (!small) throw std::bad_alloc();
    return HugePageArray<Slot>(static_cast<Slot*>(small));
  }
  return HugePageArray<Slot>(static_cast<Slot*>(huge_page_block(count * sizeof(Slot))));
}

template <class Slot>
HugePageArray<Slot> make_huge_page_array(std::size_t count) {
  Slot* slots = static_cast<Slot*>(huge_page_block(count * sizeof(Slot)));
  for (std::size_t i = 0; i < count; ++i) new (&slots[i]) Slot{};
  return HugePageArray<Slot>(slots);
}

}  // namespace kgraph
