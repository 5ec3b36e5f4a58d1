// Near-duplicate detection: MinHash signatures over word shingles (one-permutation hashing with rotation
// densification, 64 slots), banded locality-sensitive hashing to find candidates, and a Jaccard threshold.
// NearDuplicateFinder groups a whole dataset (sort-based, ~200 bytes per record); NearDuplicateIndex answers
// "is this like something kept before?" one record at a time (for cleaning). Not an exact-duplicate check.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tb {

inline constexpr int kMinHashSlots = 64;
inline constexpr int kLshBands = 16;  // 16 bands x 4 rows

struct NearDuplicateOptions {
    int shingleWords = 3;     // words per shingle (texts shorter than this form a single shingle)
    double threshold = 0.7;   // estimated Jaccard similarity at or above which two texts are near-duplicates
};

using MinHashSignature = std::array<uint32_t, kMinHashSlots>;

// False when the text has no words (no signature).
bool minHashSignature(std::string_view text, int shingleWords, MinHashSignature& out);
double estimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

class NearDuplicateFinder {
public:
    explicit NearDuplicateFinder(NearDuplicateOptions options = {}) : m_options(options) {}
    // ids must be added in increasing order.
    void add(uint32_t id, const MinHashSignature& sig);
    void add(uint32_t id, std::string_view text);
    // Groups (each sorted, >= 2 members, listed by their first id) whose members are near-duplicates of the
    // group's first member, transitively. Candidates from a shared LSH bucket are checked against the
    // bucket's first member, so cost stays linear even for very large buckets.
    std::vector<std::vector<uint32_t>> groups() const;
    size_t size() const { return m_ids.size(); }

private:
    NearDuplicateOptions m_options;
    std::vector<uint32_t> m_ids;
    std::vector<std::array<uint8_t, kMinHashSlots>> m_sigs;  // 8-bit minhash per slot (b-bit MinHash)
    std::array<std::vector<uint64_t>, kLshBands> m_bands;     // (band key << 32) | index
};

class NearDuplicateIndex {
public:
    explicit NearDuplicateIndex(NearDuplicateOptions options = {}) : m_options(options) {}
    // Returns the id of a stored text similar to this one, or -1 and stores it under id.
    int64_t findOrAdd(uint32_t id, std::string_view text);

private:
    NearDuplicateOptions m_options;
    std::vector<MinHashSignature> m_sigs;
    std::vector<uint32_t> m_ids;
    std::unordered_map<uint64_t, uint32_t> m_buckets;  // (band << 40 ^ key) -> index of first text
};

// 8-bit signature similarity, corrected for chance collisions.
double estimateJaccard8(const std::array<uint8_t, kMinHashSlots>& a, const std::array<uint8_t, kMinHashSlots>& b);

}  // namespace tb
