// PlaygroundPage: prompt or chat with any model file, Hugging Face folder or registered version, base or
// with a LoRA adapter; tokens stream in as they are generated, with sampling controls, Stop, tokens/s,
// the exact text sent (chat template applied) and a split view running one prompt on two models side by
// side. Loaded models stay cached. Generation runs on each pane's worker thread; this class is layout
// and wiring only.
#pragma once

#include <QTemporaryDir>
#include <memory>

#include "widgets/pages/page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace tb::models {
class PlaygroundModelCache;
class RegisteredVersionModel;
struct PlaygroundStats;
}  // namespace tb::models

namespace tb::widgets {

class ChatInputWidget;
class GenerationPane;
class SamplingPanel;

class PlaygroundPage : public Page {
    Q_OBJECT
public:
    explicit PlaygroundPage(const PageContext& context, QWidget* parent = nullptr);
    ~PlaygroundPage() override;
    QString pageId() const override { return QStringLiteral("playground"); }
    QString title() const override;

    // args: {"model": path, "adapter": dir, "prompt": text} (all optional) prefill the first pane.
    void activate(const QVariantMap& args) override;
    void workspaceChanged(const QString& what) override;

    GenerationPane* pane(int index) const { return index == 0 ? m_paneA : m_paneB; }
    bool isChatMode() const;
    bool isSplit() const;
    // Why Generate is disabled (empty when it is enabled).
    QString generateProblem() const { return m_generateProblem; }
    tb::models::PlaygroundModelCache& cache() const { return *m_cache; }

signals:
    // Every streamed piece of either pane (pane 0 or 1), for observers such as tests.
    void outputUpdated(int pane, const QString& piece);
    // All panes of the last Generate finished (or failed).
    void generationDone();

private:
    void generate();
    void stop();
    void refreshSent();
    void updateState();
    void onPaneFinished(GenerationPane* pane, const tb::models::PlaygroundStats& stats);
    void onPaneOver();
    void loadRegisteredVersions();
    void useRegisteredVersion(GenerationPane* pane, int row);
    QList<GenerationPane*> activePanes() const;

    std::shared_ptr<tb::models::PlaygroundModelCache> m_cache;
    tb::models::RegisteredVersionModel* m_versions;
    QTemporaryDir m_adapterCopies;  // verified copies of registered adapters, private to this session
    GenerationPane* m_paneA;
    GenerationPane* m_paneB;
    SamplingPanel* m_sampling;
    QRadioButton* m_promptMode;
    QRadioButton* m_chatMode;
    QCheckBox* m_split;
    QComboBox* m_templateChoice;
    QStackedWidget* m_inputStack;
    QPlainTextEdit* m_prompt;
    ChatInputWidget* m_chat;
    QPushButton* m_generate;
    QPushButton* m_stop;
    QLabel* m_problem;
    QLabel* m_versionStatus;
    QString m_generateProblem;
    bool m_chatRun = false;  // the running generation was a chat turn
};

}  // namespace tb::widgets
