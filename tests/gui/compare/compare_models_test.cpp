// The Compare page's item models on the shared 8-example base/tuned fixture (tests/data/eval), with counts
// worked out by hand from the file: 3 both right, 1 regression (ex-8), 4 fixes, 5 disagreements, 2 invalid
// outputs of A (ex-4 "meh", ex-7 empty). QAbstractItemModelTester checks the models' contracts.
#include "core/eval/comparison.h"
#include "models/compare/comparison_filter_model.h"
#include "models/compare/comparison_table_model.h"
#include "models/compare/metrics_delta_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using tb::models::ComparisonFilterModel;
using tb::models::ComparisonTableModel;
using tb::models::MetricsDeltaModel;
using Filter = ComparisonFilterModel::Filter;

class CompareModelsTest : public QObject {
    Q_OBJECT
    tb::eval::ComparisonResult m_result;

private slots:
    void initTestCase() {
        const std::string dir = TUNEBENCH_SOURCE_DIR "/tests/data/eval/";
        auto a = tb::eval::readPredictionsFile(dir + "predictions_cls_base.jsonl");
        auto b = tb::eval::readPredictionsFile(dir + "predictions_cls_tuned.jsonl");
        QVERIFY(a.ok() && b.ok());
        tb::eval::ScoreOptions o;
        o.task = tb::eval::EvalTask::Classification;
        auto r = tb::eval::comparePredictions(*a, *b, o);
        QVERIFY(r.ok());
        m_result = *r;
    }

    void tableShowsEveryExampleWithMarksAndDiff() {
        ComparisonTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setComparison(m_result, {});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.columnCount(), int(ComparisonTableModel::ColumnCount));
        QCOMPARE(model.index(7, ComparisonTableModel::IdColumn).data().toString(), QStringLiteral("ex-8"));
        QCOMPARE(model.index(7, ComparisonTableModel::OutputBColumn).data().toString(), QStringLiteral("neutral"));
        QCOMPARE(model.index(7, 0).data(ComparisonTableModel::KindRole).toInt(), int(tb::eval::ComparisonKind::Regression));
        QVERIFY(model.index(7, 0).data(ComparisonTableModel::CorrectARole).toBool());
        QVERIFY(!model.index(7, 0).data(ComparisonTableModel::CorrectBRole).toBool());
        QCOMPARE(model.index(7, 0).data(ComparisonTableModel::GoldLabelRole).toString(), QStringLiteral("negative"));
        QCOMPARE(model.index(3, ComparisonTableModel::ReferenceColumn).data().toString(), QStringLiteral("positive"));
        QVERIFY(!model.index(3, 0).data(ComparisonTableModel::ValidARole).toBool());  // "meh"
        // ex-2: A "positive" -> B "negative": A's word highlighted as removed, B's as added, ✗ then ✓.
        const QString a = model.index(1, ComparisonTableModel::OutputAColumn).data(ComparisonTableModel::RichTextRole).toString();
        const QString b = model.index(1, ComparisonTableModel::OutputBColumn).data(ComparisonTableModel::RichTextRole).toString();
        QVERIFY2(a.contains(QStringLiteral("&#10007;")) && a.contains(QStringLiteral("#ffd7d5'>positive</span>")), qPrintable(a));
        QVERIFY2(b.contains(QStringLiteral("&#10003;")) && b.contains(QStringLiteral("#ccffd8'>negative</span>")), qPrintable(b));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setRating(7, tb::eval::ReviewSide::B, 1, QStringLiteral("says neutral"), QStringLiteral("rev")).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(7, ComparisonTableModel::RatingBColumn).data().toInt(), 1);
        QCOMPARE(model.index(7, ComparisonTableModel::RatingBColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("says neutral"));
        QVERIFY(!model.setRating(7, tb::eval::ReviewSide::A, 7, {}, {}).ok());
        QVERIFY(!model.setRating(99, tb::eval::ReviewSide::A, 3, {}, {}).ok());
        QCOMPARE(model.ratings().summary().b.rated, 1);
    }

    void filtersCountAsWorkedOutByHand() {
        ComparisonTableModel model;
        ComparisonFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(m_result, {});
        QCOMPARE(filter.countFor(Filter::All), 8);
        QCOMPARE(filter.countFor(Filter::Disagreements), 5);
        QCOMPARE(filter.countFor(Filter::Regressions), 1);
        QCOMPARE(filter.countFor(Filter::Fixes), 4);
        QCOMPARE(filter.countFor(Filter::Invalid), 2);
        QCOMPARE(filter.countFor(Filter::BothRight), 3);
        QCOMPARE(filter.countFor(Filter::BothWrong), 0);
        filter.setFilter(Filter::Fixes);
        QCOMPARE(filter.rowCount(), 4);
        filter.setLabel(QStringLiteral("positive"));  // fixes of gold positive: ex-4, ex-7
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(filter.countFor(Filter::All), 3);     // ex-1, ex-4, ex-7
        filter.setFilter(Filter::All);
        filter.setLabel({});
        filter.setSearchText(QStringLiteral("PLOT"));  // "Terrible plot." only
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("ex-2"));
        filter.setSearchText({});
        filter.sort(ComparisonTableModel::OutputBColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, ComparisonTableModel::OutputBColumn).data().toString(), QStringLiteral("negative"));
    }

    void metricsShowBothSidesAndDeltas() {
        MetricsDeltaModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(m_result);
        const int acc = model.rowOf(QStringLiteral("accuracy"));
        QCOMPARE(acc, 0);
        QCOMPARE(model.index(acc, MetricsDeltaModel::AColumn).data(MetricsDeltaModel::ValueRole).toDouble(), 0.5);
        QCOMPARE(model.index(acc, MetricsDeltaModel::BColumn).data(MetricsDeltaModel::ValueRole).toDouble(), 0.875);
        QCOMPARE(model.index(acc, MetricsDeltaModel::AColumn).data().toString(), QStringLiteral("50.0%"));
        QCOMPARE(model.index(acc, MetricsDeltaModel::DeltaColumn).data().toString(), QStringLiteral("+37.5 pt"));
        const int invalid = model.rowOf(QStringLiteral("invalid_rate"));
        QVERIFY(invalid > 0);
        QCOMPARE(model.index(invalid, MetricsDeltaModel::DeltaColumn).data(MetricsDeltaModel::ValueRole).toDouble(), -0.25);
        // Fewer invalid outputs is better: green, like the accuracy gain.
        QCOMPARE(model.index(invalid, MetricsDeltaModel::DeltaColumn).data(Qt::ForegroundRole),
                 model.index(acc, MetricsDeltaModel::DeltaColumn).data(Qt::ForegroundRole));
        QCOMPARE(model.rowOf(QStringLiteral("field_accuracy")), -1);  // not a JSON comparison
        QCOMPARE(model.rowCount(), int(m_result.deltas.size()));
    }
};

QTEST_MAIN(CompareModelsTest)
#include "compare_models_test.moc"
