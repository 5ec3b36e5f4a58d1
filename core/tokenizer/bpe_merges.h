// The BPE merge loop shared by byte-level BPE and SentencePiece BPE: a table from a pair of token
// ids to (rank, merged id), and the loop that repeatedly merges the best-ranked adjacent pair
// (lowest rank, leftmost on ties) with a priority queue. Knows nothing about text or vocabularies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tb {

struct MergeRule {
    int32_t rank = 0;    // lower merges first
    int32_t result = 0;  // id of the merged token
};

// Open-addressing hash table (linear probing, power-of-two capacity, load <= 1/2): the merge loop
// does one lookup per adjacent pair, so this lookup is the tokenizer's hot path.
class MergeTable {
public:
    // Adds a rule; if the pair already has one, the better (lower) rank is kept.
    void add(int32_t left, int32_t right, int32_t rank, int32_t result);
    const MergeRule* find(int32_t left, int32_t right) const {
        if (m_slots.empty()) return nullptr;
        const uint64_t k = key(left, right);
        for (size_t i = slotFor(k);; i = (i + 1) & m_mask) {
            const Slot& s = m_slots[i];
            if (s.key == k) return &s.rule;
            if (s.key == kEmpty) return nullptr;
        }
    }
    size_t size() const { return m_size; }
    void reserve(size_t n);

private:
    struct Slot {
        uint64_t key;
        MergeRule rule;
    };
    static constexpr uint64_t kEmpty = ~uint64_t(0);  // ids are >= 0, so no real key has both halves all-ones
    static uint64_t key(int32_t l, int32_t r) {
        return (static_cast<uint64_t>(static_cast<uint32_t>(l)) << 32) | static_cast<uint32_t>(r);
    }
    size_t slotFor(uint64_t k) const { return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> m_shift); }
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    int m_shift = 64;
    size_t m_size = 0;
};

// Merges `symbols` (token ids, in order) in place until no adjacent pair has a rule.
void applyMerges(const MergeTable& table, std::vector<int32_t>& symbols);

}  // namespace tb
