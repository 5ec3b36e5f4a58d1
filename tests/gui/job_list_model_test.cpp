// JobListModel: structure checked by QAbstractItemModelTester through a job's whole life, signals by
// QSignalSpy, and the progress/state mapping the status bar relies on.
#include "models/job_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using tb::models::JobListModel;
using tb::models::JobState;

class JobListModelTest : public QObject {
    Q_OBJECT
private slots:
    void lifecycleKeepsModelConsistent() {
        JobListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy active(&model, &JobListModel::activeCountChanged);

        model.addJob(1, QStringLiteral("Import data.jsonl"));
        model.addJob(2, QStringLiteral("Train run 7"));
        model.addJob(1, QStringLiteral("duplicate id is ignored"));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.activeCount(), 2);
        QCOMPARE(active.count(), 2);
        QCOMPARE(active.last().at(0).toInt(), 2);

        model.setRunning(1);
        model.setProgress(1, QStringLiteral("Reading"), 25, 100);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(model.stateOf(1), JobState::Running);
        QCOMPARE(model.percentOf(1), 25);
        QCOMPARE(model.index(0, JobListModel::ProgressColumn).data().toString(), QStringLiteral("25%"));
        QCOMPARE(model.index(0, JobListModel::MessageColumn).data().toString(), QStringLiteral("Reading"));
        QCOMPARE(model.index(0, 0).data(JobListModel::JobIdRole).toInt(), 1);
        QCOMPARE(model.index(0, 0).data(JobListModel::ActiveRole).toBool(), true);

        model.setFailed(2, QStringLiteral("data.jsonl:3: field 'prompt' is missing"));
        QCOMPARE(model.stateOf(2), JobState::Failed);
        QCOMPARE(model.messageOf(2), QStringLiteral("data.jsonl:3: field 'prompt' is missing"));
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(active.last().at(0).toInt(), 1);

        model.setFinished(1);
        QCOMPARE(model.percentOf(1), 100);
        QCOMPARE(model.activeCount(), 0);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.addJob(3, QStringLiteral("Still queued"));
        model.removeInactive();
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(3), 0);
        QCOMPARE(model.rowOf(1), -1);
    }

    void percentHandlesUnknownAndOvershootingTotals() {
        JobListModel model;
        model.addJob(5, QStringLiteral("Scan"));
        QCOMPARE(model.percentOf(5), -1);
        model.setProgress(5, QStringLiteral("Scanning"), 40, 0);  // total unknown
        QCOMPARE(model.stateOf(5), JobState::Running);             // progress implies running
        QCOMPARE(model.percentOf(5), -1);
        QCOMPARE(model.overallPercent(), -1);
        model.setProgress(5, QStringLiteral("Scanning"), 150, 100);  // clamped
        QCOMPARE(model.percentOf(5), 100);
        model.setProgress(5, QStringLiteral("Scanning"), -3, 100);
        QCOMPARE(model.percentOf(5), 0);

        model.addJob(6, QStringLiteral("Other"));
        model.setProgress(6, QStringLiteral("Working"), 50, 100);
        QCOMPARE(model.overallPercent(), 25);  // mean of 0% and 50%
    }

    void cancelledJobsSayWhy() {
        JobListModel model;
        model.addJob(9, QStringLiteral("Evaluate"));
        model.setCancelled(9);
        QCOMPARE(model.stateOf(9), JobState::Cancelled);
        QVERIFY(!model.messageOf(9).isEmpty());
        QCOMPARE(model.index(0, JobListModel::StateColumn).data().toString(), JobListModel::stateName(JobState::Cancelled));
        model.setProgress(42, QStringLiteral("unknown job"), 1, 2);  // ignored, no crash
        QCOMPARE(model.rowCount(), 1);
        for (int c = 0; c < JobListModel::ColumnCount; ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(JobListModelTest)
#include "job_list_model_test.moc"
