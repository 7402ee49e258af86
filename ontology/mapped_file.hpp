// The bytes of a file, mapped read-only into memory for as long as the object lives.
// The model readers parse 2 to 13 MB files once at start-up: mapped, the pages come
// straight from the page cache, where reading into a string first zero-fills the string
// and then copies every byte into it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace kgraph {

class MappedFile {
 public:
  // Maps `path`; false when it cannot be opened or mapped. What is not a regular file
  // (a directory) and an empty file give true and no bytes, for the caller's parser to
  // refuse as it refuses any other wrong content.
  bool open(const std::filesystem::path& path);
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace kgraph
