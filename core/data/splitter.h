// Splitting records into train/validation/test by ratio and seed: optionally stratified by label, and
// group-aware so that exact and near-duplicate inputs always land in the same split (no leakage by
// construction; leakage_check.h verifies). Deterministic for a given seed on every platform.
// Not a file format: splitFile() writes the canonical JSONL (record_json.h).
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/data/dataset_import.h"
#include "core/data/leakage_check.h"
#include "core/data/near_duplicates.h"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace tb {

inline constexpr std::array<const char*, 3> kSplitNames = {"train", "validation", "test"};

struct SplitOptions {
    double validation = 0.1;
    double test = 0.1;
    uint64_t seed = 42;
    bool stratify = false;         // keep each label's proportions in every split
    bool groupDuplicates = true;   // exact and near-duplicate inputs share a split
    NearDuplicateOptions near;
};
nlohmann::json splitOptionsToJson(const SplitOptions& o);

struct SplitResult {
    std::array<int64_t, 3> counts{};                        // train, validation, test
    int64_t groups = 0;                                     // duplicate groups kept together (size >= 2)
    int64_t groupedRecords = 0;                             // records in those groups
    std::map<std::string, std::array<int64_t, 3>> perLabel; // when stratified (or labels exist)
    LeakageReport leakage;                                  // checked after splitting
};
nlohmann::json splitResultToJson(const SplitResult& r);

// Sets record.split on every record.
Result<SplitResult> splitRecords(std::vector<Record>& records, const SplitOptions& options);

// Imports inputPath (an encrypted one with import.key), splits, writes outDir/{train,validation,test}.jsonl
// and outDir/provenance.json (settings and counts, no record text).
// outputKey null: the split files are written as plain JSONL. outputKey set (an encrypted workspace): each
// split file is built in memory and written once as an encrypted blob (writeVersionFile, bound to its path),
// so no record text reaches the disk; createDatasetVersion and the readers read them back with the key.
Result<SplitResult> splitFile(const std::string& inputPath, const std::string& outDir, const ImportOptions& import,
                              const SplitOptions& options, const ProgressCallback& progress = {},
                              const WorkspaceKey* outputKey = nullptr);

}  // namespace tb
