// The BPE merge loop shared by byte-level BPE and SentencePiece BPE: a table from a pair of token
// ids to (rank, merged id), and the loop that repeatedly merges the best-ranked adjacent pair
// (lowest rank, leftmost on ties) with a priority queue. Knows nothing about text or vocabularies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tb {

struct MergeRule {
    int32_t rank = 0;    // lower merges first
    int32_t result = 0;  // id of the merged token
};

class MergeTable {
public:
    // Adds a rule; if the pair already has one, the better (lower) rank is kept.
    void add(int32_t left, int32_t right, int32_t rank, int32_t result);
    const MergeRule* find(int32_t left, int32_t right) const {
        auto it = m_rules.find(key(left, right));
        return it == m_rules.end() ? nullptr : &it->second;
    }
    size_t size() const { return m_rules.size(); }
    void reserve(size_t n) { m_rules.reserve(n); }

private:
    static uint64_t key(int32_t l, int32_t r) {
        return (static_cast<uint64_t>(static_cast<uint32_t>(l)) << 32) | static_cast<uint32_t>(r);
    }
    std::unordered_map<uint64_t, MergeRule> m_rules;
};

// Merges `symbols` (token ids, in order) in place until no adjacent pair has a rule.
void applyMerges(const MergeTable& table, std::vector<int32_t>& symbols);

}  // namespace tb
