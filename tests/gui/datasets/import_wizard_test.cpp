// The Import Dataset wizard driven end to end through the Datasets page into a temporary workspace: the demo
// support tickets (JSONL) and BANKING77 (CSV, with a prompt template). Each step's numbers are checked
// against the same core calls `tunebench data inspect/clean/split` make, and the saved version's manifest
// counts against a split computed by core; the page lists the version and announces the change.
#include "core/data/cleaner.h"
#include "core/data/dataset_version.h"
#include "core/data/quality_analyzer.h"
#include "core/data/splitter.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "core/workspace/workspace.h"
#include "models/datasets/dataset_version_table_model.h"
#include "models/datasets/record_table_model.h"
#include "models/datasets/text_table_model.h"
#include "models/job_manager.h"
#include "widgets/datasets/dataset_inspector.h"
#include "widgets/datasets/datasets_page.h"
#include "widgets/datasets/import_dataset_wizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using tb::widgets::ImportDatasetWizard;

namespace {
constexpr int kJobTimeoutMs = 60000;

template <typename T>
T* child(QObject* parent, const char* name) {
    T* w = parent->findChild<T*>(QString::fromLatin1(name));
    if (!w) qWarning("no child %s", name);
    return w;
}

// Waits until the current page lets the user go on, then clicks Next.
bool nextWhenComplete(ImportDatasetWizard* wizard) {
    if (!QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs)) return false;
    wizard->button(QWizard::NextButton)->click();
    return true;
}

QString text(const QAbstractItemModel* model, int row, int column) { return model->index(row, column).data().toString(); }
}  // namespace

class ImportWizardTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<tb::Workspace> m_workspace;
    std::unique_ptr<tb::models::JobManager> m_jobs;
    std::unique_ptr<tb::widgets::DatasetsPage> m_page;

    // Runs the whole wizard; returns the saved version folder.
    QString runWizard(const QString& file, const std::function<void(ImportDatasetWizard*)>& onMapping,
                      const QString& dedup, bool stratify, const QString& name) {
        ImportDatasetWizard* wizard = m_page->openImportWizard();
        if (!wizard) return {};
        QSignalSpy saved(wizard, &ImportDatasetWizard::versionSaved);
        wizard->setFile(file);
        if (!nextWhenComplete(wizard)) return {};
        if (wizard->currentId() != ImportDatasetWizard::MappingPage) return {};
        onMapping(wizard);
        if (!nextWhenComplete(wizard)) return {};
        // Quality: runs on a worker; Next waits for it.
        if (!QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs)) return {};
        const auto& q = wizard->state().quality;
        auto core = tb::loadDataset(wizard->state().file.toStdString(), wizard->state().import);
        if (!core.ok()) return {};
        tb::QualityReport expected = tb::analyzeRecords(core->records, {}, core->rejected);
        expected.rejected = int64_t(core->rejected.size());
        if (q.records != expected.records || q.exactDuplicateRecords != expected.exactDuplicateRecords ||
            q.nearDuplicateRecords != expected.nearDuplicateRecords || q.recordsWithPii != expected.recordsWithPii ||
            q.rejected != expected.rejected || q.labels != expected.labels) {
            qWarning("quality report differs from core");
            return {};
        }
        const QString shots = qEnvironmentVariable("TB_DATASETS_SCREENSHOTS");
        if (!shots.isEmpty()) wizard->grab().save(shots + QStringLiteral("/wizard_quality_%1.png").arg(name));
        auto* summary = child<QTextBrowser>(wizard, "qualitySummary");
        if (!summary->toPlainText().contains(QString::number(q.records))) return {};
        if (!nextWhenComplete(wizard)) return {};
        // Cleaning.
        auto* dedupCombo = child<QComboBox>(wizard, "dedupMode");
        dedupCombo->setCurrentIndex(dedupCombo->findData(dedup));
        if (!QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs)) return {};
        if (!shots.isEmpty()) wizard->grab().save(shots + QStringLiteral("/wizard_clean_%1.png").arg(name));
        if (!nextWhenComplete(wizard)) return {};
        // Split.
        child<QCheckBox>(wizard, "stratify")->setChecked(stratify);
        if (!nextWhenComplete(wizard)) return {};
        // Save.
        auto* nameEdit = child<QLineEdit>(wizard, "datasetName");
        nameEdit->setText(name);
        child<QPlainTextEdit>(wizard, "datasetDescription")->setPlainText(QStringLiteral("imported by the GUI test"));
        if (!QTest::qWaitFor([&] { return wizard->currentPage()->isComplete(); }, kJobTimeoutMs)) return {};
        wizard->button(QWizard::FinishButton)->click();
        if (!saved.wait(kJobTimeoutMs) && saved.isEmpty()) return {};
        return saved.first().first().toString();
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        auto ws = tb::Workspace::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        m_workspace = *ws;
        m_jobs = std::make_unique<tb::models::JobManager>(2);
        m_page = std::make_unique<tb::widgets::DatasetsPage>(tb::widgets::PageContext{m_workspace, m_jobs.get(), QStringLiteral("tester")});
        m_page->resize(1200, 800);
        m_page->show();
    }
    void cleanup() {
        m_page.reset();
        m_jobs.reset();
        m_workspace.reset();
    }

    void demoTicketsEndToEnd() {
        QSignalSpy modified(m_page.get(), &tb::widgets::Page::workspaceModified);
        QCOMPARE(m_page->versionModel()->rowCount(), 0);
        // No version yet: the page explains itself and where versions will live.
        auto* empty = child<QWidget>(m_page.get(), "emptyState");
        QVERIFY(empty && empty->isVisible());
        const QString demo = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/demo/support_tickets.jsonl");
        QString cleanedSeen;
        const QString dir = runWizard(demo, [&](ImportDatasetWizard* w) {
            auto* preview = child<QTableView>(w, "mappingPreview");
            QTRY_VERIFY(preview->model()->rowCount() >= 5);
            QVERIFY(child<QLabel>(w, "planLabel")->text().contains(QStringLiteral("prompt_completion")));
            QVERIFY(!text(preview->model(), 0, 1).isEmpty());
            QCOMPARE(text(preview->model(), 0, 2), QStringLiteral("ACCOUNT"));
            const QString shots = qEnvironmentVariable("TB_DATASETS_SCREENSHOTS");
            if (!shots.isEmpty()) w->grab().save(shots + QStringLiteral("/wizard_mapping.png"));
        }, QStringLiteral("near"), true, QStringLiteral("support_tickets"));
        QVERIFY(!dir.isEmpty());

        auto version = tb::readDatasetVersion(dir.toStdString());
        QVERIFY2(version.ok(), version.ok() ? "" : version.message().c_str());
        QCOMPARE(QString::fromStdString(version->name), QStringLiteral("support_tickets"));
        QCOMPARE(QString::fromStdString(version->description), QStringLiteral("imported by the GUI test"));
        QVERIFY(tb::verifyDatasetVersion(dir.toStdString()).ok());
        // The same pipeline through core (what `data clean --dedup near` then `data split --stratify` do).
        QTemporaryDir core;
        tb::CleanOptions c;
        c.dedup = tb::DedupMode::Near;
        auto cleaned = tb::cleanFile(demo.toStdString(), core.filePath(QStringLiteral("c.jsonl")).toStdString(), {}, c);
        QVERIFY(cleaned.ok());
        tb::SplitOptions s;
        s.stratify = true;
        auto split = tb::splitFile(core.filePath(QStringLiteral("c.jsonl")).toStdString(), core.filePath(QStringLiteral("s")).toStdString(), {}, s);
        QVERIFY(split.ok());
        QVERIFY(cleaned->output < cleaned->input);  // the demo has duplicates and near-duplicates to remove
        QCOMPARE(version->counts["train"], split->counts[0]);
        QCOMPARE(version->counts["validation"], split->counts[1]);
        QCOMPARE(version->counts["test"], split->counts[2]);
        QCOMPARE(version->cleaning.value("dedup", std::string()), std::string("near"));

        // The page lists it, announced the change and opened it in the inspector.
        QCOMPARE(m_page->versionModel()->rowCount(), 1);
        QVERIFY(!empty->isVisible());
        QCOMPARE(text(m_page->versionModel(), 0, tb::models::DatasetVersionTableModel::TrainColumn), QString::number(split->counts[0]));
        QVERIFY(modified.contains(QVariantList{QStringLiteral("datasets")}));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->inspector()->isReady(), kJobTimeoutMs);
        QCOMPARE(m_page->inspector()->recordModel()->rowCount(), int(split->counts[0] + split->counts[1] + split->counts[2]));

        // The cleaning page showed before/after previews for what it changed (PII scrubbed by default).
        // Re-open and check that a refresh keeps the list stable.
        m_page->workspaceChanged(QStringLiteral("datasets"));
        QCOMPARE(m_page->versionModel()->rowCount(), 1);
    }

    void cleaningPreviewShowsBeforeAndAfter() {
        ImportDatasetWizard* wizard = m_page->openImportWizard();
        wizard->setFile(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/demo/support_tickets.jsonl"));
        QVERIFY(nextWhenComplete(wizard));
        QVERIFY(nextWhenComplete(wizard));
        QVERIFY(nextWhenComplete(wizard));
        QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::CleanPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), kJobTimeoutMs);
        auto* table = child<QTableView>(wizard, "cleanPreviewTable");
        int piiRow = -1;
        for (int row = 0; row < table->model()->rowCount() && piiRow < 0; ++row)
            if (text(table->model(), row, 0) == QStringLiteral("pii")) piiRow = row;
        QVERIFY(piiRow >= 0);
        table->selectRow(piiRow);
        const QString before = child<QPlainTextEdit>(wizard, "beforeText")->toPlainText();
        const QString after = child<QPlainTextEdit>(wizard, "afterText")->toPlainText();
        QVERIFY(before != after);
        QVERIFY(after.contains(QLatin1Char('[')));  // a typed placeholder such as [EMAIL]
        // Invalid length filters are refused where they are typed.
        child<QSpinBox>(wizard, "minChars")->setValue(500);
        child<QSpinBox>(wizard, "maxChars")->setValue(100);
        QTRY_VERIFY(!child<QLabel>(wizard, "cleanError")->text().isEmpty());
        QVERIFY(!wizard->currentPage()->isComplete());
        wizard->reject();
    }

    void tokenizerCountsTokens() {
        const QString gguf = QStringLiteral(TUNEBENCH_SHARED_DIR "/models/stories260K/stories260K-f32.gguf");
        if (!QFile::exists(gguf)) QSKIP("shared models not available");
        ImportDatasetWizard* wizard = m_page->openImportWizard();
        wizard->setFile(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/demo/support_tickets.jsonl"));
        QVERIFY(nextWhenComplete(wizard));
        QVERIFY(nextWhenComplete(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), kJobTimeoutMs);
        QVERIFY(wizard->state().quality.tokensEstimated);
        // A path that is no model: the report names the problem and the page does not go on.
        child<QLineEdit>(wizard, "tokenizerModel")->setText(QStringLiteral("/nonexistent/model.gguf"));
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(wizard, "qualityError")->text().contains(QStringLiteral("tokenizer")), kJobTimeoutMs);
        QVERIFY(!wizard->currentPage()->isComplete());
        child<QLineEdit>(wizard, "tokenizerModel")->setText(gguf);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), kJobTimeoutMs);
        const tb::QualityReport& q = wizard->state().quality;
        QVERIFY(!q.tokensEstimated);
        QCOMPARE(QString::fromStdString(q.tokenCountMethod), QStringLiteral("tokenizer"));
        // The same counts as core with the same tokenizer.
        auto tok = tb::loadTokenizer(gguf.toStdString());
        QVERIFY(tok.ok());
        std::shared_ptr<const tb::Tokenizer> t = *tok;
        tb::QualityOptions o;
        o.tokenCounter = [t](std::string_view text) { return t->encode(text, false).size(); };
        auto loaded = tb::loadDataset(wizard->state().file.toStdString(), {});
        QVERIFY(loaded.ok());
        const tb::QualityReport expected = tb::analyzeRecords(loaded->records, o);
        QCOMPARE(q.totalTokens.max, expected.totalTokens.max);
        QCOMPARE(q.totalTokens.p50, expected.totalTokens.p50);
        QVERIFY(child<QTextBrowser>(wizard, "qualitySummary")->toPlainText().contains(QStringLiteral("(tokenizer)")));
        wizard->reject();
    }

    void cancelTheQualityReport() {
        const QString tsv = QStringLiteral(TUNEBENCH_SHARED_DIR "/datasets/sst2/train.tsv");
        if (!QFile::exists(tsv)) QSKIP("shared datasets not available");
        ImportDatasetWizard* wizard = m_page->openImportWizard();
        wizard->setFile(tsv);
        QVERIFY(nextWhenComplete(wizard));
        QVERIFY(child<QLabel>(wizard, "planLabel")->text().contains(QStringLiteral("tsv")));
        QSignalSpy cancelled(m_jobs.get(), &tb::models::JobManager::cancelled);
        QVERIFY(nextWhenComplete(wizard));  // starts the quality report over 67,349 rows
        QCOMPARE(wizard->currentId(), int(ImportDatasetWizard::QualityPage));
        auto* cancel = wizard->currentPage()->findChild<QAbstractButton*>(QStringLiteral("jobCancel"));
        QVERIFY(cancel && cancel->isVisible() && cancel->isEnabled());
        cancel->click();
        QVERIFY(cancelled.wait(kJobTimeoutMs));
        QTRY_VERIFY(child<QLabel>(wizard, "qualityError")->text().contains(QStringLiteral("cancelled")));
        QVERIFY(!wizard->currentPage()->isComplete());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        wizard->reject();
    }

    void banking77CsvWithTemplate() {
        const QString csv = QStringLiteral(TUNEBENCH_SHARED_DIR "/datasets/banking77/train.csv");
        if (!QFile::exists(csv)) QSKIP("shared datasets not available");
        const QString dir = runWizard(csv, [&](ImportDatasetWizard* w) {
            QVERIFY(child<QLabel>(w, "planLabel")->text().contains(QStringLiteral("csv")));
            child<QLineEdit>(w, "promptTemplate")->setText(QStringLiteral("Which banking intent is this? {text}"));
            QTRY_VERIFY(text(child<QTableView>(w, "mappingPreview")->model(), 0, 1).startsWith(QStringLiteral("Which banking intent is this? ")));
            // A placeholder naming no column is refused with the field named.
            child<QLineEdit>(w, "promptTemplate")->setText(QStringLiteral("{nosuch}"));
            QTRY_VERIFY(!child<QLabel>(w, "mappingError")->text().isEmpty());
            QVERIFY(!w->currentPage()->isComplete());
            child<QLineEdit>(w, "promptTemplate")->setText(QStringLiteral("Which banking intent is this? {text}"));
            QTRY_VERIFY(w->currentPage()->isComplete());
        }, QStringLiteral("exact"), true, QStringLiteral("banking77"));
        QVERIFY(!dir.isEmpty());
        auto version = tb::readDatasetVersion(dir.toStdString());
        QVERIFY(version.ok());
        // Core: the same import (template), default cleaning and a stratified split.
        QTemporaryDir core;
        tb::ImportOptions import;
        import.promptTemplate = "Which banking intent is this? {text}";
        auto cleaned = tb::cleanFile(csv.toStdString(), core.filePath(QStringLiteral("c.jsonl")).toStdString(), import, {});
        QVERIFY(cleaned.ok());
        tb::SplitOptions s;
        s.stratify = true;
        auto split = tb::splitFile(core.filePath(QStringLiteral("c.jsonl")).toStdString(), core.filePath(QStringLiteral("s")).toStdString(), {}, s);
        QVERIFY(split.ok());
        QCOMPARE(version->counts["train"] + version->counts["validation"] + version->counts["test"], cleaned->output);
        QCOMPARE(version->counts["train"], split->counts[0]);
        QCOMPARE(version->counts["validation"], split->counts[1]);
        QCOMPARE(version->counts["test"], split->counts[2]);
        QVERIFY(cleaned->input >= 10000);
    }
};

QTEST_MAIN(ImportWizardTest)
#include "import_wizard_test.moc"
