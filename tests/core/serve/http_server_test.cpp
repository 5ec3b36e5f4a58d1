// The endpoint on a loopback port, exercised through a real HTTP client: every route, auth, limits,
// streaming, an unknown model, adapters added and removed live, batching and a client disconnect.
#include "core/infer/random_weights.h"
#include "core/serve/http_server.h"
#include "core/tokenizer/tokenizer_loader.h"

#include <httplib.h>

#include <filesystem>
#include <future>
#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

using namespace tb::serve;
using tb::ApiKeyStore;

namespace {

tb::ModelConfig tinyConfig() {
    tb::ModelConfig c;
    c.hiddenSize = 64;
    c.numLayers = 2;
    c.numHeads = 8;
    c.numKvHeads = 4;
    c.headDim = 8;
    c.intermediateSize = 172;
    c.vocabSize = 512;
    c.maxPositions = 512;
    c.tiedEmbeddings = true;
    c.bosTokenId = 1;
    c.eosTokenIds = {2};
    return c;
}

struct Env {
    std::shared_ptr<const tb::InferenceModel> model;
    std::shared_ptr<const tb::Tokenizer> tokenizer;
    std::shared_ptr<ApiKeyStore> keys;
    std::string secret;
    std::filesystem::path dir;
};

Env& env() {
    static Env e = [] {
        Env e;
        auto weights = std::make_shared<tb::ModelWeights>(tb::randomModelWeights(tinyConfig(), 42, 0.2f));
        auto model = tb::InferenceModel::create(weights);
        EXPECT_TRUE(model.ok());
        e.model = *model;
        auto tok = tb::loadTokenizer(std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/hf");
        EXPECT_TRUE(tok.ok()) << tok.message();
        e.tokenizer = *tok;
        e.dir = std::filesystem::temp_directory_path() / ("tb_serve_" + std::to_string(::getpid()));
        std::filesystem::create_directories(e.dir);
        e.keys = std::make_shared<ApiKeyStore>((e.dir / "keys.json").string());
        auto k = e.keys->create("test");
        EXPECT_TRUE(k.ok());
        e.secret = k->secret;
        return e;
    }();
    return e;
}

std::shared_ptr<tb::LoraAdapter> randomAdapter() {
    auto a = std::make_shared<tb::LoraAdapter>();
    a->rank = 4;
    a->alpha = 8;
    a->targets = {"q", "v"};
    for (int l = 0; l < 2; ++l) {
        a->modules[tb::LoraAdapter::key(l, "q")] = {tb::Matrix::Random(4, 64), tb::Matrix::Random(64, 4)};
        a->modules[tb::LoraAdapter::key(l, "v")] = {tb::Matrix::Random(4, 64), tb::Matrix::Random(32, 4)};
    }
    return a;
}

class ServerFixture : public ::testing::Test {
protected:
    void startServer(ServerOptions opts = {}) {
        opts.port = 0;
        catalog = std::make_shared<ModelCatalog>();
        catalog->add({"base", nullptr, 1});
        catalog->add({"tuned", randomAdapter(), 2});
        server = std::make_unique<HttpServer>(env().model, env().tokenizer, catalog, env().keys, opts);
        auto port = server->start();
        ASSERT_TRUE(port.ok()) << port.message();
        client = std::make_unique<httplib::Client>("127.0.0.1", *port);
        client->set_read_timeout(60, 0);
        auth = {{"Authorization", "Bearer " + env().secret}};
    }
    void TearDown() override {
        client.reset();
        if (server) server->stop();
    }
    httplib::Result post(const std::string& path, const nlohmann::json& body) {
        return client->Post(path.c_str(), auth, body.dump(), "application/json");
    }
    std::shared_ptr<ModelCatalog> catalog;
    std::unique_ptr<HttpServer> server;
    std::unique_ptr<httplib::Client> client;
    httplib::Headers auth;
};

}  // namespace

TEST_F(ServerFixture, HealthModelsAndAuth) {
    startServer();
    auto health = client->Get("/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    auto noKey = client->Get("/v1/models");
    ASSERT_TRUE(noKey);
    EXPECT_EQ(noKey->status, 401);
    EXPECT_EQ(nlohmann::json::parse(noKey->body)["error"]["code"], "invalid_api_key");
    auto badKey = client->Get("/v1/models", {{"Authorization", "Bearer tb-nope"}});
    EXPECT_EQ(badKey->status, 401);
    auto models = client->Get("/v1/models", auth);
    ASSERT_EQ(models->status, 200);
    auto j = nlohmann::json::parse(models->body);
    EXPECT_EQ(j["object"], "list");
    ASSERT_EQ(j["data"].size(), 2u);
    EXPECT_EQ(j["data"][1]["id"], "tuned");
    auto metrics = client->Get("/metrics", auth);
    ASSERT_EQ(metrics->status, 200);
    EXPECT_NE(metrics->body.find("tunebench_requests_total"), std::string::npos);
}

TEST_F(ServerFixture, CompletionAndChatShapes) {
    startServer();
    auto r = post("/v1/completions", {{"model", "base"}, {"prompt", "Once upon a time"}, {"max_tokens", 8},
                                      {"temperature", 0}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    auto j = nlohmann::json::parse(r->body);
    EXPECT_EQ(j["object"], "text_completion");
    EXPECT_EQ(j["model"], "base");
    EXPECT_TRUE(j["choices"][0]["text"].is_string());
    EXPECT_GT(j["usage"]["prompt_tokens"].get<int>(), 1);
    EXPECT_LE(j["usage"]["completion_tokens"].get<int>(), 8);
    // Greedy is deterministic: the same request gives the same text.
    auto again = post("/v1/completions", {{"model", "base"}, {"prompt", "Once upon a time"}, {"max_tokens", 8},
                                          {"temperature", 0}});
    EXPECT_EQ(nlohmann::json::parse(again->body)["choices"][0]["text"], j["choices"][0]["text"]);
    // The adapter changes the output of the same base.
    auto tuned = post("/v1/completions", {{"model", "tuned"}, {"prompt", "Once upon a time"}, {"max_tokens", 8},
                                          {"temperature", 0}});
    ASSERT_EQ(tuned->status, 200);
    auto chat = post("/v1/chat/completions",
                     {{"model", "tuned"}, {"messages", {{{"role", "user"}, {"content", "Hello"}}}}, {"max_tokens", 4}});
    ASSERT_EQ(chat->status, 200) << chat->body;
    auto c = nlohmann::json::parse(chat->body);
    EXPECT_EQ(c["object"], "chat.completion");
    EXPECT_EQ(c["choices"][0]["message"]["role"], "assistant");
    EXPECT_TRUE(c["choices"][0]["finish_reason"] == "stop" || c["choices"][0]["finish_reason"] == "length");
}

TEST_F(ServerFixture, StreamingServerSentEvents) {
    startServer();
    auto r = post("/v1/chat/completions", {{"model", "base"},
                                           {"messages", {{{"role", "user"}, {"content", "Hi"}}}},
                                           {"max_tokens", 6},
                                           {"stream", true},
                                           {"stream_options", {{"include_usage", true}}}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->get_header_value("Content-Type").find("text/event-stream"), std::string::npos);
    std::istringstream lines(r->body);
    std::string line, text;
    int chunks = 0;
    bool sawDone = false, sawFinish = false, sawUsage = false;
    while (std::getline(lines, line)) {
        if (line.rfind("data: ", 0) != 0) continue;
        std::string payload = line.substr(6);
        if (payload == "[DONE]") {
            sawDone = true;
            continue;
        }
        auto j = nlohmann::json::parse(payload);
        EXPECT_EQ(j["object"], "chat.completion.chunk");
        ++chunks;
        if (j.contains("usage")) sawUsage = true;
        if (!j["choices"].empty() && !j["choices"][0]["finish_reason"].is_null()) sawFinish = true;
        if (!j["choices"].empty() && j["choices"][0]["delta"].contains("content"))
            text += j["choices"][0]["delta"]["content"].get<std::string>();
    }
    EXPECT_TRUE(sawDone);
    EXPECT_TRUE(sawFinish);
    EXPECT_TRUE(sawUsage);
    EXPECT_GE(chunks, 2);
}

TEST_F(ServerFixture, ErrorsAndLimits) {
    ServerOptions opts;
    opts.limits.maxPromptTokens = 20;
    opts.limits.maxBodyBytes = 4096;
    startServer(opts);
    auto unknown = post("/v1/completions", {{"model", "nope"}, {"prompt", "x"}});
    ASSERT_EQ(unknown->status, 404);
    auto e = nlohmann::json::parse(unknown->body)["error"];
    EXPECT_EQ(e["code"], "model_not_found");
    EXPECT_EQ(e["param"], "model");
    auto badJson = client->Post("/v1/completions", auth, "{oops", "application/json");
    EXPECT_EQ(badJson->status, 400);
    auto badField = post("/v1/completions", {{"model", "base"}, {"prompt", "x"}, {"max_tokens", -3}});
    ASSERT_EQ(badField->status, 400);
    EXPECT_EQ(nlohmann::json::parse(badField->body)["error"]["param"], "max_tokens");
    auto longPrompt = post("/v1/completions", {{"model", "base"}, {"prompt", std::string(300, 'a') + " b c d e f g"}});
    ASSERT_EQ(longPrompt->status, 400);
    EXPECT_NE(longPrompt->body.find("over the limit"), std::string::npos);
    auto huge = post("/v1/completions", {{"model", "base"}, {"prompt", std::string(10000, 'a')}});
    EXPECT_EQ(huge->status, 413);
    auto noRoute = client->Get("/v2/nothing", auth);
    EXPECT_EQ(noRoute->status, 404);
}

TEST_F(ServerFixture, AdaptersAddedAndRemovedWithoutRestart) {
    startServer();
    catalog->add({"hotfix", randomAdapter(), 3});
    auto models = nlohmann::json::parse(client->Get("/v1/models", auth)->body);
    EXPECT_EQ(models["data"].size(), 3u);
    auto ok = post("/v1/completions", {{"model", "hotfix"}, {"prompt", "a"}, {"max_tokens", 2}});
    EXPECT_EQ(ok->status, 200);
    catalog->remove("hotfix");
    auto gone = post("/v1/completions", {{"model", "hotfix"}, {"prompt", "a"}, {"max_tokens", 2}});
    EXPECT_EQ(gone->status, 404);
}

TEST_F(ServerFixture, ConcurrentRequestsShareBatches) {
    startServer();
    std::vector<std::future<int>> results;
    for (int i = 0; i < 6; ++i)
        results.push_back(std::async(std::launch::async, [&, i] {
            httplib::Client c("127.0.0.1", server->port());
            c.set_read_timeout(60, 0);
            nlohmann::json body = {{"model", i % 2 ? "tuned" : "base"}, {"prompt", "The little dog"},
                                   {"max_tokens", 24}, {"temperature", 0.8}, {"seed", i}};
            auto r = c.Post("/v1/completions", auth, body.dump(), "application/json");
            return r ? r->status : -1;
        }));
    for (auto& f : results) EXPECT_EQ(f.get(), 200);
    EXPECT_GT(server->scheduler().maxObservedBatch(), 1) << "concurrent requests were decoded together";
}

TEST_F(ServerFixture, QueueFullAndRateLimitGive429) {
    ServerOptions opts;
    opts.scheduler.maxQueue = 0;
    startServer(opts);
    auto busy = post("/v1/completions", {{"model", "base"}, {"prompt", "x"}});
    ASSERT_EQ(busy->status, 429);
    EXPECT_EQ(busy->get_header_value("Retry-After"), "1");
    server->stop();
    ServerOptions limited;
    limited.ratePerKeyPerSecond = 0.01;
    limited.rateBurst = 1;
    startServer(limited);
    EXPECT_EQ(client->Get("/v1/models", auth)->status, 200);
    auto slow = client->Get("/v1/models", auth);
    ASSERT_EQ(slow->status, 429);
    EXPECT_FALSE(slow->get_header_value("Retry-After").empty());
}

TEST_F(ServerFixture, ClientDisconnectStopsGeneration) {
    ServerOptions opts;
    opts.limits.maxTokens = 400;
    startServer(opts);
    nlohmann::json body = {{"model", "base"}, {"prompt", "Once"}, {"max_tokens", 400}, {"stream", true},
                           {"temperature", 1.0}, {"seed", 1}};
    httplib::Request req;
    req.method = "POST";
    req.path = "/v1/completions";
    req.headers = auth;
    req.body = body.dump();
    req.set_header("Content-Type", "application/json");
    int received = 0;
    req.content_receiver = [&](const char*, size_t, uint64_t, uint64_t) { return ++received < 2; };
    client->send(req);  // returns once the receiver refuses more data and the client closes
    client.reset();
    for (int i = 0; i < 100 && server->scheduler().running() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(server->scheduler().running(), 0);
    EXPECT_EQ(server->scheduler().cancelledSequences(), 1) << "ended because the client left, not by EOS";
    EXPECT_LT(server->scheduler().decodedTokens(), 390) << "generation stopped early";
}

TEST(ServerStart, RefusesWithoutKeysAndBindsLoopback) {
    auto catalog = std::make_shared<ModelCatalog>();
    auto noKeys = std::make_shared<ApiKeyStore>((env().dir / "none.json").string());
    HttpServer s(env().model, env().tokenizer, catalog, noKeys, {});
    auto r = s.start();
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("keys create"), std::string::npos);
    EXPECT_EQ(ServerOptions{}.host, "127.0.0.1");
}
