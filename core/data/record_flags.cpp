#include "core/data/record_flags.h"

#include "core/data/pii_detector.h"
#include "core/data/record_text.h"
#include "core/data/text_hash.h"

#include <algorithm>
#include <unordered_map>

namespace tb {

namespace {
constexpr size_t kMaxLabels = 65535;

uint32_t countTokens(const RecordFlagOptions& o, std::string_view t) {
    size_t n = o.tokenCounter ? o.tokenCounter(t) : (t.size() + 3) / 4;
    return static_cast<uint32_t>(std::min<size_t>(n, UINT32_MAX));
}
}  // namespace

Result<RecordFlags> computeRecordFlags(const RecordIndex& index, const RecordFlagOptions& o, const ProgressCallback& progress) {
    const int64_t n = index.size();
    RecordFlags out;
    out.flags.assign(static_cast<size_t>(n), 0);
    out.piiTypes.assign(static_cast<size_t>(n), 0);
    out.tokens.assign(static_cast<size_t>(n), 0);
    out.labelIds.assign(static_cast<size_t>(n), 0);
    out.labels.push_back({});
    out.labelCounts.push_back(0);
    out.tokensEstimated = !o.tokenCounter;
    out.nearChecked = o.nearDuplicates && n <= o.nearDuplicateLimit;

    std::shared_ptr<const PiiDetector> pii = o.scanPii ? PiiDetector::shared() : nullptr;
    std::unordered_map<std::string, uint16_t> labelIds;
    std::vector<std::pair<uint64_t, uint32_t>> keys;  // (exact key, index)
    keys.reserve(static_cast<size_t>(n));
    NearDuplicateFinder near(o.near);

    for (int64_t i = 0; i < n; ++i) {
        const size_t u = static_cast<size_t>(i);
        auto r = index.record(i);
        if (!r.ok()) {
            out.flags[u] |= kFlagUnreadable;
            ++out.unreadable;
            if (out.unreadableExamples.size() < 20) out.unreadableExamples.push_back(r.message());
            continue;
        }
        const bool chat = r->format == RecordFormat::ChatMessages || r->format == RecordFormat::ShareGpt;
        std::string all = r->format == RecordFormat::PlainText ? r->text : recordAllText(*r);
        keys.emplace_back(exactDuplicateKey(all), static_cast<uint32_t>(i));
        if (out.nearChecked) near.add(static_cast<uint32_t>(i), std::string_view(all));

        uint32_t in = 0, outTok = 0;
        if (chat) {
            in = countTokens(o, recordInput(*r));
            std::string output = recordOutput(*r);
            outTok = output.empty() ? 0 : countTokens(o, output);
        } else if (r->format == RecordFormat::PlainText) {
            in = countTokens(o, r->text);
        } else {
            in = countTokens(o, r->prompt);
            outTok = r->completion.empty() ? 0 : countTokens(o, r->completion);
        }
        out.tokens[u] = in + outTok;
        if (static_cast<int64_t>(in) + outTok > o.maxSequenceLength) {
            out.flags[u] |= kFlagOverLength;
            ++out.overLength;
        }

        std::string_view label = recordLabel(*r);
        if (!label.empty()) {
            auto it = labelIds.find(std::string(label));
            uint16_t id = 0;
            if (it != labelIds.end()) id = it->second;
            else if (out.labels.size() < kMaxLabels) {
                id = static_cast<uint16_t>(out.labels.size());
                labelIds.emplace(std::string(label), id);
                out.labels.emplace_back(label);
                out.labelCounts.push_back(0);
            }
            out.labelIds[u] = id;
        }
        ++out.labelCounts[out.labelIds[u]];

        if (pii) {
            uint8_t types = 0;
            forEachTextField(*r, [&](const std::string&, const std::string& text) {
                for (const auto& m : pii->find(text)) types |= static_cast<uint8_t>(1u << static_cast<int>(m.type));
            });
            out.piiTypes[u] = types;
            if (types) {
                out.flags[u] |= kFlagPii;
                ++out.withPii;
            }
        }
        if ((i & 1023) == 0 && !reportProgress(progress, {"Checking records", i, n, {}}))
            return cancelledError("record checks cancelled");
    }

    // Exact duplicates: every record after the first of its key.
    std::vector<uint32_t> exactFirst(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) exactFirst[static_cast<size_t>(i)] = static_cast<uint32_t>(i);
    std::sort(keys.begin(), keys.end());
    for (size_t a = 0; a < keys.size();) {
        size_t b = a + 1;
        while (b < keys.size() && keys[b].first == keys[a].first) ++b;
        if (b - a > 1) {
            for (size_t k = a; k < b; ++k) {
                out.flags[keys[k].second] |= kFlagDuplicateGroup;
                exactFirst[keys[k].second] = keys[a].second;
                if (k > a) {
                    out.flags[keys[k].second] |= kFlagExactDuplicate;
                    ++out.exactDuplicates;
                }
            }
        }
        a = b;
    }
    std::vector<std::pair<uint64_t, uint32_t>>().swap(keys);

    // Near duplicates: groups with at least two different texts, as the quality report counts them.
    if (out.nearChecked) {
        for (const auto& group : near.groups()) {
            std::vector<uint32_t> distinct;
            for (uint32_t id : group)
                if (exactFirst[id] == id) distinct.push_back(id);
            if (distinct.size() < 2) continue;
            for (size_t t = 0; t < distinct.size(); ++t) {
                out.flags[distinct[t]] |= kFlagDuplicateGroup;
                if (t > 0) {
                    out.flags[distinct[t]] |= kFlagNearDuplicate;
                    ++out.nearDuplicates;
                }
            }
        }
    }
    reportProgress(progress, {"Checking records", n, n, {}});
    return out;
}

}  // namespace tb
