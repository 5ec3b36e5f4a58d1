#include "core/data/near_duplicates.h"

#include "core/data/text_hash.h"

#include <algorithm>
#include <numeric>

namespace tb {

namespace {

bool isWordByte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint32_t bandKey(const MinHashSignature& s, int band) {
    uint64_t h = 0x12345678ULL + band;
    for (int r = 0; r < kMinHashSlots / kLshBands; ++r) h = mix64(h ^ s[band * (kMinHashSlots / kLshBands) + r]);
    return static_cast<uint32_t>(h);
}

struct UnionFind {
    std::vector<uint32_t> parent;
    explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
    uint32_t find(uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(uint32_t a, uint32_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

}  // namespace

bool minHashSignature(std::string_view text, int shingleWords, MinHashSignature& out) {
    const int k = std::clamp(shingleWords, 1, 8);
    out.fill(UINT32_MAX);
    std::array<bool, kMinHashSlots> filled{};
    uint64_t window[8] = {};
    int words = 0;
    auto addShingle = [&](uint64_t h) {
        h = mix64(h);
        int slot = static_cast<int>(h >> 58);
        uint32_t v = static_cast<uint32_t>(h);
        if (v < out[slot]) out[slot] = v;
        filled[slot] = true;
    };
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    size_t n = text.size(), i = 0;
    while (i < n) {
        while (i < n && !isWordByte(p[i])) ++i;
        if (i >= n) break;
        uint64_t wh = 0xcbf29ce484222325ULL;  // FNV-1a over the lower-cased word
        while (i < n && isWordByte(p[i])) {
            unsigned char c = p[i];
            if (c >= 'A' && c <= 'Z') c += 32;
            wh = (wh ^ c) * 0x100000001b3ULL;
            ++i;
        }
        for (int j = k - 1; j > 0; --j) window[j] = window[j - 1];
        window[0] = wh;
        ++words;
        if (words >= k) {
            uint64_t h = 0;
            for (int j = 0; j < k; ++j) h ^= rotl(window[j], 17 * j + 1);
            addShingle(h);
        }
    }
    if (words == 0) return false;
    if (words < k) {
        uint64_t h = 0;
        for (int j = 0; j < words; ++j) h ^= rotl(window[j], 17 * j + 1);
        addShingle(h);
    }
    // Rotation densification: an empty slot borrows from the next filled slot to its right.
    for (int s = 0; s < kMinHashSlots; ++s) {
        if (filled[s]) continue;
        for (int d = 1; d < kMinHashSlots; ++d) {
            int t = (s + d) % kMinHashSlots;
            if (filled[t]) {
                out[s] = static_cast<uint32_t>(mix64(out[t] + 0x9E3779B97F4A7C15ULL * d));
                break;
            }
        }
    }
    return true;
}

double estimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
    int same = 0;
    for (int i = 0; i < kMinHashSlots; ++i) same += a[i] == b[i];
    return double(same) / kMinHashSlots;
}

double estimateJaccard8(const std::array<uint8_t, kMinHashSlots>& a, const std::array<uint8_t, kMinHashSlots>& b) {
    int same = 0;
    for (int i = 0; i < kMinHashSlots; ++i) same += a[i] == b[i];
    double m = double(same) / kMinHashSlots;
    const double chance = 1.0 / 256.0;
    return std::max(0.0, (m - chance) / (1.0 - chance));
}

void NearDuplicateFinder::add(uint32_t id, const MinHashSignature& sig) {
    uint32_t index = static_cast<uint32_t>(m_ids.size());
    m_ids.push_back(id);
    std::array<uint8_t, kMinHashSlots> small;
    for (int i = 0; i < kMinHashSlots; ++i) small[i] = static_cast<uint8_t>(mix64(sig[i]));
    m_sigs.push_back(small);
    for (int b = 0; b < kLshBands; ++b) m_bands[b].push_back((uint64_t(bandKey(sig, b)) << 32) | index);
}

void NearDuplicateFinder::add(uint32_t id, std::string_view text) {
    MinHashSignature sig;
    if (minHashSignature(text, m_options.shingleWords, sig)) add(id, sig);
}

std::vector<std::vector<uint32_t>> NearDuplicateFinder::groups() const {
    UnionFind uf(m_ids.size());
    std::vector<uint64_t> band;
    for (int b = 0; b < kLshBands; ++b) {
        band = m_bands[b];
        std::sort(band.begin(), band.end());
        size_t i = 0;
        while (i < band.size()) {
            size_t j = i + 1;
            while (j < band.size() && (band[j] >> 32) == (band[i] >> 32)) ++j;
            uint32_t first = static_cast<uint32_t>(band[i]);
            for (size_t t = i + 1; t < j; ++t) {
                uint32_t other = static_cast<uint32_t>(band[t]);
                if (uf.find(other) == uf.find(first)) continue;
                if (estimateJaccard8(m_sigs[first], m_sigs[other]) >= m_options.threshold) uf.unite(first, other);
            }
            i = j;
        }
    }
    std::vector<uint32_t> count(m_ids.size(), 0);
    for (uint32_t i = 0; i < m_ids.size(); ++i) ++count[uf.find(i)];
    std::unordered_map<uint32_t, size_t> groupOf;
    std::vector<std::vector<uint32_t>> out;
    for (uint32_t i = 0; i < m_ids.size(); ++i) {
        uint32_t r = uf.find(i);
        if (count[r] < 2) continue;
        auto [it, added] = groupOf.emplace(r, out.size());
        if (added) out.emplace_back();
        out[it->second].push_back(m_ids[i]);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
    return out;
}

int64_t NearDuplicateIndex::findOrAdd(uint32_t id, std::string_view text) {
    MinHashSignature sig;
    if (!minHashSignature(text, m_options.shingleWords, sig)) return -1;
    uint64_t keys[kLshBands];
    for (int b = 0; b < kLshBands; ++b) {
        keys[b] = (uint64_t(b) << 40) ^ bandKey(sig, b);
        auto it = m_buckets.find(keys[b]);
        if (it != m_buckets.end() && estimateJaccard(m_sigs[it->second], sig) >= m_options.threshold)
            return m_ids[it->second];
    }
    uint32_t index = static_cast<uint32_t>(m_ids.size());
    m_ids.push_back(id);
    m_sigs.push_back(sig);
    for (int b = 0; b < kLshBands; ++b) m_buckets.emplace(keys[b], index);
    return -1;
}

}  // namespace tb
