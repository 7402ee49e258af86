#include "cli/mpi_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <stdexcept>

#ifdef KGRAPH_MPI
#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#endif

namespace kgraph::cli::mpi {

#ifdef KGRAPH_MPI

namespace {
constexpr int kChunkTag = 1;
constexpr std::size_t kChunkBytes = 64u << 20;  // well below MPI's 2 GiB message limit
}  // namespace

struct Session::Impl {
  boost::mpi::environment env;
  boost::mpi::communicator world;
};

bool built_in() { return true; }

Session::Session() : impl_(std::make_unique<Impl>()) {}
Session::~Session() = default;
int Session::rank() const { return impl_->world.rank(); }
int Session::size() const { return impl_->world.size(); }

std::vector<std::size_t> Session::gather(std::vector<std::pair<std::string, std::string>> mine,
                                         const std::vector<std::size_t>& counts,
                                         const std::function<void(const std::string&, const std::string&)>& receive) {
  boost::mpi::communicator& world = impl_->world;
  if (world.rank() != 0) {
    // Chunks of id, line, id, line, ...; an empty chunk ends this rank's share.
    std::vector<std::string> chunk;
    std::size_t bytes = 0;
    for (auto& [id, line] : mine) {
      bytes += id.size() + line.size();
      chunk.push_back(std::move(id));
      chunk.push_back(std::move(line));
      if (bytes >= kChunkBytes) {
        world.send(0, kChunkTag, chunk);
        chunk.clear();
        bytes = 0;
      }
    }
    if (!chunk.empty()) world.send(0, kChunkTag, chunk);
    world.send(0, kChunkTag, std::vector<std::string>{});
  } else {
    for (int r = 1; r < world.size(); ++r)
      for (;;) {
        std::vector<std::string> chunk;
        world.recv(r, kChunkTag, chunk);
        if (chunk.empty()) break;
        for (std::size_t i = 0; i + 1 < chunk.size(); i += 2) receive(chunk[i], chunk[i + 1]);
      }
  }
  std::vector<std::size_t> total(counts.size(), 0);
  boost::mpi::reduce(world, counts.data(), static_cast<int>(counts.size()), total.data(), std::plus<std::size_t>(), 0);
  return total;
}

std::vector<std::string> Session::gather_bytes(std::string mine) {
  boost::mpi::communicator& world = impl_->world;
  std::vector<std::string> all;
  if (world.rank() != 0) {
    // Chunks of at most kChunkBytes; an empty chunk ends this rank's share.
    for (std::size_t at = 0; at < mine.size(); at += kChunkBytes) world.send(0, kChunkTag, mine.substr(at, kChunkBytes));
    world.send(0, kChunkTag, std::string());
    return all;
  }
  all.resize(static_cast<std::size_t>(world.size()));
  all[0] = std::move(mine);
  for (int r = 1; r < world.size(); ++r)
    for (;;) {
      std::string chunk;
      world.recv(r, kChunkTag, chunk);
      if (chunk.empty()) break;
      all[static_cast<std::size_t>(r)] += chunk;
    }
  return all;
}

std::string Session::broadcast_bytes(std::string mine) {
  boost::mpi::communicator& world = impl_->world;
  std::size_t size = world.rank() == 0 ? mine.size() : 0;
  boost::mpi::broadcast(world, size, 0);
  if (world.rank() != 0) mine.assign(size, '\0');
  for (std::size_t at = 0; at < size; at += kChunkBytes) {
    const std::size_t n = std::min(kChunkBytes, size - at);
    boost::mpi::broadcast(world, mine.data() + at, static_cast<int>(n), 0);
  }
  return mine;
}

void Session::barrier() { impl_->world.barrier(); }

bool Session::all_true(bool mine) {
  bool all = false;
  boost::mpi::all_reduce(impl_->world, mine, all, std::logical_and<bool>());
  return all;
}

void Session::abort(int code) {
  impl_->world.abort(code);
  std::_Exit(code);  // MPI_Abort does not return; should it, this rank still ends
}

#else

struct Session::Impl {};
bool built_in() { return false; }
Session::Session() { throw std::runtime_error("--mpi: this kgraph was built without MPI (install libboost-mpi-dev and rebuild)"); }
Session::~Session() = default;
int Session::rank() const { return 0; }
int Session::size() const { return 1; }
std::vector<std::size_t> Session::gather(std::vector<std::pair<std::string, std::string>>,
                                         const std::vector<std::size_t>& counts,
                                         const std::function<void(const std::string&, const std::string&)>&) {
  return counts;
}
std::vector<std::string> Session::gather_bytes(std::string mine) { return {std::move(mine)}; }
std::string Session::broadcast_bytes(std::string mine) { return mine; }
void Session::barrier() {}
bool Session::all_true(bool mine) { return mine; }
void Session::abort(int code) { std::_Exit(code); }

#endif

}  // namespace kgraph::cli::mpi
