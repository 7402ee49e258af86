// Starts tests/fetch/test_server.py on 127.0.0.1 (a free port chosen by the
// server) for the lifetime of the object, and stops that process by its id.
// The fetch and bad-input tests reach no other address.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>

namespace kgraph::testing {

class LocalServer {
 public:
  LocalServer() {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      const std::string script = std::string(KGRAPH_SOURCE_DIR) + "/tests/fetch/test_server.py";
      ::execlp("python3", "python3", script.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    FILE* in = ::fdopen(out[0], "r");
    int port = 0;
    if (!in || std::fscanf(in, "PORT %d", &port) != 1) {
      stop();
      throw std::runtime_error("tests/fetch/test_server.py did not start");
    }
    std::fclose(in);
    base_ = "http://127.0.0.1:" + std::to_string(port);
  }
  ~LocalServer() { stop(); }
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  std::string url(const std::string& path) const { return base_ + path; }

 private:
  void stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  pid_t pid_ = -1;
  std::string base_;
};

}  // namespace kgraph::testing
