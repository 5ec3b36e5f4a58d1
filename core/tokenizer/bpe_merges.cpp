// The merge loop: symbols form a doubly linked list over a vector; candidate pairs sit in a min-heap
// keyed by (rank, left position). A popped candidate is stale if either side changed since it was
// pushed; merging always keeps the left slot, so positions stay stable (as in HF tokenizers' Word).
#include "core/tokenizer/bpe_merges.h"

#include <algorithm>

namespace tb {

void MergeTable::reserve(size_t n) {
    size_t capacity = 16;
    int bits = 4;
    while (capacity < 2 * n) {
        capacity <<= 1;
        ++bits;
    }
    if (capacity <= m_slots.size()) return;
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(capacity, Slot{kEmpty, {}});
    m_mask = capacity - 1;
    m_shift = 64 - bits;
    m_size = 0;
    for (const Slot& s : old)
        if (s.key != kEmpty) add(static_cast<int32_t>(s.key >> 32), static_cast<int32_t>(s.key & 0xFFFFFFFFu), s.rule.rank, s.rule.result);
}

void MergeTable::add(int32_t left, int32_t right, int32_t rank, int32_t result) {
    if (2 * (m_size + 1) > m_slots.size()) reserve(m_size + 1 > 8 ? 2 * (m_size + 1) : 16);
    const uint64_t k = key(left, right);
    for (size_t i = slotFor(k);; i = (i + 1) & m_mask) {
        Slot& s = m_slots[i];
        if (s.key == kEmpty) {
            s = Slot{k, MergeRule{rank, result}};
            ++m_size;
            return;
        }
        if (s.key == k) {
            if (rank < s.rule.rank) s.rule = MergeRule{rank, result};
            return;
        }
    }
}

namespace {

struct Candidate {
    int32_t rank;
    int32_t pos;    // left symbol
    int32_t left;   // ids at push time, to detect stale entries
    int32_t right;
    int32_t result;
};

struct WorseCandidate {
    bool operator()(const Candidate& a, const Candidate& b) const {
        return a.rank > b.rank || (a.rank == b.rank && a.pos > b.pos);
    }
};

// Small inputs (the usual pre-tokenized word) are cheaper with a linear scan than a heap.
void applyMergesLinear(const MergeTable& table, std::vector<int32_t>& s) {
    while (s.size() > 1) {
        const MergeRule* best = nullptr;
        size_t bestPos = 0;
        for (size_t i = 0; i + 1 < s.size(); ++i) {
            const MergeRule* r = table.find(s[i], s[i + 1]);
            if (r && (!best || r->rank < best->rank)) {
                best = r;
                bestPos = i;
            }
        }
        if (!best) return;
        s[bestPos] = best->result;
        s.erase(s.begin() + static_cast<std::ptrdiff_t>(bestPos) + 1);
    }
}

}  // namespace

void applyMerges(const MergeTable& table, std::vector<int32_t>& symbols) {
    const size_t n = symbols.size();
    if (n < 2) return;
    if (n <= 16) {
        applyMergesLinear(table, symbols);
        return;
    }
    std::vector<int32_t> id(symbols);
    std::vector<int32_t> prev(n), next(n);
    for (size_t i = 0; i < n; ++i) {
        prev[i] = static_cast<int32_t>(i) - 1;
        next[i] = (i + 1 < n) ? static_cast<int32_t>(i + 1) : -1;
    }
    std::vector<Candidate> heap;
    heap.reserve(n);
    auto push = [&](int32_t l) {
        if (l < 0) return;
        const int32_t r = next[l];
        if (r < 0) return;
        if (const MergeRule* rule = table.find(id[l], id[r])) {
            heap.push_back({rule->rank, l, id[l], id[r], rule->result});
            std::push_heap(heap.begin(), heap.end(), WorseCandidate{});
        }
    };
    for (size_t i = 0; i + 1 < n; ++i) push(static_cast<int32_t>(i));

    std::vector<bool> alive(n, true);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), WorseCandidate{});
        const Candidate c = heap.back();
        heap.pop_back();
        const int32_t r = next[c.pos];
        if (!alive[c.pos] || r < 0 || id[c.pos] != c.left || id[r] != c.right) continue;
        id[c.pos] = c.result;
        alive[r] = false;
        next[c.pos] = next[r];
        if (next[r] >= 0) prev[next[r]] = c.pos;
        push(prev[c.pos]);
        push(c.pos);
    }
    symbols.clear();
    for (int32_t i = 0; i >= 0; i = next[i]) symbols.push_back(id[i]);
}

}  // namespace tb
