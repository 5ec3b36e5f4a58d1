// The OpenAI-compatible wire format: validating /v1/completions and /v1/chat/completions request bodies
// into plain requests (errors name the field), and building responses, stream chunks and errors in the
// shapes OpenAI clients expect. No HTTP and no model here.
#pragma once

#include "core/chat/chat_template.h"
#include "core/common/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tb::serve {

struct ServeLimits {
    size_t maxBodyBytes = 1 << 20;  // 1 MiB
    int maxPromptTokens = 2048;
    int maxTokens = 512;            // cap on max_tokens
    int defaultMaxTokensChat = 256;
    int defaultMaxTokensCompletion = 16;  // OpenAI's default for /v1/completions
};

enum class RequestKind { Completion, Chat };

struct ServeRequest {
    RequestKind kind = RequestKind::Completion;
    std::string model;
    std::string prompt;                      // Completion
    std::vector<chat::ChatMessage> messages; // Chat
    int maxTokens = 16;
    float temperature = 1.0f;
    float topP = 1.0f;
    int topK = 0;
    float minP = 0.0f;
    float repetitionPenalty = 1.0f;
    std::optional<uint64_t> seed;
    std::vector<std::string> stop;
    bool stream = false;
    bool includeUsageInStream = false;  // stream_options.include_usage
};

// A request problem: HTTP status, the offending field (OpenAI's "param") and a message.
struct RequestError {
    int status = 400;
    std::string param;
    std::string message;
    std::string type = "invalid_request_error";
    std::string code;
};

template <typename T>
struct Parsed {
    std::optional<T> value;
    RequestError error;
    bool ok() const { return value.has_value(); }
};

Parsed<ServeRequest> parseCompletionRequest(const std::string& body, const ServeLimits& limits);
Parsed<ServeRequest> parseChatRequest(const std::string& body, const ServeLimits& limits);

nlohmann::json errorBody(const RequestError& e);

struct Usage {
    int promptTokens = 0;
    int completionTokens = 0;
};

// finishReason: "stop" or "length".
nlohmann::json completionResponse(const std::string& id, int64_t created, const std::string& model,
                                  const std::string& text, const std::string& finishReason, const Usage& usage);
nlohmann::json chatResponse(const std::string& id, int64_t created, const std::string& model,
                            const std::string& content, const std::string& finishReason, const Usage& usage);
// Stream chunks; finishReason empty for intermediate chunks. roleChunk: the first chat chunk.
nlohmann::json completionChunk(const std::string& id, int64_t created, const std::string& model,
                               const std::string& text, const std::string& finishReason);
nlohmann::json chatChunk(const std::string& id, int64_t created, const std::string& model, const std::string& content,
                         const std::string& finishReason, bool roleChunk);
nlohmann::json usageChunk(const std::string& id, int64_t created, const std::string& model, bool chat,
                          const Usage& usage);
// "data: <json>\n\n"
std::string sseEvent(const nlohmann::json& chunk);
inline const char* sseDone() { return "data: [DONE]\n\n"; }

nlohmann::json modelListResponse(const std::vector<std::pair<std::string, int64_t>>& modelsAndCreated);

}  // namespace tb::serve
