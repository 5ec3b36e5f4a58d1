#include "core/eval/porter_stemmer.h"
#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

using tb::eval::porterStem;

TEST(PorterStemmer, ClassicExamplesFromPortersPaper) {
    EXPECT_EQ(porterStem("caresses"), "caress");
    EXPECT_EQ(porterStem("ponies"), "poni");
    EXPECT_EQ(porterStem("cats"), "cat");
    EXPECT_EQ(porterStem("plastered"), "plaster");
    EXPECT_EQ(porterStem("motoring"), "motor");
    EXPECT_EQ(porterStem("hopping"), "hop");
    EXPECT_EQ(porterStem("filing"), "file");
    EXPECT_EQ(porterStem("relational"), "relat");
    EXPECT_EQ(porterStem("generalizations"), "gener");
    EXPECT_EQ(porterStem("oscillators"), "oscil");
}

TEST(PorterStemmer, NltkExtensions) {
    EXPECT_EQ(porterStem("ties"), "tie");     // 4-letter "-ies" -> "-ie"
    EXPECT_EQ(porterStem("dying"), "die");    // irregular forms pool
    EXPECT_EQ(porterStem("skies"), "sky");
    EXPECT_EQ(porterStem("died"), "die");
    EXPECT_EQ(porterStem("cried"), "cri");
    EXPECT_EQ(porterStem("at"), "at");        // words of two letters are left alone
}

TEST(PorterStemmer, MatchesNltkOnGoldenWordList) {
    nlohmann::json golden = tb::eval::testing::loadGolden("porter_golden.json");
    ASSERT_EQ(golden["nltk_mode"], "NLTK_EXTENSIONS");
    ASSERT_GT(golden["pairs"].size(), 1000u);
    int mismatches = 0;
    for (const auto& pair : golden["pairs"]) {
        std::string word = pair[0], expected = pair[1];
        std::string got = porterStem(word);
        if (got != expected && ++mismatches <= 20) ADD_FAILURE() << word << ": got " << got << ", NLTK " << expected;
    }
    EXPECT_EQ(mismatches, 0);
}

TEST(PorterStemmer, HostileInputIsLinearNotRecursive) {
    // NLTK recurses once per 'y'; a long run of them must neither overflow the stack nor take quadratic time.
    std::string ys(1'000'000, 'y');
    std::string stem = porterStem(ys);
    EXPECT_FALSE(stem.empty());
    EXPECT_EQ(porterStem("\xFF\x01zz9"), porterStem("\xFF\x01zz9"));  // non-letters are not a problem
}
