// Fuzzing helper: puts the fuzzer's bytes in an anonymous in-memory file (memfd) and returns a path to it,
// so the streaming readers are fuzzed through their real file-reading code. Linux only.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace tbfuzz {

class MemoryFile {
public:
    MemoryFile(const uint8_t* data, size_t size, const char* suffix) {
        m_fd = memfd_create("tb-fuzz", 0);
        if (m_fd < 0) return;
        size_t done = 0;
        while (done < size) {
            ssize_t n = ::write(m_fd, data + done, size - done);
            if (n <= 0) break;
            done += static_cast<size_t>(n);
        }
        // The readers pick the format from the extension; a symlink-free way is to pass the kind explicitly,
        // so the suffix only documents intent.
        (void)suffix;
        m_path = "/proc/self/fd/" + std::to_string(m_fd);
    }
    ~MemoryFile() {
        if (m_fd >= 0) ::close(m_fd);
    }
    const std::string& path() const { return m_path; }
    bool ok() const { return m_fd >= 0; }

private:
    int m_fd = -1;
    std::string m_path;
};

}  // namespace tbfuzz
