// Reviewer ratings of a comparison: per example and side (A or B) a rating 1-5 and a free-text note,
// stored as one JSON file next to the comparison (written atomically) and summarised into counts,
// means and a 1-5 histogram per side. Notes may quote outputs, so in an encrypted workspace the file is
// encrypted like the predictions. Not the comparison itself (comparison.h) nor its export.
#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <string>

namespace tb::eval {

enum class ReviewSide { A, B };
const char* reviewSideName(ReviewSide side);  // "a" | "b"

struct OutputRating {
    int rating = 0;       // 1..5, 0 = not rated
    std::string note;     // may be empty
    std::string reviewer; // who rated or wrote the note last
    std::string updatedAt;  // ISO 8601 UTC
    bool empty() const { return rating == 0 && note.empty(); }
};

struct ExampleRatings {
    OutputRating a, b;
    OutputRating& side(ReviewSide s) { return s == ReviewSide::A ? a : b; }
    const OutputRating& side(ReviewSide s) const { return s == ReviewSide::A ? a : b; }
};

struct SideRatingSummary {
    long long rated = 0;                 // outputs with a rating
    long long notes = 0;                 // outputs with a non-empty note
    double mean = 0.0;                   // mean rating over rated outputs (0 when none)
    std::array<long long, 5> histogram{};  // histogram[k] = outputs rated k + 1
};

struct RatingSummary {
    SideRatingSummary a, b;
    long long examplesRated = 0;         // examples with at least one rating or note
    nlohmann::json toJson() const;
};

class ReviewRatings {
public:
    // Sets one output's rating (1..5, or 0 to clear) and note; refuses other ratings naming the value.
    Status set(const std::string& exampleId, ReviewSide side, int rating, const std::string& note,
               const std::string& reviewer = {}, const std::string& updatedAt = {});
    // The ratings of one example (both sides not rated when unknown).
    ExampleRatings get(const std::string& exampleId) const;
    const std::map<std::string, ExampleRatings>& all() const { return m_ratings; }
    RatingSummary summary() const;

    nlohmann::json toJson() const;
    // Refuses a document with wrong types or ratings outside 0..5, naming the example and field.
    static Result<ReviewRatings> fromJson(const nlohmann::json& j);

private:
    std::map<std::string, ExampleRatings> m_ratings;  // only examples with something set
};

// "<comparison dir>/ratings.json".
std::string ratingsPathFor(const std::string& comparisonDir);
// "tunebench-ratings:<comparison id>/ratings.json": what an encrypted ratings file is bound to.
std::string ratingsFileContext(const std::string& path);
// A missing file is an empty set; a malformed one an error naming the file. An encrypted one needs key.
Result<ReviewRatings> readRatingsFile(const std::string& path, const WorkspaceKey* key = nullptr);
// Temporary file + rename, so a crash never leaves half a file; encrypted when key is set.
Status writeRatingsFile(const std::string& path, const ReviewRatings& ratings, const WorkspaceKey* key = nullptr);

}  // namespace tb::eval
