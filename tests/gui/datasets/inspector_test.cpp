// The dataset inspector on versions saved by core: filters (PII, duplicates, label, split, rejected) show
// the rows core flags, the record pane highlights PII, charts are drawn, and the history diff of two
// versions of one name reports what diffDatasetVersions reports.
#include "core/data/cleaner.h"
#include "core/data/dataset_version.h"
#include "core/data/quality_analyzer.h"
#include "core/data/rejected_sidecar.h"
#include "core/data/splitter.h"
#include "core/data/version_diff.h"
#include "core/workspace/workspace.h"
#include "models/datasets/dataset_version_table_model.h"
#include "models/datasets/record_table_model.h"
#include "models/job_manager.h"
#include "widgets/datasets/dataset_inspector.h"
#include "widgets/datasets/datasets_page.h"
#include "widgets/datasets/record_pane.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QChartView>

#include <fstream>

using tb::models::RecordTableModel;

namespace {
constexpr int kJobTimeoutMs = 60000;

int comboIndexStartingWith(QComboBox* combo, const QString& prefix) {
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemText(i).startsWith(prefix)) return i;
    return -1;
}
}  // namespace

class InspectorTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<tb::Workspace> m_workspace;
    std::unique_ptr<tb::models::JobManager> m_jobs;
    std::string m_rawVersion, m_cleanVersion;

private slots:
    void initTestCase() {
        auto ws = tb::Workspace::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        m_workspace = *ws;
        m_jobs = std::make_unique<tb::models::JobManager>(2);
        const std::string demo = std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo/support_tickets.jsonl";
        // Version 1: split as is (duplicates and PII still there). Version 2: cleaned, then split.
        const std::string raw = m_dir.filePath(QStringLiteral("raw")).toStdString();
        QVERIFY(tb::splitFile(demo, raw, {}, {}).ok());
        auto v1 = tb::createDatasetVersion(m_workspace->datasetsDir(), raw, {"tickets", "as imported", ""});
        QVERIFY(v1.ok());
        m_rawVersion = v1->dir;
        // A rejected-records report beside version 1, as the wizard writes it.
        const std::string rejected = m_dir.filePath(QStringLiteral("rejected.jsonl")).toStdString();
        std::ofstream(rejected) << "{\"file\":\"tickets.csv\",\"line\":12,\"reason\":\"invalid UTF-8 at byte 3\"}\n";
        QVERIFY(tb::saveRejectedSidecar(rejected, m_rawVersion).ok());
        const std::string cleaned = m_dir.filePath(QStringLiteral("clean.jsonl")).toStdString();
        QVERIFY(tb::cleanFile(demo, cleaned, {}, {}).ok());
        const std::string cleanSplit = m_dir.filePath(QStringLiteral("clean")).toStdString();
        QVERIFY(tb::splitFile(cleaned, cleanSplit, {}, {}).ok());
        auto v2 = tb::createDatasetVersion(m_workspace->datasetsDir(), cleanSplit, {"tickets", "cleaned", ""});
        QVERIFY(v2.ok());
        m_cleanVersion = v2->dir;
        QCOMPARE(v2->parent, v1->version);
    }

    void filtersPaneChartsAndDiff() {
        tb::widgets::DatasetsPage page({m_workspace, m_jobs.get(), QStringLiteral("tester")});
        page.resize(1200, 800);
        page.show();
        QCOMPARE(page.versionModel()->rowCount(), 2);
        const int rawRow = page.versionModel()->rowOfVersion(QString::fromStdString(tb::readDatasetVersion(m_rawVersion)->version));
        QVERIFY(rawRow >= 0);
        QCOMPARE(page.versionModel()->index(rawRow, tb::models::DatasetVersionTableModel::DescriptionColumn).data().toString(),
                 QStringLiteral("as imported"));
        auto* inspector = page.inspector();
        QSignalSpy checks(inspector, &tb::widgets::DatasetInspector::checksDone);
        page.inspectRow(rawRow);
        QVERIFY(checks.wait(kJobTimeoutMs));
        auto* model = inspector->recordModel();
        auto v = tb::readDatasetVersion(m_rawVersion);
        const int64_t total = v->counts["train"] + v->counts["validation"] + v->counts["test"];
        QCOMPARE(model->rowCount(), int(total + 1));  // + the rejected record

        // PII filter: exactly the records the quality report finds PII in.
        std::vector<tb::Record> records;
        for (int64_t i = 0; i < model->recordIndex()->size(); ++i) records.push_back(*model->recordIndex()->record(i));
        const tb::QualityReport report = tb::analyzeRecords(records, {});
        auto* filter = inspector->findChild<QComboBox*>(QStringLiteral("filterCombo"));
        filter->setCurrentIndex(filter->findData(int(RecordTableModel::Pii)));
        QCOMPARE(model->rowCount(), int(report.recordsWithPii));
        QVERIFY(filter->currentText().contains(QString::number(report.recordsWithPii)));
        auto* table = inspector->findChild<QTableView*>(QStringLiteral("recordTable"));
        table->selectRow(0);
        auto* pane = inspector->findChild<tb::widgets::RecordPane*>(QStringLiteral("recordPane"));
        QVERIFY(pane->piiHighlights() > 0);
        QVERIFY(pane->toHtml().contains(QStringLiteral("#ffd54f")));

        filter->setCurrentIndex(filter->findData(int(RecordTableModel::Duplicates)));
        QVERIFY(model->rowCount() >= int(report.exactDuplicateRecords + report.nearDuplicateRecords));
        filter->setCurrentIndex(filter->findData(int(RecordTableModel::Rejected)));
        QCOMPARE(model->rowCount(), 1);
        table->selectRow(0);
        QVERIFY(pane->toPlainText().contains(QStringLiteral("invalid UTF-8")));

        // Label and split together.
        filter->setCurrentIndex(filter->findData(int(RecordTableModel::AllRecords)));
        auto* label = inspector->findChild<QComboBox*>(QStringLiteral("labelFilter"));
        auto* split = inspector->findChild<QComboBox*>(QStringLiteral("splitFilter"));
        label->setCurrentIndex(comboIndexStartingWith(label, QStringLiteral("TECHNICAL ")));
        split->setCurrentIndex(comboIndexStartingWith(split, QStringLiteral("test ")));
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->index(row, RecordTableModel::LabelColumn).data().toString(), QStringLiteral("TECHNICAL"));
            QCOMPARE(model->index(row, RecordTableModel::SplitColumn).data().toString(), QStringLiteral("test"));
        }

        // For review: TB_DATASETS_SCREENSHOTS=DIR saves what the page shows.
        const QString shots = qEnvironmentVariable("TB_DATASETS_SCREENSHOTS");
        if (!shots.isEmpty()) {
            table->selectRow(0);
            page.grab().save(shots + QStringLiteral("/datasets_page.png"));
            inspector->findChild<QTabWidget*>(QStringLiteral("inspectorTabs"))->setCurrentIndex(1);
            page.grab().save(shots + QStringLiteral("/datasets_charts.png"));
        }
        // Charts are drawn from the checks.
        auto* lengths = inspector->findChild<QChartView*>(QStringLiteral("tokenLengthChart"));
        auto* labels = inspector->findChild<QChartView*>(QStringLiteral("labelCountChart"));
        QCOMPARE(lengths->chart()->series().size(), 1);
        QCOMPARE(labels->chart()->series().size(), 1);

        // History: version 1 (raw) against version 2 (cleaned).
        auto* from = inspector->findChild<QComboBox*>(QStringLiteral("diffFrom"));
        auto* to = inspector->findChild<QComboBox*>(QStringLiteral("diffTo"));
        QCOMPARE(from->count(), 2);
        from->setCurrentIndex(from->findData(QString::fromStdString(m_rawVersion)));
        to->setCurrentIndex(to->findData(QString::fromStdString(m_cleanVersion)));
        auto* diffButton = inspector->findChild<QPushButton*>(QStringLiteral("diffButton"));
        QVERIFY(diffButton->isEnabled());
        QSignalSpy diffDone(inspector, &tb::widgets::DatasetInspector::diffDone);
        diffButton->click();
        QVERIFY(diffDone.wait(kJobTimeoutMs));
        if (!shots.isEmpty()) {
            inspector->findChild<QTabWidget*>(QStringLiteral("inspectorTabs"))->setCurrentIndex(2);
            page.grab().save(shots + QStringLiteral("/datasets_history.png"));
        }
        auto expected = tb::diffDatasetVersions(m_rawVersion, m_cleanVersion);
        QVERIFY(expected.ok());
        QVERIFY(expected->removed > 0);
        const QString summary = inspector->findChild<QLabel*>(QStringLiteral("diffSummary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("%1 added, %2 removed, %3 changed").arg(expected->added).arg(expected->removed).arg(expected->changed)),
                 qPrintable(summary));
        // Same version on both sides: the button says why it is disabled.
        to->setCurrentIndex(from->currentIndex());
        QVERIFY(!diffButton->isEnabled());
        QVERIFY(!diffButton->toolTip().isEmpty());
    }

    void highlightMarksEachPiiType() {
        int hits = 0;
        const QString html = tb::widgets::highlightPii("mail ines.k59@mail.example.org or call (249) 751-1561, order A-10454", &hits);
        QCOMPARE(hits, 2);
        QVERIFY(html.contains(QStringLiteral("title=\"EMAIL\"")));
        QVERIFY(html.contains(QStringLiteral("title=\"PHONE\"")));
        QVERIFY(!html.contains(QStringLiteral("A-10454</span>")));
        tb::widgets::highlightPii("already scrubbed: [EMAIL]", &hits);
        QCOMPARE(hits, 0);
    }
};

QTEST_MAIN(InspectorTest)
#include "inspector_test.moc"
