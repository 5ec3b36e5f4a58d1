// Stored comparisons in the workspace's evaluations folder: <evaluations>/comparisons/<id>/ holds
// comparison.json (what was compared: models, adapters, data, scoring options, headline summary) and both
// prediction files, so the Compare page can reopen a comparison and re-score it without generating again.
// Ratings live beside them (review_ratings.h). In an encrypted workspace the prediction files (and ratings)
// are encrypted; comparison.json holds no record text and stays plain. Not the comparison logic
// (comparison.h) nor the export.
#pragma once

#include "core/common/progress.h"
#include "core/eval/comparison.h"
#include "core/workspace/workspace_crypto.h"

#include <string>
#include <vector>

namespace tb::eval {

// What was compared and how it is scored.
struct ComparisonSource {
    std::string modelA, adapterA;   // adapter empty: the base model
    std::string modelB, adapterB;
    std::string data;               // the dataset file both were evaluated on
    ScoreOptions score;             // task, labels, stemming, normalisation, generation threshold
    std::string createdAt;          // ISO 8601 UTC
    std::string createdBy;
};
nlohmann::json comparisonSourceToJson(const ComparisonSource& s);
Result<ComparisonSource> comparisonSourceFromJson(const nlohmann::json& j);  // names the bad field

struct StoredComparison {
    std::string dir;                // <evaluations>/comparisons/<id>
    std::string id;
    ComparisonSource source;
    ComparisonResult result;
};

// Writes a new comparison folder (id: UTC time plus a counter when taken) with both prediction sets and
// the manifest; returns its folder. Files are written atomically; the prediction files encrypted when key is set.
Result<std::string> saveComparison(const std::string& evalDir, const ComparisonSource& source,
                                   const PredictionSet& a, const PredictionSet& b, const ComparisonResult& result,
                                   const WorkspaceKey* key = nullptr);

// Reads the manifest and both prediction files and compares them again with the stored options.
Result<StoredComparison> loadComparison(const std::string& dir, const ProgressCallback& progress = {},
                                        const WorkspaceKey* key = nullptr);

// Encrypts the prediction files and ratings of every stored comparison under evalDir in place (atomically
// per file); returns how many files changed. Already encrypted files are checked and left alone.
Result<int> encryptStoredComparisons(const std::string& evalDir, const WorkspaceKey& key);

struct ComparisonListing {
    std::string dir, id, createdAt, modelA, adapterA, modelB, adapterB, data;
    long long examples = 0, regressions = 0, fixes = 0;
};
// Stored comparisons, newest first; folders without a readable manifest are skipped.
std::vector<ComparisonListing> listComparisons(const std::string& evalDir);

}  // namespace tb::eval
