#include "widgets/registry/registry_page.h"

#include "widgets/empty_state_widget.h"

#include "core/registry/registry_lineage.h"
#include "models/registry/audit_log_table_model.h"
#include "models/registry/model_version_table_model.h"
#include "widgets/registry/audit_log_widget.h"
#include "widgets/registry/version_detail_widget.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::widgets {

using tb::models::ModelVersionTableModel;

RegistryPage::RegistryPage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    if (!context.workspace) {
        showEmptyState(tr("Keep the models worth keeping: versioned records of adapters together with the data, "
                          "settings and scores that produced them."),
                       {tr("Open a workspace to see its model registry."),
                        tr("Register a finished run from Runs or Compare."),
                        tr("Promote a version to staging or production.")},
                       QString());
        return;
    }
    m_actor = context.userName.isEmpty() ? QString::fromStdString(tb::Registry::osUserName()) : context.userName;
    m_dbPath = QString::fromStdString(context.workspace->registryPath());
    buildUi();
    openRegistry();
    reload();
}

RegistryPage::~RegistryPage() = default;

QString RegistryPage::title() const { return tr("Registry"); }

void RegistryPage::buildUi() {
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("registryTabs"));
    layout->addWidget(m_tabs);

    auto* versionsTab = new QWidget(m_tabs);
    auto* versionsLayout = new QVBoxLayout(versionsTab);
    auto* top = new QHBoxLayout;
    m_actorLabel = new QLabel(versionsTab);
    m_actorLabel->setObjectName(QStringLiteral("actorLabel"));
    top->addWidget(m_actorLabel, 1);
    m_refresh = new QPushButton(tr("Refresh"), versionsTab);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    top->addWidget(m_refresh);
    versionsLayout->addLayout(top);

    auto* split = new QSplitter(Qt::Horizontal, versionsTab);
    m_groups = new QStringListModel(this);
    m_groupView = new QListView(split);
    m_groupView->setObjectName(QStringLiteral("groupView"));
    m_groupView->setModel(m_groups);
    m_groupView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_groupView->setMaximumWidth(220);
    split->addWidget(m_groupView);

    auto* right = new QSplitter(Qt::Vertical, split);
    auto* tablePane = new QWidget(right);
    auto* tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto* actions = new QHBoxLayout;
    m_approve = new QPushButton(tr("Approve…"), tablePane);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject = new QPushButton(tr("Reject…"), tablePane);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_stage = new QComboBox(tablePane);
    m_stage->setObjectName(QStringLiteral("stageCombo"));
    m_stage->addItem(tr("Staging"), QStringLiteral("Staging"));
    m_stage->addItem(tr("Production"), QStringLiteral("Production"));
    m_stage->addItem(tr("Archived"), QStringLiteral("Archived"));
    m_stage->addItem(tr("None"), QStringLiteral("None"));
    m_stage->setCurrentIndex(1);
    m_promote = new QPushButton(tr("Move to stage…"), tablePane);
    m_promote->setObjectName(QStringLiteral("promoteButton"));
    m_rollback = new QPushButton(tr("Roll back…"), tablePane);
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    for (QWidget* w : {static_cast<QWidget*>(m_approve), static_cast<QWidget*>(m_reject),
                       static_cast<QWidget*>(m_stage), static_cast<QWidget*>(m_promote),
                       static_cast<QWidget*>(m_rollback)})
        actions->addWidget(w);
    actions->addStretch(1);
    tableLayout->addLayout(actions);
    m_actionHint = new QLabel(tablePane);
    m_actionHint->setObjectName(QStringLiteral("actionHint"));
    m_actionHint->setWordWrap(true);
    m_actionHint->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    tableLayout->addWidget(m_actionHint);

    m_versions = new ModelVersionTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_versions);
    m_proxy->setSortRole(ModelVersionTableModel::SortRole);
    m_proxy->setFilterKeyColumn(ModelVersionTableModel::GroupColumn);
    m_versionView = new QTableView(tablePane);
    m_versionView->setObjectName(QStringLiteral("versionView"));
    m_versionView->setModel(m_proxy);
    m_versionView->setSortingEnabled(true);
    m_versionView->sortByColumn(ModelVersionTableModel::CreatedColumn, Qt::DescendingOrder);
    m_versionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versionView->verticalHeader()->hide();
    m_versionView->horizontalHeader()->setStretchLastSection(true);
    tableLayout->addWidget(m_versionView, 1);
    // Until the first version is registered the page explains itself (as every page does).
    m_emptyHint = new EmptyStateWidget(
        icon(), title(),
        tr("Keep the models worth keeping: versioned records of adapters together with the data, settings and "
           "scores that produced them, approved by a second person before they reach production."),
        {tr("Register a finished run from Runs or Compare (or with: tunebench registry register)."),
         tr("A reviewer other than the person who ran it approves or rejects it, with a comment."),
         tr("Promote an approved version to staging or production; roll back in one step.")},
        QString(), tablePane);
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    tableLayout->addWidget(m_emptyHint);
    m_status = new QLabel(tablePane);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tableLayout->addWidget(m_status);
    right->addWidget(tablePane);

    m_detail = new VersionDetailWidget(right);
    m_detail->setObjectName(QStringLiteral("versionDetail"));
    right->addWidget(m_detail);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    versionsLayout->addWidget(split, 1);
    m_tabs->addTab(versionsTab, tr("Versions"));

    m_audit = new AuditLogWidget(context().jobs, m_tabs);
    m_audit->setObjectName(QStringLiteral("auditLog"));
    m_audit->setRegistryPath(m_dbPath);
    m_tabs->addTab(m_audit, tr("Audit log"));

    connect(m_groupView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& idx) {
        m_selectedGroup = idx.row() <= 0 ? QString() : idx.data().toString();
        m_proxy->setFilterRegularExpression(
            m_selectedGroup.isEmpty() ? QRegularExpression()
                                      : QRegularExpression(
                                            QLatin1Char('^') + QRegularExpression::escape(m_selectedGroup) + QLatin1Char('$')));
        showSelected();
    });
    connect(m_versionView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RegistryPage::showSelected);
    connect(m_refresh, &QPushButton::clicked, this, &RegistryPage::reload);
    connect(m_approve, &QPushButton::clicked, this, [this] { openDecisionDialog(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { openDecisionDialog(false); });
    connect(m_promote, &QPushButton::clicked, this, &RegistryPage::confirmPromote);
    connect(m_rollback, &QPushButton::clicked, this, &RegistryPage::confirmRollback);
    connect(m_stage, &QComboBox::currentIndexChanged, this, &RegistryPage::updateActions);
    connect(m_detail, &VersionDetailWidget::commentRequested, this, &RegistryPage::addComment);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_audit && m_audit->model()->rowCount() == 0) m_audit->reload();
    });
}

void RegistryPage::openRegistry() {
    m_registry.reset();
    m_openError.clear();
    // Looking writes nothing: without a registry database there is nothing to show, and the first
    // registration (on a worker) creates it.
    if (!QFileInfo::exists(m_dbPath)) {
        if (context().readOnly()) m_openError = tr("This workspace is open read-only and has no registry yet.");
        return;
    }
    auto reg = tb::Registry::open(m_dbPath.toStdString());
    if (!reg) {
        m_openError = tr("Could not open the registry %1: %2").arg(m_dbPath, QString::fromStdString(reg.message()));
        return;
    }
    m_registry = std::move(*reg);
}

void RegistryPage::reload() {
    if (!m_tabs) return;
    if (!m_registry) openRegistry();
    if (!m_registry) {
        setStatus(m_openError, !m_openError.isEmpty());
        m_groups->setStringList({tr("All groups")});
        m_versions->setVersions({});
        m_emptyHint->setVisible(true);
        showSelected();
        return;
    }
    const qint64 keep = selectedVersionId();
    auto groups = m_registry->groups();
    auto versions = m_registry->versions();
    if (!groups || !versions) {
        setStatus(tr("Could not read the registry: %1")
                      .arg(QString::fromStdString(!groups ? groups.message() : versions.message())),
                  true);
        return;
    }
    QStringList names{tr("All groups")};
    for (const auto& g : *groups) names << QString::fromStdString(g);
    const QString group = m_selectedGroup;
    m_groups->setStringList(names);
    const int groupRow = group.isEmpty() ? 0 : std::max<int>(0, int(names.indexOf(group)));
    m_groupView->setCurrentIndex(m_groups->index(groupRow));
    m_versions->setVersions(std::move(*versions));
    m_emptyHint->setVisible(m_versions->rowCount() == 0);
    m_versionView->resizeColumnsToContents();
    if (keep <= 0 || !selectVersion(keep)) showSelected();
    if (m_tabs->currentWidget() == m_audit) m_audit->reload();
}

bool RegistryPage::selectVersion(qint64 versionId) {
    const int row = m_versions ? m_versions->rowOfId(versionId) : -1;
    if (row < 0) return false;
    QModelIndex proxyIndex = m_proxy->mapFromSource(m_versions->index(row, 0));
    if (!proxyIndex.isValid()) {  // filtered out by the group: show all groups
        m_groupView->setCurrentIndex(m_groups->index(0));
        proxyIndex = m_proxy->mapFromSource(m_versions->index(row, 0));
    }
    m_versionView->selectRow(proxyIndex.row());
    m_versionView->scrollTo(proxyIndex);
    showSelected();
    return true;
}

qint64 RegistryPage::selectedVersionId() const {
    const tb::ModelVersionRecord* v = selectedVersion();
    return v ? v->id : 0;
}

const tb::ModelVersionRecord* RegistryPage::selectedVersion() const {
    if (!m_versionView) return nullptr;
    const QModelIndexList rows = m_versionView->selectionModel()->selectedRows();
    if (rows.isEmpty()) return nullptr;
    return m_versions->versionAt(m_proxy->mapToSource(rows.first()).row());
}

void RegistryPage::showSelected() {
    const tb::ModelVersionRecord* v = selectedVersion();
    if (!v || !m_registry) {
        m_detail->showMessage(m_versions->rowCount() == 0
                                  ? tr("Nothing registered yet.")
                                  : tr("Select a model version to see its lineage, evaluation and comments."));
        updateActions();
        return;
    }
    auto lineage = tb::modelLineage(*m_registry, v->id);
    auto comments = m_registry->comments(v->id);
    if (!lineage || !comments)
        m_detail->showMessage(tr("Could not read version #%1: %2")
                                  .arg(v->id)
                                  .arg(QString::fromStdString(!lineage ? lineage.message() : comments.message())));
    else
        m_detail->showVersion(*lineage, *comments);
    updateActions();
}

void RegistryPage::updateActions() {
    if (!m_approve) return;
    const tb::ModelVersionRecord* v = selectedVersion();
    QString common;
    if (context().readOnly()) common = tr("The workspace is open read-only (another Tunebench holds it).");
    else if (!m_registry) common = m_openError.isEmpty() ? tr("Nothing registered yet.") : m_openError;
    else if (m_writeBusy) common = tr("A registry change is in progress.");
    else if (!v) common = tr("Select a model version first.");

    // Role and four-eyes rule come from core (approvalBlocker), so the page never second-guesses them.
    // Both only read: looking at the registry records nobody (an unknown user counts as an analyst and is
    // recorded by their first change).
    QString role;
    bool analyst = true;
    if (m_registry) {
        auto user = m_registry->findUser(m_actor.toStdString());
        if (user && user->has_value()) {
            role = QString::fromStdString(tb::userRoleName((*user)->role));
            analyst = (*user)->role == tb::UserRole::Analyst;
        } else if (user) {
            role = tr("analyst, not yet recorded");
        }
    }
    QString decisionBlocker = common;
    QString stageBlocker = common;
    if (common.isEmpty() && m_registry) {
        auto blocker = m_registry->approvalBlocker(m_actor.toStdString(), v->id);
        decisionBlocker = blocker ? QString::fromStdString(*blocker) : QString::fromStdString(blocker.message());
        if (analyst)
            stageBlocker = tr("%1 is an analyst; only reviewers and admins change a model's stage.").arg(m_actor);
    }
    m_actorLabel->setText(role.isEmpty() ? tr("Acting as <b>%1</b>").arg(m_actor.toHtmlEscaped())
                                         : tr("Acting as <b>%1</b> (%2)").arg(m_actor.toHtmlEscaped(), role));

    const QString target = m_stage->currentData().toString();
    QString promoteBlocker = stageBlocker;
    if (promoteBlocker.isEmpty() && QString::fromStdString(v->stage) == target)
        promoteBlocker = tr("This version is already in %1.").arg(m_stage->currentText());
    if (promoteBlocker.isEmpty() && (target == QLatin1String("Production") || target == QLatin1String("Staging")) &&
        v->approval != "Approved")
        promoteBlocker = tr("Only Approved versions can move to %1; this one is %2.")
                             .arg(m_stage->currentText(), ModelVersionTableModel::approvalText(v->approval));
    QString rollbackBlocker = stageBlocker;
    if (rollbackBlocker.isEmpty()) {
        auto prod = m_registry->production(v->group);
        if (prod && !prod->has_value())
            rollbackBlocker = tr("Group %1 has no Production version to roll back.").arg(QString::fromStdString(v->group));
    }

    auto apply = [](QPushButton* b, const QString& why, const QString& normalTip) {
        b->setEnabled(why.isEmpty());
        b->setToolTip(why.isEmpty() ? normalTip : why);
    };
    apply(m_approve, decisionBlocker, tr("Approve this version (a comment is required)"));
    apply(m_reject, decisionBlocker, tr("Reject this version (a comment is required)"));
    apply(m_promote, promoteBlocker, tr("Move this version to the chosen stage"));
    apply(m_rollback, rollbackBlocker, tr("Put the group's previous Production version back"));
    m_stage->setEnabled(stageBlocker.isEmpty());
    m_detail->setCommentingAllowed(common.isEmpty(), common);

    // The one reason worth reading right away, inline under the buttons.
    QString hint = !common.isEmpty() ? common : !decisionBlocker.isEmpty() ? decisionBlocker : QString();
    if (hint.isEmpty() && v && v->gatePassed && !*v->gatePassed && v->approval == "PendingManualApproval")
        hint = tr("This version failed its quality gate: approving it needs an override reason.");
    m_actionHint->setText(hint);
    m_actionHint->setVisible(!hint.isEmpty() && (v || !common.isEmpty()));
}

void RegistryPage::setStatus(const QString& text, bool error) {
    if (!m_status) return;
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
    m_status->setText(text);
}

QString RegistryPage::statusText() const { return m_status ? m_status->text() : QString(); }

void RegistryPage::activate(const QVariantMap& args) {
    if (!m_tabs) return;
    reload();
    if (args.contains(QStringLiteral("group"))) {
        const int row = m_groups->stringList().indexOf(args.value(QStringLiteral("group")).toString());
        if (row > 0) m_groupView->setCurrentIndex(m_groups->index(row));
    }
    if (args.contains(QStringLiteral("versionId"))) {
        m_tabs->setCurrentIndex(0);
        selectVersion(args.value(QStringLiteral("versionId")).toLongLong());
    }
}

void RegistryPage::workspaceChanged(const QString& what) {
    if (what == QLatin1String("registry") || what == QLatin1String("runs") || what == QLatin1String("evaluations"))
        reload();
}

}  // namespace tb::widgets
