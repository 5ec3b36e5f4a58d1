// Leakage between splits: records whose input (prompt, chat context or text) appears exactly, or as a
// near-duplicate, in more than one of train/validation/test. Streaming accumulator plus a one-call helper.
// Not the splitter (splitter.h), which prevents leakage; this only finds it.
#pragma once

#include "core/data/near_duplicates.h"
#include "core/data/record.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tb {

struct LeakageExample {
    int64_t indexA = 0, indexB = 0;   // record positions in the order they were added
    std::string idA, idB, splitA, splitB;
    bool exact = false;
};

struct LeakageReport {
    bool checked = false;             // false when no record carried a split
    int64_t exactLeaks = 0;           // records whose input also occurs exactly in another split
    int64_t nearLeaks = 0;            // records near-duplicate to a record in another split (not exact)
    std::vector<LeakageExample> examples;  // capped
};

class LeakageAccumulator {
public:
    explicit LeakageAccumulator(NearDuplicateOptions options = {}, size_t maxExamples = 20);
    void add(const Record& r);  // records without a split are ignored
    LeakageReport finish();

private:
    NearDuplicateOptions m_options;
    size_t m_maxExamples;
    int64_t m_index = 0;
    std::vector<std::pair<uint64_t, uint32_t>> m_inputKeys;  // (exact key, position in m_entries)
    struct Entry { int64_t index; uint8_t split; std::string id; };
    std::vector<Entry> m_entries;
    NearDuplicateFinder m_near;
};

int splitIndex(const std::string& split);  // train 0, validation 1, test 2, else 3
LeakageReport checkLeakage(const std::vector<Record>& records, NearDuplicateOptions options = {});

}  // namespace tb
