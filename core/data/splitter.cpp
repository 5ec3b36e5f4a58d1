#include "core/data/splitter.h"

#include "core/data/provenance.h"
#include "core/data/record_json.h"
#include "core/data/record_text.h"
#include "core/data/text_hash.h"
#include "core/data/version_file_io.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>
#include <unordered_map>

namespace tb {

nlohmann::json splitOptionsToJson(const SplitOptions& o) {
    return {{"validation", o.validation}, {"test", o.test}, {"seed", o.seed}, {"stratify", o.stratify},
            {"group_duplicates", o.groupDuplicates}, {"near_threshold", o.near.threshold},
            {"shingle_words", o.near.shingleWords}};
}

nlohmann::json splitResultToJson(const SplitResult& r) {
    nlohmann::json labels = nlohmann::json::object();
    for (const auto& [k, v] : r.perLabel) labels[k] = {{"train", v[0]}, {"validation", v[1]}, {"test", v[2]}};
    return {{"counts", {{"train", r.counts[0]}, {"validation", r.counts[1]}, {"test", r.counts[2]}}},
            {"duplicate_groups", r.groups}, {"grouped_records", r.groupedRecords}, {"per_label", labels},
            {"leakage", {{"exact", r.leakage.exactLeaks}, {"near", r.leakage.nearLeaks}}}};
}

namespace {

struct UnionFind {
    std::vector<uint32_t> p;
    explicit UnionFind(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0u); }
    uint32_t find(uint32_t x) {
        while (p[x] != x) x = p[x] = p[p[x]];
        return x;
    }
    void unite(uint32_t a, uint32_t b) {
        a = find(a);
        b = find(b);
        if (a != b) p[std::max(a, b)] = std::min(a, b);
    }
};

// Fisher-Yates with mt19937_64 drawn directly (std::shuffle's algorithm differs between libraries).
template <typename T>
void shuffleDeterministic(std::vector<T>& v, std::mt19937_64& rng) {
    for (size_t i = v.size(); i > 1; --i) {
        size_t j = static_cast<size_t>(rng() % i);
        std::swap(v[i - 1], v[j]);
    }
}

}  // namespace

Result<SplitResult> splitRecords(std::vector<Record>& records, const SplitOptions& o) {
    if (!(o.validation >= 0 && o.test >= 0 && o.validation + o.test < 1.0))
        return inputError("split ratios: --val and --test must be >= 0 and add up to less than 1 (got " +
                          std::to_string(o.validation) + " and " + std::to_string(o.test) + ")");
    const size_t n = records.size();
    SplitResult res;
    // 1. Groups of records that must stay together.
    UnionFind uf(n);
    if (o.groupDuplicates) {
        std::unordered_map<uint64_t, uint32_t> firstByKey;
        NearDuplicateFinder near(o.near);
        for (uint32_t i = 0; i < n; ++i) {
            std::string input = recordInput(records[i]);
            auto [it, added] = firstByKey.emplace(exactDuplicateKey(input), i);
            if (!added) uf.unite(it->second, i);
            else near.add(i, input);
        }
        for (const auto& g : near.groups())
            for (size_t t = 1; t < g.size(); ++t) uf.unite(g[0], g[t]);
    }
    std::unordered_map<uint32_t, std::vector<uint32_t>> members;
    for (uint32_t i = 0; i < n; ++i) members[uf.find(i)].push_back(i);
    // 2. Strata: one per label (the label of the group's first record) or a single one.
    std::map<std::string, std::vector<uint32_t>> strata;  // label -> group roots (sorted: deterministic)
    for (const auto& [root, m] : members) {
        if (m.size() > 1) {
            ++res.groups;
            res.groupedRecords += static_cast<int64_t>(m.size());
        }
        std::string label = o.stratify ? std::string(recordLabel(records[m.front()])) : std::string();
        strata[label].push_back(root);
    }
    std::mt19937_64 rng(o.seed);
    for (auto& [label, roots] : strata) {
        std::sort(roots.begin(), roots.end());
        shuffleDeterministic(roots, rng);
        int64_t total = 0;
        for (uint32_t r : roots) total += static_cast<int64_t>(members[r].size());
        std::array<double, 3> target = {0, std::round(total * o.validation), std::round(total * o.test)};
        target[0] = total - target[1] - target[2];
        std::array<int64_t, 3> have{};
        for (uint32_t r : roots) {
            // The split furthest below its target (relative to the target) takes the next group.
            int best = 0;
            double bestDeficit = -1e300;
            for (int s : {2, 1, 0}) {
                if (target[s] <= 0) continue;
                double deficit = (target[s] - have[s]) / target[s];
                if (deficit > bestDeficit) { bestDeficit = deficit; best = s; }
            }
            for (uint32_t i : members[r]) records[i].split = kSplitNames[best];
            have[best] += static_cast<int64_t>(members[r].size());
        }
    }
    for (const auto& r : records) {
        int s = splitIndex(r.split);
        ++res.counts[s];
        std::string_view label = recordLabel(r);
        if (!label.empty()) ++res.perLabel[std::string(label)][s];
    }
    if (res.perLabel.size() > 1000) res.perLabel.clear();  // not class labels
    res.leakage = checkLeakage(records, o.near);
    return res;
}

Result<SplitResult> splitFile(const std::string& inputPath, const std::string& outDir, const ImportOptions& import,
                              const SplitOptions& options, const ProgressCallback& progress,
                              const WorkspaceKey* outputKey) {
    auto loaded = loadDataset(inputPath, import, progress);
    if (!loaded.ok()) return loaded.error();
    auto result = splitRecords(loaded->records, options);
    if (!result.ok()) return result.error();
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec) return inputError(outDir + ": cannot create the folder: " + ec.message());
    for (int s = 0; s < 3; ++s) {
        const std::string path = outDir + "/" + kSplitNames[s] + ".jsonl";
        if (outputKey) {
            std::string plain;
            for (const auto& r : loaded->records) {
                if (splitIndex(r.split) != s) continue;
                std::string line = recordToJsonLine(r);
                plain += line;
                OPENSSL_cleanse(line.data(), line.size());
            }
            Status st = writeVersionFile(path, plain, outputKey);
            OPENSSL_cleanse(plain.data(), plain.size());
            TB_TRY(st);
            continue;
        }
        auto w = JsonlWriter::create(path);
        if (!w.ok()) return w.error();
        for (const auto& r : loaded->records)
            if (splitIndex(r.split) == s) TB_TRY((*w)->write(r));
        TB_TRY((*w)->commit());
    }
    auto prov = sourceProvenance(inputPath, loaded->summary, import.key);
    if (!prov.ok()) return prov.error();
    (*prov)["split"] = splitOptionsToJson(options);
    (*prov)["split_result"] = splitResultToJson(*result);
    (*prov)["rejected_on_import"] = static_cast<int64_t>(loaded->rejected.size());
    TB_TRY(writeProvenance(outDir + "/provenance.json", *prov));
    return result;
}

}  // namespace tb
