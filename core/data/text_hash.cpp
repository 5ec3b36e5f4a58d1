#include "core/data/text_hash.h"

#include <cstring>

namespace tb {

uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

uint64_t hash64(std::string_view s, uint64_t seed) {
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = seed ^ (s.size() * k);
    const char* p = s.data();
    size_t n = s.size();
    while (n >= 8) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        h = (h ^ mix64(v + k)) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    h = (h ^ mix64(tail + n)) * 0xc4ceb9fe1a85ec53ULL;
    return mix64(h);
}

uint64_t exactDuplicateKey(std::string_view text) {
    // Streams normalised bytes through a small buffer so no copy of the text is made.
    char buf[256];
    size_t n = 0;
    uint64_t h = 0x84222325cbf29ce4ULL;
    bool pendingSpace = false, any = false;
    auto flush = [&] {
        h = hash64(std::string_view(buf, n), h);
        n = 0;
    };
    for (char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (space) {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace) {
            if (n == sizeof buf) flush();
            buf[n++] = ' ';
            pendingSpace = false;
        }
        if (n == sizeof buf) flush();
        buf[n++] = c;
        any = true;
    }
    flush();
    return h;
}

}  // namespace tb
