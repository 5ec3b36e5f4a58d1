// Golden tests: every rendering in tests/data/chat/ (made by tests/reference/render_chat_templates.py
// with Python's jinja2) must be reproduced byte for byte, and every jinja2 error must be an error here.
#include "core/chat/chat_template.h"
#include "core/chat/jinja_template.h"
#include "tests/core/chat/chat_test_util.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

namespace tb::chat {
namespace {

using test::dataDir;
using test::readFile;
using test::readJson;

TEST(JinjaSnippets, MatchPythonJinja2) {
    auto doc = readJson(dataDir() + "/snippets.json");
    ASSERT_GT(doc["cases"].size(), 100u);
    int matched = 0, errorsMatched = 0, errorKindsMatched = 0;
    for (auto& c : doc["cases"]) {
        std::string source = c["template"];
        const auto& opts = c["options"];
        jinja::LexerOptions lex;
        lex.trimBlocks = opts.value("trim_blocks", true);
        lex.lstripBlocks = opts.value("lstrip_blocks", true);
        lex.keepTrailingNewline = opts.value("keep_trailing_newline", false);
        jinja::RenderOptions ro;
        ro.now = test::fixtureNow();
        ro.tojson = opts.value("tojson_style", std::string("huggingface")) == "jinja2" ? jinja::TojsonStyle::Jinja2
                                                                                       : jinja::TojsonStyle::HuggingFace;
        auto t = jinja::JinjaTemplate::parse(source, lex);
        Result<std::string> out = t ? t->render(c["variables"], ro) : Result<std::string>(t.error());
        if (c.contains("expected")) {
            std::string want = c["expected"];
            if (!out) {
                ADD_FAILURE() << "template: " << source << "\nexpected: " << want << "\nerror: " << out.message();
            } else if (*out != want) {
                ADD_FAILURE() << "template: " << source << "\nexpected: [" << want << "]\nactual:   [" << *out << "]";
            } else {
                ++matched;
            }
        } else {
            std::string kind = c["error"]["type"];
            if (out) {
                ADD_FAILURE() << "template: " << source << "\nexpected " << kind << ": " << c["error"]["message"]
                              << "\nbut rendered: [" << *out << "]";
            } else {
                ++errorsMatched;
                if (out.message().find(kind) != std::string::npos) ++errorKindsMatched;
            }
        }
    }
    std::cout << "[snippets] " << matched << " renderings identical, " << errorsMatched << " errors reproduced ("
              << errorKindsMatched << " with the same Python exception name)\n";
}

ChatTemplateInput inputFromVariables(const nlohmann::ordered_json& vars) {
    ChatTemplateInput in;
    auto messages = chatMessagesFromJson(vars["messages"], "fixture");
    EXPECT_TRUE(messages.ok()) << messages.message();
    if (messages) in.messages = *messages;
    in.tools = vars["tools"];
    in.addGenerationPrompt = vars["add_generation_prompt"];
    in.bosToken = vars["bos_token"];
    in.eosToken = vars["eos_token"];
    for (auto it = vars.begin(); it != vars.end(); ++it) {
        static const char* const known[] = {"messages", "tools", "add_generation_prompt", "bos_token", "eos_token"};
        bool isKnown = false;
        for (const char* k : known) isKnown = isKnown || it.key() == k;
        if (!isKnown) in.extraVariables[it.key()] = it.value();
    }
    in.now = test::fixtureNow();
    return in;
}

TEST(ChatTemplateFixtures, EveryTemplateMatchesPythonJinja2) {
    int files = 0, matched = 0, errorsMatched = 0, cases = 0;
    for (auto& entry : std::filesystem::directory_iterator(dataDir() + "/fixtures")) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        auto doc = readJson(entry.path().string());
        std::string templatePath = dataDir() + "/" + doc["template"].get<std::string>();
        std::string source = readFile(templatePath);
        ASSERT_FALSE(source.empty()) << templatePath;
        for (auto& c : doc["cases"]) {
            ++cases;
            ChatTemplateInput in = inputFromVariables(c["variables"]);
            // The front end must pass exactly the variables the reference passed.
            EXPECT_EQ(nlohmann::json::parse(chatTemplateVariables(in).dump()), nlohmann::json::parse(c["variables"].dump()))
                << templatePath;
            auto out = renderChatTemplate(source, in);
            std::string label = entry.path().filename().string() + " / " + c["conversation"].get<std::string>() +
                                (in.addGenerationPrompt ? " (generation prompt)" : "");
            if (c.contains("expected")) {
                std::string want = c["expected"];
                if (!out) ADD_FAILURE() << label << ": unexpected error " << out.message();
                else if (*out != want) ADD_FAILURE() << label << "\nexpected: [" << want << "]\nactual:   [" << *out << "]";
                else ++matched;
            } else {
                if (out) ADD_FAILURE() << label << ": jinja2 failed with " << c["error"]["message"] << " but we rendered [" << *out << "]";
                else ++errorsMatched;
            }
        }
    }
    EXPECT_GE(files, 11);
    std::cout << "[chat templates] " << files << " templates, " << cases << " cases: " << matched
              << " renderings identical byte for byte, " << errorsMatched << " errors reproduced\n";
}

}  // namespace
}  // namespace tb::chat
