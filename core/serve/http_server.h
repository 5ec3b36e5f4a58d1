// The local OpenAI-compatible endpoint over cpp-httplib: routes, API-key auth, per-key rate limits,
// body/prompt/max_tokens limits, server-sent events for stream:true, /health and /metrics. Generation
// goes through the BatchScheduler (one compute thread); HTTP threads only parse, wait and write.
// Binds 127.0.0.1 unless told otherwise.
#pragma once

#include "core/serve/api_keys.h"
#include "core/serve/batch_scheduler.h"
#include "core/serve/model_catalog.h"
#include "core/serve/openai_protocol.h"
#include "core/serve/serve_metrics.h"

#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace tb::serve {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: pick a free port
    ServeLimits limits;
    SchedulerOptions scheduler;
    bool requireApiKey = true;
    double requestTimeoutSeconds = 120.0;
    double ratePerKeyPerSecond = 20.0;  // 0: unlimited
    double rateBurst = 40.0;
    // Connection threads (they only wait; compute is the scheduler's). 0: one per request the scheduler can
    // admit (maxBatch + maxQueue), because cpp-httplib keeps a thread for a keep-alive connection's whole
    // life: with fewer threads than clients, whole connections queue behind others (seen: p99 3.5 s at 32
    // clients with 8 threads).
    int httpThreads = 0;
    std::string chatTemplate;  // empty: the tokenizer's, else the built-in ChatML
};

// Called for every finished request (for sampling to the monitoring log). Must be thread-safe.
struct ServedExchange {
    std::string model;
    std::string route;
    std::string prompt;  // rendered prompt text
    std::string output;
    int promptTokens = 0;
    int completionTokens = 0;
    double latencySeconds = 0.0;
};
using ExchangeObserver = std::function<void(const ServedExchange&)>;

class HttpServer {
public:
    HttpServer(std::shared_ptr<const InferenceModel> model, std::shared_ptr<const Tokenizer> tokenizer,
               std::shared_ptr<ModelCatalog> catalog, std::shared_ptr<ApiKeyStore> keys, ServerOptions options);
    ~HttpServer();

    // Binds and starts serving on a background thread; returns the port.
    Result<int> start();
    void stop();
    int port() const { return m_port; }

    ServeMetrics& metrics() { return m_metrics; }
    BatchScheduler& scheduler() { return *m_scheduler; }
    void setExchangeObserver(ExchangeObserver observer) { m_observer = std::move(observer); }

private:
    void installRoutes();
    std::string renderChat(const ServeRequest& request, std::string& error) const;

    std::shared_ptr<const InferenceModel> m_model;
    std::shared_ptr<const Tokenizer> m_tokenizer;
    std::shared_ptr<ModelCatalog> m_catalog;
    std::shared_ptr<ApiKeyStore> m_keys;
    ServerOptions m_options;
    ServeMetrics m_metrics;
    std::unique_ptr<BatchScheduler> m_scheduler;
    std::unique_ptr<httplib::Server> m_server;
    std::unique_ptr<class RateLimiter> m_rateLimiter;
    ExchangeObserver m_observer;
    std::thread m_thread;
    int m_port = 0;
};

}  // namespace tb::serve
