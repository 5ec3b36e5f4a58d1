#include "core/eval/label_normalizer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace tb::eval;

TEST(LabelNormalizer, NormalizeTextRules) {
    NormalizationOptions o;
    EXPECT_EQ(normalizeText("  Positive!!  \nsecond line", o), "positive");
    EXPECT_EQ(normalizeText("\n\n  Sci-Fi  ", o), "sci fi");
    o.firstLineOnly = false;
    o.stripPunctuation = false;
    EXPECT_EQ(normalizeText("A\n  B.", o), "a b.");
    o.lowercase = false;
    o.collapseWhitespace = false;
    EXPECT_EQ(normalizeText(" ÉTÉ ", o), " ÉTÉ ");
    NormalizationOptions lower;
    EXPECT_EQ(normalizeText("ÉTÉ ŁÓDŹ ΑΒΓ АБВ", lower), "été łódź αβγ абв");
}

TEST(LabelNormalizer, ClassifiesWithAliasesAndFirstLabelMatch) {
    NormalizationOptions o;
    o.aliases = {{"pos", "positive"}, {"+", "positive"}, {"Neg.", "negative"}};
    LabelNormalizer n({"positive", "negative", "very negative"}, o);
    ASSERT_EQ(n.labels().size(), 3u);
    EXPECT_EQ(n.classify("Positive"), 0u);
    EXPECT_EQ(n.classify("POS"), 0u);
    EXPECT_EQ(n.classify("neg"), 1u);
    EXPECT_EQ(n.classify("The answer is: negative."), 1u);
    EXPECT_EQ(n.classify("I'd say very negative, honestly"), 2u);  // longest label at the earliest position
    EXPECT_EQ(n.classify("positive or negative"), 0u);            // earliest wins
    EXPECT_FALSE(n.classify("").has_value());
    EXPECT_FALSE(n.classify("no idea").has_value());
    EXPECT_FALSE(n.classify("\xFF\xFE garbage \x01").has_value());
    EXPECT_FALSE(n.classify("positively").has_value());           // whole words only
    EXPECT_FALSE(n.classify("+").has_value());                    // "+" normalises to nothing
    NormalizationOptions strict;
    strict.firstLabelMatch = false;
    LabelNormalizer s({"positive", "negative"}, strict);
    EXPECT_FALSE(s.classify("The answer is negative").has_value());
}

TEST(LabelNormalizer, AddLabelDeduplicatesByNormalisedForm) {
    LabelNormalizer n({"Positive"}, {});
    EXPECT_EQ(n.addLabel("positive "), 0u);
    EXPECT_EQ(n.addLabel("negative"), 1u);
    EXPECT_EQ(n.addLabel("!!!"), 2u);
    EXPECT_EQ(n.addLabel("!!!"), 2u);
    EXPECT_EQ(n.labels().size(), 3u);
}

TEST(LabelNormalizer, OptionsJsonRoundTripAndErrors) {
    NormalizationOptions o;
    o.lowercase = false;
    o.aliases = {{"y", "yes"}};
    auto back = NormalizationOptions::fromJson(o.toJson());
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_FALSE(back->lowercase);
    EXPECT_EQ(back->aliases.at("y"), "yes");
    auto bad = NormalizationOptions::fromJson(nlohmann::json{{"lowercase", "yes"}});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("normalization.lowercase"), std::string::npos);
    EXPECT_FALSE(NormalizationOptions::fromJson(nlohmann::json{{"colour", true}}).ok());
}
