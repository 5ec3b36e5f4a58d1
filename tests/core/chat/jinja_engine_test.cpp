// Unit tests of the Jinja engine's API beyond the golden fixtures: error positions and kinds,
// render options (clock, limits), value formatting helpers.
#include "core/chat/jinja_ops.h"
#include "core/chat/jinja_template.h"
#include "tests/core/chat/chat_test_util.h"

#include <gtest/gtest.h>

namespace tb::jinja {
namespace {

Result<std::string> renderText(const std::string& src, const nlohmann::json& vars = nlohmann::json::object(),
                               RenderOptions options = {}) {
    auto t = JinjaTemplate::parse(src);
    if (!t) return t.error();
    return t->render(vars, options);
}

TEST(JinjaEngine, RendersVariables) {
    auto out = renderText("Hello {{ name }}! {{ items | join(', ') }}", {{"name", "Ada"}, {"items", {1, 2, 3}}});
    ASSERT_TRUE(out.ok()) << out.message();
    EXPECT_EQ(*out, "Hello Ada! 1, 2, 3");
}

TEST(JinjaEngine, ParseErrorNamesLineAndColumn) {
    auto t = JinjaTemplate::parse("line one\n{% if x %}\n  {{ x + }}\n{% endif %}");
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.message().find("line 3"), std::string::npos) << t.message();
    EXPECT_NE(t.message().find("TemplateSyntaxError"), std::string::npos) << t.message();
}

TEST(JinjaEngine, UnclosedBlockIsAnError) {
    auto t = JinjaTemplate::parse("{% for m in messages %}{{ m }}");
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.message().find("endfor"), std::string::npos) << t.message();
}

TEST(JinjaEngine, RuntimeErrorNamesPosition) {
    auto out = renderText("ok\n  {{ 'a' + 1 }}");
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.message().find("line 2"), std::string::npos) << out.message();
    EXPECT_NE(out.message().find("TypeError"), std::string::npos) << out.message();
    EXPECT_EQ(out.error().kind, ErrorKind::Input);
}

TEST(JinjaEngine, RaiseExceptionCarriesTheTemplateMessage) {
    auto out = renderText("{% if true %}\n{{ raise_exception('roles must alternate') }}{% endif %}");
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.message().find("roles must alternate"), std::string::npos) << out.message();
    EXPECT_NE(out.message().find("line 2"), std::string::npos) << out.message();
}

TEST(JinjaEngine, AttributeOfUndefinedIsAnError) {
    auto out = renderText("{{ missing.attr }}");
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.message().find("UndefinedError: 'missing' is undefined"), std::string::npos) << out.message();
    auto ok = renderText("[{{ missing }}]{{ missing is defined }}");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(*ok, "[]False");
}

TEST(JinjaEngine, StrftimeNowUsesInjectedClock) {
    RenderOptions o;
    o.now = tb::chat::test::fixtureNow();
    auto out = renderText("{{ strftime_now('%d %b %Y') }}", nlohmann::json::object(), o);
    ASSERT_TRUE(out.ok()) << out.message();
    EXPECT_EQ(*out, "14 Sep 2024");
    auto live = renderText("{{ strftime_now('%Y') | int > 2000 }}");
    ASSERT_TRUE(live.ok());
    EXPECT_EQ(*live, "True");
}

TEST(JinjaEngine, PythonFloatRepr) {
    EXPECT_EQ(floatRepr(0.1), "0.1");
    EXPECT_EQ(floatRepr(1e16), "1e+16");
    EXPECT_EQ(floatRepr(1e15), "1000000000000000.0");
    EXPECT_EQ(floatRepr(1.5e-5), "1.5e-05");
    EXPECT_EQ(floatRepr(-2.0), "-2.0");
    EXPECT_EQ(floatRepr(123.456), "123.456");
    EXPECT_EQ(stringRepr("it's"), "\"it's\"");
    EXPECT_EQ(stringRepr("a\nb"), "'a\\nb'");
}

TEST(JinjaEngine, OrderedJsonKeepsMemberOrder) {
    auto t = JinjaTemplate::parse("{{ tool | tojson }}");
    ASSERT_TRUE(t.ok());
    nlohmann::ordered_json vars = nlohmann::ordered_json::parse(R"({"tool": {"z": 1, "a": 2}})");
    auto out = t->render(vars);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, R"({"z": 1, "a": 2})");
}

TEST(JinjaEngine, OutputLimitStopsRendering) {
    RenderOptions o;
    o.maxOutputBytes = 1000;
    auto out = renderText("{% for i in range(1000) %}0123456789{% endfor %}", nlohmann::json::object(), o);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.message().find("output exceeds"), std::string::npos) << out.message();
}

TEST(JinjaEngine, StepLimitStopsRunawayLoops) {
    RenderOptions o;
    o.maxSteps = 50000;
    auto out = renderText("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                          nlohmann::json::object(), o);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.message().find("loop iterations"), std::string::npos) << out.message();
}

TEST(JinjaEngine, MacroRecursionIsBounded) {
    auto out = renderText("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}");
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.message().find("recursion"), std::string::npos) << out.message();
}

TEST(JinjaEngine, LexerOptionsCanBeTurnedOff) {
    LexerOptions plain;
    plain.trimBlocks = false;
    plain.lstripBlocks = false;
    auto t = JinjaTemplate::parse("  {% if true %}\nx{% endif %}", plain);
    ASSERT_TRUE(t.ok());
    auto out = t->render(nlohmann::json::object());
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, "  \nx");
}

}  // namespace
}  // namespace tb::jinja
