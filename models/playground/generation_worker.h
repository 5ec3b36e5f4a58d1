// GenerationWorker: the QObject that lives on one Playground pane's QThread. It loads a model (and
// adapter) through the shared PlaygroundModelCache and generates text, streaming each piece back as a
// queued signal; cancellation is an atomic flag the token callback polls. No widgets, no rendering of
// chat templates (the pane does that so the user sees exactly what is sent).
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

#include "core/infer/generate.h"
#include "models/playground/playground_model_cache.h"

namespace tb::models {

// What the GUI shows about a loaded model (plain Qt values, safe to pass between threads).
struct PlaygroundModelInfo {
    QString path;
    QString summary;         // architecture, parameters, layers, vocabulary, context, format
    QString architecture;    // "llama", "qwen2", ...
    QString templateText;    // the model's own chat template (empty: none shipped)
    QString templateSource;  // file and field it came from
    QString templateError;   // why it could not be read
    QString bosToken, eosToken;
    QString adapterDir;
    QString adapterSummary;  // rank, alpha, targets
    double loadSeconds = 0.0;
    bool fromCache = false;
};

// One generation: `text` is exactly what is tokenized and sent to the model.
struct PlaygroundRequest {
    int id = 0;
    QString modelPath;
    QString adapterDir;  // empty: the base model
    QString text;
    // false (prompt mode): BOS is added and the text is plain. true (chat mode): the rendered template
    // wrote BOS itself and its special tokens (<|im_start|>, ...) are parsed as such.
    bool templated = false;
    tb::GenerateOptions options;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

struct PlaygroundStats {
    int promptTokens = 0;
    int generatedTokens = 0;
    double promptSeconds = 0.0;
    double generateSeconds = 0.0;
    double tokensPerSecond = 0.0;  // generated tokens / generation time
    QString stopReason;            // max_tokens, eos, stop_string, context_full, cancelled
    QString text;                  // the whole continuation
    bool modelFromCache = false;
};

class GenerationWorker : public QObject {
    Q_OBJECT
public:
    explicit GenerationWorker(std::shared_ptr<PlaygroundModelCache> cache, QObject* parent = nullptr);

    // Both run on the worker's thread: call them through QMetaObject::invokeMethod(..., Qt::QueuedConnection).
    void load(int requestId, const QString& modelPath, const QString& adapterDir);
    void generate(const tb::models::PlaygroundRequest& request);

signals:
    void modelLoaded(int requestId, const tb::models::PlaygroundModelInfo& info);
    void modelFailed(int requestId, const QString& message);
    void generationStarted(int requestId, int promptTokens, bool modelFromCache);
    // One streamed piece (may be empty when a token completed no character yet).
    void textGenerated(int requestId, const QString& piece, int tokens, double tokensPerSecond);
    void generationFinished(int requestId, const tb::models::PlaygroundStats& stats);
    void generationFailed(int requestId, const QString& message);

private:
    struct Prepared {
        std::shared_ptr<const PlaygroundModel> model;
        std::shared_ptr<const LoraAdapter> adapter;
        bool modelFromCache = false;
        bool adapterFromCache = false;
    };
    Result<Prepared> prepare(const QString& modelPath, const QString& adapterDir, const ProgressCallback& progress);

    std::shared_ptr<PlaygroundModelCache> m_cache;
    // Reused between prompts of the same model so its KV cache is not reallocated.
    std::shared_ptr<const PlaygroundModel> m_sessionModel;
    std::unique_ptr<InferenceSession> m_session;
};

}  // namespace tb::models

Q_DECLARE_METATYPE(tb::models::PlaygroundModelInfo)
Q_DECLARE_METATYPE(tb::models::PlaygroundRequest)
Q_DECLARE_METATYPE(tb::models::PlaygroundStats)
