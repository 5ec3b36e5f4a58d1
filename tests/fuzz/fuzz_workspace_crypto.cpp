// Fuzz target: an encrypted-at-rest blob ("TBENC1\0\0" | nonce | ciphertext | tag) found in a workspace must
// decrypt or fail with an error, whatever its length and header: looksEncrypted, decryptBytes with a fixed
// key, and readProtectedFile through a real file descriptor, with and without the key. The seeds in
// tests/data/workspace/fuzz/blob/ were written by encryptBytes with this key and context, so unmutated ones
// decrypt and the round trip is checked too.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace_file_io.h"
#include "fuzz_guard.h"

namespace {

constexpr const char* kContext = "tunebench-fuzz:fuzz/blob";

// An anonymous in-memory file holding `bytes`; its /proc path works as a file path.
struct MemFd {
    explicit MemFd(std::string_view bytes) {
        fd = memfd_create("tb-fuzz", 0);
        if (fd < 0) std::abort();
        size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n <= 0) std::abort();
            done += size_t(n);
        }
        path = "/proc/self/fd/" + std::to_string(fd);
    }
    ~MemFd() { ::close(fd); }
    int fd = -1;
    std::string path;
};

const tb::WorkspaceKey& fixedKey() {  // bytes 00 01 ... 1f
    static const tb::WorkspaceKey key = [] {
        std::string hex;
        for (int i = 0; i < 32; ++i) {
            char b[3];
            std::snprintf(b, sizeof b, "%02x", i);
            hex += b;
        }
        MemFd file(hex);
        auto k = tb::WorkspaceKey::fromKeyFile(file.path);
        if (!k) std::abort();
        return *k;
    }();
    return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tbfuzz::Guard guard("workspace_crypto", data, size);
    const tb::WorkspaceKey& key = fixedKey();
    const std::string_view blob(reinterpret_cast<const char*>(data), size);
    const bool encrypted = tb::looksEncrypted(blob);
    auto plain = tb::decryptBytes(key, blob, kContext, "fuzz blob");
    if (!encrypted && plain.ok()) std::abort();  // only a blob with the magic can decrypt
    if (plain.ok()) {
        if (plain->size() + 36 != size) std::abort();  // magic 8 + nonce 12 + tag 16
        auto again = tb::encryptBytes(key, *plain, kContext);
        if (!again.ok()) std::abort();
        auto back = tb::decryptBytes(key, *again, kContext, "fuzz blob");
        if (!back.ok() || *back != *plain) std::abort();
        if (tb::decryptBytes(key, blob, "tunebench-fuzz:other/blob", "fuzz blob").ok()) std::abort();
    } else if (plain.message().rfind("fuzz blob", 0) != 0) {
        std::abort();  // errors name the file
    }

    MemFd file(blob);
    auto read = tb::readProtectedFile(file.path, kContext, &key, "fuzz blob", size_t(1) << 20);
    if (read.ok() != (encrypted ? plain.ok() : size <= (size_t(1) << 20))) std::abort();
    if (read.ok() && *read != (encrypted ? *plain : std::string(blob))) std::abort();
    auto locked = tb::readProtectedFile(file.path, kContext, nullptr, "fuzz blob", size_t(1) << 20);
    if (size <= (size_t(1) << 20) && locked.ok() == encrypted) std::abort();  // no key: encrypted files refused
    return 0;
}
