// RunListModel over RunScheduler on hand-written run folders (each status, a dead session's "running" run
// shown as interrupted and rewritten on disk, a damaged folder reported, updates as dataChanged), and the
// dashboard's chart pipeline: min/max decimation keeps extremes, 100,000 appends cost one redraw.
#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "core/train/run_index.h"
#include "models/runs/metric_series.h"
#include "models/runs/run_list_model.h"
#include "models/runs/run_registration.h"
#include "models/runs/run_scheduler.h"
#include "widgets/runs/metric_chart.h"

using tb::models::MetricSeries;
using tb::models::RunListModel;
using tb::models::RunScheduler;
using tb::train::RunStatus;

namespace {

bool writeRun(const QString& runsDir, const QString& id, RunStatus status, double bestVal = -1.0) {
    tb::train::RunRequest req;
    req.modelPath = "/models/demo-base";
    req.datasetName = "tickets";
    req.datasetVersion = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    req.trainPath = "/data/train.jsonl";
    const std::string dir = (runsDir + QLatin1Char('/') + id).toStdString();
    if (!tb::train::writeRunRequest(dir, req)) return false;
    tb::train::RunState st;
    st.status = status;
    st.startedAt = "2026-11-21T10:00:00Z";
    st.activeSeconds = 75;
    st.bestValLoss = bestVal;
    st.step = 10;
    st.totalSteps = 20;
    return tb::train::writeRunState(dir, st).ok();
}

}  // namespace

class RunModelsTest : public QObject {
    Q_OBJECT
private slots:
    // The base model's identity is cached per file by (device, inode, size, mtime): unchanged files give
    // the same hash without a re-read, and a rewrite of the same size is still noticed.
    void modelHashFollowsContentChanges() {
        QTemporaryDir dir;
        auto write = [&](const QString& name, const QByteArray& bytes) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        write(QStringLiteral("config.json"), "{}");
        write(QStringLiteral("model.safetensors"), QByteArray(4096, 'a'));
        const std::string path = dir.path().toStdString();
        auto first = tb::models::modelContentSha256(path);
        QVERIFY(first.ok());
        auto again = tb::models::modelContentSha256(path);
        QVERIFY(again.ok());
        QCOMPARE(*again, *first);
        QTest::qWait(20);  // a later mtime, whatever the file system's timestamp resolution
        write(QStringLiteral("model.safetensors"), QByteArray(4096, 'b'));  // same size, new content
        auto changed = tb::models::modelContentSha256(path);
        QVERIFY(changed.ok());
        QVERIFY(*changed != *first);
        auto file = tb::models::modelContentSha256(dir.filePath(QStringLiteral("model.safetensors")).toStdString());
        QVERIFY(file.ok());
        // sha256 of 4096 x "b", from Python's hashlib
        QCOMPARE(QString::fromStdString(*file),
                 QStringLiteral("5389688abf55bc46639385085bfaf1fda3552f63303e4d4a55d664d0f515d6ac"));
    }

    void listsRunsWithStatusAndMarksDeadSessionsInterrupted() {
        QTemporaryDir dir;
        const QString runs = dir.path();
        QVERIFY(writeRun(runs, QStringLiteral("a-finished"), RunStatus::Finished, 0.4321));
        QVERIFY(writeRun(runs, QStringLiteral("b-failed"), RunStatus::Failed));
        QVERIFY(writeRun(runs, QStringLiteral("c-running"), RunStatus::Running));
        QVERIFY(QDir(runs).mkpath(QStringLiteral("d-broken")));
        QFile broken(runs + QStringLiteral("/d-broken/request.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{not json");
        broken.close();
        QVERIFY(QDir(runs).mkpath(QStringLiteral("e-cli-run")));  // no request.json: not listed, not a problem

        RunScheduler scheduler(runs, false);
        RunListModel model(&scheduler);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(scheduler.problems().size(), 1);
        QVERIFY(scheduler.problems().first().contains(QStringLiteral("d-broken")));
        auto cell = [&](const QString& id, int column) {
            return model.index(model.rowOf(id), column).data().toString();
        };
        QCOMPARE(cell(QStringLiteral("a-finished"), RunListModel::StatusColumn), QStringLiteral("finished"));
        QCOMPARE(cell(QStringLiteral("a-finished"), RunListModel::BestValColumn), QStringLiteral("0.4321"));
        QCOMPARE(cell(QStringLiteral("a-finished"), RunListModel::DatasetColumn), QStringLiteral("tickets@01234567"));
        QCOMPARE(cell(QStringLiteral("a-finished"), RunListModel::ModelColumn), QStringLiteral("demo-base"));
        QCOMPARE(cell(QStringLiteral("a-finished"), RunListModel::DurationColumn), QStringLiteral("1 min 15 s"));
        QCOMPARE(cell(QStringLiteral("b-failed"), RunListModel::BestValColumn), QStringLiteral("—"));
        QCOMPARE(cell(QStringLiteral("c-running"), RunListModel::StatusColumn), QStringLiteral("interrupted"));
        QCOMPARE(cell(QStringLiteral("c-running"), RunListModel::ProgressColumn), QStringLiteral("10 / 20"));
        // Rewritten on disk, so other tools agree; without a checkpoint Resume starts it again.
        auto st = tb::train::readRunState((runs + QStringLiteral("/c-running")).toStdString());
        QVERIFY(st.ok());
        QCOMPARE(int(st->status), int(RunStatus::Interrupted));
        QVERIFY(model.index(model.rowOf(QStringLiteral("c-running")), 0).data(RunListModel::CanResumeRole).toBool());
        QVERIFY(!model.index(model.rowOf(QStringLiteral("a-finished")), 0).data(RunListModel::CanResumeRole).toBool());

        // A new folder appears: refresh resets the model. A finished one is listed as it is.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(writeRun(runs, QStringLiteral("f-new"), RunStatus::Finished));
        scheduler.refresh();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 4);
    }

    void readOnlySchedulerNeitherRewritesNorQueues() {
        QTemporaryDir dir;
        QVERIFY(writeRun(dir.path(), QStringLiteral("r"), RunStatus::Paused));
        RunScheduler scheduler(dir.path(), true);
        QCOMPARE(int(scheduler.find(QStringLiteral("r"))->state.status), int(RunStatus::Interrupted));
        auto st = tb::train::readRunState((dir.path() + QStringLiteral("/r")).toStdString());
        QCOMPARE(int(st->status), int(RunStatus::Paused));
        QVERIFY(!scheduler.enqueue(QStringLiteral("r")));
    }

    void decimationKeepsExtremesAndLastPoint() {
        MetricSeries s;
        for (int i = 0; i < 100000; ++i) s.append(i, std::sin(i * 0.001) + (i == 54321 ? 50.0 : 0.0));
        s.append(100000, -7.0);
        const QList<QPointF> d = s.decimated(500);
        QVERIFY(d.size() <= 1001);
        QVERIFY(d.size() >= 500);
        double lo = 1e9, hi = -1e9;
        for (int i = 0; i < d.size(); ++i) {
            lo = std::min(lo, d[i].y()), hi = std::max(hi, d[i].y());
            if (i) QVERIFY(d[i].x() > d[i - 1].x());
        }
        QCOMPARE(hi, s.maxY());
        QCOMPARE(lo, -7.0);
        QCOMPARE(d.back(), QPointF(100000, -7.0));
        s.truncateFrom(50000);
        QCOMPARE(s.size(), 50000);
        QCOMPARE(s.lastX(), 49999.0);
        QVERIFY(s.maxY() < 2.0);  // the spike at 54321 is gone
        MetricSeries few;
        few.append(1, 2);
        few.append(2, std::nan(""));  // not plotted
        QCOMPARE(few.decimated(10).size(), 1);
    }

    void chartCoalescesHundredThousandPointsIntoOneRedraw() {
        tb::widgets::MetricChart chart(QStringLiteral("Loss"), QStringLiteral("step"), {QStringLiteral("train")});
        chart.resize(600, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTest::qWait(tb::widgets::MetricChart::RedrawIntervalMs * 2);
        const int before = chart.redrawCount();
        for (int i = 0; i < 100000; ++i) chart.append(0, i, 1.0 / (1 + i));
        QCOMPARE(chart.redrawCount(), before);  // nothing drawn per point
        QTRY_COMPARE(chart.redrawCount(), before + 1);
        QCOMPARE(chart.pointCount(0), 100000);
        QVERIFY(chart.drawnPointCount(0) <= 2 * 600 + 1);
        QVERIFY(chart.drawnPointCount(0) > 50);
    }
};

QTEST_MAIN(RunModelsTest)
#include "run_models_test.moc"
