#include "widgets/playground/generation_pane.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextCursor>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace tb::widgets {

using tb::models::GenerationWorker;
using tb::models::PlaygroundModelInfo;
using tb::models::PlaygroundRequest;
using tb::models::PlaygroundStats;

namespace {

// A first check of a typed path, on the GUI thread and without reading the file: only what a stat says.
QString pathProblem(const QString& path) {
    if (path.trimmed().isEmpty()) return GenerationPane::tr("Choose a model: a Hugging Face folder or a .gguf file.");
    const QFileInfo fi(path);
    if (!fi.exists()) return GenerationPane::tr("%1: no such file or folder.").arg(path);
    if (fi.isDir() && !QFileInfo::exists(fi.filePath() + QStringLiteral("/config.json")))
        return GenerationPane::tr("%1: not a Hugging Face model folder (no config.json).").arg(path);
    if (fi.isFile() && !path.endsWith(QStringLiteral(".gguf"), Qt::CaseInsensitive))
        return GenerationPane::tr("%1: not a .gguf file; choose a .gguf file or a Hugging Face folder.").arg(path);
    return {};
}

}  // namespace

GenerationPane::GenerationPane(const QString& name, std::shared_ptr<tb::models::PlaygroundModelCache> cache,
                               QWidget* parent)
    : QGroupBox(name, parent), m_cache(std::move(cache)) {
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("PlaygroundGeneration"));
    m_worker = new GenerationWorker(m_cache);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &GenerationWorker::modelLoaded, this, &GenerationPane::onLoaded, Qt::QueuedConnection);
    connect(m_worker, &GenerationWorker::modelFailed, this, &GenerationPane::onLoadFailed, Qt::QueuedConnection);
    connect(m_worker, &GenerationWorker::generationStarted, this, &GenerationPane::onStarted, Qt::QueuedConnection);
    connect(m_worker, &GenerationWorker::textGenerated, this, &GenerationPane::onText, Qt::QueuedConnection);
    connect(m_worker, &GenerationWorker::generationFinished, this, &GenerationPane::onFinished, Qt::QueuedConnection);
    connect(m_worker, &GenerationWorker::generationFailed, this, &GenerationPane::onFailed, Qt::QueuedConnection);
    m_thread->start();

    m_modelPath = new QLineEdit;
    m_modelPath->setObjectName(QStringLiteral("modelPath"));
    m_modelPath->setPlaceholderText(tr("Model: Hugging Face folder or .gguf file"));
    m_modelPath->setClearButtonEnabled(true);
    auto* browseFileButton = new QPushButton(tr("File…"));
    browseFileButton->setToolTip(tr("Choose a .gguf model file"));
    auto* browseFolderButton = new QPushButton(tr("Folder…"));
    browseFolderButton->setToolTip(
        tr("Choose a Hugging Face model folder (config.json, *.safetensors, tokenizer.json)"));
    m_adapterDir = new QLineEdit;
    m_adapterDir->setObjectName(QStringLiteral("adapterDir"));
    m_adapterDir->setPlaceholderText(tr("Adapter (optional): PEFT LoRA folder"));
    m_adapterDir->setClearButtonEnabled(true);
    auto* browseAdapterButton = new QPushButton(tr("Adapter…"));
    m_registered = new QComboBox;
    m_registered->setObjectName(QStringLiteral("registeredVersion"));
    m_registered->setToolTip(tr("A registered model version: its base model with its adapter"));
    m_registered->hide();
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("modelStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_output = new QPlainTextEdit;
    m_output->setObjectName(QStringLiteral("output"));
    m_output->setReadOnly(true);
    m_output->setPlaceholderText(tr("The model's answer streams here."));
    m_stats = new QLabel;
    m_stats->setObjectName(QStringLiteral("stats"));
    // Explicit lines instead of word wrap: a wrapped label in this layout gets too little height.
    m_stats->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_stats->setMinimumHeight(2 * m_stats->fontMetrics().lineSpacing() + 4);
    m_sentToggle = new QToolButton;
    m_sentToggle->setObjectName(QStringLiteral("sentToggle"));
    m_sentToggle->setText(tr("Text the model receives"));
    m_sentToggle->setCheckable(true);
    m_sentToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sentToggle->setArrowType(Qt::RightArrow);
    m_sentToggle->setAutoRaise(true);
    m_sentToggle->setToolTip(tr("Show exactly the text that is tokenized and sent, with the chat template applied"));
    m_sentNote = new QLabel;
    m_sentNote->setObjectName(QStringLiteral("sentNote"));
    m_sentNote->setWordWrap(true);
    m_sent = new QPlainTextEdit;
    m_sent->setObjectName(QStringLiteral("sentText"));
    m_sent->setReadOnly(true);
    m_sent->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_sent->setMaximumHeight(160);
    m_sentNote->hide();
    m_sent->hide();
    connect(m_sentToggle, &QToolButton::toggled, this, [this](bool on) {
        m_sentToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        m_sentNote->setVisible(on);
        m_sent->setVisible(on);
    });

    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(m_modelPath, 1);
    modelRow->addWidget(browseFileButton);
    modelRow->addWidget(browseFolderButton);
    auto* adapterRow = new QHBoxLayout;
    adapterRow->addWidget(m_adapterDir, 1);
    adapterRow->addWidget(browseAdapterButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(modelRow);
    layout->addLayout(adapterRow);
    layout->addWidget(m_registered);
    layout->addWidget(m_status);
    m_outputStack = new QStackedWidget;
    m_outputStack->addWidget(m_output);
    layout->addWidget(m_outputStack, 1);
    layout->addWidget(m_stats);
    layout->addWidget(m_sentToggle);
    layout->addWidget(m_sentNote);
    layout->addWidget(m_sent);

    m_loadTimer = new QTimer(this);
    m_loadTimer->setSingleShot(true);
    m_loadTimer->setInterval(400);  // load once typing pauses, not on every keystroke
    connect(m_loadTimer, &QTimer::timeout, this, &GenerationPane::load);
    connect(m_modelPath, &QLineEdit::textEdited, this, &GenerationPane::scheduleLoad);
    connect(m_adapterDir, &QLineEdit::textEdited, this, &GenerationPane::scheduleLoad);
    connect(m_modelPath, &QLineEdit::editingFinished, this, [this] {
        if (m_loadTimer->isActive()) load();
    });
    connect(m_adapterDir, &QLineEdit::editingFinished, this, [this] {
        if (m_loadTimer->isActive()) load();
    });
    connect(browseFileButton, &QPushButton::clicked, this, &GenerationPane::browseFile);
    connect(browseFolderButton, &QPushButton::clicked, this, &GenerationPane::browseFolder);
    connect(browseAdapterButton, &QPushButton::clicked, this, &GenerationPane::browseAdapter);
    connect(m_registered, &QComboBox::activated, this, [this](int row) {
        if (row > 0) emit registeredVersionChosen(row);
    });
    load();
}

GenerationPane::~GenerationPane() {
    if (m_cancel) m_cancel->store(true);
    m_thread->quit();
    m_thread->wait();
}

void GenerationPane::setIntro(QWidget* intro) {
    m_outputStack->addWidget(intro);
    m_outputStack->setCurrentWidget(intro);
}

void GenerationPane::setModel(const QString& modelPath, const QString& adapterDir) {
    m_modelPath->setText(modelPath);
    m_adapterDir->setText(adapterDir);
    load();
}

QString GenerationPane::modelPath() const {
    return m_modelPath->text().trimmed();
}
QString GenerationPane::adapterDir() const {
    return m_adapterDir->text().trimmed();
}

void GenerationPane::setRegisteredVersions(QAbstractItemModel* versions) {
    m_registered->setModel(versions);
    auto update = [this] { m_registered->setVisible(m_registered->count() > 1); };
    connect(versions, &QAbstractItemModel::modelReset, this, update);
    connect(versions, &QAbstractItemModel::rowsInserted, this, update);
    update();
}

QString GenerationPane::problem() const {
    if (isLoading()) return tr("%1: the model is still loading.").arg(title());
    if (!m_error.isEmpty()) return tr("%1: %2").arg(title(), m_error);
    if (!m_info) return tr("%1: choose a model.").arg(title());
    return {};
}

void GenerationPane::setSentText(const QString& text, const QString& note) {
    if (m_sent->toPlainText() != text) m_sent->setPlainText(text);
    m_sentNote->setText(note);
}

QString GenerationPane::sentText() const {
    return m_sent->toPlainText();
}
bool GenerationPane::sentVisible() const {
    return m_sent->isVisible();
}
QString GenerationPane::outputText() const {
    return m_output->toPlainText();
}

void GenerationPane::scheduleLoad() {
    m_loadTimer->start();
    m_info.reset();
    m_error.clear();
    showStatus(tr("Waiting for you to finish typing…"), false);
    emit readinessChanged();
}

void GenerationPane::load() {
    m_loadTimer->stop();
    m_info.reset();
    m_error = pathProblem(modelPath());
    if (m_error.isEmpty() && !adapterDir().isEmpty() && !QFileInfo(adapterDir()).isDir())
        m_error = tr("%1: the adapter must be a PEFT folder (adapter_config.json).").arg(adapterDir());
    if (!m_error.isEmpty()) {
        m_loadId = 0;
        // An empty path is a first step, not an error: say what to do without alarm colours.
        showStatus(m_error, !modelPath().isEmpty());
        emit readinessChanged();
        return;
    }
    m_loadId = m_nextId++;
    showStatus(tr("Loading %1…").arg(QFileInfo(modelPath()).fileName()), false);
    const int id = m_loadId;
    const QString path = modelPath();
    const QString adapter = adapterDir();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id, path, adapter] { w->load(id, path, adapter); }, Qt::QueuedConnection);
    emit readinessChanged();
}

void GenerationPane::browseFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a GGUF model"), modelPath(),
                                                      tr("GGUF models (*.gguf);;All files (*)"));
    if (!file.isEmpty()) setModel(file, adapterDir());
}

void GenerationPane::browseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a Hugging Face model folder"), modelPath());
    if (!dir.isEmpty()) setModel(dir, adapterDir());
}

void GenerationPane::browseAdapter() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a LoRA adapter folder"), adapterDir());
    if (!dir.isEmpty()) setModel(modelPath(), dir);
}

void GenerationPane::showStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void GenerationPane::onLoaded(int id, const PlaygroundModelInfo& info) {
    if (id != m_loadId) return;  // superseded by a newer choice
    m_loadId = 0;
    m_info = info;
    m_error.clear();
    QString text = info.summary;
    if (!info.adapterSummary.isEmpty()) text += QStringLiteral("\n") + tr("Adapter: %1").arg(info.adapterSummary);
    text += QStringLiteral("\n") + (info.fromCache ? tr("Ready (already in memory).")
                                                   : tr("Ready (loaded in %1 s).").arg(info.loadSeconds, 0, 'f', 2));
    showStatus(text, false);
    emit readinessChanged();
}

void GenerationPane::onLoadFailed(int id, const QString& message) {
    if (id != m_loadId) return;
    m_loadId = 0;
    m_info.reset();
    m_error = message;
    showStatus(tr("Cannot use this model: %1").arg(message), true);
    emit readinessChanged();
}

void GenerationPane::startGeneration(const QString& text, bool templated, const tb::GenerateOptions& options) {
    if (!isReady() || isRunning()) return;
    PlaygroundRequest request;
    request.id = m_nextId++;
    request.modelPath = modelPath();
    request.adapterDir = adapterDir();
    request.text = text;
    request.templated = templated;
    request.options = options;
    request.options.replyOnly = templated;  // a chat reply reads on its own; a completion continues the prompt
    m_cancel = request.cancel;
    m_genId = request.id;
    m_partialUpdates = 0;
    m_tokens = 0;
    m_lastStats = {};
    m_output->clear();
    m_outputStack->setCurrentWidget(m_output);
    m_stats->setStyleSheet({});
    m_stats->setText(tr("Starting…"));
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, request] { w->generate(request); }, Qt::QueuedConnection);
    emit runningChanged(true);
}

void GenerationPane::stop() {
    if (m_cancel) m_cancel->store(true);
    if (isRunning()) m_stats->setText(tr("Stopping…"));
}

void GenerationPane::onStarted(int id, int promptTokens, bool fromCache) {
    if (id != m_genId) return;
    m_stats->setText(tr("Prompt: %1 tokens%2 · generating…")
                         .arg(promptTokens)
                         .arg(fromCache ? tr(" · model in memory") : QString()));
}

void GenerationPane::onText(int id, const QString& piece, int tokens, double rate) {
    if (id != m_genId) return;
    m_tokens = tokens;
    if (!piece.isEmpty()) {
        QTextCursor cursor(m_output->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(piece);
        m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
        ++m_partialUpdates;
        emit outputUpdated(piece);
    }
    m_stats->setText(tr("%1 tokens · %2 tokens/s").arg(tokens).arg(rate, 0, 'f', 1));
}

void GenerationPane::onFinished(int id, const PlaygroundStats& stats) {
    if (id != m_genId) return;
    m_genId = 0;
    m_cancel.reset();
    m_lastStats = stats;
    // The final text is authoritative (a stop string may have cut text that was held back, never shown).
    if (m_output->toPlainText() != stats.text) m_output->setPlainText(stats.text);
    m_stats->setText(tr("%1 tokens in %2 s · %3 tokens/s\nprompt %4 tokens · stopped: %5%6")
                         .arg(stats.generatedTokens)
                         .arg(stats.generateSeconds, 0, 'f', 2)
                         .arg(stats.tokensPerSecond, 0, 'f', 1)
                         .arg(stats.promptTokens)
                         .arg(stats.stopReason)
                         .arg(stats.modelFromCache ? tr(" · model cached") : QString()));
    m_stats->setToolTip(m_stats->text());
    emit runningChanged(false);
    emit generationFinished(stats);
}

void GenerationPane::onFailed(int id, const QString& message) {
    if (id != m_genId) return;
    m_genId = 0;
    m_cancel.reset();
    m_stats->setText(tr("Failed: %1").arg(message));
    m_stats->setStyleSheet(QStringLiteral("color: #b00020;"));
    emit runningChanged(false);
    emit generationFailed(message);
}

}  // namespace tb::widgets
