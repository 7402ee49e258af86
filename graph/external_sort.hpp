// Sorting more records than the memory budget holds: an external merge sort.
//
// add() collects records in a buffer of at most `buffer_bytes`; a full buffer
// is sorted and written out as a run to one scratch file
// (graph/spill_file.hpp). merge() then frees the buffer, reads every run
// through a window (all windows together about `buffer_bytes`) and hands the
// records to a callback in order (a k-way merge on a heap). When everything
// fitted in the buffer no file is ever made.
//
// With Ties::KeepAddOrder the result is the order of std::stable_sort over all
// records in the order they were added: within a run the sort is stable, and
// the merge breaks ties by run, runs being in add order. So the records' order
// never depends on the budget. std::stable_sort takes a temporary of up to
// half the records beside the buffer (1.5 x `buffer_bytes` in all). With
// Ties::Interchangeable the caller says that records `Less` holds equal may
// come in any order (nothing they are used for tells them apart), and runs
// are sorted in place (std::sort): the sorter never holds more than
// `buffer_bytes` of records. `merge --memory` sorts relation mentions so: two
// mentions equal under its order are the same mention of the same sentence,
// which is what keeps it byte-identical to a merge without the flag. The
// sorter does not know where records come from (a graph being built, a file,
// another rank): only `Record` and `Less` are its contract.
//
// Record must be trivially copyable: runs hold its bytes as they are.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <queue>
#include <type_traits>
#include <utility>
#include <vector>

#include "graph/spill_file.hpp"

namespace kgraph::graph {

// What the order of records that compare equal may be (see above).
enum class Ties { KeepAddOrder, Interchangeable };

template <typename Record, typename Less>
class ExternalSorter {
  static_assert(std::is_trivially_copyable_v<Record>, "runs hold a record's bytes as they are");

 public:
  // `dir`: where the scratch file goes (the system's temporary folder when empty).
  ExternalSorter(std::filesystem::path dir, std::size_t buffer_bytes, Less less = Less(), Ties ties = Ties::KeepAddOrder)
      : dir_(std::move(dir)),
        capacity_(std::max<std::size_t>(1, buffer_bytes / sizeof(Record))),
        less_(std::move(less)),
        ties_(ties) {}

  void add(const Record& r) {
    // A full buffer is written only when another record comes: what fits is never written.
    if (buffer_.size() >= capacity_) spill();
    if (buffer_.capacity() < capacity_) buffer_.reserve(capacity_);  // once: no doubling past the budget
    buffer_.push_back(r);
  }
  std::size_t size() const { return count_ + buffer_.size(); }
  // Runs written so far (0 while everything fits).
  std::size_t runs() const { return runs_.size(); }

  // Calls each(const Record&) for every record in sorted order; the sorter is
  // empty afterwards. Each run is read through a window sized so that all
  // windows together take about the buffer's budget.
  template <typename Each>
  void merge(Each&& each) {
    if (runs_.empty()) {
      sort_buffer();
      for (const Record& r : buffer_) each(r);
      clear();
      return;
    }
    if (!buffer_.empty()) spill();
    // The windows below take the buffer's place: holding both would take twice
    // the budget while the runs are merged.
    std::vector<Record>().swap(buffer_);
    file_->flush();
    std::vector<Cursor> cursors;
    const std::size_t window = std::max<std::size_t>(16, capacity_ / runs_.size());
    for (const Run& run : runs_) cursors.emplace_back(run, window);
    for (Cursor& c : cursors) c.fill(*file_);
    auto later = [this, &cursors](std::size_t a, std::size_t b) {  // a heap's "less" puts the smallest on top
      const Record& x = cursors[a].front();
      const Record& y = cursors[b].front();
      if (less_(y, x)) return true;
      if (less_(x, y)) return false;
      return b < a;  // equal records: the earlier run first
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heap(later);
    for (std::size_t i = 0; i < cursors.size(); ++i)
      if (!cursors[i].done()) heap.push(i);
    while (!heap.empty()) {
      const std::size_t i = heap.top();
      heap.pop();
      each(cursors[i].front());
      cursors[i].pop(*file_);
      if (!cursors[i].done()) heap.push(i);
    }
    clear();
  }

 private:
  struct Run {
    std::uint64_t offset = 0;  // in the scratch file
    std::size_t count = 0;     // records
  };
  // A window onto one run.
  class Cursor {
   public:
    Cursor(const Run& run, std::size_t window) : next_(run.offset), left_(run.count), window_(window) {}
    bool done() const { return at_ == records_.size() && left_ == 0; }
    const Record& front() const { return records_[at_]; }
    void pop(const SpillFile& file) {
      if (++at_ == records_.size()) fill(file);
    }
    void fill(const SpillFile& file) {
      const std::size_t n = std::min(window_, left_);
      records_.resize(n);
      if (n > 0) file.read(next_, records_.data(), n * sizeof(Record));
      next_ += n * sizeof(Record);
      left_ -= n;
      at_ = 0;
    }

   private:
    std::uint64_t next_;
    std::size_t left_;
    std::size_t window_;
    std::vector<Record> records_;
    std::size_t at_ = 0;
  };

  void sort_buffer() {
    if (ties_ == Ties::Interchangeable)
      std::sort(buffer_.begin(), buffer_.end(), less_);
    else
      std::stable_sort(buffer_.begin(), buffer_.end(), less_);
  }
  void spill() {
    sort_buffer();
    if (!file_) file_ = std::make_unique<SpillFile>(dir_);
    runs_.push_back(Run{file_->bytes(), buffer_.size()});
    file_->append(buffer_.data(), buffer_.size() * sizeof(Record));
    count_ += buffer_.size();
    buffer_.clear();
  }
  void clear() {
    std::vector<Record>().swap(buffer_);
    runs_.clear();
    file_.reset();
    count_ = 0;
  }

  std::filesystem::path dir_;
  std::size_t capacity_;  // records the buffer holds
  Less less_;
  Ties ties_;
  std::vector<Record> buffer_;
  std::vector<Run> runs_;
  std::unique_ptr<SpillFile> file_;
  std::size_t count_ = 0;  // records in runs
};

}  // namespace kgraph::graph
