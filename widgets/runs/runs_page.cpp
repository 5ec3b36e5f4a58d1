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

#include "core/train/run_index.h"
#include "models/runs/run_list_model.h"
#include "models/runs/run_scheduler.h"
#include "widgets/empty_state_widget.h"
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

    m_scheduler =
        new tb::models::RunScheduler(QString::fromStdString(context.workspace->runsDir()), context.readOnly(), this);
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
    actions->addWidget(m_problems, 1);
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
    connect(m_scheduler, &tb::models::RunScheduler::runEnded, this,
            [this] { emit workspaceModified(QStringLiteral("runs")); });
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
    connect(m_register, &QPushButton::clicked, this, [this] {
        const auto* run = m_scheduler->find(m_selected);
        if (!run) return;
        emit navigateRequested(QStringLiteral("registry"),
                               {{QStringLiteral("run"), m_selected},
                                {QStringLiteral("runDir"), QString::fromStdString(run->dir)},
                                {QStringLiteral("adapter"), adapterDirOf(m_selected)},
                                {QStringLiteral("model"), QString::fromStdString(run->request.modelPath)},
                                {QStringLiteral("datasetVersion"), QString::fromStdString(run->request.datasetVersion)},
                                {QStringLiteral("datasetName"), QString::fromStdString(run->request.datasetName)},
                                {QStringLiteral("bestValLoss"), run->state.bestValLoss},
                                {QStringLiteral("register"), true}});
    });
    m_stack->setCurrentIndex(m_scheduler->runs().empty() ? 0 : 1);
    if (!m_scheduler->runs().empty()) selectRun(QString::fromStdString(m_scheduler->runs().back().id));
    updateActions();
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
    m_register->setEnabled(finished && !adapter.isEmpty() && !context().readOnly());
    m_register->setToolTip(!run                   ? tr("Select a run.")
                           : !finished            ? tr("Available once the run has finished.")
                           : adapter.isEmpty()    ? tr("The run wrote no adapter to register.")
                           : context().readOnly() ? tr("The workspace is open read-only.")
                                                  : tr("Register the adapter in the model registry."));
}

}  // namespace tb::widgets
