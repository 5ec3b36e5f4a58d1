// Comparison export: CSV quoting by hand (commas, quotes, newlines, edge spaces), the whole CSV of a small
// comparison, HTML escaping of hostile text, the diff markup and a self-contained report.
#include "core/eval/comparison_export.h"

#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

using namespace tb::eval;

namespace {

ComparisonResult smallComparison() {
    PredictionSet a = parsePredictionsJsonl(
        "{\"id\":\"1\",\"prompt\":\"Say, \\\"hi\\\"\",\"label\":\"pos\",\"prediction\":\"pos\"}\n"
        "{\"id\":\"2\",\"prompt\":\"line1\\nline2\",\"label\":\"neg\",\"prediction\":\"pos\"}\n", "a");
    PredictionSet b = parsePredictionsJsonl(
        "{\"id\":\"1\",\"prompt\":\"Say, \\\"hi\\\"\",\"label\":\"pos\",\"prediction\":\"<b>neg</b>\"}\n"
        "{\"id\":\"2\",\"prompt\":\"line1\\nline2\",\"label\":\"neg\",\"prediction\":\"neg\"}\n", "b");
    ScoreOptions o;
    o.task = EvalTask::Classification;
    auto r = comparePredictions(a, b, o);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : ComparisonResult{};
}

}  // namespace

TEST(ComparisonExport, CsvFieldQuoting) {
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField(""), "");
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvField("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csvField(" padded"), "\" padded\"");
    EXPECT_EQ(csvField("inner space"), "inner space");
    // Formula injection: untrusted text that a spreadsheet would evaluate is kept as text.
    EXPECT_EQ(csvSpreadsheetCell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(csvSpreadsheetCell("+1"), "'+1");
    EXPECT_EQ(csvSpreadsheetCell("-2+3"), "'-2+3");
    EXPECT_EQ(csvSpreadsheetCell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csvSpreadsheetCell("\tx"), "'\tx");
    EXPECT_EQ(csvSpreadsheetCell("a=b"), "a=b");
    EXPECT_EQ(csvSpreadsheetCell(""), "");
}

TEST(ComparisonExport, HtmlEscaping) {
    EXPECT_EQ(htmlEscape("<script>alert('x') & \"y\"</script>"),
              "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    EXPECT_EQ(diffToHtml(wordDiff("the <cat> sat", "the dog sat")), "the <del>&lt;cat&gt;</del> <ins>dog</ins> sat");
}

TEST(ComparisonExport, CsvOfASmallComparisonByHand) {
    ComparisonResult c = smallComparison();
    ASSERT_EQ(c.examples.size(), 2u);
    // The reader takes a record's label as its reference when it has no other, so the reference column is it.
    ReviewRatings ratings;
    ASSERT_TRUE(ratings.set("1", ReviewSide::B, 1, "made up, wrong").ok());
    ASSERT_TRUE(ratings.set("2", ReviewSide::A, 2, "").ok());
    const std::string expected =
        "id,prompt,reference,output_a,output_b,correct_a,correct_b,valid_a,valid_b,kind,disagreement,gold_label,"
        "label_a,label_b,rating_a,note_a,rating_b,note_b\r\n"
        "1,\"Say, \"\"hi\"\"\",pos,pos,<b>neg</b>,true,false,true,true,regression,true,pos,pos,neg,,,1,\"made up, "
        "wrong\"\r\n"
        "2,\"line1\nline2\",neg,pos,neg,false,true,true,true,fix,true,neg,pos,neg,2,,,\r\n";
    EXPECT_EQ(comparisonToCsv(c, ratings), expected);
}

TEST(ComparisonExport, HtmlReportIsSelfContainedAndEscaped) {
    ComparisonResult c = smallComparison();
    ReviewRatings ratings;
    ASSERT_TRUE(ratings.set("1", ReviewSide::B, 1, "<i>bad</i>").ok());
    ComparisonExportInfo info;
    info.modelA = "base <A>";
    info.modelB = "tuned & better";
    std::string html = comparisonToHtml(c, ratings, info);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("base &lt;A&gt;"), std::string::npos);
    EXPECT_NE(html.find("tuned &amp; better"), std::string::npos);
    EXPECT_EQ(html.find("<b>neg</b>"), std::string::npos) << "model output must not become markup";
    EXPECT_NE(html.find("<del>pos</del> <ins>&lt;b&gt;neg&lt;/b&gt;</ins>"), std::string::npos);
    EXPECT_NE(html.find("1/5 — &lt;i&gt;bad&lt;/i&gt;"), std::string::npos);
    // Accuracy A = 1/2, B = 1/2: delta +0.0000; regressions 1, fixes 1.
    EXPECT_NE(html.find("<td>accuracy</td><td class=\"num\">0.5000</td><td class=\"num\">0.5000</td>"),
              std::string::npos);
    EXPECT_NE(html.find("<th>Regressions (A right, B wrong)</th><td class=\"num\">1</td>"), std::string::npos);
    EXPECT_NE(html.find("<th>Ratings B</th><td>1 rated, mean 1.00, 1 notes</td>"), std::string::npos);
    for (const char* external : {"<script", "<link", "src=", "href=", "http://", "https://"})
        EXPECT_EQ(html.find(external), std::string::npos) << external;
}
