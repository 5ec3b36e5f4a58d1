// ServeSession: the in-process OpenAI-compatible endpoint of the Serve page — loads the base model and
// the chosen adapters on a worker, starts core's HttpServer on 127.0.0.1, adds or removes adapters
// while it runs (no restart), samples exchanges to the workspace's monitoring log and stops it again.
// In an encrypted workspace registered adapters are decrypted in memory only (no copy on disk) and the
// sample log is encrypted. Owns the server; shows nothing. Results arrive as signals on the GUI thread.
#pragma once

#include "core/serve/api_keys.h"
#include "core/serve/serve_metrics.h"
#include "core/workspace/workspace_crypto.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace tb {
class InferenceModel;
}
namespace tb::serve {
class HttpServer;
class ModelCatalog;
class SampleLog;
}  // namespace tb::serve

namespace tb::models {

class JobManager;

struct ServedAdapter {
    QString name;     // served model name ("tickets", "tickets-v3")
    QString sha256;   // content-addressed adapter artifact in the workspace
};

struct ServeStartOptions {
    QString baseModelPath;  // HF folder or .gguf
    QString baseName;       // name the base is served under
    int port = 8080;        // 0: any free port
    bool requireApiKey = true;
    double sampleRate = 0.01;
    std::vector<ServedAdapter> adapters;
};

class ServeSession : public QObject {
    Q_OBJECT
public:
    // key: the unlocked key of an encrypted workspace (null for a plain one, or when it was not unlocked:
    // then start() refuses with the reason).
    ServeSession(JobManager* jobs, const QString& workspaceRoot, std::shared_ptr<const tb::WorkspaceKey> key = {},
                 QObject* parent = nullptr);
    ~ServeSession() override;

    enum class State { Stopped, Starting, Running, Stopping };
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    int port() const { return m_port; }
    QString url() const;
    QStringList servedNames() const;

    // The key store the server authenticates against (creating a key works at once, even while running).
    std::shared_ptr<tb::ApiKeyStore> keys() const { return m_keys; }
    QString keysError() const { return m_keysError; }
    QString keysPath() const;
    QString samplesPath() const;
    // Thread-safe snapshot of the running server's counters (nullopt when stopped).
    std::optional<tb::serve::ServeMetrics::Snapshot> metrics() const;

    void start(const ServeStartOptions& options);
    void stop();
    // While running: load and serve an adapter / stop serving a name. Emitted as adapterChanged.
    void addAdapter(const ServedAdapter& adapter);
    void removeAdapter(const QString& name);

signals:
    void stateChanged(tb::models::ServeSession::State state);
    void started(int port);
    void startFailed(const QString& message);
    void stopped();
    void adapterChanged(const QString& name, bool served, const QString& error);

private:
    void setState(State state);

    JobManager* m_jobs = nullptr;
    QString m_root;
    std::shared_ptr<const tb::WorkspaceKey> m_key;
    State m_state = State::Stopped;
    int m_port = 0;
    std::shared_ptr<tb::ApiKeyStore> m_keys;
    QString m_keysError;
    std::shared_ptr<tb::serve::HttpServer> m_server;
    std::shared_ptr<tb::serve::ModelCatalog> m_catalog;
    std::shared_ptr<const tb::InferenceModel> m_model;  // the loaded base (adapters are checked against it)
};

}  // namespace tb::models
