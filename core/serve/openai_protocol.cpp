#include "core/serve/openai_protocol.h"

#include <cmath>

namespace tb::serve {

namespace {

RequestError fieldError(const std::string& field, const std::string& message) {
    return {400, field, field + ": " + message, "invalid_request_error", ""};
}

// Reads the sampling and length fields common to both endpoints. Returns false with `err` set.
bool readCommon(const nlohmann::json& j, ServeRequest& r, const ServeLimits& limits, RequestError& err) {
    if (!j.contains("model") || !j["model"].is_string() || j["model"].get<std::string>().empty()) {
        err = fieldError("model", "required, a non-empty string");
        return false;
    }
    r.model = j["model"].get<std::string>();
    auto number = [&](const char* field, double lo, double hi, auto& out) -> bool {
        if (!j.contains(field) || j[field].is_null()) return true;
        if (!j[field].is_number()) {
            err = fieldError(field, "must be a number");
            return false;
        }
        double v = j[field].get<double>();
        if (!std::isfinite(v) || v < lo || v > hi) {
            err = fieldError(field, "must be between " + std::to_string(lo).substr(0, 5) + " and " +
                                        std::to_string(hi).substr(0, 5));
            return false;
        }
        out = static_cast<std::decay_t<decltype(out)>>(v);
        return true;
    };
    if (!number("temperature", 0.0, 2.0, r.temperature) || !number("top_p", 0.0, 1.0, r.topP) ||
        !number("min_p", 0.0, 1.0, r.minP) || !number("repetition_penalty", 0.01, 10.0, r.repetitionPenalty))
        return false;
    if (j.contains("top_k") && !j["top_k"].is_null()) {
        if (!j["top_k"].is_number_integer() || j["top_k"].get<int64_t>() < 0 || j["top_k"].get<int64_t>() > 1000000) {
            err = fieldError("top_k", "must be a non-negative integer");
            return false;
        }
        r.topK = int(j["top_k"].get<int64_t>());
    }
    for (const char* field : {"max_tokens", "max_completion_tokens"}) {
        if (!j.contains(field) || j[field].is_null()) continue;
        if (!j[field].is_number_integer() || j[field].get<int64_t>() < 1 || j[field].get<int64_t>() > limits.maxTokens) {
            err = fieldError(field, "must be an integer from 1 to " + std::to_string(limits.maxTokens));
            return false;
        }
        r.maxTokens = int(j[field].get<int64_t>());
    }
    if (j.contains("seed") && !j["seed"].is_null()) {
        if (!j["seed"].is_number_integer()) {
            err = fieldError("seed", "must be an integer");
            return false;
        }
        r.seed = uint64_t(j["seed"].get<int64_t>());
    }
    if (j.contains("n") && !j["n"].is_null() && !(j["n"].is_number_integer() && j["n"].get<int64_t>() == 1)) {
        err = fieldError("n", "only n = 1 is supported");
        return false;
    }
    if (j.contains("stop") && !j["stop"].is_null()) {
        const auto& s = j["stop"];
        if (s.is_string()) {
            r.stop.push_back(s.get<std::string>());
        } else if (s.is_array() && s.size() <= 4) {
            for (auto& x : s) {
                if (!x.is_string()) {
                    err = fieldError("stop", "must be a string or a list of up to 4 strings");
                    return false;
                }
                r.stop.push_back(x.get<std::string>());
            }
        } else {
            err = fieldError("stop", "must be a string or a list of up to 4 strings");
            return false;
        }
    }
    if (j.contains("stream") && !j["stream"].is_null()) {
        if (!j["stream"].is_boolean()) {
            err = fieldError("stream", "must be a boolean");
            return false;
        }
        r.stream = j["stream"].get<bool>();
    }
    if (j.contains("stream_options") && j["stream_options"].is_object())
        r.includeUsageInStream = j["stream_options"].value("include_usage", false);
    return true;
}

std::optional<nlohmann::json> parseBody(const std::string& body, const ServeLimits& limits, RequestError& err) {
    if (body.size() > limits.maxBodyBytes) {
        err = {413, "", "request body is larger than " + std::to_string(limits.maxBodyBytes) + " bytes",
               "invalid_request_error", "body_too_large"};
        return std::nullopt;
    }
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded()) {
        err = {400, "", "the request body is not valid JSON", "invalid_request_error", "invalid_json"};
        return std::nullopt;
    }
    if (!j.is_object()) {
        err = {400, "", "the request body must be a JSON object", "invalid_request_error", "invalid_json"};
        return std::nullopt;
    }
    return j;
}

}  // namespace

Parsed<ServeRequest> parseCompletionRequest(const std::string& body, const ServeLimits& limits) {
    Parsed<ServeRequest> out;
    auto j = parseBody(body, limits, out.error);
    if (!j) return out;
    ServeRequest r;
    r.kind = RequestKind::Completion;
    r.maxTokens = std::min(limits.defaultMaxTokensCompletion, limits.maxTokens);
    if (!readCommon(*j, r, limits, out.error)) return out;
    if (!j->contains("prompt")) {
        out.error = fieldError("prompt", "required");
        return out;
    }
    const auto& p = (*j)["prompt"];
    if (p.is_string()) {
        r.prompt = p.get<std::string>();
    } else if (p.is_array() && p.size() == 1 && p[0].is_string()) {
        r.prompt = p[0].get<std::string>();
    } else {
        out.error = fieldError("prompt", "must be a string (batched prompts are not supported)");
        return out;
    }
    out.value = std::move(r);
    return out;
}

Parsed<ServeRequest> parseChatRequest(const std::string& body, const ServeLimits& limits) {
    Parsed<ServeRequest> out;
    auto j = parseBody(body, limits, out.error);
    if (!j) return out;
    ServeRequest r;
    r.kind = RequestKind::Chat;
    r.maxTokens = std::min(limits.defaultMaxTokensChat, limits.maxTokens);
    if (!readCommon(*j, r, limits, out.error)) return out;
    if (!j->contains("messages") || !(*j)["messages"].is_array() || (*j)["messages"].empty()) {
        out.error = fieldError("messages", "required, a non-empty list of {role, content}");
        return out;
    }
    nlohmann::ordered_json ordered = nlohmann::ordered_json::parse((*j)["messages"].dump());
    auto messages = chat::chatMessagesFromJson(ordered, "request");
    if (!messages) {
        out.error = fieldError("messages", messages.message());
        return out;
    }
    for (size_t i = 0; i < messages->size(); ++i) {
        const std::string& role = (*messages)[i].role;
        if (role != "system" && role != "user" && role != "assistant" && role != "tool" && role != "developer") {
            out.error = fieldError("messages[" + std::to_string(i) + "].role",
                                   "must be one of system, user, assistant, tool");
            return out;
        }
    }
    r.messages = std::move(*messages);
    out.value = std::move(r);
    return out;
}

nlohmann::json errorBody(const RequestError& e) {
    nlohmann::json err = {{"message", e.message}, {"type", e.type}};
    err["param"] = e.param.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.param);
    err["code"] = e.code.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.code);
    return {{"error", err}};
}

namespace {
nlohmann::json usageJson(const Usage& u) {
    return {{"prompt_tokens", u.promptTokens},
            {"completion_tokens", u.completionTokens},
            {"total_tokens", u.promptTokens + u.completionTokens}};
}
nlohmann::json finishJson(const std::string& reason) {
    return reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(reason);
}
}  // namespace

nlohmann::json completionResponse(const std::string& id, int64_t created, const std::string& model,
                                  const std::string& text, const std::string& finishReason, const Usage& usage) {
    return {{"id", id},
            {"object", "text_completion"},
            {"created", created},
            {"model", model},
            {"choices", {{{"text", text}, {"index", 0}, {"logprobs", nullptr}, {"finish_reason", finishReason}}}},
            {"usage", usageJson(usage)}};
}

nlohmann::json chatResponse(const std::string& id, int64_t created, const std::string& model,
                            const std::string& content, const std::string& finishReason, const Usage& usage) {
    return {{"id", id},
            {"object", "chat.completion"},
            {"created", created},
            {"model", model},
            {"choices",
             {{{"index", 0},
               {"message", {{"role", "assistant"}, {"content", content}}},
               {"logprobs", nullptr},
               {"finish_reason", finishReason}}}},
            {"usage", usageJson(usage)}};
}

nlohmann::json completionChunk(const std::string& id, int64_t created, const std::string& model,
                               const std::string& text, const std::string& finishReason) {
    return {{"id", id},
            {"object", "text_completion"},
            {"created", created},
            {"model", model},
            {"choices",
             {{{"text", text}, {"index", 0}, {"logprobs", nullptr}, {"finish_reason", finishJson(finishReason)}}}}};
}

nlohmann::json chatChunk(const std::string& id, int64_t created, const std::string& model, const std::string& content,
                         const std::string& finishReason, bool roleChunk) {
    nlohmann::json delta = nlohmann::json::object();
    if (roleChunk) delta["role"] = "assistant";
    if (!content.empty() || roleChunk) delta["content"] = content;
    return {{"id", id},
            {"object", "chat.completion.chunk"},
            {"created", created},
            {"model", model},
            {"choices", {{{"index", 0}, {"delta", delta}, {"logprobs", nullptr},
                          {"finish_reason", finishJson(finishReason)}}}}};
}

nlohmann::json usageChunk(const std::string& id, int64_t created, const std::string& model, bool chat,
                          const Usage& usage) {
    return {{"id", id},
            {"object", chat ? "chat.completion.chunk" : "text_completion"},
            {"created", created},
            {"model", model},
            {"choices", nlohmann::json::array()},
            {"usage", usageJson(usage)}};
}

std::string sseEvent(const nlohmann::json& chunk) { return "data: " + chunk.dump() + "\n\n"; }

nlohmann::json modelListResponse(const std::vector<std::pair<std::string, int64_t>>& models) {
    nlohmann::json data = nlohmann::json::array();
    for (auto& [name, created] : models)
        data.push_back({{"id", name}, {"object", "model"}, {"created", created}, {"owned_by", "tunebench"}});
    return {{"object", "list"}, {"data", data}};
}

}  // namespace tb::serve
