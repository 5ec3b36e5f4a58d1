// The Import Dataset wizard in an ENCRYPTED workspace, driven end to end through the Datasets page: every
// intermediate the wizard writes (rejected records, cleaned file, split files) is an encrypted blob, no file
// in the wizard's temporary folder, the temporary folder as a whole or the workspace ever holds a marker
// string from the records, and the saved version (and its rejected sidecar) reads back with the key only.
// Also: an encrypted workspace opened without its key does not let the wizard start.
#include <QAbstractButton>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/rejected_sidecar.h"
#include "core/workspace/workspace.h"
#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace_file_io.h"
#include "models/datasets/dataset_version_table_model.h"
#include "models/datasets/record_table_model.h"
#include "models/job_manager.h"
#include "widgets/datasets/dataset_inspector.h"
#include "widgets/datasets/datasets_page.h"
#include "widgets/datasets/import_dataset_wizard.h"

using tb::widgets::ImportDatasetWizard;

namespace {
constexpr int kJobTimeoutMs = 60000;
const QByteArray kMarker = "Wilhelmina-Quokka-4417";

bool nextWhenComplete(ImportDatasetWizard* wizard) {
    if (!QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs)) return false;
    wizard->button(QWizard::NextButton)->click();
    return true;
}

// Every regular file under root whose bytes contain needle.
QStringList filesContaining(const QString& root, const QByteArray& needle) {
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) hits << path;
    }
    return hits;
}

// 40 tickets, each carrying the marker, with a duplicate to clean away and two broken lines to reject.
QByteArray ticketsJsonl() {
    QByteArray out;
    const char* labels[] = {"billing", "shipping", "account", "refund"};
    for (int i = 0; i < 40; ++i)
        out += "{\"prompt\":\"Ticket " + QByteArray::number(i) + " from " + kMarker + " about order " +
               QByteArray::number(7000 + i) + "\",\"completion\":\"" + labels[i % 4] + "\"}\n";
    out += "{\"prompt\":\"Ticket 5 from " + kMarker + " about order 7005\",\"completion\":\"shipping\"}\n";
    out += "{\"prompt\":\"broken " + kMarker + "\",\"completion\":\n";
    out += "{\"prompt\":\"no completion " + kMarker + "\"}\n";
    return out;
}
}  // namespace

class ImportWizardEncryptedTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;      // source file, key file and workspace
    QTemporaryDir m_tmpRoot;  // TMPDIR for this test: where the wizard's temporary folder is made
    QString m_source;
    std::shared_ptr<tb::Workspace> m_workspace;
    std::shared_ptr<const tb::WorkspaceKey> m_key;
    std::unique_ptr<tb::models::JobManager> m_jobs;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid() && m_tmpRoot.isValid());
        qputenv("TMPDIR", m_tmpRoot.path().toLocal8Bit());
        QCOMPARE(QDir::tempPath(), QDir(m_tmpRoot.path()).canonicalPath());
        m_source = m_dir.filePath(QStringLiteral("src/tickets.jsonl"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("src"))));
        QFile src(m_source);
        QVERIFY(src.open(QIODevice::WriteOnly));
        src.write(ticketsJsonl());
        src.close();
        QCOMPARE(filesContaining(m_dir.filePath(QStringLiteral("src")), kMarker).size(), 1);  // the scan finds it

        const std::string root = m_dir.filePath(QStringLiteral("ws")).toStdString();
        auto ws = tb::Workspace::open(root, false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        m_workspace = *ws;
        const QString keyFile = m_dir.filePath(QStringLiteral("ws.key"));
        QFile kf(keyFile);
        QVERIFY(kf.open(QIODevice::WriteOnly));
        kf.write(QByteArray(64, 'e'));
        kf.close();
        QVERIFY(tb::enableWorkspaceEncryptionWithKeyFile(root, keyFile.toStdString()).ok());
        auto key = tb::unlockWorkspace(root, "", keyFile.toStdString());
        QVERIFY2(key.ok(), key.ok() ? "" : key.message().c_str());
        m_key = std::make_shared<const tb::WorkspaceKey>(*key);
        m_jobs = std::make_unique<tb::models::JobManager>(2);
    }

    void cleanupTestCase() {
        m_jobs->cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->activeCount(), 0, kJobTimeoutMs);
        m_jobs.reset();
        qunsetenv("TMPDIR");
    }

    void lockedWorkspaceStopsTheWizardAtTheFirstPage() {
        tb::widgets::DatasetsPage page(tb::widgets::PageContext{m_workspace, m_jobs.get(), QStringLiteral("tester")});
        ImportDatasetWizard* wizard = page.openImportWizard();
        QVERIFY(wizard);
        wizard->show();
        wizard->setFile(m_source);
        QVERIFY(!wizard->currentPage()->isComplete());
        auto* message = wizard->findChild<QLabel*>(QStringLiteral("sourceMessage"));
        QVERIFY(message);
        QVERIFY2(message->text().contains(QStringLiteral("encrypted and locked")), qPrintable(message->text()));
        wizard->reject();
    }

    void importLeavesNoPlaintextAnywhere() {
        tb::widgets::DatasetsPage page(
            tb::widgets::PageContext{m_workspace, m_jobs.get(), QStringLiteral("tester"), m_key});
        page.resize(1200, 800);
        page.show();
        ImportDatasetWizard* wizard = page.openImportWizard();
        QVERIFY(wizard);
        const QString workDir = wizard->state().workDir;
        QVERIFY(workDir.startsWith(QDir(m_tmpRoot.path()).canonicalPath()) || workDir.startsWith(m_tmpRoot.path()));
        QSignalSpy saved(wizard, &ImportDatasetWizard::versionSaved);
        // Checked the moment the version is saved, while the wizard and its temporary folder still exist.
        QStringList leaksAtSave, plainIntermediates;
        int intermediates = 0, filesAtSave = 0;
        connect(wizard, &ImportDatasetWizard::versionSaved, this, [&] {
            leaksAtSave = filesContaining(workDir, kMarker);
            for (QDirIterator it(workDir, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
                ++filesAtSave;
            const auto& st = wizard->state();
            QStringList files = {st.rejectedFile, st.cleanedFile};
            for (const char* f : {"train.jsonl", "validation.jsonl", "test.jsonl"})
                files << st.splitFolder + QLatin1Char('/') + QLatin1String(f);
            for (const QString& f : files) {
                ++intermediates;
                if (!tb::fileLooksEncrypted(f.toStdString())) plainIntermediates << f;
            }
        });
        wizard->setFile(m_source);
        QVERIFY(nextWhenComplete(wizard));  // source -> mapping
        QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::MappingPage));
        QVERIFY(nextWhenComplete(wizard));  // -> quality (runs)
        QVERIFY(QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs));
        QCOMPARE(wizard->state().quality.rejected, int64_t(2));
        QCOMPARE(wizard->state().quality.records, int64_t(41));
        QVERIFY(tb::fileLooksEncrypted(wizard->state().rejectedFile.toStdString()));
        QVERIFY(nextWhenComplete(wizard));  // -> clean (runs)
        QVERIFY(QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs));
        QCOMPARE(wizard->state().cleanReport.output, int64_t(40));  // the duplicate is gone
        QVERIFY(tb::fileLooksEncrypted(wizard->state().cleanedFile.toStdString()));
        QVERIFY(nextWhenComplete(wizard));  // -> split (runs)
        QVERIFY(QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs));
        QVERIFY(filesContaining(workDir, kMarker).isEmpty());
        QVERIFY(nextWhenComplete(wizard));  // -> save
        wizard->findChild<QLineEdit*>(QStringLiteral("datasetName"))->setText(QStringLiteral("tickets"));
        wizard->findChild<QPlainTextEdit*>(QStringLiteral("datasetDescription"))
            ->setPlainText(QStringLiteral("encrypted import"));
        QVERIFY(QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs));
        wizard->button(QWizard::FinishButton)->click();
        QVERIFY(saved.wait(kJobTimeoutMs) || !saved.isEmpty());
        const QString dir = saved.first().first().toString();

        // The page lists the new version and its inspector opens it (with the key) before the scans below.
        QCOMPARE(page.versionModel()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(page.inspector()->isReady(), kJobTimeoutMs);
        QCOMPARE(page.inspector()->recordModel()->rowCount(), 42);  // 40 records + the 2 rejections (decrypted sidecar)
        QCOMPARE(intermediates, 5);
        QVERIFY2(plainIntermediates.isEmpty(), qPrintable(plainIntermediates.join(QLatin1Char(' '))));
        QVERIFY2(leaksAtSave.isEmpty(), qPrintable(leaksAtSave.join(QLatin1Char(' '))));
        QVERIFY(filesAtSave >= 5);  // the scan looked at real files (plus the provenance sidecars)
        const QStringList wsLeaks = filesContaining(QString::fromStdString(m_workspace->root()), kMarker);
        QVERIFY2(wsLeaks.isEmpty(), qPrintable(wsLeaks.join(QLatin1Char(' '))));
        const QStringList tmpLeaks = filesContaining(m_tmpRoot.path(), kMarker);
        QVERIFY2(tmpLeaks.isEmpty(), qPrintable(tmpLeaks.join(QLatin1Char(' '))));

        // The saved version reads back with the key, and only with it.
        const std::string versionDir = dir.toStdString();
        auto version = tb::readDatasetVersion(versionDir);
        QVERIFY2(version.ok(), version.ok() ? "" : version.message().c_str());
        QCOMPARE(version->counts["train"] + version->counts["validation"] + version->counts["test"], int64_t(40));
        QVERIFY(tb::verifyDatasetVersion(versionDir, m_key.get()).ok());
        QVERIFY(!tb::verifyDatasetVersion(versionDir).ok());
        int64_t records = 0;
        for (const char* f : {"train.jsonl", "validation.jsonl", "test.jsonl"}) {
            const std::string path = versionDir + "/" + f;
            QVERIFY(tb::fileLooksEncrypted(path));
            tb::ImportOptions o;
            o.key = m_key.get();
            auto loaded = tb::loadDataset(path, o);
            QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
            for (const auto& r : loaded->records) QVERIFY(QByteArray::fromStdString(r.prompt).contains(kMarker));
            records += int64_t(loaded->records.size());
            auto locked = tb::loadDataset(path, {});
            QVERIFY(!locked.ok());
            QVERIFY2(locked.message().find("is encrypted: unlock") != std::string::npos, locked.message().c_str());
        }
        QCOMPARE(records, int64_t(40));
        QVERIFY(tb::fileLooksEncrypted(tb::rejectedSidecarPath(versionDir)));
        auto rejected = tb::loadRejectedSidecar(versionDir, 100, m_key.get());
        QVERIFY2(rejected.ok(), rejected.ok() ? "" : rejected.message().c_str());
        QCOMPARE(int(rejected->size()), 2);
        QVERIFY(!tb::loadRejectedSidecar(versionDir).ok());
    }
};

QTEST_MAIN(ImportWizardEncryptedTest)
#include "import_wizard_encrypted_test.moc"
