// Hostile templates must fail cleanly (no crash, no hang): deep nesting, unterminated tags, huge
// loops and strings, self-referencing namespaces, random bytes.
#include "core/chat/jinja_template.h"
#include "tests/core/chat/chat_test_util.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>

namespace tb::jinja {
namespace {

Result<std::string> tryRender(const std::string& src) {
    auto t = JinjaTemplate::parse(src);
    if (!t) return t.error();
    RenderOptions o;
    o.maxOutputBytes = 1 << 20;
    o.maxSteps = 100000;
    return t->render(nlohmann::json{{"messages", {{{"role", "user"}, {"content", "x"}}}}}, o);
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// tests/data/chat/hostile/: err_*.jinja must fail with an error, the rest must merely not crash; none
// may take long.
TEST(JinjaHostile, HostileFixtureFiles) {
    int files = 0;
    for (auto& entry : std::filesystem::directory_iterator(tb::chat::test::dataDir() + "/hostile")) {
        std::string name = entry.path().filename().string();
        std::string src = tb::chat::test::readFile(entry.path().string());
        auto start = std::chrono::steady_clock::now();
        auto r = tryRender(src);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (name.rfind("err_", 0) == 0) {
            EXPECT_FALSE(r.ok()) << name << " rendered " << (r ? r->size() : 0) << " bytes";
        }
        if (!r.ok()) {
            EXPECT_FALSE(r.message().empty()) << name;
        }
        EXPECT_LT(seconds, 20.0) << name;
        ++files;
    }
    EXPECT_GE(files, 20);
}

TEST(JinjaHostile, DeepNestingIsRefused) {
    EXPECT_FALSE(tryRender(repeat("{% if true %}", 5000) + "x" + repeat("{% endif %}", 5000)).ok());
    EXPECT_FALSE(tryRender("{{ " + repeat("(", 20000) + "1" + repeat(")", 20000) + " }}").ok());
    EXPECT_FALSE(tryRender("{{ " + repeat("[", 20000) + repeat("]", 20000) + " }}").ok());
    EXPECT_FALSE(tryRender("{{ " + repeat("not ", 20000) + "x }}").ok());
    EXPECT_FALSE(tryRender("{{ 1" + repeat(" + 1", 30000) + " }}").ok());
    EXPECT_FALSE(tryRender("{{ x" + repeat(".a", 30000) + " }}").ok());
    EXPECT_FALSE(tryRender("{{ x" + repeat("|trim", 30000) + " }}").ok());
    EXPECT_FALSE(tryRender("{{ " + repeat("-", 30000) + "1 }}").ok());
    // Moderate nesting that real templates use still works.
    auto ok = tryRender(repeat("{% if true %}", 20) + "x" + repeat("{% endif %}", 20));
    ASSERT_TRUE(ok.ok()) << ok.message();
    EXPECT_EQ(*ok, "x");
}

TEST(JinjaHostile, UnterminatedTagsAreSyntaxErrors) {
    for (const char* src : {"{{", "{%", "{#", "{{ x", "{% if", "{% for x in y %}", "{{ 'abc", "{% raw %}abc",
                            "{{ x }", "{% if x %}{% elif %}{% endif %}", "{{ x | }}", "{{ [1, 2 }}", "{% set %}"}) {
        auto r = tryRender(src);
        EXPECT_FALSE(r.ok()) << src;
    }
}

TEST(JinjaHostile, HugeLoopsAndStringsStop) {
    EXPECT_FALSE(tryRender("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}").ok());
    EXPECT_FALSE(tryRender("{{ 'x' * 1000000000 }}").ok());
    EXPECT_FALSE(tryRender("{{ [1] * 1000000000 }}").ok());
    EXPECT_FALSE(tryRender("{% for i in range(100000) %}{{ 'abcdefghijklmnopqrstuvwxyz' }}{% endfor %}").ok());
    EXPECT_FALSE(tryRender("{{ range(10**12) | length }}").ok());
    EXPECT_FALSE(tryRender("{{ 2 ** 100000 }}").ok());
    EXPECT_FALSE(tryRender("{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}").ok());
}

TEST(JinjaHostile, SelfReferencesDoNotOverflow) {
    auto r = tryRender("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns }}");
    EXPECT_FALSE(r.ok());
    auto deep = tryRender("{% set ns = namespace(v=[]) %}{% for i in range(5000) %}{% set ns.v = [ns.v] %}{% endfor %}{{ ns.v }}");
    EXPECT_FALSE(deep.ok());
    auto tojson = tryRender("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns | tojson }}");
    EXPECT_FALSE(tojson.ok());
}

TEST(JinjaHostile, RandomBytesNeverCrash) {
    std::mt19937 rng(1234);
    const std::string alphabet = "{}%#-+()[]'\"|.,:~=<>!*/ \n\tabcxyzifelsforendsetin0123456789\xc3\xa9\xff";
    int errors = 0, rendered = 0;
    for (int iter = 0; iter < 3000; ++iter) {
        std::string src;
        size_t len = rng() % 80;
        for (size_t i = 0; i < len; ++i) src.push_back(alphabet[rng() % alphabet.size()]);
        auto r = tryRender(src);
        (r.ok() ? rendered : errors)++;
    }
    EXPECT_EQ(errors + rendered, 3000);
    EXPECT_GT(errors, 0);
    EXPECT_GT(rendered, 0);
}

TEST(JinjaHostile, MutatedRealTemplateNeverCrashes) {
    const std::string base =
        "{%- for message in messages %}{%- if message['role'] == 'user' %}{{- '[INST] ' + message['content'] | trim + "
        "' [/INST]' }}{%- elif message.role == 'assistant' %}{{ message.content ~ eos_token }}{%- endif %}{%- endfor %}";
    std::mt19937 rng(99);
    for (int iter = 0; iter < 3000; ++iter) {
        std::string src = base;
        int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            size_t pos = rng() % src.size();
            switch (rng() % 3) {
            case 0: src.erase(pos, 1 + rng() % 5); break;
            case 1: src.insert(pos, 1, "{}%-'\"()|"[rng() % 9]); break;
            default: src[pos] = static_cast<char>(rng() % 256); break;
            }
            if (src.empty()) src = "x";
        }
        auto r = tryRender(src);
        (void)r;
    }
    SUCCEED();
}

}  // namespace
}  // namespace tb::jinja
