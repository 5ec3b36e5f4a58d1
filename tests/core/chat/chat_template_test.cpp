// Tests of the chat-template front end: variables passed, message parsing errors, built-in templates.
#include "core/chat/chat_template.h"
#include "tests/core/chat/chat_test_util.h"

#include <gtest/gtest.h>

namespace tb::chat {
namespace {

ChatTemplateInput sampleInput() {
    ChatTemplateInput in;
    in.messages = {{"system", nlohmann::ordered_json("Be brief."), std::nullopt, nlohmann::ordered_json::object()},
                   {"user", nlohmann::ordered_json("Hi"), std::nullopt, nlohmann::ordered_json::object()}};
    in.bosToken = "<s>";
    in.eosToken = "</s>";
    return in;
}

TEST(ChatTemplate, BuiltinTextsEqualTheirFixtureFiles) {
    ASSERT_EQ(builtinChatTemplates().size(), 4u);
    for (auto& t : builtinChatTemplates()) {
        std::string file = test::readFile(test::dataDir() + "/templates/builtin-" + t.name + ".jinja");
        EXPECT_EQ(t.text, file) << t.name;
        EXPECT_FALSE(t.description.empty());
    }
    EXPECT_NE(findBuiltinChatTemplate("chatml"), nullptr);
    EXPECT_EQ(findBuiltinChatTemplate("nope"), nullptr);
}

TEST(ChatTemplate, ChatmlRendersExpectedText) {
    auto out = renderChatTemplate(findBuiltinChatTemplate("chatml")->text, sampleInput());
    ASSERT_TRUE(out.ok()) << out.message();
    EXPECT_EQ(*out, "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
    ChatTemplateInput noPrompt = sampleInput();
    noPrompt.addGenerationPrompt = false;
    auto out2 = renderChatTemplate(findBuiltinChatTemplate("chatml")->text, noPrompt);
    ASSERT_TRUE(out2.ok());
    EXPECT_EQ(*out2, "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n");
}

TEST(ChatTemplate, VariablesFollowHuggingFace) {
    ChatTemplateInput in = sampleInput();
    in.extraVariables["date_string"] = "01 Jan 2025";
    auto vars = chatTemplateVariables(in);
    EXPECT_TRUE(vars["tools"].is_null());
    EXPECT_EQ(vars["add_generation_prompt"], true);
    EXPECT_EQ(vars["bos_token"], "<s>");
    EXPECT_EQ(vars["date_string"], "01 Jan 2025");
    EXPECT_EQ(vars["messages"][1]["role"], "user");
    EXPECT_FALSE(vars["messages"][0].contains("tool_calls"));
}

TEST(ChatTemplate, MessagesFromJsonReportFileAndField) {
    auto bad = chatMessagesFromJson(nlohmann::ordered_json::parse(R"([{"role": "user", "content": "a"}, {"content": "b"}])"),
                                    "chat.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("chat.json: messages[1]"), std::string::npos) << bad.message();
    EXPECT_NE(bad.message().find("role"), std::string::npos);
    auto badRole = chatMessagesFromJson(nlohmann::ordered_json::parse(R"([{"role": 5}])"), "x.json");
    ASSERT_FALSE(badRole.ok());
    EXPECT_NE(badRole.message().find("x.json: messages[0].role"), std::string::npos) << badRole.message();
    auto badCalls = chatMessagesFromJson(nlohmann::ordered_json::parse(R"([{"role": "assistant", "tool_calls": [1]}])"), "y.json");
    ASSERT_FALSE(badCalls.ok());
    EXPECT_NE(badCalls.message().find("tool_calls[0]"), std::string::npos) << badCalls.message();
    auto notArray = chatMessagesFromJson(nlohmann::ordered_json::parse(R"({"role": "user"})"), "z.json");
    ASSERT_FALSE(notArray.ok());
    auto good = chatMessagesFromJson(
        nlohmann::ordered_json::parse(R"([{"role": "tool", "tool_call_id": "abc", "content": null}])"), "ok.json");
    ASSERT_TRUE(good.ok()) << good.message();
    EXPECT_TRUE(good->at(0).content->is_null());
    EXPECT_EQ(good->at(0).extra["tool_call_id"], "abc");
}

TEST(ChatTemplate, TemplateErrorsArePrefixed) {
    auto out = renderChatTemplate("{% if %}", sampleInput());
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.message().rfind("chat template: line 1", 0), 0u) << out.message();
    auto raised = renderChatTemplate("{{ raise_exception('System role not supported') }}", sampleInput());
    ASSERT_FALSE(raised.ok());
    EXPECT_NE(raised.message().find("System role not supported"), std::string::npos);
}

}  // namespace
}  // namespace tb::chat
