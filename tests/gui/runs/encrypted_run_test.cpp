// GUI runs in an encrypted workspace, end to end on a demo workspace unlocked with a key file: a run
// trained on the Runs page writes its adapter and checkpoints encrypted (no plaintext adapter anywhere in
// the workspace), registering it stores the adapter encrypted in the artifact store, "Evaluate and
// compare" evaluates the encrypted adapter with the key; a scheduler with no registry database still gets
// the key, so a cancelled run's encrypted checkpoint resumes; without the key a run is refused.
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "core/data/dataset_version.h"
#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "core/train/checkpoint.h"
#include "core/train/peft_adapter.h"
#include "core/train/run_index.h"
#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace_file_io.h"
#include "models/job_manager.h"
#include "models/runs/run_scheduler.h"
#include "tests/gui/runs/demo_workspace.h"
#include "widgets/compare/compare_page.h"
#include "widgets/runs/register_run_dialog.h"
#include "widgets/runs/runs_page.h"

using tb::models::RunScheduler;
using tb::train::RunStatus;
using tb::widgets::RegisterRunDialog;
using tb::widgets::RunsPage;

namespace {
constexpr int kTrainTimeoutMs = 120000;

// Files below `root` whose bytes contain `needle`: "lora_A" is in every plaintext PEFT safetensors header.
QStringList filesContaining(const QString& root, const QByteArray& needle) {
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) hits << f.fileName();
    }
    return hits;
}
}  // namespace

class EncryptedRunTest : public QObject {
    Q_OBJECT
private:
    tb::testing::DemoWorkspace m_demo;
    std::shared_ptr<const tb::WorkspaceKey> m_key;
    std::unique_ptr<tb::models::JobManager> m_jobs;
    std::string m_datasetVersion;
    const QString m_runId = QStringLiteral("secret-run");

    QString wsRoot() const { return QString::fromStdString(m_demo.workspace->root()); }
    std::string runDir(const QString& id) const { return m_demo.workspace->runsDir() + "/" + id.toStdString(); }

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
        req.config.seed = 5;
        req.config.batch.batchSize = 8;
        req.config.batch.maxSeqLen = 64;
        req.config.checkpointEvery = 2;
        req.config.evalEvery = 2;
        if (!tb::train::writeRunRequest(runDir(name), req)) return false;
        tb::train::RunState state;
        return tb::train::writeRunState(runDir(name), state).ok();
    }

    tb::widgets::PageContext context(std::shared_ptr<const tb::WorkspaceKey> key) const {
        tb::widgets::PageContext c;
        c.workspace = m_demo.workspace;
        c.jobs = m_jobs.get();
        c.userName = QStringLiteral("ana");
        c.key = std::move(key);
        return c;
    }

    // Every file the run wrote of its weights: both adapter folders that exist and every checkpoint.
    QStringList weightFiles(const QString& id) const {
        QStringList files;
        for (const char* sub : {"adapter", "adapter-best", "checkpoints"}) {
            QDirIterator it(QString::fromStdString(runDir(id)) + QLatin1Char('/') + QLatin1String(sub), QDir::Files);
            while (it.hasNext()) files << it.next();
        }
        return files;
    }

private slots:
    void initTestCase() {
        QVERIFY2(m_demo.create(), qPrintable(m_demo.error));
        auto version = tb::readDatasetVersion(m_demo.versionDir.toStdString());
        QVERIFY(version.ok());
        m_datasetVersion = version->version;
        // The dataset version was saved before encryption was turned on: it stays readable as it is.
        const std::string keyFile = m_demo.dir.filePath(QStringLiteral("ws.key")).toStdString();
        {
            QFile f(QString::fromStdString(keyFile));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(64, 'e'));
        }
        QVERIFY(tb::enableWorkspaceEncryptionWithKeyFile(m_demo.workspace->root(), keyFile).ok());
        auto key = tb::unlockWorkspace(m_demo.workspace->root(), "", keyFile);
        QVERIFY2(key.ok(), key.ok() ? "" : key.message().c_str());
        m_key = std::make_shared<const tb::WorkspaceKey>(*key);
        m_jobs = std::make_unique<tb::models::JobManager>(1);
    }

    void cleanupTestCase() {
        m_jobs->cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->activeCount(), 0, 60000);
    }

    void runWritesEncryptedAdapterAndCheckpointsAndRegistersThemEncrypted() {
        QVERIFY(writeRun(m_runId, 4));
        RunsPage runs(context(m_key));
        runs.resize(1200, 800);
        runs.show();
        runs.activate({{QStringLiteral("run"), m_runId}, {QStringLiteral("start"), true}});
        auto status = [&] {
            const auto* run = runs.scheduler()->find(m_runId);
            return run ? run->state.status : RunStatus::Failed;
        };
        QTRY_VERIFY_WITH_TIMEOUT(status() == RunStatus::Finished || status() == RunStatus::Failed, kTrainTimeoutMs);
        QVERIFY2(status() == RunStatus::Finished, runs.scheduler()->find(m_runId)->state.message.c_str());

        // Adapter and checkpoints are encrypted blobs; no plaintext adapter anywhere in the workspace.
        const QStringList files = weightFiles(m_runId);
        QVERIFY(files.contains(QString::fromStdString(runDir(m_runId)) +
                               QStringLiteral("/adapter/adapter_model.safetensors")));
        QVERIFY(files.filter(QStringLiteral(".ckpt")).size() >= 2);
        for (const QString& f : files) QVERIFY2(tb::fileLooksEncrypted(f.toStdString()), qPrintable(f));
        QCOMPARE(filesContaining(wsRoot(), "lora_A"), QStringList());
        const std::string adapterDir = runDir(m_runId) + "/adapter";
        QVERIFY(tb::train::peftAdapterIsEncrypted(adapterDir));
        auto locked = tb::train::readPeftAdapter(adapterDir);
        QVERIFY(!locked.ok());
        QVERIFY2(locked.message().find("encrypted") != std::string::npos, locked.message().c_str());
        auto adapter = tb::train::readPeftAdapter(adapterDir, nullptr, m_key.get());
        QVERIFY2(adapter.ok(), adapter.ok() ? "" : adapter.message().c_str());
        QCOMPARE(adapter->rank, 4);

        // Register through the dialog: the store decrypts the run's files and keeps them encrypted.
        runs.selectRun(m_runId);
        auto* registerButton = runs.findChild<QPushButton*>(QStringLiteral("registerButton"));
        QVERIFY2(registerButton->isEnabled(), qPrintable(registerButton->toolTip()));
        QTest::mouseClick(registerButton, Qt::LeftButton);
        auto* dialog = runs.findChild<RegisterRunDialog*>(QStringLiteral("registerRunDialog"));
        QVERIFY(dialog);
        dialog->findChild<QComboBox*>(QStringLiteral("groupCombo"))->setEditText(QStringLiteral("secret-tickets"));
        QSignalSpy navigate(&runs, &tb::widgets::Page::navigateRequested);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("registerConfirm")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!runs.registrationInProgress(), 60000);
        QVERIFY2(navigate.count() == 1, qPrintable(runs.registerStatusText()));
        const qint64 versionId = navigate.at(0).at(1).toMap().value(QStringLiteral("versionId")).toLongLong();
        auto reg = tb::Registry::open(m_demo.workspace->registryPath());
        QVERIFY(reg.ok());
        auto v = (*reg)->version(versionId);
        QVERIFY(v.ok());
        tb::ArtifactStore store(m_demo.workspace->artifactsDir(), *m_key);
        auto stored = store.find(v->adapterSha256);
        QVERIFY(stored.ok() && stored->encrypted);
        QVERIFY(!tb::ArtifactStore(m_demo.workspace->artifactsDir()).readFiles(v->adapterSha256).ok());
        auto contents = store.readFiles(v->adapterSha256);
        QVERIFY(contents.ok());
        // The stored plaintext is the run's adapter, byte for byte once decrypted.
        auto parsed = tb::train::parsePeftAdapter("stored", (*contents)["adapter_config.json"],
                                                  (*contents)["adapter_model.safetensors"]);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.message().c_str());
        QCOMPARE(parsed->modules.size(), adapter->modules.size());
        auto original = tb::readProtectedFile(adapterDir + "/adapter_model.safetensors",
                                              tb::train::adapterFileContext(adapterDir + "/adapter_model.safetensors"),
                                              m_key.get(), "adapter");
        QVERIFY(original.ok());
        QCOMPARE((*contents)["adapter_model.safetensors"], *original);
        QCOMPARE(filesContaining(wsRoot(), "lora_A"), QStringList());

        // Evaluate and compare: Compare reads the encrypted adapter with the key (4 examples).
        tb::widgets::ComparePage compare(context(m_key));
        compare.show();
        compare.findChild<QSpinBox*>(QStringLiteral("limitSpin"))->setValue(4);
        connect(&runs, &tb::widgets::Page::navigateRequested, &compare,
                [&compare](const QString& id, const QVariantMap& args) {
                    if (id == QLatin1String("compare")) compare.activate(args);
                });
        auto* evaluate = runs.findChild<QPushButton*>(QStringLiteral("evaluateButton"));
        QVERIFY2(evaluate->isEnabled(), qPrintable(evaluate->toolTip()));
        QTest::mouseClick(evaluate, Qt::LeftButton);
        QVERIFY2(compare.isRunning(), qPrintable(compare.statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(!compare.isRunning(), 120000);
        QVERIFY2(!compare.summaryText().isEmpty(), qPrintable(compare.statusText()));
        QCOMPARE(filesContaining(wsRoot(), "lora_A"), QStringList());
    }

    void runWithoutARegistryStillEncryptsAndResumesFromAnEncryptedCheckpoint() {
        const QString id = QStringLiteral("secret-resume");
        QVERIFY(writeRun(id, 400));
        RunScheduler scheduler(QString::fromStdString(m_demo.workspace->runsDir()), false);
        scheduler.setRegistry(QString(), QStringLiteral("ana"), m_key);  // no registry database: only the key
        auto status = [&] { return scheduler.find(id) ? scheduler.find(id)->state.status : RunStatus::Failed; };
        QVERIFY(scheduler.enqueue(id));
        QTRY_VERIFY_WITH_TIMEOUT(scheduler.find(id)->state.step >= 3 || status() == RunStatus::Failed, 60000);
        QVERIFY2(status() != RunStatus::Failed, scheduler.find(id)->state.message.c_str());
        QVERIFY(scheduler.cancel(id));
        QTRY_VERIFY_WITH_TIMEOUT(status() == RunStatus::Cancelled, 30000);
        const auto checkpoints = tb::train::listCheckpoints(runDir(id) + "/checkpoints");
        QVERIFY(!checkpoints.empty());
        for (const auto& [step, path] : checkpoints) QVERIFY2(tb::fileLooksEncrypted(path), path.c_str());
        const int64_t savedStep = checkpoints.back().first;
        QVERIFY(savedStep >= 2);

        // Resume: the first step reported continues after the encrypted checkpoint (a failed read would
        // fail the run with "resume: no readable checkpoint").
        QSignalSpy steps(&scheduler, &RunScheduler::stepReported);
        QVERIFY(scheduler.enqueue(id, true));
        QTRY_VERIFY_WITH_TIMEOUT(!steps.isEmpty() || status() == RunStatus::Failed, 60000);
        QVERIFY2(status() != RunStatus::Failed, scheduler.find(id)->state.message.c_str());
        const auto first = steps.first().first().value<tb::models::TrainStepReport>();
        QCOMPARE(first.step, savedStep + 1);
        QVERIFY(scheduler.cancel(id));
        QTRY_VERIFY_WITH_TIMEOUT(status() == RunStatus::Cancelled, 30000);
        for (const QString& f : weightFiles(id)) QVERIFY2(tb::fileLooksEncrypted(f.toStdString()), qPrintable(f));
        QCOMPARE(filesContaining(wsRoot(), "lora_A"), QStringList());
    }

    void lockedWorkspaceRefusesToTrain() {
        const QString id = QStringLiteral("locked-run");
        QVERIFY(writeRun(id, 4));
        RunScheduler scheduler(QString::fromStdString(m_demo.workspace->runsDir()), false);
        scheduler.setRegistry(QString(), QStringLiteral("ana"), nullptr);
        QVERIFY(scheduler.enqueue(id));
        QTRY_VERIFY_WITH_TIMEOUT(scheduler.find(id)->state.status == RunStatus::Failed, 30000);
        const QString message = QString::fromStdString(scheduler.find(id)->state.message);
        QVERIFY2(message.contains(QStringLiteral("not unlocked")), qPrintable(message));
        QVERIFY(weightFiles(id).isEmpty());
    }
};

QTEST_MAIN(EncryptedRunTest)
#include "encrypted_run_test.moc"
