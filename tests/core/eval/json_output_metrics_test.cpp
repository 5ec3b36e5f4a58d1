#include "core/eval/json_output_metrics.h"

#include <gtest/gtest.h>

using namespace tb::eval;

TEST(JsonOutputMetrics, ValidityAndFields) {
    EXPECT_TRUE(parseJsonOutput(" {\"a\": 1} ").has_value());
    EXPECT_TRUE(parseJsonOutput("```json\n{\"a\": 1}\n```").has_value());
    EXPECT_FALSE(parseJsonOutput("{\"a\": 1").has_value());
    EXPECT_FALSE(parseJsonOutput("").has_value());
    EXPECT_FALSE(parseJsonOutput("\xFF\xFE").has_value());

    JsonExampleScore s = scoreJsonExample("{\"name\": \"Ann\", \"age\": 30.0, \"city\": \"Rome\"}",
                                          "{\"name\": \"Ann\", \"age\": 30, \"city\": \"Paris\"}");
    EXPECT_TRUE(s.valid);
    EXPECT_EQ(s.fieldsTotal, 3);
    EXPECT_EQ(s.fieldsMatched, 2);  // 30.0 == 30
    EXPECT_FALSE(s.exactMatch);
    JsonExampleScore bad = scoreJsonExample("name: Ann", "{\"name\": \"Ann\"}");
    EXPECT_FALSE(bad.valid);
    EXPECT_EQ(bad.fieldsTotal, 1);
    EXPECT_EQ(bad.fieldsMatched, 0);
    JsonExampleScore exact = scoreJsonExample("{\"b\": [1, {\"c\": null}], \"a\": true}", "{\"a\": true, \"b\": [1, {\"c\": null}]}");
    EXPECT_TRUE(exact.exactMatch);

    JsonMetrics m = aggregateJsonMetrics({s, bad, exact});
    EXPECT_EQ(m.count, 3);
    EXPECT_DOUBLE_EQ(m.validRate, 2.0 / 3);
    EXPECT_EQ(m.fieldsTotal, 6);
    EXPECT_EQ(m.fieldsMatched, 4);
    EXPECT_DOUBLE_EQ(m.fieldAccuracy, 4.0 / 6);
    EXPECT_DOUBLE_EQ(m.exactMatchRate, 1.0 / 3);
}
