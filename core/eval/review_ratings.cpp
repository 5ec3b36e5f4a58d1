#include "core/eval/review_ratings.h"
#include "core/common/utc_time.h"

#include "core/common/atomic_file.h"
#include "core/workspace/workspace_file_io.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tb::eval {

const char* reviewSideName(ReviewSide side) { return side == ReviewSide::A ? "a" : "b"; }

Status ReviewRatings::set(const std::string& exampleId, ReviewSide side, int rating, const std::string& note,
                          const std::string& reviewer, const std::string& updatedAt) {
    if (exampleId.empty()) return inputError("rating: the example id is empty");
    if (rating < 0 || rating > 5)
        return inputError("rating of example '" + exampleId + "' side " + reviewSideName(side) + ": " +
                          std::to_string(rating) + " is not 1-5 (0 clears it)");
    ExampleRatings& r = m_ratings[exampleId];
    OutputRating& o = r.side(side);
    o.rating = rating;
    o.note = note;
    o.reviewer = reviewer;
    o.updatedAt = updatedAt;
    if (o.empty()) o = {};
    if (r.a.empty() && r.b.empty()) m_ratings.erase(exampleId);
    return {};
}

ExampleRatings ReviewRatings::get(const std::string& exampleId) const {
    auto it = m_ratings.find(exampleId);
    return it == m_ratings.end() ? ExampleRatings{} : it->second;
}

RatingSummary ReviewRatings::summary() const {
    RatingSummary s;
    long long sumA = 0, sumB = 0;
    for (const auto& [id, r] : m_ratings) {
        ++s.examplesRated;
        for (ReviewSide side : {ReviewSide::A, ReviewSide::B}) {
            const OutputRating& o = r.side(side);
            SideRatingSummary& t = side == ReviewSide::A ? s.a : s.b;
            long long& sum = side == ReviewSide::A ? sumA : sumB;
            if (o.rating > 0) {
                ++t.rated;
                sum += o.rating;
                ++t.histogram[static_cast<size_t>(o.rating - 1)];
            }
            if (!o.note.empty()) ++t.notes;
        }
    }
    if (s.a.rated) s.a.mean = double(sumA) / double(s.a.rated);
    if (s.b.rated) s.b.mean = double(sumB) / double(s.b.rated);
    return s;
}

nlohmann::json RatingSummary::toJson() const {
    auto side = [](const SideRatingSummary& t) {
        return nlohmann::json{{"rated", t.rated}, {"notes", t.notes}, {"mean", t.mean}, {"histogram", t.histogram}};
    };
    return {{"examples_rated", examplesRated}, {"a", side(a)}, {"b", side(b)}};
}

namespace {

nlohmann::json outputToJson(const OutputRating& o) {
    nlohmann::json j = {{"rating", o.rating}, {"note", o.note}};
    if (!o.reviewer.empty()) j["reviewer"] = o.reviewer;
    if (!o.updatedAt.empty()) j["updated_at"] = o.updatedAt;
    return j;
}

Result<OutputRating> outputFromJson(const nlohmann::json& j, const std::string& where) {
    OutputRating o;
    if (j.is_null()) return o;
    if (!j.is_object()) return inputError(where + ": expected an object");
    if (j.contains("rating")) {
        if (!j["rating"].is_number_integer()) return inputError(where + ".rating: expected an integer 0-5");
        o.rating = j["rating"].get<int>();
        if (o.rating < 0 || o.rating > 5)
            return inputError(where + ".rating: " + std::to_string(o.rating) + " is not 0-5");
    }
    for (auto [key, field] : {std::pair{"note", &o.note}, {"reviewer", &o.reviewer}, {"updated_at", &o.updatedAt}}) {
        if (!j.contains(key)) continue;
        if (!j[key].is_string()) return inputError(where + "." + key + ": expected a string");
        *field = j[key].get<std::string>();
    }
    return o;
}

}  // namespace

nlohmann::json ReviewRatings::toJson() const {
    nlohmann::json examples = nlohmann::json::object();
    for (const auto& [id, r] : m_ratings) examples[id] = {{"a", outputToJson(r.a)}, {"b", outputToJson(r.b)}};
    return {{"format", "tunebench-review-ratings"}, {"version", 1}, {"examples", examples},
            {"summary", summary().toJson()}};
}

Result<ReviewRatings> ReviewRatings::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) return inputError("ratings: expected a JSON object");
    ReviewRatings out;
    if (!j.contains("examples")) return out;
    const nlohmann::json& ex = j["examples"];
    if (!ex.is_object()) return inputError("ratings: 'examples' must be an object keyed by example id");
    for (auto it = ex.begin(); it != ex.end(); ++it) {
        if (!it.value().is_object()) return inputError("ratings: examples['" + it.key() + "'] must be an object");
        ExampleRatings r;
        for (ReviewSide side : {ReviewSide::A, ReviewSide::B}) {
            const char* name = reviewSideName(side);
            auto o = outputFromJson(it.value().value(name, nlohmann::json()), "examples['" + it.key() + "']." + name);
            if (!o) return o.error();
            r.side(side) = *o;
        }
        if (!r.a.empty() || !r.b.empty()) out.m_ratings[it.key()] = r;
    }
    return out;
}

std::string ratingsPathFor(const std::string& comparisonDir) { return comparisonDir + "/ratings.json"; }

std::string ratingsFileContext(const std::string& path) { return protectedFileContext("ratings", path); }

Result<ReviewRatings> readRatingsFile(const std::string& path, const WorkspaceKey* key) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return ReviewRatings{};
    auto text = readProtectedFile(path, ratingsFileContext(path), key, "review ratings " + path, size_t(1) << 28);
    if (!text) return text.error();
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) return inputError(path + ": not valid JSON");
    auto r = ReviewRatings::fromJson(j);
    if (!r) return inputError(path + ": " + r.message());
    return r;
}

Status writeRatingsFile(const std::string& path, const ReviewRatings& ratings, const WorkspaceKey* key) {
    return writeProtectedFile(path, ratings.toJson().dump(2) + "\n", ratingsFileContext(path), key);
}

}  // namespace tb::eval
