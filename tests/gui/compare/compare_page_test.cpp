// The Compare page end to end, offscreen, on real models: stories260K (A) against stories260K with a LoRA
// adapter fine-tuned in the test (B) on a saved dataset version's test split. The table, filter counts,
// metrics and charts must equal core's comparison of the stored predictions; ratings are stored and
// counted; CSV/HTML exports hold what core's exporter writes; a stored comparison reopens with its ratings.
#include "compare_test_workspace.h"

#include "core/eval/comparison_export.h"
#include "core/eval/comparison_store.h"
#include "core/eval/review_ratings.h"
#include "models/compare/comparison_filter_model.h"
#include "models/compare/comparison_table_model.h"
#include "models/compare/metrics_delta_model.h"
#include "models/job_manager.h"
#include "widgets/compare/compare_page.h"
#include "widgets/compare/compare_setup_panel.h"
#include "widgets/compare/comparison_charts.h"
#include "widgets/compare/example_detail_panel.h"
#include "widgets/empty_state_widget.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChartView>

using tb::models::ComparisonFilterModel;
using tb::models::ComparisonTableModel;
using tb::widgets::ComparePage;
using Filter = ComparisonFilterModel::Filter;

namespace {

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

template <typename T>
T* child(QObject* parent, const char* name) {
    T* w = parent->findChild<T*>(QLatin1String(name));
    if (!w) qWarning("no child %s", name);
    return w;
}

}  // namespace

class ComparePageTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    CompareTestWorkspace m_ws;
    std::unique_ptr<tb::models::JobManager> m_jobs;
    tb::widgets::PageContext m_context;
    QString m_storedDir;

    std::unique_ptr<ComparePage> makePage() {
        auto page = std::make_unique<ComparePage>(m_context);
        page->resize(1200, 900);
        page->show();
        return page;
    }

    // Fills the setup through its widgets: the dataset split from the picker, A = base, B = base + adapter.
    void fillSetup(ComparePage* page) {
        auto* split = child<QComboBox>(page, "splitCombo");
        QVERIFY(split);
        int index = -1;
        for (int i = 0; i < split->count(); ++i)
            if (split->itemData(i).toString() == m_ws.testFile) index = i;
        QVERIFY2(index > 0, "the saved version's test split is offered");
        QVERIFY(split->itemText(index).contains(QStringLiteral("moods@")));
        split->setCurrentIndex(index);
        emit split->activated(index);
        QCOMPARE(child<QLineEdit>(page, "dataEdit")->text(), m_ws.testFile);
        child<QComboBox>(page, "modelACombo")->setEditText(m_ws.modelDir);
        child<QComboBox>(page, "modelBCombo")->setEditText(m_ws.modelDir);
        auto* adapterB = child<QComboBox>(page, "adapterBCombo");
        QVERIFY2(adapterB->findText(m_ws.adapterDir) >= 0, "the run's adapter is suggested");
        adapterB->setEditText(m_ws.adapterDir);
        auto* task = child<QComboBox>(page, "taskCombo");
        task->setCurrentIndex(task->findData(QStringLiteral("classification")));
        child<QLineEdit>(page, "labelsEdit")->setText(QStringLiteral("happy, sad"));
        // " sad." is three tokens; a short budget is what a reviewer sets for classification.
        child<QSpinBox>(page, "maxTokensSpin")->setValue(4);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("TB_KEEP_TEST_DIR")) {  // for a look at the files after a failure
            m_dir.setAutoRemove(false);
            qInfo("test folder: %s", qPrintable(m_dir.path()));
        }
        m_ws = makeCompareTestWorkspace(m_dir.path());
        QVERIFY2(m_ws.error.isEmpty(), qPrintable(m_ws.error));
        qInfo("fine-tuned the test adapter in %.1f s", m_ws.trainSeconds);
        m_jobs = std::make_unique<tb::models::JobManager>(2);
        m_context.workspace = m_ws.workspace;
        m_context.jobs = m_jobs.get();
        m_context.userName = QStringLiteral("reviewer");
    }

    void cleanupTestCase() {
        m_jobs->cancelAll();
        QTRY_COMPARE(m_jobs->activeCount(), 0);
    }

    void validatesWhereTyped() {
        auto page = makePage();
        auto* run = child<QPushButton>(page.get(), "runButton");
        QVERIFY(page->findChild<tb::widgets::EmptyStateWidget*>());
        QVERIFY(!run->isEnabled());
        QVERIFY(run->toolTip().contains(QStringLiteral("data")));
        child<QLineEdit>(page.get(), "dataEdit")->setText(m_dir.filePath(QStringLiteral("missing.jsonl")));
        QVERIFY(run->toolTip().contains(QStringLiteral("missing.jsonl")));
        QVERIFY(child<QLabel>(page.get(), "setupProblemLabel")->text().contains(QStringLiteral("does not exist")));
        // Runs -> Compare: activate() prefills, and an adapter without adapter_config.json is named.
        page->activate({{"a", m_ws.modelDir}, {"b", m_ws.modelDir}, {"adapter_b", m_dir.path()}, {"data", m_ws.testFile}});
        QCOMPARE(child<QComboBox>(page.get(), "modelBCombo")->currentText(), m_ws.modelDir);
        QVERIFY(!run->isEnabled());
        QVERIFY2(run->toolTip().contains(QStringLiteral("adapter_config.json")), qPrintable(run->toolTip()));
        page->activate({{"adapter_b", m_ws.adapterDir}});
        QVERIFY2(run->isEnabled(), qPrintable(run->toolTip()));
        // A registered version fills model and adapter of its side.
        auto* versionA = child<QComboBox>(page.get(), "versionACombo");
        QCOMPARE(versionA->count(), 2);
        QCOMPARE(versionA->itemText(1), QStringLiteral("moods v1"));
        versionA->setCurrentIndex(1);
        emit versionA->activated(1);
        QCOMPARE(child<QComboBox>(page.get(), "modelACombo")->currentText(), m_ws.modelDir);
        QCOMPARE(child<QComboBox>(page.get(), "adapterACombo")->currentText(), m_ws.adapterDir);
        QVERIFY(run->toolTip().contains(QStringLiteral("the same")));  // A and B are now one model
        QVERIFY(!child<QPushButton>(page.get(), "cancelButton")->isEnabled());
    }

    void runsAComparisonThatMatchesCore() {
        auto page = makePage();
        fillSetup(page.get());
        auto* run = child<QPushButton>(page.get(), "runButton");
        QVERIFY2(run->isEnabled(), qPrintable(run->toolTip()));
        QSignalSpy modified(page.get(), &ComparePage::workspaceModified);
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(page->isRunning());
        QVERIFY(!run->isEnabled());
        QVERIFY(child<QPushButton>(page.get(), "cancelButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 120000);
        qInfo("compared %d examples in %.1f s", page->tableModel()->rowCount(), timer.elapsed() / 1000.0);
        QVERIFY2(page->statusText().contains(QStringLiteral("stored")), qPrintable(page->statusText()));
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.at(0).at(0).toString(), QStringLiteral("evaluations"));
        m_storedDir = page->comparisonDir();
        QVERIFY(QFile::exists(m_storedDir + "/predictions_b.jsonl"));
        QCOMPARE(child<QStackedWidget>(page.get(), "resultsStack")->currentIndex(), 1);

        // Core's comparison of the stored predictions, independently of the page.
        auto core = tb::eval::loadComparison(m_storedDir.toStdString());
        QVERIFY2(core.ok(), core.ok() ? "" : core.message().c_str());
        const tb::eval::ComparisonResult& r = core->result;
        QCOMPARE(int(r.examples.size()), m_ws.testRecords);
        QCOMPARE(core->source.adapterB, m_ws.adapterDir.toStdString());
        auto* table = page->tableModel();
        QCOMPARE(table->rowCount(), int(r.examples.size()));
        long long invalid = 0;
        for (int i = 0; i < table->rowCount(); ++i) {
            const auto& e = r.examples[size_t(i)];
            QCOMPARE(table->index(i, ComparisonTableModel::IdColumn).data().toString(), QString::fromStdString(e.id));
            QCOMPARE(table->index(i, ComparisonTableModel::OutputAColumn).data().toString(), QString::fromStdString(e.predictionA));
            QCOMPARE(table->index(i, ComparisonTableModel::OutputBColumn).data().toString(), QString::fromStdString(e.predictionB));
            QCOMPARE(table->index(i, 0).data(ComparisonTableModel::KindRole).toInt(), int(e.kind));
            invalid += (!e.scoreA.valid || !e.scoreB.valid) ? 1 : 0;
        }
        auto* filter = page->filterModel();
        QCOMPARE(filter->countFor(Filter::Disagreements), int(r.disagreements));
        QCOMPARE(filter->countFor(Filter::Regressions), int(r.regressions));
        QCOMPARE(filter->countFor(Filter::Fixes), int(r.fixes));
        QCOMPARE(filter->countFor(Filter::Invalid), int(invalid));
        qInfo("A accuracy %.3f, B accuracy %.3f; %lld fixes, %lld regressions, %lld disagreements, %lld invalid",
              r.reportA.accuracy(), r.reportB.accuracy(), r.fixes, r.regressions, r.disagreements, invalid);
        QVERIFY2(r.reportB.accuracy() > r.reportA.accuracy(), "the fine-tune must show a gain on held-out stories");
        QVERIFY(r.fixes > 0);

        // Clicking a filter shows exactly that many rows, with the count on the button.
        auto* fixes = child<QPushButton>(page.get(), "filterFixes");
        QVERIFY(fixes->text().contains(QStringLiteral("(%1)").arg(r.fixes)));
        QTest::mouseClick(fixes, Qt::LeftButton);
        QCOMPARE(filter->rowCount(), int(r.fixes));
        QTest::mouseClick(child<QPushButton>(page.get(), "filterRegressions"), Qt::LeftButton);
        QCOMPARE(filter->rowCount(), int(r.regressions));
        QTest::mouseClick(child<QPushButton>(page.get(), "filterAll"), Qt::LeftButton);
        auto* label = child<QComboBox>(page.get(), "labelFilterCombo");
        label->setCurrentIndex(label->findData(QStringLiteral("sad")));
        QCOMPARE(filter->rowCount(), m_ws.testRecords / 2);
        label->setCurrentIndex(0);
        QCOMPARE(filter->rowCount(), m_ws.testRecords);

        // Header: both sides' metrics and the deltas are core's.
        auto* metrics = page->metricsModel();
        const int acc = metrics->rowOf(QStringLiteral("accuracy"));
        QVERIFY(acc >= 0);
        using M = tb::models::MetricsDeltaModel;
        QCOMPARE(metrics->index(acc, M::AColumn).data(M::ValueRole).toDouble(), r.reportA.accuracy());
        QCOMPARE(metrics->index(acc, M::BColumn).data(M::ValueRole).toDouble(), r.reportB.accuracy());
        QCOMPARE(metrics->index(acc, M::DeltaColumn).data(M::ValueRole).toDouble(), r.deltas.at("accuracy"));
        QVERIFY(page->summaryText().contains(QStringLiteral("%1 fixes").arg(r.fixes)));

        // Charts: one stacked bar per gold label, one set per predicted label plus invalid; F1 for A and B.
        auto* charts = page->charts();
        QVERIFY(!charts->confusionViewA()->isHidden());  // on the Charts tab, which is not the current one
        auto series = charts->confusionViewA()->chart()->series();
        QCOMPARE(series.size(), 1);
        auto* bars = qobject_cast<QAbstractBarSeries*>(series.first());
        QVERIFY(bars);
        QCOMPARE(bars->count(), int(r.reportA.classification->labels.size()) + 1);
        double total = 0;
        for (QBarSet* set : bars->barSets())
            for (int i = 0; i < set->count(); ++i) total += set->at(i);
        QCOMPARE(int(total), m_ws.testRecords);
        auto* f1 = qobject_cast<QAbstractBarSeries*>(charts->f1View()->chart()->series().first());
        QCOMPARE(f1->count(), 2);
        QCOMPARE(f1->barSets().at(1)->at(0), r.reportB.classification->perClass[0].f1);

        // The detail pane follows the selection.
        auto* view = child<QTableView>(page.get(), "examplesView");
        view->selectRow(1);
        QVERIFY(page->detailPanel()->text().contains(QString::fromStdString(r.examples[1].prompt)));
        if (qEnvironmentVariableIsSet("TB_SCREENSHOT_DIR")) {  // for a look at the layout, not a check
            const QString dir = qEnvironmentVariable("TB_SCREENSHOT_DIR");
            QTest::qWait(100);  // let the layouts settle
            page->grab().save(dir + "/compare_page.png");
            child<QTabWidget>(page.get(), "resultTabs")->setCurrentIndex(1);
            page->grab().save(dir + "/compare_page_charts.png");
            child<QTabWidget>(page.get(), "resultTabs")->setCurrentIndex(0);
        }
    }

    void ratesTwoRowsAndStoresThem() {
        QVERIFY(!m_storedDir.isEmpty());
        auto page = makePage();
        page->openComparison(m_storedDir);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning() && page->tableModel()->rowCount() > 0, 30000);
        auto* view = child<QTableView>(page.get(), "examplesView");
        auto* ratingA = child<QComboBox>(page.get(), "ratingACombo");
        auto* ratingB = child<QComboBox>(page.get(), "ratingBCombo");
        auto* noteB = child<QLineEdit>(page.get(), "noteBEdit");
        auto* save = child<QPushButton>(page.get(), "saveRatingButton");
        QStringList ids;
        for (int row : {0, 2}) {
            view->selectRow(row);
            ids << page->detailPanel()->exampleId();
            QVERIFY(save->isEnabled());
            ratingA->setCurrentIndex(ratingA->findData(row == 0 ? 2 : 4));
            ratingB->setCurrentIndex(ratingB->findData(5));
            noteB->setText(row == 0 ? QStringLiteral("says \"happy\", right") : QString());
            QTest::mouseClick(save, Qt::LeftButton);
        }
        auto stored = tb::eval::readRatingsFile(tb::eval::ratingsPathFor(m_storedDir.toStdString()));
        QVERIFY2(stored.ok(), stored.ok() ? "" : stored.message().c_str());
        QCOMPARE(int(stored->all().size()), 2);
        QCOMPARE(stored->get(ids[0].toStdString()).a.rating, 2);
        QCOMPARE(stored->get(ids[0].toStdString()).b.note, std::string("says \"happy\", right"));
        QCOMPARE(stored->get(ids[0].toStdString()).b.reviewer, std::string("reviewer"));
        QCOMPARE(stored->get(ids[1].toStdString()).a.rating, 4);
        const auto summary = stored->summary();
        QCOMPARE(summary.examplesRated, 2);
        QCOMPARE(summary.a.mean, 3.0);   // (2 + 4) / 2
        QCOMPARE(summary.b.rated, 2);
        QCOMPARE(summary.b.notes, 1);
        QVERIFY2(page->summaryText().contains(QStringLiteral("Reviewed: 2 examples; A 2 rated (mean 3.00), 0 notes; "
                                                             "B 2 rated (mean 5.00), 1 notes")),
                 qPrintable(page->summaryText()));
        QCOMPARE(page->tableModel()->index(0, ComparisonTableModel::RatingAColumn).data().toInt(), 2);

        // Reopened in a new page, the ratings come back.
        auto again = makePage();
        auto* stored2 = child<QComboBox>(again.get(), "storedCombo");
        QVERIFY(stored2->count() >= 1);
        stored2->setCurrentIndex(stored2->findData(m_storedDir));
        QTest::mouseClick(child<QPushButton>(again.get(), "openStoredButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!again->isRunning() && again->tableModel()->rowCount() > 0, 30000);
        QCOMPARE(again->tableModel()->index(2, 0).data(ComparisonTableModel::RatingARole).toInt(), 4);
        QCOMPARE(again->tableModel()->ratings().summary().b.notes, 1);
    }

    void exportsCsvAndHtml() {
        QVERIFY(!m_storedDir.isEmpty());
        auto page = makePage();
        page->activate({{"comparison", m_storedDir}});
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning() && page->tableModel()->rowCount() > 0, 30000);
        const QString csvPath = m_dir.filePath(QStringLiteral("out.csv")), htmlPath = m_dir.filePath(QStringLiteral("out.html"));
        page->setSaveFileChooser([&](const QString& suggested, const QString&) {
            return suggested.endsWith(QStringLiteral(".csv")) ? csvPath : htmlPath;
        });
        QTest::mouseClick(child<QPushButton>(page.get(), "exportCsvButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(page.get(), "exportHtmlButton"), Qt::LeftButton);
        const QString csv = readAll(csvPath);
        const auto& r = page->tableModel()->comparison();
        QCOMPARE(csv, QString::fromStdString(tb::eval::comparisonToCsv(r, page->tableModel()->ratings())));
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), page->tableModel()->rowCount() + 1);  // no prompt here spans lines
        QVERIFY(lines[0].startsWith(QStringLiteral("id,prompt,reference,output_a,output_b,correct_a,correct_b")));
        QVERIFY(csv.contains(QStringLiteral("\"says \"\"happy\"\", right\"")));  // the rated note, quoted
        const QString html = readAll(htmlPath);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QString::fromStdString(tb::eval::htmlEscape(r.examples[0].prompt))));
        QVERIFY(html.contains(QStringLiteral("says &quot;happy&quot;, right")));
        QVERIFY(html.contains(QStringLiteral("<th>Fixes (A wrong, B right)</th><td class=\"num\">%1</td>").arg(r.fixes)));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(page->statusText().contains(htmlPath));
    }

    void aBrokenModelFailsWithAReadableMessage() {
        auto page = makePage();
        fillSetup(page.get());
        // A folder that exists but holds no model: the job fails and the page names what is wrong.
        const QString notAModel = m_dir.filePath(QStringLiteral("split"));
        child<QComboBox>(page.get(), "modelACombo")->setEditText(notAModel);
        QTest::mouseClick(child<QPushButton>(page.get(), "runButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 30000);
        QVERIFY2(page->statusText().startsWith(QStringLiteral("model A: ")), qPrintable(page->statusText()));
        QVERIFY2(page->statusText().contains(notAModel), qPrintable(page->statusText()));
        QCOMPARE(page->tableModel()->rowCount(), 0);
        QVERIFY(child<QPushButton>(page.get(), "runButton")->isEnabled());
    }

    void readOnlyWorkspaceShowsButDoesNotRate() {
        QVERIFY(!m_storedDir.isEmpty());
        // A second open of the same workspace is read-only (the first holds the lock).
        auto readOnly = tb::Workspace::open(m_ws.workspace->root(), true);
        QVERIFY(readOnly.ok());
        QVERIFY((*readOnly)->readOnly());
        tb::widgets::PageContext context = m_context;
        context.workspace = *readOnly;
        ComparePage page(context);
        page.show();
        page.openComparison(m_storedDir);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning() && page.tableModel()->rowCount() > 0, 30000);
        auto* save = child<QPushButton>(&page, "saveRatingButton");
        QVERIFY(!save->isEnabled());
        QVERIFY(save->toolTip().contains(QStringLiteral("read-only")));
        QVERIFY(child<QPushButton>(&page, "exportCsvButton")->isEnabled());  // reading and exporting still work
    }

    void cancelStopsARunAndThePageStaysUsable() {
        auto page = makePage();
        fillSetup(page.get());
        QSignalSpy cancelled(m_jobs.get(), &tb::models::JobManager::cancelled);
        QTest::mouseClick(child<QPushButton>(page.get(), "runButton"), Qt::LeftButton);
        QVERIFY(page->isRunning());
        QTest::mouseClick(child<QPushButton>(page.get(), "cancelButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 30000);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(page->statusText(), QStringLiteral("Cancelled."));
        QVERIFY(child<QPushButton>(page.get(), "runButton")->isEnabled());
        QCOMPARE(page->tableModel()->rowCount(), 0);
    }
};

QTEST_MAIN(ComparePageTest)
#include "compare_page_test.moc"
