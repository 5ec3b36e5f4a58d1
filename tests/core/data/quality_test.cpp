// The quality report on small hand-made datasets whose findings are known in advance.
#include "core/data/near_duplicates.h"
#include "core/data/quality_analyzer.h"
#include "core/data/quality_report_json.h"

#include <gtest/gtest.h>

using namespace tb;

namespace {

Record pc(std::string prompt, std::string completion, int64_t line = 0) {
    Record r;
    r.prompt = std::move(prompt);
    r.completion = std::move(completion);
    r.sourceLine = line;
    r.id = "r" + std::to_string(line);
    return r;
}

}  // namespace

TEST(NearDuplicates, SignatureSimilarity) {
    MinHashSignature a, b, c;
    ASSERT_TRUE(minHashSignature("The quick brown fox jumps over the lazy dog near the river bank today", 3, a));
    ASSERT_TRUE(minHashSignature("the quick brown fox jumps over the lazy dog near the river bank, today!", 3, b));
    ASSERT_TRUE(minHashSignature("An entirely different sentence about invoices and refunds for last month", 3, c));
    EXPECT_DOUBLE_EQ(estimateJaccard(a, b), 1.0);  // case and punctuation do not matter
    EXPECT_LT(estimateJaccard(a, c), 0.2);
    MinHashSignature none;
    EXPECT_FALSE(minHashSignature("  ... !!! ", 3, none));
}

TEST(NearDuplicates, FinderGroupsSimilarTexts) {
    NearDuplicateFinder f;
    f.add(0, "my invoice for march shows a double charge on my credit card please refund one of them");
    f.add(1, "totally unrelated question about resetting a password on the mobile app");
    f.add(2, "my invoice for march shows a double charge on my credit card please refund one of them asap");
    f.add(3, "another unrelated note about shipping a parcel to canada next week");
    auto groups = f.groups();
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0], (std::vector<uint32_t>{0, 2}));
}

TEST(Quality, DuplicatesEmptyLabelsAndTemplate) {
    std::vector<Record> rs;
    int line = 1;
    for (int i = 0; i < 30; ++i) rs.push_back(pc("Classify: ticket number " + std::to_string(i) + " about billing and invoices", "BILLING", line++));
    for (int i = 0; i < 2; ++i) rs.push_back(pc("Classify: ticket " + std::to_string(i) + " about a crash in the app", "TECHNICAL", line++));
    rs.push_back(pc("Classify: ticket number 3 about billing and invoices", "BILLING", line++));   // exact dup of #3
    rs.push_back(pc("Classify:   ticket number 4 about billing and   invoices", "BILLING", line++)); // whitespace-only dup of #4
    rs.push_back(pc("free form text with no template at all here", "BILLING", line++));
    rs.push_back(pc("Classify: ", "", line++));  // empty completion
    auto rep = analyzeRecords(rs);
    EXPECT_EQ(rep.records, 36);
    EXPECT_EQ(rep.exactDuplicateRecords, 2);
    EXPECT_EQ(rep.exactDuplicateGroupCount, 2);
    ASSERT_FALSE(rep.exactDuplicateGroups.empty());
    EXPECT_EQ(rep.exactDuplicateGroups[0][0].line, 4);
    EXPECT_EQ(rep.emptyFields["completion"], 1);
    EXPECT_TRUE(rep.classification);
    EXPECT_EQ(rep.labels["BILLING"], 33);
    EXPECT_EQ(rep.labels["TECHNICAL"], 2);
    EXPECT_TRUE(rep.imbalanced);  // 33 > 10 x 2
    EXPECT_EQ(rep.dominantTemplate, "Classify: … ");
    EXPECT_EQ(rep.offTemplate, 1);
    ASSERT_EQ(rep.offTemplateExamples.size(), 1u);
    EXPECT_EQ(rep.offTemplateExamples[0].line, 35);
    auto j = qualityReportToJson(rep);
    EXPECT_EQ(j["exact_duplicates"]["records"], 2);
    EXPECT_TRUE(j["tokens"]["estimated"].get<bool>());
}

TEST(Quality, NearDuplicateGroupsListed) {
    std::vector<Record> rs = {
        pc("Hello, I was charged twice for my subscription this month and need one charge refunded please", "BILLING", 1),
        pc("hello i was charged twice for my subscription this month and need one charge refunded please!!", "BILLING", 2),
        pc("The app crashes whenever I open the settings page on my android phone", "TECHNICAL", 3),
        pc("How do I change the email address on my account profile page", "ACCOUNT", 4),
    };
    auto rep = analyzeRecords(rs);
    EXPECT_EQ(rep.exactDuplicateRecords, 0);
    EXPECT_EQ(rep.nearDuplicateGroupCount, 1);
    ASSERT_EQ(rep.nearDuplicateGroups.size(), 1u);
    EXPECT_EQ(rep.nearDuplicateGroups[0].size(), 2u);
    EXPECT_EQ(rep.nearDuplicateGroups[0][1].line, 2);
}

TEST(Quality, TokenCounterAndOverLength) {
    std::vector<Record> rs = {pc("one two three", "x", 1), pc(std::string(400, 'a') + " long", "y", 2)};
    QualityOptions o;
    o.maxSequenceLength = 3;
    o.tokenCounter = [](std::string_view s) {  // words as tokens
        size_t n = 0;
        bool in = false;
        for (char c : s) {
            if (c != ' ' && !in) ++n;
            in = c != ' ';
        }
        return n;
    };
    auto rep = analyzeRecords(rs, o);
    EXPECT_FALSE(rep.tokensEstimated);
    EXPECT_EQ(rep.tokenCountMethod, "tokenizer");
    EXPECT_EQ(rep.totalTokens.max, 4);
    EXPECT_EQ(rep.overLength, 1);
    EXPECT_EQ(rep.overLengthExamples[0].line, 1);
    QualityOptions est;
    est.maxSequenceLength = 50;
    auto rep2 = analyzeRecords(rs, est);
    EXPECT_TRUE(rep2.tokensEstimated);
    EXPECT_NE(rep2.tokenCountMethod.find("estimate"), std::string::npos);
    EXPECT_EQ(rep2.overLength, 1);
    EXPECT_EQ(rep2.overLengthExamples[0].line, 2);
}

TEST(Quality, PiiByTypeAndLeakage) {
    std::vector<Record> rs = {
        pc("Please email me at jane.doe@example.com or call (415) 555-0132", "ACCOUNT", 1),
        pc("My card 4111 1111 1111 1111 was charged", "BILLING", 2),
        pc("Order ORD-2024-118877 arrived on 2024-03-15", "GENERAL", 3),
        pc("Where is my parcel? It has been ten days since I ordered it online", "SHIPPING", 4),
        pc("Where is my parcel? It has been ten days since I ordered it online", "SHIPPING", 5),
    };
    rs[3].split = "train";
    rs[4].split = "test";
    rs[0].split = rs[1].split = rs[2].split = "train";
    auto rep = analyzeRecords(rs);
    EXPECT_EQ(rep.piiByType["EMAIL"], 1);
    EXPECT_EQ(rep.piiByType["PHONE"], 1);
    EXPECT_EQ(rep.piiByType["CREDIT_CARD"], 1);
    EXPECT_EQ(rep.recordsWithPii, 2);
    ASSERT_FALSE(rep.piiExamples.empty());
    EXPECT_EQ(rep.piiExamples[0].snippet.find("jane.doe"), std::string::npos);  // the hit is masked
    EXPECT_TRUE(rep.leakage.checked);
    EXPECT_EQ(rep.leakage.exactLeaks, 2);
    ASSERT_FALSE(rep.leakage.examples.empty());
    EXPECT_EQ(rep.leakage.examples[0].splitB, "test");
}

TEST(Quality, PromptTemplateKey) {
    EXPECT_EQ(promptTemplateKey("Classify: the text"), "Classify: … ");
    EXPECT_EQ(promptTemplateKey("### Instruction:\nDo x\n### Response:"), "### Instruction: … ### Response:");
    EXPECT_EQ(promptTemplateKey("no template here at all, just words"), "");
}
