#include "models/playground/generation_worker.h"

#include <chrono>
#include <string>

namespace tb::models {

namespace {

QString parameterText(long long n) {
    if (n >= 1'000'000'000) return QStringLiteral("%1B").arg(double(n) / 1e9, 0, 'f', 2);
    if (n >= 1'000'000) return QStringLiteral("%1M").arg(double(n) / 1e6, 0, 'f', 1);
    return QStringLiteral("%1K").arg(double(n) / 1e3, 0, 'f', 0);
}

PlaygroundModelInfo describe(const PlaygroundModel& m, const LoraAdapter* adapter, const QString& adapterDir,
                             bool fromCache) {
    const ModelConfig& c = m.bundle.model->config();
    PlaygroundModelInfo info;
    info.path = QString::fromStdString(m.path);
    info.architecture = QString::fromStdString(architectureName(c.architecture));
    info.summary = QObject::tr("%1 · %2 parameters · %3 layers · vocabulary %4 · context %5 · %6 %7")
                       .arg(info.architecture, parameterText(c.parameterCount()))
                       .arg(c.numLayers)
                       .arg(c.vocabSize)
                       .arg(c.maxPositions)
                       .arg(QString::fromStdString(c.sourceFormat), QString::fromStdString(c.sourceDtype));
    info.templateText = QString::fromStdString(m.chatTemplate.text);
    info.templateSource = QString::fromStdString(m.chatTemplate.source);
    info.templateError = QString::fromStdString(m.chatTemplateError);
    info.bosToken = QString::fromStdString(m.chatTemplate.bosToken.empty() ? m.bundle.tokenizer->bosToken()
                                                                           : m.chatTemplate.bosToken);
    info.eosToken = QString::fromStdString(m.chatTemplate.eosToken.empty() ? m.bundle.tokenizer->eosToken()
                                                                           : m.chatTemplate.eosToken);
    info.loadSeconds = m.bundle.loadSeconds;
    info.fromCache = fromCache;
    if (adapter) {
        QStringList targets;
        for (const auto& t : adapter->targets) targets << QString::fromStdString(t);
        info.adapterDir = adapterDir;
        info.adapterSummary = QObject::tr("LoRA r=%1 · alpha %2 · targets %3")
                                  .arg(adapter->rank)
                                  .arg(double(adapter->alpha))
                                  .arg(targets.join(QStringLiteral(", ")));
    }
    return info;
}

double seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

GenerationWorker::GenerationWorker(std::shared_ptr<PlaygroundModelCache> cache, QObject* parent)
    : QObject(parent), m_cache(std::move(cache)) {
    qRegisterMetaType<tb::models::PlaygroundModelInfo>();
    qRegisterMetaType<tb::models::PlaygroundRequest>();
    qRegisterMetaType<tb::models::PlaygroundStats>();
}

Result<GenerationWorker::Prepared> GenerationWorker::prepare(const QString& modelPath, const QString& adapterDir,
                                                             const ProgressCallback& progress) {
    Prepared p;
    auto model = m_cache->model(modelPath.toStdString(), EngineOptions{}, &p.modelFromCache, progress);
    if (!model.ok()) return model.error();
    p.model = *model;
    if (!adapterDir.isEmpty()) {
        auto adapter = m_cache->adapter(adapterDir.toStdString(), *p.model, &p.adapterFromCache);
        if (!adapter.ok()) return adapter.error();
        p.adapter = *adapter;
    }
    return p;
}

void GenerationWorker::load(int requestId, const QString& modelPath, const QString& adapterDir) {
    auto p = prepare(modelPath, adapterDir, {});
    if (!p.ok()) {
        emit modelFailed(requestId, QString::fromStdString(p.message()));
        return;
    }
    // A session checks the adapter's shapes the same way generation will, so a mismatch shows now.
    if (p->adapter) {
        InferenceSession probe(p->model->bundle.model, 8);
        auto st = probe.setAdapter(p->adapter);
        if (!st.ok()) {
            emit modelFailed(requestId, adapterDir + QStringLiteral(": ") + QString::fromStdString(st.message()));
            return;
        }
    }
    emit modelLoaded(requestId, describe(*p->model, p->adapter.get(), adapterDir, p->modelFromCache));
}

void GenerationWorker::generate(const PlaygroundRequest& request) {
    auto p = prepare(request.modelPath, request.adapterDir,
                     [cancel = request.cancel](const Progress&) { return !cancel->load(); });
    if (!p.ok()) {
        emit generationFailed(request.id, QString::fromStdString(p.message()));
        return;
    }
    if (m_sessionModel != p->model || !m_session) {
        m_session = std::make_unique<InferenceSession>(p->model->bundle.model);
        m_sessionModel = p->model;
    }
    if (auto st = m_session->setAdapter(p->adapter); !st.ok()) {
        emit generationFailed(request.id,
                              request.adapterDir + QStringLiteral(": ") + QString::fromStdString(st.message()));
        return;
    }
    const auto& tokenizer = p->model->bundle.tokenizer;
    const std::string text = request.text.toStdString();
    const std::vector<int> ids = request.templated
                                     ? tokenizer->encode(text, /*addSpecial=*/false, /*parseSpecial=*/true)
                                     : tokenizer->encode(text, /*addSpecial=*/true);
    if (ids.empty()) {
        emit generationFailed(request.id, tr("The prompt is empty and this model adds no start token: type a prompt."));
        return;
    }
    if (int(ids.size()) >= m_session->contextLength()) {
        emit generationFailed(request.id, tr("The prompt has %1 tokens; this model's context holds %2. Shorten it.")
                                              .arg(ids.size())
                                              .arg(m_session->contextLength()));
        return;
    }
    emit generationStarted(request.id, int(ids.size()), p->modelFromCache);

    int tokens = 0;
    double firstTokenAt = 0.0;
    auto onToken = [&](const GeneratedPiece& piece) {
        if (piece.token >= 0) ++tokens;
        const double now = seconds();
        if (tokens == 1 && piece.token >= 0) firstTokenAt = now;
        // Rate over the tokens after the first, whose time includes the prompt's prefill.
        const double rate = tokens > 1 && now > firstTokenAt ? (tokens - 1) / (now - firstTokenAt) : 0.0;
        emit textGenerated(request.id, QString::fromStdString(piece.text), tokens, rate);
        return !request.cancel->load();
    };
    auto r = tb::generate(*m_session, tokenizer, ids, request.options, onToken);
    if (!r.ok()) {
        emit generationFailed(request.id, QString::fromStdString(r.message()));
        return;
    }
    PlaygroundStats stats;
    stats.promptTokens = r->promptTokens;
    stats.generatedTokens = int(r->tokens.size());
    stats.promptSeconds = r->promptSeconds;
    stats.generateSeconds = r->generateSeconds;
    stats.tokensPerSecond = r->generateSeconds > 0 ? double(r->tokens.size()) / r->generateSeconds : 0.0;
    stats.stopReason = QString::fromLatin1(stopReasonName(r->stopReason));
    stats.text = QString::fromStdString(r->text);
    stats.modelFromCache = p->modelFromCache;
    emit generationFinished(request.id, stats);
}

}  // namespace tb::models
