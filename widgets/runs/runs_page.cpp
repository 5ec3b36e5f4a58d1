#include "widgets/runs/runs_page.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

#include "core/train/run_index.h"
#include "core/workspace/workspace_crypto.h"
#include "models/job_manager.h"
#include "models/runs/run_list_model.h"
#include "models/runs/run_registration.h"
#include "models/runs/run_scheduler.h"
#include "widgets/empty_state_widget.h"
#include "widgets/runs/register_run_dialog.h"
#include "widgets/runs/training_dashboard.h"

namespace tb::widgets {

using tb::models::RunListModel;
using tb::train::RunStatus;

RunsPage::RunsPage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 12, 12, 12);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);
    auto* empty = new EmptyStateWidget(
        icon(), title(),
        tr("Follow every training run: live loss curves, progress, logs and the exact settings and data it used."),
        {tr("Start a fine-tune from the Fine-tune page."),
         tr("Watch its loss here while it trains; you can pause, resume or cancel it at any time."),
         tr("Finished runs keep their checkpoints and adapters in the workspace.")},
        workspaceRoot.isEmpty() ? QString() : QDir(workspaceRoot).filePath(QStringLiteral("runs")), m_stack);
    empty->setObjectName(QStringLiteral("emptyState"));
    m_stack->addWidget(empty);
    if (!context.workspace) return;  // no workspace: the empty state says where runs would live

    m_actor = context.userName.isEmpty() ? QString::fromStdString(tb::Registry::osUserName()) : context.userName;
    m_registryPath = QString::fromStdString(context.workspace->registryPath());
    m_scheduler =
        new tb::models::RunScheduler(QString::fromStdString(context.workspace->runsDir()), context.readOnly(), this);
    if (!context.readOnly()) m_scheduler->setRegistry(m_registryPath, m_actor, context.key);
    m_model = new RunListModel(m_scheduler, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunListModel::SortRole);

    auto* content = new QWidget(m_stack);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(content);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunListModel::NameColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(RunListModel::NameColumn, QHeaderView::ResizeToContents);
    auto* actions = new QHBoxLayout;
    m_problems = new QLabel(content);
    m_problems->setObjectName(QStringLiteral("runProblems"));
    m_problems->setWordWrap(true);
    m_evaluate = new QPushButton(tr("Evaluate and compare"), content);
    m_evaluate->setObjectName(QStringLiteral("evaluateButton"));
    m_register = new QPushButton(tr("Register"), content);
    m_register->setObjectName(QStringLiteral("registerButton"));
    m_registerStatus = new QLabel(content);
    m_registerStatus->setObjectName(QStringLiteral("registerStatus"));
    m_registerStatus->setWordWrap(true);
    m_registerStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    actions->addWidget(m_problems, 1);
    actions->addWidget(m_registerStatus, 1);
    actions->addWidget(m_evaluate);
    actions->addWidget(m_register);
    m_dashboard = new TrainingDashboard(m_scheduler, content);
    m_dashboard->setObjectName(QStringLiteral("trainingDashboard"));
    auto* split = new QSplitter(Qt::Vertical, content);
    auto* top = new QWidget(split);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table);
    topLayout->addLayout(actions);
    split->addWidget(top);
    split->addWidget(m_dashboard);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    layout->addWidget(split);
    m_stack->addWidget(content);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& idx) {
        m_selected = idx.isValid() ? idx.data(RunListModel::RunIdRole).toString() : QString();
        if (m_dashboard->runId() != m_selected) m_dashboard->setRun(m_selected);
        updateActions();
    });
    connect(m_scheduler, &tb::models::RunScheduler::runsReset, this, [this] {
        m_stack->setCurrentIndex(m_scheduler->runs().empty() ? 0 : 1);
        m_problems->setText(m_scheduler->problems().isEmpty()
                                ? QString()
                                : tr("Not listed: %1").arg(m_scheduler->problems().join(QStringLiteral("; "))));
        if (!m_selected.isEmpty()) selectRun(m_selected);
        updateActions();
    });
    connect(m_scheduler, &tb::models::RunScheduler::runUpdated, this, [this](const QString& id) {
        if (id == m_selected) updateActions();
    });
    connect(m_scheduler, &tb::models::RunScheduler::runEnded, this, [this] {
        updateActions();
        emit workspaceModified(QStringLiteral("runs"));
    });
    connect(m_scheduler, &tb::models::RunScheduler::activeRunChanged, this,
            [this] { emit workspaceModified(QStringLiteral("runs")); });
    connect(m_evaluate, &QPushButton::clicked, this, [this] {
        const auto* run = m_scheduler->find(m_selected);
        if (!run) return;
        // The Compare page's keys: A is the base model, B the same model with the run's adapter.
        const QString model = QString::fromStdString(run->request.modelPath);
        const QString task = QString::fromStdString(run->request.task);
        emit navigateRequested(
            QStringLiteral("compare"),
            {{QStringLiteral("run"), m_selected},
             {QStringLiteral("a"), model},
             {QStringLiteral("adapter_a"), QString()},
             {QStringLiteral("b"), model},
             {QStringLiteral("adapter_b"), adapterDirOf(m_selected)},
             {QStringLiteral("data"), QString::fromStdString(run->request.testPath)},
             {QStringLiteral("task"), task == QLatin1String("style") ? QStringLiteral("generation") : task},
             {QStringLiteral("evaluate"), true}});
    });
    connect(m_register, &QPushButton::clicked, this, &RunsPage::onRegisterClicked);
    m_stack->setCurrentIndex(m_scheduler->runs().empty() ? 0 : 1);
    if (!m_scheduler->runs().empty()) selectRun(QString::fromStdString(m_scheduler->runs().back().id));
    updateActions();
}

RunsPage::~RunsPage() {
    // The scheduler records a run still training as interrupted while it goes (and says so in signals):
    // let it go first, while the model and dashboard listening to it still exist, without calling back here.
    if (m_scheduler) {
        disconnect(m_scheduler, nullptr, this, nullptr);
        delete m_scheduler;
        m_scheduler = nullptr;
    }
}

QString RunsPage::title() const {
    return tr("Runs");
}

QString RunsPage::selectedRunId() const {
    return m_selected;
}

void RunsPage::selectRun(const QString& runId) {
    if (!m_model) return;
    const int row = m_model->rowOf(runId);
    if (row < 0) return;
    const QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_selected = runId;
    if (m_dashboard->runId() != runId) m_dashboard->setRun(runId);
    updateActions();
}

void RunsPage::activate(const QVariantMap& args) {
    if (!m_scheduler) return;
    const QString runId = args.value(QStringLiteral("run")).toString();
    if (runId.isEmpty()) return;
    m_scheduler->refresh();
    if (args.value(QStringLiteral("start")).toBool()) m_scheduler->enqueue(runId, false);
    selectRun(runId);
}

void RunsPage::workspaceChanged(const QString& what) {
    if (m_scheduler && what == QLatin1String("runs")) m_scheduler->refresh();
    if (m_scheduler && what == QLatin1String("registry")) updateActions();  // registered elsewhere
}

QString RunsPage::adapterDirOf(const QString& runId) const {
    const auto* run = m_scheduler ? m_scheduler->find(runId) : nullptr;
    if (!run) return {};
    const QString dir = QString::fromStdString(run->dir);
    for (const QString& name : {QStringLiteral("adapter-best"), QStringLiteral("adapter")})
        if (QFileInfo::exists(dir + QLatin1Char('/') + name + QStringLiteral("/adapter_config.json")))
            return dir + QLatin1Char('/') + name;
    return {};
}

void RunsPage::updateActions() {
    if (!m_scheduler) return;
    const auto* run = m_scheduler->find(m_selected);
    const bool finished = run && run->state.status == RunStatus::Finished;
    const QString adapter = finished ? adapterDirOf(m_selected) : QString();
    const bool hasTest = run && !run->request.testPath.empty();
    m_evaluate->setEnabled(finished && !adapter.isEmpty() && hasTest);
    m_evaluate->setToolTip(!run                ? tr("Select a run.")
                           : !finished         ? tr("Available once the run has finished.")
                           : adapter.isEmpty() ? tr("The run wrote no adapter (full fine-tuning).")
                           : !hasTest          ? tr("The dataset version has no test split to evaluate on.")
                                      : tr("Evaluate base and tuned model on the test split and open Compare."));
    // A run registered before opens its version; otherwise Register asks for the group.
    m_registered.reset();
    if (run && finished) {
        if (tb::Registry* reg = registryReader()) {
            auto versions = reg->versionsOfRun(m_selected.toStdString());
            if (versions && !versions->empty()) m_registered = versions->back();
        }
    }
    if (m_registered) {
        const QString name = QStringLiteral("%1 v%2").arg(QString::fromStdString(m_registered->group)).arg(m_registered->version);
        m_register->setText(tr("Open %1").arg(name));
        m_register->setEnabled(true);
        m_register->setToolTip(tr("Show this version in the Registry"));
        if (m_registerJob == 0) setRegisterStatus(tr("Registered as %1").arg(name), false);
        return;
    }
    m_register->setText(tr("Register…"));
    if (m_registerJob == 0)
        setRegisterStatus(m_registerErrorRun == m_selected ? m_registerError : QString(), true);
    const bool busy = m_registerJob != 0;
    m_register->setEnabled(finished && !adapter.isEmpty() && !context().readOnly() && !busy);
    m_register->setToolTip(!run                   ? tr("Select a run.")
                           : !finished            ? tr("Available once the run has finished.")
                           : adapter.isEmpty()    ? tr("The run wrote no adapter to register.")
                           : context().readOnly() ? tr("The workspace is open read-only.")
                           : busy                 ? tr("A registration is in progress.")
                                                  : tr("Register the adapter in the model registry."));
}

tb::Registry* RunsPage::registryReader() {
    // Reading writes nothing: no database yet means nothing is registered (the first write creates it).
    if (!m_reader && !m_registryPath.isEmpty() && QFileInfo::exists(m_registryPath)) {
        auto reg = tb::Registry::open(m_registryPath.toStdString());
        if (reg) m_reader = std::move(*reg);
    }
    return m_reader.get();
}

QString RunsPage::registerStatusText() const { return m_registerStatus ? m_registerStatus->text() : QString(); }

void RunsPage::setRegisterStatus(const QString& text, bool error) {
    m_registerStatus->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_registerStatus->setText(text);
}

void RunsPage::onRegisterClicked() {
    const auto* run = m_scheduler->find(m_selected);
    if (!run) return;
    if (m_registered) {
        emit navigateRequested(QStringLiteral("registry"),
                               {{QStringLiteral("group"), QString::fromStdString(m_registered->group)},
                                {QStringLiteral("versionId"), qlonglong(m_registered->id)}});
        return;
    }
    if (m_registerJob != 0 || context().readOnly()) return;
    if (tb::workspaceIsEncrypted(context().workspace->root()) && !context().workspaceKey()) {
        m_registerError = tr("This workspace is encrypted and was not unlocked: reopen it with its passphrase or "
                             "key file to register (the adapter is stored encrypted).");
        m_registerErrorRun = m_selected;
        updateActions();
        return;
    }
    RegisterRunInfo info;
    info.runId = m_selected;
    info.modelPath = QString::fromStdString(run->request.modelPath);
    info.datasetName = QString::fromStdString(run->request.datasetName);
    info.datasetVersion = QString::fromStdString(run->request.datasetVersion);
    info.adapterDir = adapterDirOf(m_selected);
    info.bestValLoss = run->state.bestValLoss;
    QMap<QString, qint64> groups;
    RegisterRunEvaluation evaluation;  // the run's stored comparisons, offered as its evaluation
    if (tb::Registry* reg = registryReader()) {
        if (auto all = reg->versions())
            for (const auto& v : *all) {
                const QString g = QString::fromStdString(v.group);
                groups[g] = std::max(groups.value(g), qint64(v.version));
                if (v.stage == "Production")
                    evaluation.productionReports[g] = v.evalReport.is_null() ? nlohmann::json::object() : v.evalReport;
            }
    }
    evaluation.runDir = QString::fromStdString(run->dir);
    evaluation.comparisons = tb::models::comparisonsOfRun(context().workspace->evalDir(), run->dir);  // manifests only
    evaluation.jobs = context().jobs;
    evaluation.key = context().key;
    auto* dialog = new RegisterRunDialog(info, groups, evaluation, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString runId = m_selected;
    connect(dialog, &QDialog::accepted, this, [this, dialog, runId] {
        startRegistration(runId, dialog->group(), dialog->groupDescription(), dialog->notes(), dialog->comparisonDir());
    });
    dialog->open();  // window-modal without a nested event loop
}

void RunsPage::startRegistration(const QString& runId, const QString& group, const QString& description,
                                 const QString& notes, const QString& comparisonDir) {
    const auto* run = m_scheduler->find(runId);
    if (!run || !context().jobs || m_registerJob != 0) return;
    const tb::models::RunLineage lineage = tb::models::runLineageOf(runId.toStdString(), run->request);
    tb::models::RunRegistration registration;
    registration.group = group.toStdString();
    registration.groupDescription = description.toStdString();
    registration.notes = notes.toStdString();
    registration.adapterDir = adapterDirOf(runId).toStdString();
    registration.artifactsDir = context().workspace->artifactsDir();
    if (const tb::WorkspaceKey* key = context().workspaceKey()) registration.key = *key;  // stored encrypted
    registration.comparisonDir = comparisonDir.toStdString();  // re-read on the worker, gate judged there
    registration.runDir = run->dir;
    const std::string dbPath = m_registryPath.toStdString();
    const std::string actor = m_actor.toStdString();
    auto result = std::make_shared<tb::ModelVersionRecord>();
    // The worker opens its own connection (SQLite's busy timeout makes a concurrent writer wait).
    m_registerJob = context().jobs->submit(
        tr("Register run %1 as %2").arg(runId, group),
        [=](const tb::ProgressCallback&) -> tb::Status {
            auto reg = tb::Registry::open(dbPath);
            if (!reg) return reg.error();
            auto v = tb::models::registerRun(**reg, actor, lineage, registration);
            if (!v) return v.error();
            *result = *v;
            return tb::Status::success();
        });
    m_registerErrorRun.clear();
    setRegisterStatus(tr("Registering %1 as a version of %2…").arg(runId, group), false);
    updateActions();
    // The job's signals are queued, so connecting after submit() misses nothing.
    const int id = m_registerJob;
    auto* watcher = new QObject(this);
    auto done = [this, watcher, id, runId, result](const QString& error) {
        watcher->deleteLater();
        if (id != m_registerJob) return;
        m_registerJob = 0;
        m_reader.reset();  // the database may have just been created
        if (!error.isEmpty()) {
            m_registerError = tr("Could not register %1: %2").arg(runId, error);
            m_registerErrorRun = runId;
            updateActions();
            return;
        }
        updateActions();
        emit workspaceModified(QStringLiteral("registry"));
        emit navigateRequested(QStringLiteral("registry"),
                               {{QStringLiteral("group"), QString::fromStdString(result->group)},
                                {QStringLiteral("versionId"), qlonglong(result->id)}});
    };
    tb::models::JobManager* jobs = context().jobs;
    connect(jobs, &tb::models::JobManager::finished, watcher, [id, done](int jobId) {
        if (jobId == id) done(QString());
    });
    connect(jobs, &tb::models::JobManager::failed, watcher, [id, done](int jobId, const QString& message) {
        if (jobId == id) done(message);
    });
    connect(jobs, &tb::models::JobManager::cancelled, watcher, [this, id, done](int jobId) {
        if (jobId == id) done(tr("cancelled"));
    });
}

}  // namespace tb::widgets
