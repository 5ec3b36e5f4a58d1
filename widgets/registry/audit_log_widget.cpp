#include "widgets/registry/audit_log_widget.h"

#include "core/registry/registry.h"
#include "models/registry/audit_log_table_model.h"
#include "widgets/registry/registry_job.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <filesystem>
#include <memory>
#include <optional>

namespace tb::widgets {

AuditLogWidget::AuditLogWidget(tb::models::JobManager* jobs, QWidget* parent) : QWidget(parent), m_jobs(jobs) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_reload = new QPushButton(tr("Reload"), this);
    m_reload->setObjectName(QStringLiteral("auditReloadButton"));
    m_verify = new QPushButton(tr("Verify chain"), this);
    m_verify->setObjectName(QStringLiteral("auditVerifyButton"));
    m_verify->setToolTip(tr("Recompute every row's SHA-256 and check that each row chains to the one before it"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_reload);
    bar->addWidget(m_verify);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);

    m_model = new tb::models::AuditLogTableModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(tb::models::AuditLogTableModel::DetailsColumn, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    connect(m_reload, &QPushButton::clicked, this, &AuditLogWidget::reload);
    connect(m_verify, &QPushButton::clicked, this, &AuditLogWidget::verify);
    setBusy(false);
}

void AuditLogWidget::setRegistryPath(const QString& dbPath) {
    m_dbPath = dbPath;
    setBusy(m_busy);
}

QString AuditLogWidget::statusText() const { return m_status->text(); }

void AuditLogWidget::reload() { run(false); }
void AuditLogWidget::verify() { run(true); }

void AuditLogWidget::setBusy(bool busy) {
    m_busy = busy;
    const QString why = m_dbPath.isEmpty() ? tr("No workspace is open.") : busy ? tr("Working…") : QString();
    for (QPushButton* b : {m_reload, m_verify}) {
        b->setEnabled(why.isEmpty());
        if (!why.isEmpty()) b->setToolTip(why);
    }
}

void AuditLogWidget::run(bool withVerify) {
    if (m_busy || m_dbPath.isEmpty() || !m_jobs) return;
    struct Outcome {
        std::vector<tb::AuditEntry> entries;
        std::optional<tb::AuditVerification> verification;
    };
    auto outcome = std::make_shared<Outcome>();
    const std::string path = m_dbPath.toStdString();
    setBusy(true);
    m_status->setText(withVerify ? tr("Verifying the audit chain…") : tr("Reading the audit log…"));
    // The worker opens its own connection: SQLite connections are not shared across threads here.
    auto work = [outcome, path, withVerify](const tb::ProgressCallback&) -> tb::Status {
        // Reading writes nothing: no database yet means no rows (opening would create one).
        if (!std::filesystem::exists(path)) {
            if (withVerify) outcome->verification = tb::AuditVerification{};
            return tb::Status::success();
        }
        auto reg = tb::Registry::open(path);
        if (!reg) return reg.error();
        auto entries = (*reg)->audit().entries();
        if (!entries) return entries.error();
        outcome->entries = std::move(*entries);
        if (withVerify) {
            auto v = (*reg)->audit().verify();
            if (!v) return v.error();
            outcome->verification = std::move(*v);
        }
        return tb::Status::success();
    };
    runRegistryJob(m_jobs, this, withVerify ? tr("Verify audit log") : tr("Read audit log"), work,
                   [this, outcome](const QString& error) {
        setBusy(false);
        if (!error.isEmpty()) {
            m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
            m_status->setText(tr("Could not read the audit log: %1").arg(error));
            return;
        }
        m_model->setEntries(std::move(outcome->entries));
        m_view->resizeColumnsToContents();
        if (!outcome->verification) {
            m_status->setStyleSheet(QString());
            m_status->setText(tr("%n audit row(s).", nullptr, m_model->rowCount()));
            emit loaded();
            return;
        }
        const tb::AuditVerification& v = *outcome->verification;
        m_model->setProblems(v.problems);
        if (v.ok) {
            m_status->setStyleSheet(QStringLiteral("color: #2e7d32;"));
            m_status->setText(tr("%n row(s) checked: the chain is intact.", nullptr, int(v.rowsChecked)));
        } else {
            QStringList lines;
            for (const tb::AuditProblem& p : v.problems)
                lines << tr("Row %1 (%2): %3").arg(p.seq).arg(QString::fromStdString(p.kind),
                                                            QString::fromStdString(p.message));
            m_status->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
            m_status->setText(tr("Tampering detected in %n row(s) checked.", nullptr, int(v.rowsChecked)) +
                              QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
            // Bring the first broken row that still exists into view.
            for (const tb::AuditProblem& p : v.problems) {
                const int row = m_model->rowOfSeq(p.seq);
                if (row < 0) continue;
                m_view->selectRow(row);
                m_view->scrollTo(m_model->index(row, 0));
                break;
            }
        }
        emit verified(v.ok);
    });
}

}  // namespace tb::widgets
