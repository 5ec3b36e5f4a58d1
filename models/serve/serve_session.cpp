#include "models/serve/serve_session.h"

#include "core/infer/inference_loader.h"
#include "core/registry/artifact_store.h"
#include "core/registry/workspace_crypto.h"
#include "core/serve/http_server.h"
#include "core/serve/sample_log.h"
#include "core/train/peft_adapter.h"
#include "models/job_manager.h"

#include <QDir>

#include <ctime>

namespace tb::models {

namespace {

// Reads a registered adapter from the artifact store (every file's hash verified, decrypted with the
// workspace key when the store is encrypted) and parses it against the base in memory: no copy of the
// adapter is written anywhere, so an encrypted workspace keeps no plaintext adapter on disk.
tb::Result<std::shared_ptr<const tb::LoraAdapter>> loadAdapter(const std::string& root, const tb::WorkspaceKey* key,
                                                               const std::string& sha256,
                                                               const tb::ModelConfig& config) {
    std::optional<tb::WorkspaceKey> storeKey;
    if (key) storeKey = *key;
    tb::ArtifactStore store(root + "/artifacts", std::move(storeKey));
    auto files = store.readFiles(sha256);
    if (!files) return files.error();
    auto adapter = tb::train::parsePeftAdapterFiles("adapter " + sha256.substr(0, 12), std::move(*files), &config);
    if (!adapter) return adapter.error();
    return std::shared_ptr<const tb::LoraAdapter>(std::make_shared<tb::LoraAdapter>(std::move(*adapter)));
}

}  // namespace

ServeSession::ServeSession(JobManager* jobs, const QString& workspaceRoot, std::shared_ptr<const tb::WorkspaceKey> key,
                           QObject* parent)
    : QObject(parent), m_jobs(jobs), m_root(workspaceRoot), m_key(std::move(key)) {
    m_keys = std::make_shared<tb::ApiKeyStore>(keysPath().toStdString());
    if (auto s = m_keys->load(); !s) m_keysError = QString::fromStdString(s.message());
}

ServeSession::~ServeSession() {
    // The page is going away: stop serving here and now (joins the server thread).
    if (m_server) m_server->stop();
}

QString ServeSession::keysPath() const { return QDir(m_root).filePath(QStringLiteral("serve/api_keys.json")); }
QString ServeSession::samplesPath() const { return QDir(m_root).filePath(QStringLiteral("serve/samples.jsonl")); }

QString ServeSession::url() const {
    return m_state == State::Running ? QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port) : QString();
}

QStringList ServeSession::servedNames() const {
    QStringList names;
    if (m_catalog)
        for (const auto& m : m_catalog->list()) names << QString::fromStdString(m.name);
    return names;
}

std::optional<tb::serve::ServeMetrics::Snapshot> ServeSession::metrics() const {
    if (!m_server || m_state != State::Running) return std::nullopt;
    return m_server->metrics().snapshot();
}

void ServeSession::setState(State state) {
    if (m_state == state) return;
    m_state = state;
    emit stateChanged(state);
}

void ServeSession::start(const ServeStartOptions& o) {
    if (m_state != State::Stopped || !m_jobs) return;
    if (!m_key && tb::workspaceIsEncrypted(m_root.toStdString())) {
        emit startFailed(tr("This workspace is encrypted and was not unlocked: reopen it with its passphrase or key "
                            "file to serve its adapters (they are decrypted in memory only)."));
        return;
    }
    setState(State::Starting);
    struct Outcome {
        std::shared_ptr<tb::serve::HttpServer> server;
        std::shared_ptr<tb::serve::ModelCatalog> catalog;
        std::shared_ptr<const tb::InferenceModel> model;
        int port = 0;
    };
    auto out = std::make_shared<Outcome>();
    auto keys = m_keys;
    const std::string root = m_root.toStdString();
    const std::string samples = samplesPath().toStdString();
    auto work = [out, keys, root, samples, o, key = m_key](const tb::ProgressCallback& progress) -> tb::Status {
        if (o.baseModelPath.trimmed().isEmpty()) return tb::inputError("base model: choose a model folder or .gguf file");
        if (progress) progress({"load base model", 0, int64_t(o.adapters.size()) + 1, ""});
        auto bundle = tb::loadForInference(o.baseModelPath.toStdString(), {});
        if (!bundle) return bundle.error();
        auto catalog = std::make_shared<tb::serve::ModelCatalog>();
        const int64_t now = std::time(nullptr);
        catalog->add({o.baseName.toStdString(), nullptr, now});
        int64_t done = 1;
        for (const ServedAdapter& a : o.adapters) {
            if (progress && !progress({"load adapter " + a.name.toStdString(), done++, int64_t(o.adapters.size()) + 1, ""}))
                return tb::inputError("cancelled");
            auto adapter = loadAdapter(root, key.get(), a.sha256.toStdString(), bundle->model->config());
            if (!adapter) return tb::inputError(a.name.toStdString() + ": " + adapter.message());
            catalog->add({a.name.toStdString(), *adapter, now});
        }
        tb::serve::ServerOptions opts;
        opts.host = "127.0.0.1";  // this machine only: the page offers no other address on purpose
        opts.port = o.port;
        opts.requireApiKey = o.requireApiKey;
        auto server = std::make_shared<tb::serve::HttpServer>(bundle->model, bundle->tokenizer, catalog, keys, opts);
        // Encrypted per line with the workspace key when the workspace is encrypted.
        std::optional<tb::WorkspaceKey> logKey;
        if (key) logKey = *key;
        auto log = std::make_shared<tb::serve::SampleLog>(samples, o.sampleRate, std::move(logKey));
        server->setExchangeObserver([log](const tb::serve::ServedExchange& e) {
            log->offer({int64_t(std::time(nullptr)), e.model, e.route, e.prompt, e.output, e.promptTokens,
                        e.completionTokens, e.latencySeconds});
        });
        auto port = server->start();
        if (!port) return port.error();
        out->server = server;
        out->catalog = catalog;
        out->model = bundle->model;
        out->port = *port;
        return tb::Status::success();
    };
    const int id = m_jobs->submit(tr("Start the local endpoint"), work);
    auto* watcher = new QObject(this);
    connect(m_jobs, &JobManager::finished, watcher, [this, id, out, watcher](int jobId) {
        if (jobId != id) return;
        watcher->deleteLater();
        m_server = out->server;
        m_catalog = out->catalog;
        m_model = out->model;
        m_port = out->port;
        setState(State::Running);
        emit started(m_port);
    });
    auto failed = [this, id, watcher](int jobId, const QString& message) {
        if (jobId != id) return;
        watcher->deleteLater();
        setState(State::Stopped);
        emit startFailed(message);
    };
    connect(m_jobs, &JobManager::failed, watcher, failed);
    connect(m_jobs, &JobManager::cancelled, watcher, [failed](int jobId) { failed(jobId, tr("cancelled")); });
}

void ServeSession::stop() {
    if (m_state != State::Running || !m_server) return;
    setState(State::Stopping);
    // stop() waits for in-flight requests' threads: on a worker, so the window stays responsive.
    auto server = std::move(m_server);
    m_catalog.reset();
    m_model.reset();
    const int id = m_jobs->submit(tr("Stop the local endpoint"), [server](const tb::ProgressCallback&) -> tb::Status {
        server->stop();
        return tb::Status::success();
    });
    auto* watcher = new QObject(this);
    auto over = [this, id, watcher](int jobId) {
        if (jobId != id) return;
        watcher->deleteLater();
        m_port = 0;
        setState(State::Stopped);
        emit stopped();
    };
    connect(m_jobs, &JobManager::finished, watcher, over);
    connect(m_jobs, &JobManager::failed, watcher, [over](int jobId, const QString&) { over(jobId); });
    connect(m_jobs, &JobManager::cancelled, watcher, over);
}

void ServeSession::addAdapter(const ServedAdapter& a) {
    if (m_state != State::Running || !m_catalog || !m_model) return;
    auto catalog = m_catalog;
    auto model = m_model;
    const std::string root = m_root.toStdString();
    const int id = m_jobs->submit(tr("Serve %1").arg(a.name), [catalog, model, root, a, key = m_key](const tb::ProgressCallback&) -> tb::Status {
        auto adapter = loadAdapter(root, key.get(), a.sha256.toStdString(), model->config());
        if (!adapter) return adapter.error();
        catalog->add({a.name.toStdString(), *adapter, int64_t(std::time(nullptr))});
        return tb::Status::success();
    });
    auto* watcher = new QObject(this);
    connect(m_jobs, &JobManager::finished, watcher, [this, id, a, watcher](int jobId) {
        if (jobId != id) return;
        watcher->deleteLater();
        emit adapterChanged(a.name, true, QString());
    });
    connect(m_jobs, &JobManager::failed, watcher, [this, id, a, watcher](int jobId, const QString& message) {
        if (jobId != id) return;
        watcher->deleteLater();
        emit adapterChanged(a.name, false, message);
    });
}

void ServeSession::removeAdapter(const QString& name) {
    if (!m_catalog) return;
    m_catalog->remove(name.toStdString());  // a map update under the catalog's lock: immediate
    emit adapterChanged(name, false, QString());
}

}  // namespace tb::models
