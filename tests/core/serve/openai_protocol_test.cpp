#include "core/serve/openai_protocol.h"

#include <gtest/gtest.h>

using namespace tb::serve;

TEST(OpenAiProtocol, CompletionRequestDefaultsAndFields) {
    ServeLimits limits;
    auto p = parseCompletionRequest(R"({"model":"m","prompt":"Hi","max_tokens":5,"temperature":0,"stop":["\n"],
                                        "seed":7,"stream":true})", limits);
    ASSERT_TRUE(p.ok()) << p.error.message;
    EXPECT_EQ(p.value->model, "m");
    EXPECT_EQ(p.value->prompt, "Hi");
    EXPECT_EQ(p.value->maxTokens, 5);
    EXPECT_EQ(p.value->temperature, 0.0f);
    EXPECT_EQ(p.value->stop, std::vector<std::string>{"\n"});
    EXPECT_EQ(*p.value->seed, 7u);
    EXPECT_TRUE(p.value->stream);
    auto d = parseCompletionRequest(R"({"model":"m","prompt":"x"})", limits);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d.value->maxTokens, 16) << "OpenAI's default for completions";
}

TEST(OpenAiProtocol, ErrorsNameTheField) {
    ServeLimits limits;
    struct Case {
        const char* body;
        const char* param;
    };
    for (auto c : std::vector<Case>{{R"({"prompt":"x"})", "model"},
                                    {R"({"model":"m"})", "prompt"},
                                    {R"({"model":"m","prompt":"x","max_tokens":0})", "max_tokens"},
                                    {R"({"model":"m","prompt":"x","max_tokens":100000})", "max_tokens"},
                                    {R"({"model":"m","prompt":"x","temperature":"hot"})", "temperature"},
                                    {R"({"model":"m","prompt":"x","temperature":5})", "temperature"},
                                    {R"({"model":"m","prompt":"x","top_p":1.5})", "top_p"},
                                    {R"({"model":"m","prompt":"x","stop":[1]})", "stop"},
                                    {R"({"model":"m","prompt":"x","n":2})", "n"},
                                    {R"({"model":"m","prompt":"x","stream":"yes"})", "stream"},
                                    {R"({"model":"m","prompt":["a","b"]})", "prompt"}}) {
        auto p = parseCompletionRequest(c.body, limits);
        ASSERT_FALSE(p.ok()) << c.body;
        EXPECT_EQ(p.error.status, 400);
        EXPECT_EQ(p.error.param, c.param) << c.body;
        EXPECT_NE(p.error.message.find(c.param), std::string::npos);
    }
    auto bad = parseCompletionRequest("{not json", limits);
    EXPECT_EQ(bad.error.code, "invalid_json");
    auto arr = parseCompletionRequest("[1,2]", limits);
    EXPECT_FALSE(arr.ok());
    limits.maxBodyBytes = 10;
    auto big = parseCompletionRequest(R"({"model":"m","prompt":"long enough"})", limits);
    EXPECT_EQ(big.error.status, 413);
}

TEST(OpenAiProtocol, ChatMessagesValidated) {
    ServeLimits limits;
    auto ok = parseChatRequest(R"({"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":"u"}]})",
                               limits);
    ASSERT_TRUE(ok.ok()) << ok.error.message;
    EXPECT_EQ(ok.value->messages.size(), 2u);
    EXPECT_EQ(ok.value->maxTokens, 256);
    auto empty = parseChatRequest(R"({"model":"m","messages":[]})", limits);
    EXPECT_EQ(empty.error.param, "messages");
    auto role = parseChatRequest(R"({"model":"m","messages":[{"role":"wizard","content":"u"}]})", limits);
    ASSERT_FALSE(role.ok());
    EXPECT_EQ(role.error.param, "messages[0].role");
}

TEST(OpenAiProtocol, ResponseShapes) {
    auto c = completionResponse("cmpl-1", 100, "m", "hello", "length", {3, 2});
    EXPECT_EQ(c["object"], "text_completion");
    EXPECT_EQ(c["choices"][0]["text"], "hello");
    EXPECT_EQ(c["choices"][0]["finish_reason"], "length");
    EXPECT_EQ(c["usage"]["total_tokens"], 5);
    auto chat = chatResponse("chatcmpl-1", 100, "m", "hi", "stop", {3, 1});
    EXPECT_EQ(chat["object"], "chat.completion");
    EXPECT_EQ(chat["choices"][0]["message"]["role"], "assistant");
    EXPECT_EQ(chat["choices"][0]["message"]["content"], "hi");
    auto first = chatChunk("x", 1, "m", "", "", true);
    EXPECT_EQ(first["object"], "chat.completion.chunk");
    EXPECT_EQ(first["choices"][0]["delta"]["role"], "assistant");
    EXPECT_TRUE(first["choices"][0]["finish_reason"].is_null());
    auto last = chatChunk("x", 1, "m", "", "stop", false);
    EXPECT_TRUE(last["choices"][0]["delta"].empty());
    EXPECT_EQ(sseEvent({{"a", 1}}), "data: {\"a\":1}\n\n");
    auto err = errorBody({404, "model", "nope", "invalid_request_error", "model_not_found"});
    EXPECT_EQ(err["error"]["code"], "model_not_found");
    EXPECT_EQ(err["error"]["param"], "model");
}
