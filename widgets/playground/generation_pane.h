// GenerationPane: one model column of the Playground — the model and adapter it runs (typed, browsed or
// a registered version), the loaded model's facts or the reason it cannot be used, the streamed output
// with tokens/s, and a collapsible view of exactly what is sent to the model. It owns its own worker
// QThread, so the two panes of the split view stream at the same time. Not the page layout.
#pragma once

#include <QGroupBox>
#include <memory>
#include <optional>

#include "models/playground/chat_prompt.h"
#include "models/playground/generation_worker.h"

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QThread;
class QTimer;
class QToolButton;

namespace tb::widgets {

class GenerationPane : public QGroupBox {
    Q_OBJECT
public:
    GenerationPane(const QString& name, std::shared_ptr<tb::models::PlaygroundModelCache> cache,
                   QWidget* parent = nullptr);
    ~GenerationPane() override;

    // Shows `intro` where the output goes until the first generation starts (the page's empty state).
    void setIntro(QWidget* intro);
    // Sets both fields and loads at once (activate(), registered versions).
    void setModel(const QString& modelPath, const QString& adapterDir);
    QString modelPath() const;
    QString adapterDir() const;
    // The registered-version chooser shows this model (owned by the page, shared by both panes).
    void setRegisteredVersions(QAbstractItemModel* versions);

    bool isLoading() const { return m_loadId != 0; }
    bool isReady() const { return m_info.has_value() && m_loadId == 0; }
    // Why this pane cannot generate now (empty when it can).
    QString problem() const;
    const std::optional<tb::models::PlaygroundModelInfo>& info() const { return m_info; }

    // Shows what will be sent (prompt text, or the rendered chat with where its template came from).
    void setSentText(const QString& text, const QString& note);
    QString sentText() const;
    bool sentVisible() const;

    void startGeneration(const QString& text, bool templated, const tb::GenerateOptions& options);
    void stop();
    bool isRunning() const { return m_genId != 0; }
    QString outputText() const;
    const tb::models::PlaygroundStats& lastStats() const { return m_lastStats; }
    int partialUpdates() const { return m_partialUpdates; }

signals:
    void readinessChanged();
    void registeredVersionChosen(int row);
    void outputUpdated(const QString& piece);
    void generationFinished(const tb::models::PlaygroundStats& stats);
    void generationFailed(const QString& message);
    void runningChanged(bool running);

private:
    void scheduleLoad();
    void load();
    void browseFile();
    void browseFolder();
    void browseAdapter();
    void showStatus(const QString& text, bool error);
    void onLoaded(int id, const tb::models::PlaygroundModelInfo& info);
    void onLoadFailed(int id, const QString& message);
    void onStarted(int id, int promptTokens, bool fromCache);
    void onText(int id, const QString& piece, int tokens, double rate);
    void onFinished(int id, const tb::models::PlaygroundStats& stats);
    void onFailed(int id, const QString& message);

    std::shared_ptr<tb::models::PlaygroundModelCache> m_cache;
    QThread* m_thread;
    tb::models::GenerationWorker* m_worker;  // lives on m_thread
    QLineEdit* m_modelPath;
    QLineEdit* m_adapterDir;
    QComboBox* m_registered;
    QLabel* m_status;
    QStackedWidget* m_outputStack;
    QPlainTextEdit* m_output;
    QLabel* m_stats;
    QToolButton* m_sentToggle;
    QLabel* m_sentNote;
    QPlainTextEdit* m_sent;
    QTimer* m_loadTimer;

    std::optional<tb::models::PlaygroundModelInfo> m_info;
    QString m_error;
    int m_nextId = 1;
    int m_loadId = 0;  // the load being waited for (0: none)
    int m_genId = 0;   // the generation running (0: none)
    std::shared_ptr<std::atomic<bool>> m_cancel;
    tb::models::PlaygroundStats m_lastStats;
    int m_partialUpdates = 0;
    int m_tokens = 0;
};

}  // namespace tb::widgets
