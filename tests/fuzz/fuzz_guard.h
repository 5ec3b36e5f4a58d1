// Fuzzing helper for the portable driver: keeps the input being run so that a crash (SIGSEGV, SIGBUS,
// SIGFPE, an abort from an uncaught exception) or a hang (one input running longer than the limit) writes
// that input to ./fuzz-<target>-crash.bin and says so, for a regression seed. Not used by libFuzzer builds
// (libFuzzer saves crashing inputs itself); the guard then only costs two alarm() calls per input.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace tbfuzz {

struct GuardState {
    const char* target = "fuzz";
    const uint8_t* data = nullptr;
    size_t size = 0;
    bool installed = false;
};
inline GuardState& guardState() {
    static GuardState s;
    return s;
}

inline void guardWrite(int fd, const char* text) {
    (void)!::write(fd, text, std::strlen(text));
}

// Async-signal-safe: only open/write/close and re-raising the default action.
inline void guardHandler(int sig) {
    GuardState& s = guardState();
    char name[256] = "fuzz-";
    std::strncat(name, s.target, 200);
    std::strcat(name, "-crash.bin");
    const int fd = ::open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        size_t done = 0;
        while (s.data && done < s.size) {
            const ssize_t n = ::write(fd, s.data + done, s.size - done);
            if (n <= 0) break;
            done += size_t(n);
        }
        ::close(fd);
    }
    guardWrite(2, sig == SIGALRM ? "\nfuzz guard: an input ran too long (hang); saved as "
                                 : "\nfuzz guard: crash; input saved as ");
    guardWrite(2, name);
    guardWrite(2, "\n");
    ::signal(sig == SIGALRM ? SIGABRT : sig, SIG_DFL);
    ::raise(sig == SIGALRM ? SIGABRT : sig);
}

// Runs one input under the guard: a crash saves it, and so does running longer than `limitSeconds`.
class Guard {
public:
    Guard(const char* target, const uint8_t* data, size_t size, unsigned limitSeconds = 10) {
        GuardState& s = guardState();
        s.target = target, s.data = data, s.size = size;
        if (!s.installed) {
            // An alternate stack, so a stack overflow (deep recursion) still reaches the handler.
            static char altStack[1 << 16];
            stack_t ss{};
            ss.ss_sp = altStack, ss.ss_size = sizeof altStack;
            ::sigaltstack(&ss, nullptr);
            struct sigaction sa {};
            sa.sa_handler = guardHandler;
            sa.sa_flags = SA_ONSTACK;
            for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM}) ::sigaction(sig, &sa, nullptr);
            s.installed = true;
        }
        // Sanitizer builds run several times slower: TB_FUZZ_HANG_SECONDS raises the limit there.
        if (const char* e = std::getenv("TB_FUZZ_HANG_SECONDS")) limitSeconds = unsigned(std::atoi(e));
        ::alarm(limitSeconds);
    }
    ~Guard() {
        ::alarm(0);
        guardState().data = nullptr, guardState().size = 0;
    }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
};

}  // namespace tbfuzz
