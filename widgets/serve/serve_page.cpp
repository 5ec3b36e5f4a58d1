#include "widgets/serve/serve_page.h"

#include "widgets/empty_state_widget.h"

#include "core/data/dataset_version.h"
#include "core/registry/registry.h"
#include "core/registry/registry_lineage.h"
#include "models/job_manager.h"
#include "models/serve/api_key_table_model.h"
#include "models/serve/serve_session.h"
#include "models/serve/served_version_table_model.h"
#include "widgets/serve/api_keys_widget.h"
#include "widgets/serve/traffic_chart_widget.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tb::widgets {

using tb::models::ServeSession;

ServePage::ServePage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    if (!context.workspace) {
        showEmptyState(tr("Run a local HTTP endpoint so that your own programs can use a tuned model, without "
                          "sending data anywhere."),
                       {tr("Open a workspace first."), tr("Pick a registered model version."),
                        tr("Choose a port and start the server.")},
                       QString());
        return;
    }
    m_session = new ServeSession(context.jobs, context.workspaceRoot(), context.key, this);
    m_locked = !context.key && tb::workspaceIsEncrypted(context.workspace->root());
    buildUi();
    reloadVersions();
    m_sampler.setInterval(1000);
    connect(&m_sampler, &QTimer::timeout, this, &ServePage::sampleMetrics);
    updateControls();
}

ServePage::~ServePage() = default;

QString ServePage::title() const { return tr("Serve"); }

void ServePage::buildUi() {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split);

    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* serverBox = new QGroupBox(tr("Local endpoint"), left);
    auto* form = new QFormLayout(serverBox);
    auto* baseRow = new QHBoxLayout;
    m_baseModel = new QLineEdit(serverBox);
    m_baseModel->setObjectName(QStringLiteral("baseModelEdit"));
    m_baseModel->setPlaceholderText(tr("Hugging Face model folder or .gguf file"));
    auto* browse = new QPushButton(tr("Browse…"), serverBox);
    browse->setObjectName(QStringLiteral("browseBaseButton"));
    baseRow->addWidget(m_baseModel, 1);
    baseRow->addWidget(browse);
    form->addRow(tr("Base model"), baseRow);
    m_baseName = new QLineEdit(serverBox);
    m_baseName->setObjectName(QStringLiteral("baseNameEdit"));
    m_baseName->setPlaceholderText(tr("name clients use for the base model"));
    form->addRow(tr("Base served as"), m_baseName);
    auto* address = new QLabel(QStringLiteral("127.0.0.1"), serverBox);
    address->setToolTip(tr("The endpoint only listens on this computer."));
    form->addRow(tr("Address"), address);
    m_port = new QSpinBox(serverBox);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setValue(8080);
    form->addRow(tr("Port"), m_port);
    m_requireKey = new QCheckBox(tr("Require an API key (recommended)"), serverBox);
    m_requireKey->setObjectName(QStringLiteral("requireKeyCheck"));
    m_requireKey->setChecked(true);
    form->addRow(QString(), m_requireKey);
    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), serverBox);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_stop = new QPushButton(tr("Stop"), serverBox);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    form->addRow(QString(), buttons);
    m_inputHint = new QLabel(serverBox);
    m_inputHint->setObjectName(QStringLiteral("inputHint"));
    m_inputHint->setWordWrap(true);
    m_inputHint->setStyleSheet(QStringLiteral("color: #c62828;"));
    form->addRow(QString(), m_inputHint);
    m_status = new QLabel(tr("Stopped."), serverBox);
    m_status->setObjectName(QStringLiteral("serverStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Status"), m_status);
    leftLayout->addWidget(serverBox);

    auto* versionsBox = new QGroupBox(tr("Served model versions (Approved, in Staging or Production)"), left);
    auto* versionsLayout = new QVBoxLayout(versionsBox);
    m_served = new tb::models::ServedVersionTableModel(this);
    m_servedView = new QTableView(versionsBox);
    m_servedView->setObjectName(QStringLiteral("servedView"));
    m_servedView->setModel(m_served);
    m_servedView->verticalHeader()->hide();
    m_servedView->horizontalHeader()->setStretchLastSection(true);
    m_servedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    versionsLayout->addWidget(m_servedView);
    leftLayout->addWidget(versionsBox, 1);

    auto* keysBox = new QGroupBox(tr("API keys"), left);
    auto* keysLayout = new QVBoxLayout(keysBox);
    m_keys = new ApiKeysWidget(m_session->keys(), m_session->keysError(), context().readOnly(), keysBox);
    m_keys->setObjectName(QStringLiteral("apiKeys"));
    keysLayout->addWidget(m_keys);
    leftLayout->addWidget(keysBox, 1);
    split->addWidget(left);

    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    // While nothing is served the page explains itself (hidden once the endpoint runs).
    m_intro = new EmptyStateWidget(
        icon(), title(),
        tr("Run a local OpenAI-compatible HTTP endpoint so that your own programs can use a tuned model, "
           "without sending data anywhere."),
        {tr("Choose the base model and tick the approved versions to serve."),
         tr("Create an API key and start the endpoint on this computer's address."),
         tr("Watch requests and latency here; run the drift report against the training data.")},
        QString(), right);
    m_intro->setObjectName(QStringLiteral("serveIntro"));
    rightLayout->addWidget(m_intro);
    auto* trafficBox = new QGroupBox(tr("Live traffic"), right);
    auto* trafficLayout = new QVBoxLayout(trafficBox);
    m_traffic = new TrafficChartWidget(trafficBox);
    m_traffic->setObjectName(QStringLiteral("traffic"));
    trafficLayout->addWidget(m_traffic);
    rightLayout->addWidget(trafficBox, 3);

    auto* driftBox = new QGroupBox(tr("Drift report (sampled requests against the training data)"), right);
    auto* driftLayout = new QVBoxLayout(driftBox);
    auto* driftRow = new QHBoxLayout;
    m_driftTraining = new QLineEdit(driftBox);
    m_driftTraining->setObjectName(QStringLiteral("driftTrainingEdit"));
    m_driftTraining->setPlaceholderText(tr("Training data file (JSONL, CSV or TSV)"));
    auto* driftBrowse = new QPushButton(tr("Browse…"), driftBox);
    m_driftButton = new QPushButton(tr("Compute drift report"), driftBox);
    m_driftButton->setObjectName(QStringLiteral("driftButton"));
    driftRow->addWidget(m_driftTraining, 1);
    driftRow->addWidget(driftBrowse);
    driftRow->addWidget(m_driftButton);
    driftLayout->addLayout(driftRow);
    m_drift = new QTextBrowser(driftBox);
    m_drift->setObjectName(QStringLiteral("driftView"));
    m_drift->setPlaceholderText(tr("A share of requests (1%) is sampled to %1; the report compares their prompts with "
                                   "the training data.")
                                    .arg(m_session->samplesPath()));
    driftLayout->addWidget(m_drift);
    rightLayout->addWidget(driftBox, 2);
    split->addWidget(right);
    split->setStretchFactor(1, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Base model folder"), m_baseModel->text());
        if (!dir.isEmpty()) m_baseModel->setText(dir);
    });
    connect(driftBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Training data"), context().workspaceRoot(),
                                                          tr("Data (*.jsonl *.csv *.tsv)"));
        if (!file.isEmpty()) m_driftTraining->setText(file);
    });
    connect(m_baseModel, &QLineEdit::textChanged, this, [this](const QString& path) {
        if (!m_baseName->isModified()) m_baseName->setText(defaultBaseName(path));
        updateControls();
    });
    connect(m_baseName, &QLineEdit::textChanged, this, &ServePage::updateControls);
    connect(m_driftTraining, &QLineEdit::textChanged, this, &ServePage::updateControls);
    connect(m_requireKey, &QCheckBox::toggled, this, &ServePage::updateControls);
    connect(m_keys, &ApiKeysWidget::keysChanged, this, &ServePage::updateControls);
    connect(m_start, &QPushButton::clicked, this, &ServePage::startServer);
    connect(m_stop, &QPushButton::clicked, m_session, &ServeSession::stop);
    connect(m_driftButton, &QPushButton::clicked, this, &ServePage::computeDrift);
    connect(m_session, &ServeSession::stateChanged, this, &ServePage::updateControls);
    connect(m_session, &ServeSession::started, this, [this](int port) {
        setStatus(tr("Serving %1 at http://127.0.0.1:%2/v1").arg(m_session->servedNames().join(QStringLiteral(", ")))
                      .arg(port),
                  false);
        for (const QString& name : m_served->checkedNames()) m_served->setState(name, tr("serving"));
        m_traffic->clear();
        m_clock.start();
        sampleMetrics();
        m_sampler.start();
        emit workspaceModified(QStringLiteral("serve"));
    });
    connect(m_session, &ServeSession::startFailed, this, [this](const QString& message) {
        setStatus(tr("Could not start: %1").arg(message), true);
    });
    connect(m_session, &ServeSession::stopped, this, [this] {
        m_sampler.stop();
        for (int row = 0; row < m_served->rowCount(); ++row)
            m_served->setState(m_served->index(row, 0).data(tb::models::ServedVersionTableModel::ServedNameRole).toString(),
                               QString());
        setStatus(tr("Stopped."), false);
    });
    connect(m_served, &tb::models::ServedVersionTableModel::checkToggled, this, [this](const QString& name, bool on) {
        if (!m_session->isRunning()) return;  // applied at the next start
        if (!on) {
            m_session->removeAdapter(name);
            return;
        }
        const int row = m_served->rowOfName(name);
        m_served->setState(name, tr("loading…"));
        m_session->addAdapter({name, m_served->index(row, 0).data(tb::models::ServedVersionTableModel::AdapterShaRole).toString()});
    });
    connect(m_session, &ServeSession::adapterChanged, this, [this](const QString& name, bool served, const QString& error) {
        m_served->setState(name, !error.isEmpty() ? tr("error: %1").arg(error) : served ? tr("serving") : QString());
        if (m_session->isRunning())
            setStatus(tr("Serving %1 at %2").arg(m_session->servedNames().join(QStringLiteral(", ")), m_session->url()),
                      false);
    });
}

QString ServePage::defaultBaseName(const QString& path) const {
    QFileInfo info(path);
    QString name = info.isDir() || !path.endsWith(QLatin1String(".gguf")) ? info.fileName() : info.completeBaseName();
    // "…/stories260K/hf" reads better as "stories260K-hf" than as "hf".
    if (name == QLatin1String("hf") || name == QLatin1String("model"))
        name = info.dir().dirName() + QLatin1Char('-') + name;
    return name;
}

void ServePage::reloadVersions() {
    if (!m_served) return;
    const std::string dbPath = context().workspace->registryPath();
    if (!QFileInfo::exists(QString::fromStdString(dbPath))) {
        m_served->setVersions({});
        return;
    }
    auto reg = tb::Registry::open(dbPath);
    if (!reg) {
        setStatus(tr("Could not read the registry: %1").arg(QString::fromStdString(reg.message())), true);
        return;
    }
    auto versions = (*reg)->versions();
    if (!versions) {
        setStatus(tr("Could not read the registry: %1").arg(QString::fromStdString(versions.message())), true);
        return;
    }
    m_served->setVersions(*versions);
    m_servedView->resizeColumnsToContents();
    // One server serves one base: offer the base of the first servable version when none is chosen.
    if (m_baseModel->text().isEmpty() && m_served->rowCount() > 0)
        m_baseModel->setText(QString::fromStdString(m_served->versionAt(0)->baseModel));
    // The drift baseline: the training split of the dataset version the served model was trained on.
    if (m_driftTraining->text().isEmpty())
        for (int row = 0; row < m_served->rowCount(); ++row) {
            auto lineage = tb::modelLineage(**reg, m_served->versionAt(row)->id);
            if (!lineage || !lineage->dataset || lineage->dataset->name.empty()) continue;
            auto dir = tb::resolveDatasetVersion(context().workspace->datasetsDir(),
                                                 lineage->dataset->name + "@" + lineage->dataset->id);
            if (!dir) continue;
            const QString train = QDir(QString::fromStdString(*dir)).filePath(QStringLiteral("train.jsonl"));
            if (!QFileInfo::exists(train)) continue;
            m_driftTraining->setText(train);
            break;
        }
}

void ServePage::workspaceChanged(const QString& what) {
    if (what == QLatin1String("registry")) reloadVersions();
}

void ServePage::updateControls() {
    if (!m_start) return;
    const auto state = m_session->state();
    if (m_intro) m_intro->setVisible(state == ServeSession::State::Stopped);
    QString why;
    const QString base = m_baseModel->text().trimmed();
    if (state != ServeSession::State::Stopped) why = tr("The endpoint is already running.");
    else if (context().readOnly()) why = tr("The workspace is open read-only (another Tunebench holds it).");
    else if (m_locked)
        why = tr("This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to "
                 "serve its adapters.");
    else if (base.isEmpty()) why = tr("Choose the base model to serve.");
    else if (!QFileInfo::exists(base)) why = tr("The base model %1 does not exist.").arg(base);
    else if (m_baseName->text().trimmed().isEmpty()) why = tr("Give the base model a served name.");
    else if (m_requireKey->isChecked() && m_keys->model()->liveCount() == 0)
        why = tr("Create an API key first (below), or untick \"Require an API key\".");
    else if (!context().jobs) why = tr("No job manager.");
    m_start->setEnabled(why.isEmpty());
    m_start->setToolTip(why.isEmpty() ? tr("Load the base model and the checked versions, then listen") : why);
    // Input problems are shown inline; "already running" is what the status line says anyway.
    m_inputHint->setText(state == ServeSession::State::Stopped ? why : QString());
    m_inputHint->setVisible(!m_inputHint->text().isEmpty());
    m_stop->setEnabled(state == ServeSession::State::Running);
    m_stop->setToolTip(state == ServeSession::State::Running ? tr("Stop listening") : tr("The endpoint is not running."));
    for (QWidget* w : {static_cast<QWidget*>(m_baseModel), static_cast<QWidget*>(m_baseName),
                       static_cast<QWidget*>(m_port), static_cast<QWidget*>(m_requireKey)})
        w->setEnabled(state == ServeSession::State::Stopped);
    if (state == ServeSession::State::Starting) setStatus(tr("Loading the base model and adapters…"), false);
    if (state == ServeSession::State::Stopping) setStatus(tr("Stopping…"), false);

    QString driftWhy;
    if (m_driftBusy) driftWhy = tr("A drift report is being computed.");
    else if (m_driftTraining->text().trimmed().isEmpty()) driftWhy = tr("Choose the training data file first.");
    else if (!QFileInfo::exists(m_driftTraining->text().trimmed())) driftWhy = tr("The training data file does not exist.");
    else if (base.isEmpty()) driftWhy = tr("Choose the base model: its tokenizer measures prompt lengths.");
    m_driftButton->setEnabled(driftWhy.isEmpty());
    m_driftButton->setToolTip(driftWhy.isEmpty() ? tr("Compare the sampled requests with the training data") : driftWhy);
}

void ServePage::setStatus(const QString& text, bool error) {
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_status->setText(text);
}

QString ServePage::statusText() const { return m_status ? m_status->text() : QString(); }
QString ServePage::driftText() const { return m_drift ? m_drift->toPlainText() : QString(); }

void ServePage::startServer() {
    if (!m_start->isEnabled()) return;
    tb::models::ServeStartOptions o;
    o.baseModelPath = m_baseModel->text().trimmed();
    o.baseName = m_baseName->text().trimmed();
    o.port = m_port->value();
    o.requireApiKey = m_requireKey->isChecked();
    for (int row = 0; row < m_served->rowCount(); ++row) {
        if (!m_served->isChecked(row)) continue;
        const QModelIndex idx = m_served->index(row, 0);
        o.adapters.push_back({idx.data(tb::models::ServedVersionTableModel::ServedNameRole).toString(),
                              idx.data(tb::models::ServedVersionTableModel::AdapterShaRole).toString()});
    }
    m_session->start(o);
}

void ServePage::sampleMetrics() {
    auto snapshot = m_session->metrics();
    if (!snapshot) return;
    m_traffic->addSnapshot(m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0.0, *snapshot);
}

}  // namespace tb::widgets
