// GUI runs in the registry, end to end on a demo workspace: a real small run trained on the Runs page is
// recorded (who started it, dataset version, base model hash, final status and metrics); a resumed run
// updates the same record and closing the app records it as interrupted; the Register dialog validates as
// typed and registers the adapter on a worker, then the Registry page shows the new version whose lineage
// names that run and dataset version; the run's author cannot approve it (four-eyes, with the reason) while
// a second reviewer can; opening the Registry page writes no audit row; "Evaluate and compare" opens
// Compare pre-filled with the test split and starts the comparison.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "core/data/dataset_version.h"
#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "core/registry/registry_lineage.h"
#include "core/train/run_index.h"
#include "core/workspace/workspace_crypto.h"
#include "models/job_manager.h"
#include "models/runs/run_registration.h"
#include "models/runs/run_scheduler.h"
#include "tests/gui/runs/demo_workspace.h"
#include "widgets/compare/compare_page.h"
#include "widgets/registry/approval_dialog.h"
#include "widgets/registry/registry_page.h"
#include "widgets/runs/register_run_dialog.h"
#include "widgets/runs/runs_page.h"

using tb::train::RunStatus;
using tb::widgets::RegisterRunDialog;
using tb::widgets::RegistryPage;
using tb::widgets::RunsPage;

namespace {
constexpr int kTrainTimeoutMs = 120000;
}

class RunRegistryTest : public QObject {
    Q_OBJECT
private:
    tb::testing::DemoWorkspace m_demo;
    std::unique_ptr<tb::models::JobManager> m_jobs;
    std::unique_ptr<RunsPage> m_runs;
    std::string m_datasetVersion;
    const QString m_runId = QStringLiteral("gui-run");
    qint64 m_versionId = 0;

    tb::widgets::PageContext context(const QString& user) const { return {m_demo.workspace, m_jobs.get(), user}; }

    std::unique_ptr<tb::Registry> openRegistry() const {
        auto reg = tb::Registry::open(m_demo.workspace->registryPath());
        if (!reg) qWarning("%s", reg.message().c_str());
        return reg ? std::move(*reg) : nullptr;
    }
    int64_t auditRows() const {
        auto reg = openRegistry();
        auto entries = reg ? reg->audit().entries() : tb::Result<std::vector<tb::AuditEntry>>(tb::inputError("no"));
        return entries ? int64_t(entries->size()) : -1;
    }
    std::string registryStatus(const QString& runId) const {
        auto reg = openRegistry();
        auto run = reg ? reg->run(runId.toStdString()) : tb::Result<tb::RunRecord>(tb::inputError("no"));
        return run ? run->status : std::string("(not recorded)");
    }
    RunStatus statusOf(const QString& runId) const {
        const auto* run = m_runs->scheduler()->find(runId);
        return run ? run->state.status : RunStatus::Failed;
    }

    // A run folder as the wizard writes it (request.json naming the dataset version, status queued).
    bool writeRun(const QString& name, int maxSteps) {
        tb::train::RunRequest req;
        req.modelPath = m_demo.modelDir.toStdString();
        req.datasetName = "support-tickets";
        req.datasetVersion = m_datasetVersion;
        req.datasetDir = m_demo.versionDir.toStdString();
        req.trainPath = req.datasetDir + "/train.jsonl";
        req.valPath = req.datasetDir + "/validation.jsonl";
        req.testPath = req.datasetDir + "/test.jsonl";
        req.task = "classification";
        req.config.lora.rank = 4;
        req.config.lora.alpha = 8;
        req.config.lr = 3e-3;
        req.config.maxSteps = maxSteps;
        req.config.seed = 17;
        req.config.batch.batchSize = 8;
        req.config.batch.maxSeqLen = 64;
        req.config.checkpointEvery = 2;
        req.config.evalEvery = 2;
        const std::string dir = m_demo.workspace->runsDir() + "/" + name.toStdString();
        if (!tb::train::writeRunRequest(dir, req)) return false;
        tb::train::RunState state;
        return tb::train::writeRunState(dir, state).ok();
    }

    void makeRunsPage() {
        m_runs = std::make_unique<RunsPage>(context(QStringLiteral("ana")));
        m_runs->resize(1200, 800);
        m_runs->show();
    }

private slots:
    void initTestCase() {
        QVERIFY2(m_demo.create(), qPrintable(m_demo.error));
        auto version = tb::readDatasetVersion(m_demo.versionDir.toStdString());
        QVERIFY(version.ok());
        m_datasetVersion = version->version;
        m_jobs = std::make_unique<tb::models::JobManager>(1);
        makeRunsPage();
        // Nothing has been recorded by opening the Runs page: no registry database yet.
        QVERIFY(!QFile::exists(QString::fromStdString(m_demo.workspace->registryPath())));
    }

    void cleanupTestCase() {
        m_runs.reset();
        m_jobs->cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->activeCount(), 0, 60000);  // a cancelled job ends at its next check
    }

    void finishedRunIsRecordedWithItsAuthorAndDatasetVersion() {
        QVERIFY(writeRun(m_runId, 4));
        m_runs->activate({{QStringLiteral("run"), m_runId}, {QStringLiteral("start"), true}});
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(m_runId) == RunStatus::Finished, kTrainTimeoutMs);

        auto reg = openRegistry();
        QVERIFY(reg);
        auto run = reg->run(m_runId.toStdString());
        QVERIFY2(run.ok(), run.ok() ? "" : run.message().c_str());
        QCOMPARE(run->startedBy, std::string("ana"));
        QCOMPARE(run->status, std::string("finished"));
        QCOMPARE(run->datasetVersionId, m_datasetVersion);
        QCOMPARE(run->baseModel, m_demo.modelDir.toStdString());
        QCOMPARE(run->seed, int64_t(17));
        QCOMPARE(run->config["dataset_version"].get<std::string>(), m_datasetVersion);
        QVERIFY(!run->finishedAt.empty());
        QCOMPARE(run->metrics["steps"].get<int64_t>(), int64_t(4));
        QVERIFY(run->metrics["best_val_loss"].get<double>() > 0.0);
        auto sha = tb::models::modelContentSha256(m_demo.modelDir.toStdString());
        QVERIFY(sha.ok());
        QCOMPARE(run->baseModelSha256, *sha);
        QCOMPARE(sha->size(), size_t(64));
        // The acting user was created as an analyst by this first change; the audit log names them.
        auto ana = reg->findUser("ana");
        QVERIFY(ana.ok() && ana->has_value());
        QCOMPARE((*ana)->role, tb::UserRole::Analyst);
        auto entries = reg->audit().entries();
        QVERIFY(entries.ok());
        QStringList actions;
        for (const auto& e : *entries) {
            QCOMPARE(e.actor, std::string("ana"));
            actions << QString::fromStdString(e.action);
        }
        QCOMPARE(actions, (QStringList{"user.create", "dataset.version", "run.create", "run.status"}));
        QCOMPARE(entries->back().details["status"].get<std::string>(), std::string("finished"));
        QVERIFY(reg->audit().verify()->ok);
        auto* registerButton = m_runs->findChild<QPushButton*>(QStringLiteral("registerButton"));
        QVERIFY(registerButton->isEnabled());
        QVERIFY(!m_runs->registeredVersion());

        // The workspace's first admin sets the team up (explicitly); ana becomes a reviewer too.
        QVERIFY(reg->claimAdmin("admin").ok());
        QVERIFY(reg->setUserRole("admin", "rita", tb::UserRole::Reviewer).ok());
        QVERIFY(reg->setUserRole("admin", "ana", tb::UserRole::Reviewer).ok());
    }

    void registerDialogValidatesAndRegistersTheRun() {
        m_runs->selectRun(m_runId);
        auto* registerButton = m_runs->findChild<QPushButton*>(QStringLiteral("registerButton"));
        QVERIFY(registerButton->isEnabled());
        QTest::mouseClick(registerButton, Qt::LeftButton);
        auto* dialog = m_runs->findChild<RegisterRunDialog*>(QStringLiteral("registerRunDialog"));
        QVERIFY(dialog && dialog->isVisible());
        auto* group = dialog->findChild<QComboBox*>(QStringLiteral("groupCombo"));
        auto* description = dialog->findChild<QLineEdit*>(QStringLiteral("groupDescription"));
        auto* notes = dialog->findChild<QPlainTextEdit*>(QStringLiteral("notesEdit"));
        auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("registerConfirm"));
        auto* error = dialog->findChild<QLabel*>(QStringLiteral("registerError"));
        QVERIFY(group && description && notes && ok && error);
        // Prefilled from the run: its dataset's name as a new group.
        QCOMPARE(group->currentText(), QStringLiteral("support-tickets"));
        QVERIFY(dialog->isNewGroup());
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("runFacts"))->text().contains(m_runId));

        // Bad names are refused as typed, with the reason on the button and under the fields.
        const struct {
            QString name;
            const char* reason;
        } bad[] = {{QString(), "Enter a model group name"},
                   {QStringLiteral("   "), "Enter a model group name"},
                   {QStringLiteral("../escape"), "must not start with '.'"},
                   {QStringLiteral("a/b"), "path separator"},
                   {QStringLiteral("tab\there"), "control character"},
                   {QStringLiteral("<script>alert(1)</script>"), "may contain only"},
                   {QStringLiteral("x'; DROP TABLE model_groups;--"), "may contain only"},
                   {QStringLiteral("a..b"), "'..'"},
                   {QString(129, QLatin1Char('g')), "longer than 128"},
                   {QStringLiteral("ünïcode"), "may contain only"}};
        for (const auto& b : bad) {
            group->setEditText(b.name);
            QVERIFY2(!ok->isEnabled(), qPrintable(b.name));
            QVERIFY2(ok->toolTip().contains(QLatin1String(b.reason)), qPrintable(b.name + " -> " + ok->toolTip()));
            QCOMPARE(error->text(), ok->toolTip());
        }
        group->setEditText(QString());
        QTest::keyClicks(group->lineEdit(), QStringLiteral("support triage"));
        QVERIFY(ok->isEnabled());
        QVERIFY(error->text().isEmpty());
        notes->setPlainText(QStringLiteral("bell \a in the notes"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(ok->toolTip().contains(QStringLiteral("control character")));
        notes->setPlainText(QStringLiteral("First GUI registration.\nRank 4, 4 steps."));
        // SQL-looking text is fine as a description: it is stored verbatim, never executed.
        const QString hostileDescription = QStringLiteral("Robert'); DROP TABLE model_groups;-- <b>triage</b>");
        description->setText(hostileDescription);
        QVERIFY(ok->isEnabled());

        QSignalSpy navigate(m_runs.get(), &tb::widgets::Page::navigateRequested);
        QSignalSpy modified(m_runs.get(), &tb::widgets::Page::workspaceModified);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(navigate.count() == 1, 60000);
        QVERIFY(!m_runs->registrationInProgress());
        QCOMPARE(navigate.at(0).at(0).toString(), QStringLiteral("registry"));
        const QVariantMap args = navigate.at(0).at(1).toMap();
        QCOMPARE(args.value(QStringLiteral("group")).toString(), QStringLiteral("support triage"));
        m_versionId = args.value(QStringLiteral("versionId")).toLongLong();
        QVERIFY(m_versionId > 0);
        QVERIFY(modified.count() >= 1);
        QCOMPARE(modified.last().at(0).toString(), QStringLiteral("registry"));

        // The version's lineage names the run and the dataset version; the adapter is stored by content.
        auto reg = openRegistry();
        auto v = reg->version(m_versionId);
        QVERIFY(v.ok());
        QCOMPARE(v->group, std::string("support triage"));
        QCOMPARE(v->version, int64_t(1));
        QCOMPARE(v->runId, m_runId.toStdString());
        QCOMPARE(v->runStartedBy, std::string("ana"));
        QCOMPARE(v->createdBy, std::string("ana"));
        QCOMPARE(v->datasetVersionId, m_datasetVersion);
        QCOMPARE(v->baseModelSha256, reg->run(m_runId.toStdString())->baseModelSha256);
        QCOMPARE(v->adapterSha256.size(), size_t(64));
        QVERIFY(QFile::exists(QString::fromStdString(v->adapterPath) + QStringLiteral("/artifact.json")));
        auto lineage = tb::modelLineage(*reg, m_versionId);
        QVERIFY(lineage.ok());
        QVERIFY(lineage->dataset && lineage->run);
        QCOMPARE(lineage->dataset->id, m_datasetVersion);
        QCOMPARE(lineage->dataset->name, std::string("support-tickets"));
        QCOMPARE(lineage->run->id, m_runId.toStdString());
        auto comments = reg->comments(m_versionId);
        QVERIFY(comments.ok() && comments->size() == 1);
        QCOMPARE((*comments)[0].body, std::string("First GUI registration.\nRank 4, 4 steps."));
        auto desc =
            reg->db().queryOne("SELECT description FROM model_groups WHERE name = ?", {std::string("support triage")});
        QVERIFY(desc.ok() && desc->has_value());
        QCOMPARE(QString::fromStdString((*desc)->text(0)), hostileDescription);
        auto groups = reg->groups();
        QVERIFY(groups.ok() && groups->size() == 1);

        // The run now says where it went, and the button opens that version.
        QVERIFY(m_runs->registeredVersion());
        QCOMPARE(m_runs->registeredVersion()->id, m_versionId);
        QCOMPARE(m_runs->registerStatusText(), QStringLiteral("Registered as support triage v1"));
        QCOMPARE(registerButton->text(), QStringLiteral("Open support triage v1"));
        QTest::mouseClick(registerButton, Qt::LeftButton);
        QCOMPARE(navigate.count(), 2);
        QCOMPARE(navigate.at(1).at(1).toMap().value(QStringLiteral("versionId")).toLongLong(), m_versionId);
        QVERIFY(!m_runs->findChild<RegisterRunDialog*>(QStringLiteral("registerRunDialog")));
    }

    void authorCannotApproveASecondReviewerCanAndLookingWritesNothing() {
        QVERIFY(m_versionId > 0);
        const int64_t before = auditRows();
        QVERIFY(before > 0);
        {
            // A newcomer opening the Registry page records nothing.
            RegistryPage page(context(QStringLiteral("newcomer")));
            page.show();
            page.activate({{QStringLiteral("group"), QStringLiteral("support triage")},
                           {QStringLiteral("versionId"), m_versionId}});
            QCOMPARE(page.selectedVersionId(), m_versionId);
        }
        {
            // ana started the run: the four-eyes rule disables Approve, with the reason.
            RegistryPage page(context(QStringLiteral("ana")));
            page.show();
            page.activate({{QStringLiteral("group"), QStringLiteral("support triage")},
                           {QStringLiteral("versionId"), m_versionId}});
            QCOMPARE(page.selectedVersionId(), m_versionId);
            auto* approve = page.findChild<QPushButton*>(QStringLiteral("approveButton"));
            QVERIFY(!approve->isEnabled());
            QVERIFY2(approve->toolTip().contains(QStringLiteral("four-eyes")), qPrintable(approve->toolTip()));
        }
        QCOMPARE(auditRows(), before);
        auto reg = openRegistry();
        auto newcomer = reg->findUser("newcomer");
        QVERIFY(newcomer.ok() && !newcomer->has_value());
        QVERIFY(!reg->approve("ana", m_versionId, "my own run").ok());

        // rita approves through the dialog.
        RegistryPage page(context(QStringLiteral("rita")));
        page.show();
        page.activate({{QStringLiteral("versionId"), m_versionId}});
        auto* approve = page.findChild<QPushButton*>(QStringLiteral("approveButton"));
        QVERIFY2(approve->isEnabled(), qPrintable(approve->toolTip()));
        approve->click();
        auto* dialog = page.findChild<tb::widgets::ApprovalDialog*>(QStringLiteral("approveDialog"));
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("commentEdit")),
                         QStringLiteral("Compared on the test split"));
        dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page.writeInProgress(), 30000);
        auto v = reg->version(m_versionId);
        QCOMPARE(v->approval, std::string("Approved"));
        auto entries = reg->audit().entries();
        QCOMPARE(entries->back().action, std::string("model.approve"));
        QCOMPARE(entries->back().actor, std::string("rita"));
        QVERIFY(reg->audit().verify()->ok);
    }

    void evaluateOpensCompareWithTheTestSplitAndStarts() {
        tb::widgets::ComparePage compare(context(QStringLiteral("ana")));
        compare.show();
        connect(m_runs.get(), &tb::widgets::Page::navigateRequested, &compare,
                [&compare](const QString& id, const QVariantMap& args) {
                    if (id == QLatin1String("compare")) compare.activate(args);
                });
        m_runs->selectRun(m_runId);
        auto* evaluate = m_runs->findChild<QPushButton*>(QStringLiteral("evaluateButton"));
        QVERIFY2(evaluate->isEnabled(), qPrintable(evaluate->toolTip()));
        QTest::mouseClick(evaluate, Qt::LeftButton);
        // One click: Compare is filled (base vs base + adapter on the test split) and the comparison runs.
        QVERIFY2(compare.statusText().contains(QStringLiteral("test.jsonl")), qPrintable(compare.statusText()));
        QCOMPARE(m_jobs->activeCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(m_jobs->activeCount() == 0, 180000);
        QVERIFY2(!compare.summaryText().isEmpty(), qPrintable(compare.statusText()));
        disconnect(m_runs.get(), nullptr, &compare, nullptr);
    }

    void registeringAnUnrecordedRunRecordsItAndStoresTheAdapterEncrypted() {
        // A finished run the registry never saw (trained before runs were recorded) in an encrypted
        // workspace: registering records it first, with the registering user as its author.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto ws = tb::Workspace::open(dir.filePath(QStringLiteral("ws")).toStdString(), false);
        QVERIFY(ws.ok());
        const std::string keyFile = dir.filePath(QStringLiteral("ws.key")).toStdString();
        {
            QFile key(QString::fromStdString(keyFile));
            QVERIFY(key.open(QIODevice::WriteOnly));
            key.write(QByteArray(64, 'a'));
        }
        QVERIFY(tb::enableWorkspaceEncryptionWithKeyFile((*ws)->root(), keyFile).ok());
        auto key = tb::unlockWorkspace((*ws)->root(), "", keyFile);
        QVERIFY2(key.ok(), key.ok() ? "" : key.message().c_str());
        auto reg = tb::Registry::open((*ws)->registryPath());
        QVERIFY(reg.ok());
        tb::train::RunRequest request;
        request.modelPath = m_demo.modelDir.toStdString();
        request.datasetName = "support-tickets";
        request.datasetVersion = m_datasetVersion;
        request.datasetDir = m_demo.versionDir.toStdString();
        tb::models::RunRegistration registration;
        registration.group = "old runs";
        registration.adapterDir = TUNEBENCH_SOURCE_DIR "/tests/data/train/peft_tiny";
        registration.artifactsDir = (*ws)->artifactsDir();
        registration.key = *key;
        const auto lineage = tb::models::runLineageOf("old-run", request);
        registration.group = "../bad";
        QVERIFY(!tb::models::registerRun(**reg, "olga", lineage, registration).ok());
        QVERIFY(!(*reg)->hasRun("old-run").value());  // refused before anything was written
        registration.group = "old runs";
        auto v = tb::models::registerRun(**reg, "olga", lineage, registration);
        QVERIFY2(v.ok(), v.ok() ? "" : v.message().c_str());
        QCOMPARE(v->runStartedBy, std::string("olga"));
        QCOMPARE(v->datasetVersionId, m_datasetVersion);
        auto run = (*reg)->run("old-run");
        QCOMPARE(run->status, std::string("finished"));
        QVERIFY(run->config["recorded_at_registration"].get<bool>());
        tb::ArtifactStore store((*ws)->artifactsDir(), *key);
        auto stored = store.find(v->adapterSha256);
        QVERIFY(stored.ok() && stored->encrypted);
        QVERIFY(store.verify(v->adapterSha256).ok());
        // Without the key the stored adapter does not read back.
        QVERIFY(!tb::ArtifactStore((*ws)->artifactsDir()).readFiles(v->adapterSha256).ok());
    }

    void resumedRunUpdatesTheSameRecordAndClosingRecordsInterrupted() {
        const QString id = QStringLiteral("gui-long");
        QVERIFY(writeRun(id, 400));
        m_runs->activate({{QStringLiteral("run"), id}, {QStringLiteral("start"), true}});
        QTRY_VERIFY_WITH_TIMEOUT(m_runs->scheduler()->find(id)->state.step >= 3, 60000);
        QCOMPARE(registryStatus(id), std::string("running"));
        QVERIFY(m_runs->scheduler()->cancel(id));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(id) == RunStatus::Cancelled, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(registryStatus(id), std::string("cancelled"), 30000);

        QVERIFY(m_runs->scheduler()->enqueue(id, true));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(id) == RunStatus::Running, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(registryStatus(id), std::string("running"), 30000);
        // Closing the application mid-run: the record says interrupted, as the run folder does.
        m_runs.reset();
        QCOMPARE(registryStatus(id), std::string("interrupted"));
        auto reg = openRegistry();
        auto run = reg->run(id.toStdString());
        QCOMPARE(run->startedBy, std::string("ana"));
        int creates = 0;
        QStringList statuses;
        auto entries = reg->audit().entries();
        QVERIFY(entries.ok());
        for (const auto& e : *entries) {
            if (e.entity != "run:" + id.toStdString()) continue;
            if (e.action == "run.create") ++creates;
            if (e.action == "run.status") statuses << QString::fromStdString(e.details["status"].get<std::string>());
        }
        QCOMPARE(creates, 1);
        QCOMPARE(statuses, (QStringList{"cancelled", "running", "interrupted"}));
        makeRunsPage();
        QCOMPARE(statusOf(id), RunStatus::Interrupted);

        // A crash instead: the folder and the record both still say running. Reopening marks the folder
        // interrupted and closes the record the same way.
        m_runs.reset();
        QVERIFY(reg->updateRunStatus("ana", id.toStdString(), "running", nlohmann::json::object()).ok());
        const std::string dir = m_demo.workspace->runsDir() + "/" + id.toStdString();
        auto state = tb::train::readRunState(dir);
        QVERIFY(state.ok());
        state->status = RunStatus::Running;
        QVERIFY(tb::train::writeRunState(dir, *state).ok());
        QCOMPARE(registryStatus(id), std::string("running"));
        makeRunsPage();
        QCOMPARE(statusOf(id), RunStatus::Interrupted);
        QCOMPARE(registryStatus(id), std::string("interrupted"));
    }
};

QTEST_MAIN(RunRegistryTest)
#include "run_registry_test.moc"
