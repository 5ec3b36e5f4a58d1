#include "core/data/text_hash.h"

#include <array>
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
    // Hash of the sequence of non-whitespace runs: equal exactly when the texts differ only in whitespace.
    static const auto isSpace = [] {
        std::array<bool, 256> t{};
        for (unsigned char c : std::string_view(" \t\n\r\f\v")) t[c] = true;
        return t;
    }();
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    uint64_t h = 0x84222325cbf29ce4ULL;
    size_t i = 0;
    while (i < n) {
        while (i < n && isSpace[p[i]]) ++i;
        if (i >= n) break;
        size_t start = i;
        while (i < n && !isSpace[p[i]]) ++i;
        // The run in 8-byte chunks (a short tail is zero-padded; the run length closes it).
        size_t len = i - start;
        const unsigned char* q = p + start;
        while (len >= 8) {
            uint64_t v;
            std::memcpy(&v, q, 8);
            h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
            h ^= h >> 29;
            q += 8;
            len -= 8;
        }
        uint64_t tail = 0;
        std::memcpy(&tail, q, len);
        h = (h ^ tail ^ (uint64_t(len + 1) << 59)) * 0xff51afd7ed558ccdULL;
        h ^= h >> 31;
    }
    return mix64(h);
}

}  // namespace tb
