// Reviewer ratings: setting, clearing, refusing out-of-range values, the summary (counts, means,
// histogram) computed by hand, the JSON round trip, the atomic file and malformed files named.
#include "core/eval/review_ratings.h"

#include "core/common/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

using namespace tb::eval;
namespace fs = std::filesystem;

TEST(ReviewRatings, SetGetAndClear) {
    ReviewRatings r;
    ASSERT_TRUE(r.set("ex-1", ReviewSide::A, 4, "fine", "ana", "2026-01-01T00:00:00Z").ok());
    ASSERT_TRUE(r.set("ex-1", ReviewSide::B, 2, "").ok());
    EXPECT_EQ(r.get("ex-1").a.rating, 4);
    EXPECT_EQ(r.get("ex-1").a.note, "fine");
    EXPECT_EQ(r.get("ex-1").a.reviewer, "ana");
    EXPECT_EQ(r.get("ex-1").b.rating, 2);
    EXPECT_EQ(r.get("unknown").a.rating, 0);
    ASSERT_TRUE(r.set("ex-1", ReviewSide::A, 0, "").ok());
    ASSERT_TRUE(r.set("ex-1", ReviewSide::B, 0, "").ok());
    EXPECT_TRUE(r.all().empty()) << "an example with nothing set is dropped";
}

TEST(ReviewRatings, RefusesRatingsOutsideOneToFive) {
    ReviewRatings r;
    auto s = r.set("ex-9", ReviewSide::B, 6, "");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find("ex-9"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("6"), std::string::npos) << s.message();
    EXPECT_FALSE(r.set("ex-9", ReviewSide::A, -1, "").ok());
    EXPECT_FALSE(r.set("", ReviewSide::A, 3, "").ok());
}

TEST(ReviewRatings, SummaryCountsByHand) {
    ReviewRatings r;
    ASSERT_TRUE(r.set("1", ReviewSide::A, 5, "").ok());
    ASSERT_TRUE(r.set("1", ReviewSide::B, 3, "too long").ok());
    ASSERT_TRUE(r.set("2", ReviewSide::A, 2, "wrong label").ok());
    ASSERT_TRUE(r.set("3", ReviewSide::B, 0, "note without a rating").ok());
    RatingSummary s = r.summary();
    EXPECT_EQ(s.examplesRated, 3);
    EXPECT_EQ(s.a.rated, 2);
    EXPECT_DOUBLE_EQ(s.a.mean, 3.5);  // (5 + 2) / 2
    EXPECT_EQ(s.a.notes, 1);
    EXPECT_EQ(s.a.histogram, (std::array<long long, 5>{0, 1, 0, 0, 1}));
    EXPECT_EQ(s.b.rated, 1);
    EXPECT_DOUBLE_EQ(s.b.mean, 3.0);
    EXPECT_EQ(s.b.notes, 2);
    EXPECT_EQ(s.b.histogram, (std::array<long long, 5>{0, 0, 1, 0, 0}));
    nlohmann::json j = s.toJson();
    EXPECT_EQ(j["a"]["rated"], 2);
    EXPECT_EQ(j["examples_rated"], 3);
}

TEST(ReviewRatings, FileRoundTripIsAtomicAndMissingFileIsEmpty) {
    fs::path dir = fs::temp_directory_path() / ("tb_ratings_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = ratingsPathFor(dir.string());
    EXPECT_EQ(path, dir.string() + "/ratings.json");
    auto empty = readRatingsFile(path);
    ASSERT_TRUE(empty.ok()) << empty.message();
    EXPECT_TRUE(empty->all().empty());

    ReviewRatings r;
    ASSERT_TRUE(r.set("ex \"quoted\"", ReviewSide::A, 1, "line 1\nline 2 — ünïcode", "bob").ok());
    ASSERT_TRUE(r.set("ex-2", ReviewSide::B, 5, "").ok());
    ASSERT_TRUE(writeRatingsFile(path, r).ok());
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 1) << "no temporary file is left behind";
    auto back = readRatingsFile(path);
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->toJson(), r.toJson());
    EXPECT_EQ(back->get("ex \"quoted\"").a.note, "line 1\nline 2 — ünïcode");
    auto stored = nlohmann::json::parse(*tb::readWholeFile(path));
    EXPECT_EQ(stored["summary"]["b"]["rated"], 1);
    EXPECT_EQ(stored["examples"]["ex-2"]["b"]["rating"], 5);
    fs::remove_all(dir);
}

TEST(ReviewRatings, MalformedDocumentsNameTheProblem) {
    auto bad = ReviewRatings::fromJson(nlohmann::json::parse(R"({"examples":{"ex-3":{"a":{"rating":9}}}})"));
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("ex-3"), std::string::npos) << bad.message();
    EXPECT_NE(bad.message().find("rating"), std::string::npos) << bad.message();
    auto wrongType = ReviewRatings::fromJson(nlohmann::json::parse(R"({"examples":{"x":{"b":{"note":3}}}})"));
    ASSERT_FALSE(wrongType.ok());
    EXPECT_NE(wrongType.message().find("note"), std::string::npos) << wrongType.message();

    fs::path file = fs::temp_directory_path() / ("tb_ratings_bad_" + std::to_string(::getpid()) + ".json");
    ASSERT_TRUE(tb::writeFileAtomically(file.string(), "{not json").ok());
    auto r = readRatingsFile(file.string());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find(file.string()), std::string::npos) << r.message();
    fs::remove(file);
}
