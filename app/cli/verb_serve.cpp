// `tunebench serve`: the local OpenAI-compatible endpoint over one base model with any number of
// adapters, and `tunebench serve keys create|list|revoke` for its API keys. Runs until interrupted.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/infer/inference_loader.h"
#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "core/serve/http_server.h"
#include "core/serve/sample_log.h"
#include "core/train/peft_adapter.h"
#include "core/workspace/workspace.h"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

namespace {

using tb::cli::Context;

std::atomic<bool> g_stop{false};
void onSignal(int) { g_stop.store(true); }

tb::Result<std::shared_ptr<tb::Workspace>> openWorkspace(const Context& ctx) {
    return tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), true);
}

std::string keysPath(const tb::Workspace& ws) { return ws.root() + "/serve/api_keys.json"; }

struct ServeArgs {
    std::string model;
    std::string group;
    std::vector<std::string> adapters;  // NAME=DIR
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string apiKeyFile;
    bool noAuth = false;
    int maxBatch = 8;
    int maxQueue = 64;
    std::string precision = "f32";
    double sampleRate = 0.01;
    double ratePerKey = 20.0;
};

// Where an adapter to serve comes from: a registered artifact (read in memory, every file's hash verified,
// decrypted when the workspace is encrypted) or a PEFT folder given with --adapter.
struct AdapterSource {
    std::string name;
    std::string artifactSha256;  // set for a registry version
    std::string dir;             // set for --adapter
};

// Adds Approved versions (Production first) of a registry group: base model path and their adapters.
tb::Status addGroupVersions(const tb::Workspace& ws, const std::string& group, std::string& baseModel,
                            std::vector<AdapterSource>& adapters) {
    auto reg = tb::Registry::open(ws.registryPath());
    if (!reg) return reg.error();
    auto versions = (*reg)->versions(group);
    if (!versions) return versions.error();
    for (auto& v : *versions) {
        if (v.approval != "Approved" || (v.stage != "Production" && v.stage != "Staging")) continue;
        if (baseModel.empty()) baseModel = v.baseModel;
        if (v.baseModel != baseModel)
            return tb::inputError(group + " v" + std::to_string(v.version) + " uses base model " + v.baseModel +
                                  ", not " + baseModel + "; one server serves one base");
        if (v.adapterSha256.empty()) continue;
        adapters.push_back({group + "-v" + std::to_string(v.version), v.adapterSha256, {}});
        if (v.stage == "Production") adapters.push_back({group, v.adapterSha256, {}});
    }
    if (baseModel.empty())
        return tb::inputError("group '" + group + "' has no Approved version in Staging or Production to serve");
    return tb::Status::success();
}

void runServe(Context& ctx, const ServeArgs& a) {
    auto ws = openWorkspace(ctx);
    if (!ws) return tb::cli::fail(ctx, ws.error());
    // An encrypted workspace is unlocked first: its adapters and the sample log need the key.
    auto key = tb::cli::unlockWorkspaceForCli((*ws)->root(), ctx.keyFile);
    if (!key) return tb::cli::fail(ctx, key.error());
    std::string baseModel = a.model;
    std::vector<AdapterSource> adapterSources;
    if (!a.group.empty()) {
        auto s = addGroupVersions(**ws, a.group, baseModel, adapterSources);
        if (!s) return tb::cli::fail(ctx, s.error());
    }
    if (baseModel.empty()) return tb::cli::fail(ctx, tb::inputError("give --model PATH or --group NAME"));
    for (auto& spec : a.adapters) {
        auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
            return tb::cli::fail(ctx, tb::inputError("--adapter: expected NAME=DIR, got '" + spec + "'"));
        adapterSources.push_back({spec.substr(0, eq), {}, spec.substr(eq + 1)});
    }
    tb::EngineOptions engine;
    auto precision = tb::parsePrecision(a.precision);
    if (!precision) return tb::cli::fail(ctx, precision.error());
    engine.precision = *precision;
    auto bundle = tb::loadForInference(baseModel, engine);
    if (!bundle) return tb::cli::fail(ctx, bundle.error());
    auto catalog = std::make_shared<tb::serve::ModelCatalog>();
    int64_t now = std::time(nullptr);
    std::string baseName = std::filesystem::path(baseModel).filename().string();
    catalog->add({baseName, nullptr, now});
    tb::ArtifactStore store((*ws)->artifactsDir(), *key);
    const tb::WorkspaceKey* keyPtr = *key ? &**key : nullptr;
    // A registered adapter is read in memory (every file's hash verified, decrypted with the key): no copy.
    auto readRegisteredAdapter = [&store](const std::string& sha256,
                                          const tb::ModelConfig& config) -> tb::Result<tb::LoraAdapter> {
        auto files = store.readFiles(sha256);
        if (!files) return files.error();
        return tb::train::parsePeftAdapterFiles("artifact " + sha256, std::move(*files), &config);
    };
    // By artifact id or "dir:" + folder: a version served under two names, or a folder given twice, loads once.
    std::map<std::string, std::shared_ptr<tb::LoraAdapter>> loadedAdapters;
    for (auto& source : adapterSources) {
        std::shared_ptr<tb::LoraAdapter>& adapter =
            source.dir.empty() ? loadedAdapters[source.artifactSha256] : loadedAdapters["dir:" + source.dir];
        if (!adapter) {
            auto read = source.dir.empty() ? readRegisteredAdapter(source.artifactSha256, bundle->model->config())
                                           : tb::train::readPeftAdapter(source.dir, &bundle->model->config(), keyPtr);
            if (!read) return tb::cli::fail(ctx, read.error());
            adapter = std::make_shared<tb::LoraAdapter>(std::move(*read));
        }
        catalog->add({source.name, adapter, now});
    }
    auto keys = std::make_shared<tb::ApiKeyStore>(a.apiKeyFile.empty() ? keysPath(**ws) : a.apiKeyFile);
    if (auto s = keys->load(); !s) return tb::cli::fail(ctx, s.error());
    tb::serve::ServerOptions opts;
    opts.host = a.host;
    opts.port = a.port;
    opts.requireApiKey = !a.noAuth;
    opts.scheduler.maxBatch = a.maxBatch;
    opts.scheduler.maxQueue = a.maxQueue;
    if (a.ratePerKey < 0) return tb::cli::fail(ctx, tb::inputError("--rate-limit must be 0 (unlimited) or positive"));
    opts.ratePerKeyPerSecond = a.ratePerKey;
    opts.rateBurst = std::max(opts.rateBurst, 2 * a.ratePerKey);
    tb::serve::HttpServer server(bundle->model, bundle->tokenizer, catalog, keys, opts);
    // Monitoring: a share of requests goes to the workspace's sample log (encrypted if the workspace is).
    auto samples = std::make_shared<tb::serve::SampleLog>((*ws)->root() + "/serve/samples.jsonl", a.sampleRate, *key);
    server.setExchangeObserver([samples](const tb::serve::ServedExchange& e) {
        samples->offer({int64_t(std::time(nullptr)), e.model, e.route, e.prompt, e.output, e.promptTokens,
                        e.completionTokens, e.latencySeconds});
    });
    auto port = server.start();
    if (!port) return tb::cli::fail(ctx, port.error());
    nlohmann::json served = nlohmann::json::array();
    std::string names;
    for (auto& m : catalog->list()) {
        served.push_back(m.name);
        names += " " + m.name;
    }
    std::string url = "http://" + a.host + ":" + std::to_string(*port) + "/v1";
    if (ctx.json)
        *ctx.err << nlohmann::json({{"listening", url}, {"models", served}}).dump() << std::endl;
    else
        *ctx.err << "Serving" << names << " at " << url << (a.noAuth ? " (no API key required)" : "")
                 << "\nPress Ctrl+C to stop." << std::endl;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (!g_stop.load()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    server.stop();
    auto snap = server.metrics().snapshot();
    tb::cli::succeed(ctx, {{"ok", true}, {"url", url}, {"requests", snap.requestsTotal}, {"tokens_out", snap.tokensOut}},
                     "stopped after " + std::to_string(snap.requestsTotal) + " requests");
}

tb::cli::VerbRegistrar serve("serve", "Serve a base model and adapters on a local OpenAI-compatible endpoint",
                             [](CLI::App& verb, Context& ctx) {
    auto a = std::make_shared<ServeArgs>();
    verb.add_option("--model", a->model, "Base model: Hugging Face folder or .gguf");
    verb.add_option("--group", a->group, "Serve the Approved Staging/Production versions of this registry group");
    verb.add_option("--adapter", a->adapters, "NAME=DIR: serve a PEFT adapter folder under NAME (repeatable)");
    verb.add_option("--host", a->host, "Address to bind (default 127.0.0.1: this machine only)");
    verb.add_option("--port", a->port, "Port (default 8080; 0 picks a free one)");
    verb.add_option("--api-key-file", a->apiKeyFile, "API key store (default: the workspace's serve/api_keys.json)");
    verb.add_flag("--no-auth", a->noAuth, "Accept requests without an API key (not recommended)");
    verb.add_option("--max-batch", a->maxBatch, "Sequences decoded together (default 8)");
    verb.add_option("--max-queue", a->maxQueue, "Waiting requests before 429 (default 64)");
    verb.add_option("--rate-limit", a->ratePerKey, "Requests per second per API key before 429 (default 20; 0: unlimited)");
    verb.add_option("--precision", a->precision, "Weights in memory: f32 or bf16");
    verb.add_option("--sample-rate", a->sampleRate, "Share of requests sampled to the monitoring log (default 0.01)")
        ->check(CLI::Range(0.0, 1.0));
    verb.callback([&ctx, a, &verb] {
        if (verb.got_subcommand("keys") || verb.got_subcommand("drift")) return;
        runServe(ctx, *a);
    });
});

tb::cli::VerbRegistrar keysGroup("serve keys", "Create, list and revoke API keys for the endpoint", nullptr);

tb::cli::VerbRegistrar keysCreate("serve keys create", "Create an API key (printed once; stored hashed)",
                                  [](CLI::App& verb, Context& ctx) {
    auto name = std::make_shared<std::string>();
    verb.add_option("NAME", *name, "What the key is for")->required();
    verb.callback([&ctx, name] {
        auto ws = openWorkspace(ctx);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        tb::ApiKeyStore store(keysPath(**ws));
        if (auto s = store.load(); !s) return tb::cli::fail(ctx, s.error());
        auto k = store.create(*name);
        if (!k) return tb::cli::fail(ctx, k.error());
        tb::cli::succeed(ctx, {{"ok", true}, {"id", k->info.id}, {"name", k->info.name}, {"key", k->secret}},
                         "API key " + k->info.id + " (" + k->info.name + "):\n  " + k->secret +
                             "\nStore it now: it is not shown again.");
    });
});

tb::cli::VerbRegistrar keysList("serve keys list", "List API keys (never their secrets)", [](CLI::App& verb,
                                                                                             Context& ctx) {
    verb.callback([&ctx] {
        auto ws = openWorkspace(ctx);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        tb::ApiKeyStore store(keysPath(**ws));
        if (auto s = store.load(); !s) return tb::cli::fail(ctx, s.error());
        nlohmann::json arr = nlohmann::json::array();
        std::string text;
        for (auto& k : store.list()) {
            arr.push_back({{"id", k.id}, {"name", k.name}, {"created_at", k.createdAt}, {"revoked", k.revoked}});
            text += k.id + "  " + k.name + "  " + k.createdAt + (k.revoked ? "  revoked" : "") + "\n";
        }
        if (text.empty()) text = "No API keys. Create one with: tunebench serve keys create NAME\n";
        tb::cli::succeed(ctx, {{"ok", true}, {"keys", arr}}, text);
    });
});

tb::cli::VerbRegistrar keysRevoke("serve keys revoke", "Revoke an API key by id or name", [](CLI::App& verb,
                                                                                             Context& ctx) {
    auto id = std::make_shared<std::string>();
    verb.add_option("ID_OR_NAME", *id, "Key id or name")->required();
    verb.callback([&ctx, id] {
        auto ws = openWorkspace(ctx);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        tb::ApiKeyStore store(keysPath(**ws));
        if (auto s = store.load(); !s) return tb::cli::fail(ctx, s.error());
        if (auto s = store.revoke(*id); !s) return tb::cli::fail(ctx, s.error());
        tb::cli::succeed(ctx, {{"ok", true}, {"revoked", *id}}, "revoked " + *id);
    });
});

}  // namespace
