#include "core/data/leakage_check.h"

#include "core/data/record_text.h"
#include "core/data/text_hash.h"

#include <algorithm>

namespace tb {

int splitIndex(const std::string& split) {
    if (split == "train") return 0;
    if (split == "validation" || split == "val" || split == "dev") return 1;
    if (split == "test") return 2;
    return 3;
}

LeakageAccumulator::LeakageAccumulator(NearDuplicateOptions options, size_t maxExamples)
    : m_options(options), m_maxExamples(maxExamples), m_near(options) {}

void LeakageAccumulator::add(const Record& r) {
    int64_t index = m_index++;
    if (r.split.empty()) return;
    std::string input = recordInput(r);
    uint32_t pos = static_cast<uint32_t>(m_entries.size());
    m_entries.push_back({index, static_cast<uint8_t>(splitIndex(r.split)), r.id});
    m_inputKeys.emplace_back(exactDuplicateKey(input), pos);
    m_near.add(pos, input);
}

LeakageReport LeakageAccumulator::finish() {
    static const char* names[] = {"train", "validation", "test", "other"};
    LeakageReport rep;
    rep.checked = !m_entries.empty();
    std::vector<char> leaked(m_entries.size(), 0);
    auto example = [&](uint32_t a, uint32_t b, bool exact) {
        if (rep.examples.size() >= m_maxExamples) return;
        const Entry& ea = m_entries[a];
        const Entry& eb = m_entries[b];
        rep.examples.push_back({ea.index, eb.index, ea.id, eb.id, names[ea.split], names[eb.split], exact});
    };
    std::sort(m_inputKeys.begin(), m_inputKeys.end());
    for (size_t i = 0; i < m_inputKeys.size();) {
        size_t j = i;
        while (j < m_inputKeys.size() && m_inputKeys[j].first == m_inputKeys[i].first) ++j;
        uint32_t first = m_inputKeys[i].second;
        bool mixed = false;
        for (size_t t = i + 1; t < j; ++t) mixed |= m_entries[m_inputKeys[t].second].split != m_entries[first].split;
        if (mixed) {
            for (size_t t = i; t < j; ++t) {
                uint32_t e = m_inputKeys[t].second;
                if (!leaked[e]) { leaked[e] = 1; ++rep.exactLeaks; }
                if (t > i && m_entries[e].split != m_entries[first].split) example(first, e, true);
            }
        }
        i = j;
    }
    for (const auto& group : m_near.groups()) {
        bool mixed = false;
        for (uint32_t e : group) mixed |= m_entries[e].split != m_entries[group[0]].split;
        if (!mixed) continue;
        for (uint32_t e : group) {
            if (leaked[e]) continue;
            leaked[e] = 2;
            ++rep.nearLeaks;
            if (m_entries[e].split != m_entries[group[0]].split) example(group[0], e, false);
        }
    }
    return rep;
}

LeakageReport checkLeakage(const std::vector<Record>& records, NearDuplicateOptions options) {
    LeakageAccumulator acc(options);
    for (const auto& r : records) acc.add(r);
    return acc.finish();
}

}  // namespace tb
