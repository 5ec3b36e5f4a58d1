// The Registry page driven offscreen on a real workspace: the versions table equals the registry, the
// lineage graph and detail show what was recorded, the four-eyes rule disables Approve for the run's
// author (with the reason) while another reviewer approves through the dialog, a failed gate needs an
// override reason, promote and rollback go through their confirmations, and Verify names the row
// edited behind Tunebench's back with the sqlite3 C API.
#include "models/job_manager.h"
#include "models/registry/audit_log_table_model.h"
#include "models/registry/model_version_table_model.h"
#include "registry_test_workspace.h"
#include "widgets/registry/approval_dialog.h"
#include "widgets/registry/audit_log_widget.h"
#include "widgets/registry/lineage_graph_view.h"
#include "widgets/registry/registry_page.h"
#include "widgets/registry/version_detail_widget.h"

#include <QComboBox>
#include <QFileInfo>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <sqlite3.h>

using tb::models::ModelVersionTableModel;
using tb::widgets::ApprovalDialog;
using tb::widgets::RegistryPage;

namespace {

constexpr int kJobTimeoutMs = 30000;

struct Harness {
    RegistryTestWorkspace ws;
    tb::models::JobManager jobs{1};
    std::unique_ptr<RegistryPage> page;

    bool open(const QString& user) {
        if (!ws.create()) return false;
        tb::widgets::PageContext context;
        context.workspace = ws.workspace;
        context.jobs = &jobs;
        context.userName = user;
        page = std::make_unique<RegistryPage>(context);
        page->resize(1200, 800);
        page->show();
        return true;
    }
    QPushButton* button(const char* name) const { return page->findChild<QPushButton*>(QLatin1String(name)); }
    tb::ModelVersionRecord version(int64_t id) const { return *ws.registry->version(id); }
};

// Waits until the page's write job is over.
bool waitForWrite(RegistryPage* page) {
    return QTest::qWaitFor([page] { return !page->writeInProgress(); }, kJobTimeoutMs);
}

// Clicks the confirm button of the page's open confirmation box `objectName`.
bool acceptConfirmation(RegistryPage* page, const char* objectName) {
    QMessageBox* box = nullptr;
    if (!QTest::qWaitFor([&] { return (box = page->findChild<QMessageBox*>(QLatin1String(objectName))) && box->isVisible(); },
                         5000))
        return false;
    auto* yes = box->findChild<QPushButton*>(QStringLiteral("confirmYes"));
    if (!yes) return false;
    yes->click();
    return true;
}

}  // namespace

class RegistryPageTest : public QObject {
    Q_OBJECT
private slots:
    void versionsTableEqualsTheRegistry() {
        Harness h;
        QVERIFY(h.open(QStringLiteral("rita")));
        auto versions = h.ws.registry->versions();
        QVERIFY(versions.ok());
        ModelVersionTableModel* model = h.page->versionModel();
        QCOMPARE(model->rowCount(), int(versions->size()));
        QCOMPARE(h.page->versionProxy()->rowCount(), 2);
        for (const auto& v : *versions) {
            const int row = model->rowOfId(v.id);
            QVERIFY(row >= 0);
            QCOMPARE(model->index(row, ModelVersionTableModel::GroupColumn).data().toString(),
                     QString::fromStdString(v.group));
            QCOMPARE(model->index(row, ModelVersionTableModel::RunByColumn).data().toString(),
                     QString::fromStdString(v.runStartedBy));
            QCOMPARE(model->index(row, ModelVersionTableModel::ApprovalColumn).data().toString(),
                     ModelVersionTableModel::approvalText(v.approval));
        }
        // The group list filters the table.
        auto* groupView = h.page->findChild<QAbstractItemView*>(QStringLiteral("groupView"));
        QVERIFY(groupView);
        QCOMPARE(groupView->model()->rowCount(), 2);  // "All groups", "tickets"
        groupView->setCurrentIndex(groupView->model()->index(1, 0));
        QCOMPARE(h.page->versionProxy()->rowCount(), 2);

        // Detail: lineage dataset -> run -> model -> export, evaluation and gate.
        QVERIFY(h.page->selectVersion(h.ws.passedId));
        QCOMPARE(h.page->detail()->versionId(), h.ws.passedId);
        const QStringList nodes = h.page->detail()->lineageView()->nodeLabels();
        QCOMPARE(nodes, (QStringList{QStringLiteral("Dataset version: support-tickets"), QStringLiteral("Run: run-1"),
                                     QStringLiteral("Model version: tickets v1"), QStringLiteral("Export: gguf")}));
        QCOMPARE(h.page->detail()->lineageView()->edgeCount(), 3);
        const tb::ModelVersionRecord v1 = h.version(h.ws.passedId);
        QVERIFY(h.page->detail()->evaluationText().contains(
            QStringLiteral("%1 %").arg(v1.evalReport["accuracy"].get<double>() * 100.0, 0, 'f', 1)));
        QVERIFY(h.page->detail()->gateText().contains(QStringLiteral("Passed")));
        QVERIFY(h.page->selectVersion(h.ws.failedId));
        QVERIFY(h.page->detail()->gateText().contains(QStringLiteral("Failed")));
        QCOMPARE(h.page->detail()->lineageView()->nodeLabels().last(), QStringLiteral("Exports: none yet"));
    }

    void authorCannotApproveButAnotherReviewerCan() {
        // ralph started the runs: the four-eyes rule blocks him, with the reason on the button.
        {
            Harness h;
            QVERIFY(h.open(QStringLiteral("ralph")));
            QVERIFY(h.page->selectVersion(h.ws.passedId));
            QPushButton* approve = h.button("approveButton");
            QVERIFY(!approve->isEnabled());
            QVERIFY2(approve->toolTip().contains(QStringLiteral("four-eyes")), qPrintable(approve->toolTip()));
            QVERIFY(!h.button("rejectButton")->isEnabled());
            auto* hint = h.page->findChild<QLabel*>(QStringLiteral("actionHint"));
            QVERIFY(hint->text().contains(QStringLiteral("four-eyes")));
        }
        // alice is an analyst: no approvals, no stage changes.
        {
            Harness h;
            QVERIFY(h.open(QStringLiteral("alice")));
            QVERIFY(h.page->selectVersion(h.ws.passedId));
            QVERIFY(!h.button("approveButton")->isEnabled());
            QVERIFY(h.button("approveButton")->toolTip().contains(QStringLiteral("analyst")));
            QVERIFY(!h.button("promoteButton")->isEnabled());
        }
        // rita approves through the dialog; the comment is required.
        Harness h;
        QVERIFY(h.open(QStringLiteral("rita")));
        QSignalSpy modified(h.page.get(), &tb::widgets::Page::workspaceModified);
        QVERIFY(h.page->selectVersion(h.ws.passedId));
        QPushButton* approve = h.button("approveButton");
        QVERIFY2(approve->isEnabled(), qPrintable(approve->toolTip()));
        approve->click();
        auto* dialog = h.page->findChild<ApprovalDialog*>(QStringLiteral("approveDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->needsOverride());
        auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
        QVERIFY(!confirm->isEnabled());
        QCOMPARE(confirm->toolTip(), QStringLiteral("A comment is required."));
        QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("commentEdit")),
                         QStringLiteral("Checked the confusion matrix"));
        QVERIFY(confirm->isEnabled());
        confirm->click();
        QVERIFY(waitForWrite(h.page.get()));
        QCOMPARE(h.version(h.ws.passedId).approval, std::string("Approved"));
        auto comments = h.ws.registry->comments(h.ws.passedId);
        QVERIFY(comments.ok() && comments->size() == 1);
        QCOMPARE((*comments)[0].author, std::string("rita"));
        QCOMPARE((*comments)[0].body, std::string("Checked the confusion matrix"));
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.first().first().toString(), QStringLiteral("registry"));
        const int row = h.page->versionModel()->rowOfId(h.ws.passedId);
        QCOMPARE(h.page->versionModel()->index(row, ModelVersionTableModel::ApprovalColumn).data().toString(),
                 QStringLiteral("Approved"));
        QVERIFY(h.page->detail()->commentsText().contains(QStringLiteral("Checked the confusion matrix")));
        // Decided once: the buttons now say why not again.
        QVERIFY(!approve->isEnabled());
        QVERIFY(approve->toolTip().contains(QStringLiteral("already Approved")));
    }

    void failedGateNeedsAnOverrideReason() {
        Harness h;
        QVERIFY(h.open(QStringLiteral("rita")));
        QVERIFY(h.page->selectVersion(h.ws.failedId));
        h.button("approveButton")->click();
        auto* dialog = h.page->findChild<ApprovalDialog*>(QStringLiteral("approveDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->needsOverride());
        auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
        auto* overrideEdit = dialog->findChild<QLineEdit*>(QStringLiteral("overrideEdit"));
        QVERIFY(overrideEdit->isVisible());
        QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("commentEdit")), QStringLiteral("Reviewed"));
        QVERIFY(!confirm->isEnabled());
        QVERIFY(confirm->toolTip().contains(QStringLiteral("override reason")));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("reasonLabel"))->text().contains(QStringLiteral("quality gate")));
        QTest::keyClicks(overrideEdit, QStringLiteral("Gate measured on a stale split"));
        QVERIFY(confirm->isEnabled());
        confirm->click();
        QVERIFY(waitForWrite(h.page.get()));
        const tb::ModelVersionRecord v = h.version(h.ws.failedId);
        QCOMPARE(v.approval, std::string("Approved"));
        QCOMPARE(v.approvalOverride, std::string("Gate measured on a stale split"));
    }

    void rejectNeedsAComment() {
        Harness h;
        QVERIFY(h.open(QStringLiteral("rita")));
        QVERIFY(h.page->selectVersion(h.ws.failedId));
        h.button("rejectButton")->click();
        auto* dialog = h.page->findChild<ApprovalDialog*>(QStringLiteral("rejectDialog"));
        QVERIFY(dialog);
        QVERIFY(!dialog->needsOverride());
        auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
        QVERIFY(!confirm->isEnabled());
        QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("commentEdit")), QStringLiteral("Below base"));
        confirm->click();
        QVERIFY(waitForWrite(h.page.get()));
        QCOMPARE(h.version(h.ws.failedId).approval, std::string("Rejected"));
        // A rejected version cannot go to Production: the button says so.
        auto* stage = h.page->findChild<QComboBox*>(QStringLiteral("stageCombo"));
        stage->setCurrentIndex(stage->findData(QStringLiteral("Production")));
        QVERIFY(!h.button("promoteButton")->isEnabled());
        QVERIFY(h.button("promoteButton")->toolTip().contains(QStringLiteral("Only Approved")));
    }

    void promoteAndRollbackWithConfirmation() {
        Harness h;
        QVERIFY(h.open(QStringLiteral("rita")));
        tb::Registry& r = *h.ws.registry;
        QVERIFY(r.approve("rita", h.ws.passedId, "ok").ok());
        QVERIFY(r.approve("rita", h.ws.failedId, "ok", "accepted risk").ok());
        h.page->reload();
        auto* stage = h.page->findChild<QComboBox*>(QStringLiteral("stageCombo"));
        stage->setCurrentIndex(stage->findData(QStringLiteral("Production")));

        // v1 -> Production (confirmed).
        QVERIFY(h.page->selectVersion(h.ws.passedId));
        QVERIFY(!h.button("rollbackButton")->isEnabled());  // nothing in Production yet
        QVERIFY2(h.button("promoteButton")->isEnabled(), qPrintable(h.button("promoteButton")->toolTip()));
        h.button("promoteButton")->click();
        QVERIFY(acceptConfirmation(h.page.get(), "confirmPromote"));
        QVERIFY(waitForWrite(h.page.get()));
        QCOMPARE(h.version(h.ws.passedId).stage, std::string("Production"));

        // Cancelling a confirmation changes nothing.
        QVERIFY(h.page->selectVersion(h.ws.failedId));
        h.button("promoteButton")->click();
        auto* box = h.page->findChild<QMessageBox*>(QStringLiteral("confirmPromote"));
        QVERIFY(box && box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("v1 moves to Archived")));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(50);
        QVERIFY(!h.page->writeInProgress());
        QCOMPARE(h.version(h.ws.failedId).stage, std::string("None"));

        // v2 -> Production archives v1.
        h.button("promoteButton")->click();
        QVERIFY(acceptConfirmation(h.page.get(), "confirmPromote"));
        QVERIFY(waitForWrite(h.page.get()));
        QCOMPARE(h.version(h.ws.failedId).stage, std::string("Production"));
        QCOMPARE(h.version(h.ws.passedId).stage, std::string("Archived"));
        const int row = h.page->versionModel()->rowOfId(h.ws.passedId);
        QCOMPARE(h.page->versionModel()->index(row, ModelVersionTableModel::StageColumn).data().toString(),
                 QStringLiteral("Archived"));

        // Roll back: v1 returns, v2 is archived.
        QVERIFY(h.button("rollbackButton")->isEnabled());
        h.button("rollbackButton")->click();
        QVERIFY(acceptConfirmation(h.page.get(), "confirmRollback"));
        QVERIFY(waitForWrite(h.page.get()));
        QCOMPARE(h.version(h.ws.passedId).stage, std::string("Production"));
        QCOMPARE(h.version(h.ws.failedId).stage, std::string("Archived"));
        QVERIFY(h.page->statusText().contains(QStringLiteral("rolled back")));

        // With nothing in Production, Roll back is disabled and says why.
        QVERIFY(r.promote("rita", h.ws.passedId, "Archived").ok());
        h.page->reload();
        QVERIFY(h.page->selectVersion(h.ws.passedId));
        QVERIFY(!h.button("rollbackButton")->isEnabled());
        QVERIFY(h.button("rollbackButton")->toolTip().contains(QStringLiteral("no Production version")));
    }

    void openingThePageWritesNothing() {
        // A registry with versions: a newcomer and a reviewer look around; no audit row, no user appears.
        Harness h;
        QVERIFY(h.open(QStringLiteral("newcomer")));
        const int64_t rowsBefore = int64_t(h.ws.registry->audit().entries()->size());
        const size_t usersBefore = h.ws.registry->users()->size();
        auto* actorLabel = h.page->findChild<QLabel*>(QStringLiteral("actorLabel"));
        QVERIFY2(actorLabel->text().contains(QStringLiteral("not yet recorded")), qPrintable(actorLabel->text()));
        QVERIFY(h.page->selectVersion(h.ws.passedId));
        QVERIFY(!h.button("approveButton")->isEnabled());
        QVERIFY(h.button("approveButton")->toolTip().contains(QStringLiteral("analyst")));
        h.page->reload();
        h.page->activate({{QStringLiteral("versionId"), qlonglong(h.ws.failedId)}});
        QSignalSpy loaded(h.page->auditLog(), &tb::widgets::AuditLogWidget::loaded);
        h.page->findChild<QTabWidget*>(QStringLiteral("registryTabs"))->setCurrentWidget(h.page->auditLog());
        QVERIFY(loaded.wait(kJobTimeoutMs));
        QCOMPARE(h.page->auditLog()->model()->rowCount(), int(rowsBefore));
        tb::widgets::PageContext context;
        context.workspace = h.ws.workspace;
        context.jobs = &h.jobs;
        context.userName = QStringLiteral("rita");
        {
            RegistryPage second(context);
            second.show();
            QVERIFY(second.selectVersion(h.ws.passedId));
            QVERIFY(second.findChild<QPushButton*>(QStringLiteral("approveButton"))->isEnabled());
        }
        QCOMPARE(int64_t(h.ws.registry->audit().entries()->size()), rowsBefore);
        QCOMPARE(h.ws.registry->users()->size(), usersBefore);
        auto newcomer = h.ws.registry->findUser("newcomer");
        QVERIFY(newcomer.ok() && !newcomer->has_value());

        // A fresh workspace: opening the page creates no registry database at all.
        QTemporaryDir fresh;
        auto ws = tb::Workspace::open(fresh.path().toStdString(), false);
        QVERIFY(ws.ok());
        context.workspace = *ws;
        context.userName = QStringLiteral("first-visitor");
        {
            RegistryPage page(context);
            page.show();
            page.reload();
            QVERIFY(page.statusText().isEmpty());
            QCOMPARE(page.versionModel()->rowCount(), 0);
            QVERIFY(page.findChild<QWidget*>(QStringLiteral("emptyHint"))->isVisible());
            QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("approveButton"))->isEnabled());
            QSignalSpy freshLoaded(page.auditLog(), &tb::widgets::AuditLogWidget::loaded);
            page.findChild<QTabWidget*>(QStringLiteral("registryTabs"))->setCurrentWidget(page.auditLog());
            QVERIFY(freshLoaded.wait(kJobTimeoutMs));
            QCOMPARE(page.auditLog()->model()->rowCount(), 0);
        }
        QVERIFY(!QFileInfo::exists(QString::fromStdString((*ws)->registryPath())));
    }

    void verifyNamesTheTamperedRow() {
        Harness h;
        QVERIFY(h.open(QStringLiteral("rita")));
        tb::widgets::AuditLogWidget* audit = h.page->auditLog();
        QSignalSpy verified(audit, &tb::widgets::AuditLogWidget::verified);
        audit->findChild<QPushButton*>(QStringLiteral("auditVerifyButton"))->click();
        QVERIFY(verified.wait(kJobTimeoutMs));
        QCOMPARE(verified.takeFirst().first().toBool(), true);
        QVERIFY(audit->statusText().contains(QStringLiteral("intact")));
        const int rows = audit->model()->rowCount();
        QVERIFY(rows >= 8);

        // Edit row 5 as a tamperer with direct database access would: drop the guard trigger first.
        const QByteArray db = QByteArray::fromStdString(h.ws.workspace->registryPath());
        sqlite3* conn = nullptr;
        QCOMPARE(sqlite3_open(db.constData(), &conn), SQLITE_OK);
        char* err = nullptr;
        const int rc = sqlite3_exec(conn,
                                    "DROP TRIGGER audit_log_no_update;"
                                    "UPDATE audit_log SET actor = 'mallory' WHERE seq = 5;",
                                    nullptr, nullptr, &err);
        const QString message = err ? QString::fromUtf8(err) : QString();
        sqlite3_free(err);
        sqlite3_close(conn);
        QVERIFY2(rc == SQLITE_OK, qPrintable(message));

        audit->findChild<QPushButton*>(QStringLiteral("auditVerifyButton"))->click();
        QVERIFY(verified.wait(kJobTimeoutMs));
        QCOMPARE(verified.takeFirst().first().toBool(), false);
        QVERIFY2(audit->statusText().contains(QStringLiteral("Row 5 (edited)")), qPrintable(audit->statusText()));
        const int row5 = audit->model()->rowOfSeq(5);
        QCOMPARE(audit->model()->problemAt(row5), QStringLiteral("edited"));
        QCOMPARE(audit->model()->index(row5, tb::models::AuditLogTableModel::ActorColumn).data().toString(),
                 QStringLiteral("mallory"));
        for (int row = 0; row < audit->model()->rowCount(); ++row)
            if (row != row5) QCOMPARE(audit->model()->problemAt(row), QString());
        // The broken row is selected for the reader.
        const QModelIndexList selected = audit->view()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), row5);
    }
};

QTEST_MAIN(RegistryPageTest)
#include "registry_page_test.moc"
