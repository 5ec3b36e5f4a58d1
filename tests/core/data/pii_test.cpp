// PII detection: checksum helpers, placeholders, and measured precision/recall per type on the labelled set
// tests/data/data/pii_cases.jsonl (written by tests/reference/make_data_pii_cases.py: positives in ticket
// sentences, negatives that look alike). A detection counts only when type and exact span match.
#include "core/data/pii_checksums.h"
#include "core/data/pii_detector.h"
#include "test_files.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>

using namespace tb;

TEST(PiiChecksums, LuhnAndIban) {
    EXPECT_TRUE(luhnValid("4111111111111111"));
    EXPECT_FALSE(luhnValid("4111111111111112"));
    EXPECT_TRUE(plausibleCardNumber("378282246310005"));   // Amex test number
    EXPECT_FALSE(plausibleCardNumber("1234567812345670"));  // Luhn-valid but no issuer
    EXPECT_TRUE(ibanValid("GB82WEST12345698765432"));
    EXPECT_TRUE(ibanValid("DE89370400440532013000"));
    EXPECT_FALSE(ibanValid("DE88370400440532013000"));
    EXPECT_FALSE(ibanValid("DE8937040044053201300"));       // wrong length for DE
    EXPECT_EQ(ibanLength("NL"), 18);
}

TEST(PiiDetector, ReplacesWithTypedPlaceholders) {
    auto d = PiiDetector::shared();
    ASSERT_TRUE(d);
    std::string text = "Mail a.b@example.com, card 4111-1111-1111-1111, ip 10.0.0.12, key AKIAIOSFODNN7EXAMPLE.";
    auto m = d->find(text);
    ASSERT_EQ(m.size(), 4u);
    EXPECT_EQ(PiiDetector::replace(text, m), "Mail [EMAIL], card [CREDIT_CARD], ip [IP], key [SECRET].");
    EXPECT_TRUE(d->find("Order 2024-03-15 version 1.2.3.4 invoice INV-2024-000123").empty());
}

TEST(PiiDetector, PrecisionAndRecallOnLabelledSet) {
    std::ifstream in(tbtest::fixture("pii_cases.jsonl"));
    ASSERT_TRUE(in.good());
    auto d = PiiDetector::shared();
    struct Counts { int tp = 0, fp = 0, fn = 0; };
    std::map<std::string, Counts> per;
    Counts all;
    int cases = 0;
    std::vector<std::string> misses;
    for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line);
        std::string text = j["text"];
        ++cases;
        std::vector<std::pair<std::string, std::string>> expected, found;
        for (auto& e : j["expected"]) expected.emplace_back(e["type"], e["value"]);
        for (auto& m : d->find(text)) found.emplace_back(piiTypeName(m.type), text.substr(m.begin, m.end - m.begin));
        for (auto& f : found) {
            auto it = std::find(expected.begin(), expected.end(), f);
            if (it != expected.end()) {
                ++per[f.first].tp;
                ++all.tp;
                expected.erase(it);
            } else {
                ++per[f.first].fp;
                ++all.fp;
                misses.push_back("FP " + f.first + " '" + f.second + "' in: " + text);
            }
        }
        for (auto& e : expected) {
            ++per[e.first].fn;
            ++all.fn;
            misses.push_back("FN " + e.first + " '" + e.second + "' in: " + text);
        }
    }
    EXPECT_GT(cases, 500);
    auto precision = [](const Counts& c) { return c.tp + c.fp ? double(c.tp) / (c.tp + c.fp) : 1.0; };
    auto recall = [](const Counts& c) { return c.tp + c.fn ? double(c.tp) / (c.tp + c.fn) : 1.0; };
    std::printf("PII detection on %d cases:\n%-12s %5s %5s %5s %9s %7s\n", cases, "type", "TP", "FP", "FN", "precision", "recall");
    for (auto& [type, c] : per)
        std::printf("%-12s %5d %5d %5d %9.3f %7.3f\n", type.c_str(), c.tp, c.fp, c.fn, precision(c), recall(c));
    std::printf("%-12s %5d %5d %5d %9.3f %7.3f\n", "overall", all.tp, all.fp, all.fn, precision(all), recall(all));
    for (const auto& m : misses) std::printf("  %s\n", m.c_str());
    EXPECT_GE(precision(all), 0.97);
    EXPECT_GE(recall(all), 0.95);
    for (auto& [type, c] : per) {
        EXPECT_GE(precision(c), 0.90) << type;
        EXPECT_GE(recall(c), 0.85) << type;
    }
}
