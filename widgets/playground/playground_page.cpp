#include "widgets/playground/playground_page.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "models/job_manager.h"
#include "models/playground/chat_prompt.h"
#include "models/playground/playground_model_cache.h"
#include "models/playground/registered_version_model.h"
#include "widgets/empty_state_widget.h"
#include "widgets/playground/chat_input_widget.h"
#include "widgets/playground/generation_pane.h"
#include "widgets/playground/sampling_panel.h"

namespace tb::widgets {

namespace {

// Runs core work through the job manager and calls `done` on the GUI thread with "" or the error.
void runJob(QObject* owner, tb::models::JobManager* jobs, const QString& title, tb::models::JobWork work,
            std::function<void(const QString&)> done) {
    const int id = jobs->submit(title, std::move(work));
    auto* guard = new QObject(owner);  // its connections end with it, after the one outcome
    auto finish = [guard, done, id](int jobId, const QString& error) {
        if (jobId != id) return;
        guard->deleteLater();
        QObject::disconnect(guard, nullptr, nullptr, nullptr);
        done(error);
    };
    QObject::connect(jobs, &tb::models::JobManager::finished, guard, [finish](int j) { finish(j, {}); });
    QObject::connect(jobs, &tb::models::JobManager::failed, guard,
                     [finish](int j, const QString& m) { finish(j, m.isEmpty() ? QObject::tr("failed") : m); });
    QObject::connect(jobs, &tb::models::JobManager::cancelled, guard,
                     [finish](int j) { finish(j, QObject::tr("cancelled")); });
}

}  // namespace

PlaygroundPage::PlaygroundPage(const PageContext& context, QWidget* parent)
    : Page(context, parent), m_cache(std::make_shared<tb::models::PlaygroundModelCache>(3, context.key)) {
    m_versions = new tb::models::RegisteredVersionModel(this);

    m_promptMode = new QRadioButton(tr("Prompt"));
    m_promptMode->setObjectName(QStringLiteral("promptMode"));
    m_promptMode->setToolTip(tr("The model continues your text as it is"));
    m_chatMode = new QRadioButton(tr("Chat"));
    m_chatMode->setObjectName(QStringLiteral("chatMode"));
    m_chatMode->setToolTip(tr("Your conversation is formatted with the model's chat template"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_promptMode);
    modes->addButton(m_chatMode);
    m_promptMode->setChecked(true);
    m_templateChoice = new QComboBox;
    m_templateChoice->setObjectName(QStringLiteral("chatTemplate"));
    m_templateChoice->addItem(tr("Model's own template"), tb::models::kModelTemplateChoice);
    for (const auto& t : tb::chat::builtinChatTemplates())
        m_templateChoice->addItem(tr("Built-in: %1").arg(QString::fromStdString(t.name)),
                                  QString::fromStdString(t.name));
    m_templateChoice->setToolTip(
        tr("Which chat template formats the conversation. A model without its own template "
           "falls back to a built-in one; the pane under each answer shows which."));
    m_split = new QCheckBox(tr("Compare two models side by side"));
    m_split->setObjectName(QStringLiteral("splitView"));
    m_split->setToolTip(
        tr("Send the same prompt to a second model (or the same base with an adapter) at the same time"));

    m_paneA = new GenerationPane(tr("Model A"), m_cache);
    m_paneA->setObjectName(QStringLiteral("paneA"));
    m_paneB = new GenerationPane(tr("Model B"), m_cache);
    m_paneB->setObjectName(QStringLiteral("paneB"));
    m_paneB->hide();
    for (auto* pane : {m_paneA, m_paneB}) pane->setRegisteredVersions(m_versions);
    auto* intro = new EmptyStateWidget(
        icon(), title(),
        tr("Try a base or tuned model before you rely on it: prompt it or chat with it, watch its answer stream "
           "in, and compare two models side by side."),
        {tr("Choose a model above: a .gguf file, a Hugging Face folder or a registered version; optionally a LoRA "
            "adapter folder."),
         tr("Type a prompt below, or switch to Chat and write a message; the exact text sent is shown under the "
            "answer."),
         tr("Adjust the sampling on the right and press Generate; Stop ends it early.")},
        QString());
    intro->setObjectName(QStringLiteral("emptyState"));
    m_paneA->setIntro(intro);
    auto* panes = new QSplitter(Qt::Horizontal);
    panes->addWidget(m_paneA);
    panes->addWidget(m_paneB);
    panes->setStretchFactor(0, 1);
    panes->setStretchFactor(1, 1);

    m_prompt = new QPlainTextEdit;
    m_prompt->setObjectName(QStringLiteral("prompt"));
    m_prompt->setPlaceholderText(tr("Type a prompt; the model continues it."));
    m_prompt->setTabChangesFocus(true);
    m_chat = new ChatInputWidget;
    m_inputStack = new QStackedWidget;
    m_inputStack->addWidget(m_prompt);
    m_inputStack->addWidget(m_chat);

    m_generate = new QPushButton(tr("Generate"));
    m_generate->setObjectName(QStringLiteral("generate"));
    m_generate->setDefault(true);
    m_generate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setObjectName(QStringLiteral("stop"));
    m_stop->setToolTip(tr("Stop generating; the text so far stays"));
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("generateProblem"));
    m_problem->setWordWrap(true);
    m_versionStatus = new QLabel;
    m_versionStatus->setObjectName(QStringLiteral("versionStatus"));
    m_versionStatus->setWordWrap(true);
    m_versionStatus->hide();

    m_sampling = new SamplingPanel;
    auto* samplingScroll = new QScrollArea;
    samplingScroll->setWidget(m_sampling);
    samplingScroll->setWidgetResizable(true);
    samplingScroll->setFrameShape(QFrame::NoFrame);
    samplingScroll->setMinimumWidth(260);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Mode:")));
    top->addWidget(m_promptMode);
    top->addWidget(m_chatMode);
    top->addWidget(m_templateChoice);
    top->addSpacing(16);
    top->addWidget(m_split);
    top->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_generate);
    auto* main = new QWidget;
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addLayout(top);
    mainLayout->addWidget(m_versionStatus);
    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(panes);
    vertical->addWidget(m_inputStack);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    mainLayout->addWidget(vertical, 1);
    mainLayout->addLayout(buttons);
    auto* outer = new QSplitter(Qt::Horizontal);
    outer->addWidget(main);
    outer->addWidget(samplingScroll);
    outer->setStretchFactor(0, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(outer);

    connect(m_chatMode, &QRadioButton::toggled, this, [this](bool chat) {
        m_inputStack->setCurrentWidget(chat ? static_cast<QWidget*>(m_chat) : m_prompt);
        refreshSent();
    });
    connect(m_split, &QCheckBox::toggled, this, [this](bool on) {
        m_paneB->setVisible(on);
        if (auto* splitter = qobject_cast<QSplitter*>(m_paneA->parentWidget()); on && splitter)
            splitter->setSizes({splitter->width() / 2, splitter->width() / 2});  // two equal columns
        refreshSent();
    });
    connect(m_templateChoice, &QComboBox::currentIndexChanged, this, &PlaygroundPage::refreshSent);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &PlaygroundPage::refreshSent);
    connect(m_chat, &ChatInputWidget::changed, this, &PlaygroundPage::refreshSent);
    connect(m_sampling, &SamplingPanel::changed, this, &PlaygroundPage::updateState);
    connect(m_generate, &QPushButton::clicked, this, &PlaygroundPage::generate);
    connect(m_stop, &QPushButton::clicked, this, &PlaygroundPage::stop);
    for (int i = 0; i < 2; ++i) {
        GenerationPane* pane = this->pane(i);
        connect(pane, &GenerationPane::readinessChanged, this, &PlaygroundPage::refreshSent);
        connect(pane, &GenerationPane::outputUpdated, this,
                [this, i](const QString& piece) { emit outputUpdated(i, piece); });
        connect(pane, &GenerationPane::generationFinished, this,
                [this, pane](const tb::models::PlaygroundStats& stats) { onPaneFinished(pane, stats); });
        connect(pane, &GenerationPane::generationFailed, this, &PlaygroundPage::onPaneOver);
        connect(pane, &GenerationPane::registeredVersionChosen, this,
                [this, pane](int row) { useRegisteredVersion(pane, row); });
    }
    m_templateChoice->setVisible(false);
    connect(m_chatMode, &QRadioButton::toggled, m_templateChoice, &QWidget::setVisible);
    loadRegisteredVersions();
    refreshSent();
}

PlaygroundPage::~PlaygroundPage() {
    // Panes stop their workers in their destructors; tell running generations to end first.
    m_paneA->stop();
    m_paneB->stop();
}

QString PlaygroundPage::title() const {
    return tr("Playground");
}

bool PlaygroundPage::isChatMode() const {
    return m_chatMode->isChecked();
}
bool PlaygroundPage::isSplit() const {
    return m_split->isChecked();
}

QList<GenerationPane*> PlaygroundPage::activePanes() const {
    if (isSplit()) return {m_paneA, m_paneB};
    return {m_paneA};
}

void PlaygroundPage::activate(const QVariantMap& args) {
    if (args.contains(QStringLiteral("prompt")))
        m_prompt->setPlainText(args.value(QStringLiteral("prompt")).toString());
    if (args.contains(QStringLiteral("model")) || args.contains(QStringLiteral("adapter")))
        m_paneA->setModel(args.value(QStringLiteral("model"), m_paneA->modelPath()).toString(),
                          args.value(QStringLiteral("adapter")).toString());
}

void PlaygroundPage::workspaceChanged(const QString& what) {
    if (what == QStringLiteral("registry")) loadRegisteredVersions();
}

void PlaygroundPage::refreshSent() {
    for (GenerationPane* pane : {m_paneA, m_paneB}) {
        if (!pane->info()) {
            pane->setSentText({}, tr("Shown once the model is loaded."));
            continue;
        }
        if (!isChatMode()) {
            const QString bos = pane->info()->bosToken;
            pane->setSentText(m_prompt->toPlainText(),
                              bos.isEmpty() ? tr("Plain text, tokenized as it is.")
                                            : tr("Plain text; the tokenizer puts %1 in front.").arg(bos));
            continue;
        }
        const auto rendered = tb::models::renderChatPrompt(*pane->info(), m_templateChoice->currentData().toString(),
                                                           m_chat->messagesToSend());
        pane->setSentText(rendered.text, rendered.error.isEmpty() ? rendered.note : rendered.error);
    }
    updateState();
}

void PlaygroundPage::updateState() {
    QString problem;
    bool running = false;
    for (GenerationPane* pane : activePanes()) running = running || pane->isRunning();
    if (running) {
        problem = tr("Generating… press Stop to end early.");
    } else {
        for (GenerationPane* pane : activePanes())
            if (problem.isEmpty()) problem = pane->problem();
        if (problem.isEmpty()) problem = m_sampling->problem();
        if (problem.isEmpty() && isChatMode()) {
            if (m_chat->isEmpty()) problem = tr("Type a message for the model.");
            for (GenerationPane* pane : activePanes()) {
                if (!problem.isEmpty()) break;
                const auto r = tb::models::renderChatPrompt(*pane->info(), m_templateChoice->currentData().toString(),
                                                            m_chat->messagesToSend());
                if (!r.error.isEmpty()) problem = tr("%1: %2").arg(pane->title(), r.error);
            }
        }
    }
    m_generateProblem = running ? QString() : problem;
    m_generate->setEnabled(!running && problem.isEmpty());
    m_generate->setToolTip(problem.isEmpty() ? tr("Generate with the settings on the right (Ctrl+Return)") : problem);
    m_problem->setText(problem);
    m_problem->setStyleSheet(running || problem.isEmpty() ? QString() : QStringLiteral("color: #8a5a00;"));
    m_stop->setEnabled(running);
    m_split->setEnabled(!running);
    m_promptMode->setEnabled(!running);
    m_chatMode->setEnabled(!running);
}

void PlaygroundPage::generate() {
    updateState();
    if (!m_generate->isEnabled()) return;
    m_chatRun = isChatMode();
    if (m_chatRun) {
        m_chat->commitPending();  // the typed message becomes part of the conversation
        refreshSent();
    }
    const tb::GenerateOptions options = m_sampling->options();
    for (GenerationPane* pane : activePanes()) pane->startGeneration(pane->sentText(), m_chatRun, options);
    updateState();
}

void PlaygroundPage::stop() {
    for (GenerationPane* pane : {m_paneA, m_paneB}) pane->stop();
}

void PlaygroundPage::onPaneFinished(GenerationPane* pane, const tb::models::PlaygroundStats& stats) {
    // One model's answer continues the conversation; with two side by side, neither is chosen for the user.
    if (m_chatRun && !isSplit() && pane == m_paneA && !stats.text.trimmed().isEmpty())
        m_chat->conversation()->addMessage(QStringLiteral("assistant"), stats.text);
    onPaneOver();
}

void PlaygroundPage::onPaneOver() {
    updateState();
    for (GenerationPane* pane : activePanes())
        if (pane->isRunning()) return;
    refreshSent();
    emit generationDone();
}

void PlaygroundPage::loadRegisteredVersions() {
    if (!context().workspace || !context().jobs) return;
    const std::string dbPath = context().workspace->registryPath();
    if (!QFileInfo::exists(QString::fromStdString(dbPath))) return;  // nothing registered yet; do not create it
    auto result = std::make_shared<std::vector<tb::ModelVersionRecord>>();
    runJob(
        this, context().jobs, tr("Reading registered model versions"),
        [result, dbPath](const tb::ProgressCallback&) -> tb::Status {
            auto registry = tb::Registry::open(dbPath);
            if (!registry.ok()) return registry.error();
            auto versions = (*registry)->versions();
            if (!versions.ok()) return versions.error();
            *result = std::move(versions.value());
            return tb::Status::success();
        },
        [this, result](const QString& error) {
            if (!error.isEmpty()) {
                m_versionStatus->setText(tr("Registered versions could not be read: %1").arg(error));
                m_versionStatus->show();
                return;
            }
            m_versionStatus->hide();
            m_versions->setVersions(std::move(*result));
        });
}

void PlaygroundPage::useRegisteredVersion(GenerationPane* pane, int row) {
    const tb::ModelVersionRecord* version = m_versions->versionAt(row);
    if (!version || !context().workspace || !context().jobs) return;
    const QString base = QString::fromStdString(version->baseModel);
    if (version->adapterSha256.empty()) {
        pane->setModel(base, {});
        return;
    }
    if (!m_adapterCopies.isValid()) {
        m_versionStatus->setText(
            tr("No private temporary folder for the adapter copy: %1").arg(m_adapterCopies.errorString()));
        m_versionStatus->show();
        return;
    }
    // The stored adapter is verified file by file and copied out, so what runs is what was registered. In
    // an encrypted workspace the copy is encrypted again with the workspace key (the model cache decrypts
    // it in memory), so no plaintext adapter reaches the disk.
    const std::string sha = version->adapterSha256;
    std::optional<tb::WorkspaceKey> key;
    if (context().key) key = *context().key;
    const std::string artifacts = context().workspace->artifactsDir();
    const QString dest = m_adapterCopies.filePath(QString::fromStdString(sha));
    const QString label = tr("%1 v%2").arg(QString::fromStdString(version->group)).arg(version->version);
    m_versionStatus->setText(tr("Verifying the adapter of %1…").arg(label));
    m_versionStatus->show();
    runJob(
        this, context().jobs, tr("Preparing %1 for the Playground").arg(label),
        [sha, artifacts, dest, key](const tb::ProgressCallback&) -> tb::Status {
            if (QFileInfo(dest).isDir()) return tb::Status::success();
            return tb::ArtifactStore(artifacts, key).materialize(sha, dest.toStdString());
        },
        [this, pane, base, dest, label](const QString& error) {
            if (!error.isEmpty()) {
                m_versionStatus->setText(tr("%1 cannot be used: %2").arg(label, error));
                return;
            }
            m_versionStatus->hide();
            pane->setModel(base, dest);
        });
}

}  // namespace tb::widgets
