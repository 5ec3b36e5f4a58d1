#include "core/serve/http_server.h"

#include "core/serve/rate_limiter.h"

#include <algorithm>
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <cstring>
#include <mutex>
#include <openssl/rand.h>

namespace tb::serve {

namespace {

using Clock = std::chrono::steady_clock;

int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string requestId(const char* prefix) {
    unsigned char b[12];
    RAND_bytes(b, sizeof b);
    static const char* hex = "0123456789abcdef";
    std::string id = prefix;
    for (unsigned char c : b) id += hex[c >> 4], id += hex[c & 15];
    return id;
}

void sendError(httplib::Response& res, const RequestError& e) {
    res.status = e.status;
    res.set_content(errorBody(e).dump(), "application/json");
}

std::string finishReasonFor(const SequenceResult& r) {
    return r.finishReason == "length" ? "length" : "stop";
}

// Text pieces flowing from the scheduler thread to the HTTP thread that streams them.
struct StreamChannel {
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<std::string> pieces;
    bool done = false;
    SequenceResult result;
};

}  // namespace

HttpServer::HttpServer(std::shared_ptr<const InferenceModel> model, std::shared_ptr<const Tokenizer> tokenizer,
                       std::shared_ptr<ModelCatalog> catalog, std::shared_ptr<ApiKeyStore> keys,
                       ServerOptions options)
    : m_model(std::move(model)),
      m_tokenizer(std::move(tokenizer)),
      m_catalog(std::move(catalog)),
      m_keys(std::move(keys)),
      m_options(std::move(options)) {
    m_scheduler = std::make_unique<BatchScheduler>(m_model, m_tokenizer, m_options.scheduler);
    m_rateLimiter = std::make_unique<RateLimiter>(m_options.ratePerKeyPerSecond, m_options.rateBurst);
}

HttpServer::~HttpServer() { stop(); }

std::string HttpServer::renderChat(const ServeRequest& request, std::string& error) const {
    std::string templateText = m_options.chatTemplate;
    if (templateText.empty()) templateText = m_tokenizer->chatTemplate();
    if (templateText.empty()) {
        if (auto* builtin = chat::findBuiltinChatTemplate("chatml")) templateText = builtin->text;
    }
    chat::ChatTemplateInput in;
    in.messages = request.messages;
    in.addGenerationPrompt = true;
    in.bosToken = m_tokenizer->bosToken();
    in.eosToken = m_tokenizer->eosToken();
    auto text = chat::renderChatTemplate(templateText, in);
    if (!text) {
        error = text.message();
        return {};
    }
    return *text;
}

void HttpServer::installRoutes() {
    auto& srv = *m_server;
    srv.set_payload_max_length(m_options.limits.maxBodyBytes);
    const int threads = m_options.httpThreads > 0 ? m_options.httpThreads
                                                  : std::max(8, m_options.scheduler.maxBatch + m_options.scheduler.maxQueue);
    srv.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };

    // Authentication and rate limiting for everything but /health. Returns false after answering.
    auto admit = [this](const httplib::Request& req, httplib::Response& res, std::string& keyId) -> bool {
        if (m_options.requireApiKey) {
            std::string auth = req.get_header_value("Authorization");
            const std::string bearer = "Bearer ";
            std::optional<std::string> id;
            if (auth.rfind(bearer, 0) == 0 && m_keys) id = m_keys->authenticate(auth.substr(bearer.size()));
            if (!id) {
                sendError(res, {401, "", "missing or invalid API key (send 'Authorization: Bearer <key>')",
                                "invalid_request_error", "invalid_api_key"});
                return false;
            }
            keyId = *id;
        } else {
            keyId = "anonymous";
        }
        double wait = m_rateLimiter->acquire(keyId);
        if (wait > 0) {
            res.set_header("Retry-After", std::to_string(int(wait) + 1));
            sendError(res, {429, "", "rate limit reached for this API key; retry later", "rate_limit_error",
                            "rate_limit_exceeded"});
            return false;
        }
        return true;
    };

    srv.Get("/health", [this](const httplib::Request&, httplib::Response& res) {
        nlohmann::json j = {{"status", "ok"},
                            {"models", m_catalog->list().size()},
                            {"running", m_scheduler->running()},
                            {"queued", m_scheduler->queueDepth()}};
        res.set_content(j.dump(), "application/json");
    });

    srv.Get("/metrics", [this, admit](const httplib::Request& req, httplib::Response& res) {
        std::string key;
        if (!admit(req, res, key)) return;
        m_metrics.setQueueDepth(m_scheduler->queueDepth());
        res.set_content(m_metrics.prometheusText(), "text/plain; version=0.0.4");
    });

    srv.Get("/v1/models", [this, admit](const httplib::Request& req, httplib::Response& res) {
        auto t0 = Clock::now();
        m_metrics.requestStarted();
        std::string key;
        if (admit(req, res, key)) {
            std::vector<std::pair<std::string, int64_t>> models;
            for (auto& m : m_catalog->list()) models.emplace_back(m.name, m.created);
            res.status = 200;  // httplib leaves -1 until the handler returns; metrics read it here
            res.set_content(modelListResponse(models).dump(), "application/json");
        }
        m_metrics.requestFinished("/v1/models", "", res.status, std::chrono::duration<double>(Clock::now() - t0).count(),
                                  0, 0);
    });

    auto generateRoute = [this, admit](RequestKind kind) {
        return [this, admit, kind](const httplib::Request& req, httplib::Response& res) {
            const std::string route = kind == RequestKind::Chat ? "/v1/chat/completions" : "/v1/completions";
            auto t0 = Clock::now();
            m_metrics.requestStarted();
            auto finishMetrics = [this, route, t0](const std::string& model, int status, int in, int out) {
                m_metrics.requestFinished(route, model, status, std::chrono::duration<double>(Clock::now() - t0).count(),
                                          in, out);
            };
            std::string key;
            if (!admit(req, res, key)) return finishMetrics("", res.status, 0, 0);
            auto parsed = kind == RequestKind::Chat ? parseChatRequest(req.body, m_options.limits)
                                                    : parseCompletionRequest(req.body, m_options.limits);
            if (!parsed.ok()) {
                sendError(res, parsed.error);
                return finishMetrics("", res.status, 0, 0);
            }
            ServeRequest r = std::move(*parsed.value);
            auto served = m_catalog->find(r.model);
            if (!served) {
                sendError(res, {404, "model", "the model '" + r.model + "' does not exist (see GET /v1/models)",
                                "invalid_request_error", "model_not_found"});
                return finishMetrics(r.model, res.status, 0, 0);
            }
            std::string promptText;
            std::vector<int> ids;
            if (kind == RequestKind::Chat) {
                std::string error;
                promptText = renderChat(r, error);
                if (!error.empty()) {
                    sendError(res, {400, "messages", "messages: the chat template failed: " + error, "invalid_request_error", ""});
                    return finishMetrics(r.model, res.status, 0, 0);
                }
                ids = m_tokenizer->encode(promptText, false, true);
            } else {
                promptText = r.prompt;
                ids = m_tokenizer->encode(promptText, true);
            }
            if (int(ids.size()) > m_options.limits.maxPromptTokens) {
                sendError(res, {400, kind == RequestKind::Chat ? "messages" : "prompt",
                                std::string(kind == RequestKind::Chat ? "messages" : "prompt") + ": " +
                                    std::to_string(ids.size()) + " tokens, over the limit of " +
                                    std::to_string(m_options.limits.maxPromptTokens),
                                "invalid_request_error", ""});
                return finishMetrics(r.model, res.status, 0, 0);
            }
            auto seq = std::make_shared<SequenceRequest>();
            seq->promptIds = std::move(ids);
            seq->maxTokens = r.maxTokens;
            seq->replyOnly = kind == RequestKind::Chat;
            seq->sampling.temperature = r.temperature;
            seq->sampling.topP = r.topP;
            seq->sampling.topK = r.topK;
            seq->sampling.minP = r.minP;
            seq->sampling.repetitionPenalty = r.repetitionPenalty;
            unsigned char seedBytes[8];
            uint64_t randomSeed = 0;
            if (RAND_bytes(seedBytes, 8) == 1) std::memcpy(&randomSeed, seedBytes, 8);
            seq->sampling.seed = r.seed.value_or(randomSeed);
            seq->stop = r.stop;
            seq->eosIds = m_tokenizer->eosIds();
            if (seq->eosIds.empty()) seq->eosIds = m_model->config().eosTokenIds;
            seq->adapter = served->adapter;
            seq->deadline = Clock::now() + std::chrono::milliseconds(int64_t(m_options.requestTimeoutSeconds * 1000));
            const std::string id = requestId(kind == RequestKind::Chat ? "chatcmpl-" : "cmpl-");
            const int64_t created = unixNow();
            const bool chat = kind == RequestKind::Chat;
            auto channel = std::make_shared<StreamChannel>();
            seq->onText = [channel](const std::string& piece) {
                std::lock_guard lock(channel->mutex);
                channel->pieces.push_back(piece);
                channel->cv.notify_one();
            };
            seq->onDone = [channel](const SequenceResult& result) {
                std::lock_guard lock(channel->mutex);
                channel->result = result;
                channel->done = true;
                channel->cv.notify_one();
            };
            auto cancelled = seq->cancelled;
            if (!m_scheduler->submit(seq)) {
                res.set_header("Retry-After", "1");
                sendError(res, {429, "", "the server is busy (queue full); retry shortly", "server_busy",
                                "queue_full"});
                return finishMetrics(r.model, res.status, 0, 0);
            }
            m_metrics.setQueueDepth(m_scheduler->queueDepth());
            ServedExchange exchange{r.model, route, promptText, "", int(seq->promptIds.size()), 0, 0.0};

            if (!r.stream) {
                std::unique_lock lock(channel->mutex);
                channel->cv.wait(lock, [&] { return channel->done; });
                const SequenceResult& result = channel->result;
                lock.unlock();
                if (result.finishReason == "error") {
                    sendError(res, {400, "", result.error, "invalid_request_error", ""});
                } else if (result.finishReason == "timeout") {
                    sendError(res, {504, "", "the request timed out after " +
                                                 std::to_string(int(m_options.requestTimeoutSeconds)) + " s",
                                    "timeout", "timeout"});
                } else {
                    // httplib leaves status at -1 until the handler returns: set it, or the sample log
                    // (which takes only 200s) and the metrics would never see a success.
                    res.status = 200;
                    Usage usage{result.promptTokens, int(result.tokens.size())};
                    auto body = chat ? chatResponse(id, created, r.model, result.text, finishReasonFor(result), usage)
                                     : completionResponse(id, created, r.model, result.text, finishReasonFor(result),
                                                          usage);
                    res.set_content(body.dump(), "application/json");
                }
                exchange.output = result.text;
                exchange.completionTokens = int(result.tokens.size());
                exchange.latencySeconds = std::chrono::duration<double>(Clock::now() - t0).count();
                if (m_observer && res.status == 200) m_observer(exchange);
                return finishMetrics(r.model, res.status, exchange.promptTokens, exchange.completionTokens);
            }

            // Streaming: server-sent events, one chunk per text piece, then the finish chunk and [DONE].
            auto roleSent = std::make_shared<bool>(false);
            res.set_header("Cache-Control", "no-cache");
            res.set_chunked_content_provider(
                "text/event-stream",
                [channel, cancelled, id, created, model = r.model, chat, roleSent,
                 includeUsage = r.includeUsageInStream](size_t, httplib::DataSink& sink) -> bool {
                    std::unique_lock lock(channel->mutex);
                    channel->cv.wait_for(lock, std::chrono::milliseconds(200),
                                         [&] { return channel->done || !channel->pieces.empty(); });
                    std::deque<std::string> pieces;
                    pieces.swap(channel->pieces);
                    bool done = channel->done;
                    SequenceResult result = channel->result;
                    lock.unlock();
                    auto write = [&](const std::string& s) {
                        if (!sink.is_writable() || !sink.write(s.data(), s.size())) {
                            cancelled->store(true);  // the client went away: stop generating
                            return false;
                        }
                        return true;
                    };
                    if (chat && !*roleSent) {
                        *roleSent = true;
                        if (!write(sseEvent(chatChunk(id, created, model, "", "", true)))) return false;
                    }
                    for (auto& p : pieces) {
                        auto chunk = chat ? chatChunk(id, created, model, p, "", false)
                                          : completionChunk(id, created, model, p, "");
                        if (!write(sseEvent(chunk))) return false;
                    }
                    if (!done) {
                        // A comment line keeps a quiet stream (long prefill) checking that the client is there.
                        if (pieces.empty()) return write(": keep-alive\n\n");
                        return true;
                    }
                    if (result.finishReason == "error" || result.finishReason == "timeout") {
                        RequestError e{result.finishReason == "timeout" ? 504 : 400, "",
                                       result.finishReason == "timeout" ? "the request timed out" : result.error,
                                       "invalid_request_error", ""};
                        write("data: " + errorBody(e).dump() + "\n\n");
                    } else {
                        auto last = chat ? chatChunk(id, created, model, "", finishReasonFor(result), false)
                                         : completionChunk(id, created, model, "", finishReasonFor(result));
                        if (!write(sseEvent(last))) return false;
                        if (includeUsage &&
                            !write(sseEvent(usageChunk(id, created, model, chat,
                                                       {result.promptTokens, int(result.tokens.size())}))))
                            return false;
                    }
                    write(sseDone());
                    sink.done();
                    return true;
                },
                [this, channel, cancelled, exchange, finishMetrics, t0](bool success) mutable {
                    if (!success) cancelled->store(true);
                    std::unique_lock lock(channel->mutex);
                    channel->cv.wait_for(lock, std::chrono::seconds(30), [&] { return channel->done; });
                    exchange.output = channel->result.text;
                    exchange.completionTokens = int(channel->result.tokens.size());
                    lock.unlock();
                    exchange.latencySeconds = std::chrono::duration<double>(Clock::now() - t0).count();
                    if (m_observer && success) m_observer(exchange);
                    finishMetrics(exchange.model, success ? 200 : 499, exchange.promptTokens,
                                  exchange.completionTokens);
                });
        };
    };
    srv.Post("/v1/completions", generateRoute(RequestKind::Completion));
    srv.Post("/v1/chat/completions", generateRoute(RequestKind::Chat));
    srv.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 404)
            sendError(res, {404, "", "no route " + req.method + " " + req.path, "invalid_request_error", "not_found"});
        else if (res.status == 413)
            sendError(res, {413, "", "request body too large", "invalid_request_error", "body_too_large"});
    });
}

Result<int> HttpServer::start() {
    if (m_server) return inputError("the server is already running");
    if (m_options.requireApiKey && (!m_keys || m_keys->empty()))
        return inputError("no API key exists: create one with 'tunebench serve keys create NAME' (or allow "
                          "unauthenticated access explicitly)");
    m_server = std::make_unique<httplib::Server>();
    installRoutes();
    if (m_options.port == 0) {
        m_port = m_server->bind_to_any_port(m_options.host.c_str());
        if (m_port <= 0) {
            m_server.reset();
            return inputError("cannot bind " + m_options.host);
        }
    } else {
        if (!m_server->bind_to_port(m_options.host.c_str(), m_options.port)) {
            m_server.reset();
            return inputError("cannot listen on " + m_options.host + ":" + std::to_string(m_options.port) +
                              " (in use, or not an address of this machine)");
        }
        m_port = m_options.port;
    }
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    return m_port;
}

void HttpServer::stop() {
    if (m_server) m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
}

}  // namespace tb::serve
