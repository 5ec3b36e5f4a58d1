// JobManager: work runs on worker threads, progress and outcomes arrive as signals on the GUI thread,
// cancellation reaches both queued and running work, failures keep their readable message.
#include "models/job_manager.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using tb::models::JobManager;

namespace {

// Reports progress forever (total 1000, wrapping) until cancelled.
tb::Status loopUntilCancelled(const tb::ProgressCallback& progress) {
    for (int64_t i = 0;; ++i) {
        if (!tb::reportProgress(progress, {"Looping", i % 1000, 1000, {}})) return tb::cancelledError();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

}  // namespace

class JobManagerTest : public QObject {
    Q_OBJECT
private slots:
    void progressArrivesOnGuiThreadAndJobFinishes() {
        JobManager jobs(2);
        QSignalSpy progressed(&jobs, &JobManager::progressed);
        QSignalSpy finished(&jobs, &JobManager::finished);
        std::atomic<bool> ranOnWorker{false};
        QThread* gui = QThread::currentThread();
        QThread* seen = nullptr;
        connect(&jobs, &JobManager::progressed, this, [&] { seen = QThread::currentThread(); });
        int id = jobs.submit(QStringLiteral("count to 200"), [&](const tb::ProgressCallback& progress) {
            ranOnWorker = QThread::currentThread() != gui;
            for (int i = 1; i <= 200; ++i) {
                if (!tb::reportProgress(progress, {"Counting", i, 200, {}})) return tb::Status(tb::cancelledError());
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            return tb::Status::success();
        });
        QVERIFY(id > 0);
        QVERIFY(jobs.isActive(id));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().at(0).toInt(), id);
        QVERIFY(ranOnWorker);
        QCOMPARE(seen, gui);
        QVERIFY(progressed.count() >= 2);
        QVERIFY(progressed.count() < 200);  // throttled
        QCOMPARE(progressed.last().at(2).toLongLong(), 200);  // the last report always arrives
        QCOMPARE(progressed.last().at(3).toLongLong(), 200);
        QCOMPARE(jobs.activeCount(), 0);
    }

    void cancelStopsRunningJob() {
        JobManager jobs(1);
        QSignalSpy started(&jobs, &JobManager::started);
        QSignalSpy cancelled(&jobs, &JobManager::cancelled);
        QSignalSpy failed(&jobs, &JobManager::failed);
        QSignalSpy finished(&jobs, &JobManager::finished);
        int id = jobs.submit(QStringLiteral("endless"), loopUntilCancelled);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
        QVERIFY(jobs.cancel(id));
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QCOMPARE(cancelled.first().at(0).toInt(), id);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!jobs.cancel(id));  // already over
    }

    void cancelDropsQueuedJobBeforeItStarts() {
        JobManager jobs(1);
        QSignalSpy started(&jobs, &JobManager::started);
        QSignalSpy cancelled(&jobs, &JobManager::cancelled);
        int blocker = jobs.submit(QStringLiteral("blocker"), loopUntilCancelled);
        std::atomic<bool> queuedRan{false};
        int queued = jobs.submit(QStringLiteral("queued"), [&](const tb::ProgressCallback&) {
            queuedRan = true;
            return tb::Status::success();
        });
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
        QCOMPARE(jobs.activeCount(), 2);
        QVERIFY(jobs.cancel(queued));
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QCOMPARE(cancelled.first().at(0).toInt(), queued);
        QVERIFY(jobs.cancel(blocker));
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 2, 5000);
        QTest::qWait(50);
        QVERIFY(!queuedRan);
        QCOMPARE(started.count(), 1);
    }

    void failureKeepsReadableMessage() {
        JobManager jobs(1);
        QSignalSpy failed(&jobs, &JobManager::failed);
        jobs.submit(QStringLiteral("import"), [](const tb::ProgressCallback&) {
            return tb::Status(tb::inputError("data.jsonl:3: field 'prompt' is missing"));
        });
        jobs.submit(QStringLiteral("throws"), [](const tb::ProgressCallback&) -> tb::Status {
            throw std::runtime_error("disk on fire");
        });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 5000);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("data.jsonl:3: field 'prompt' is missing"));
        QVERIFY(failed.at(1).at(1).toString().contains(QStringLiteral("disk on fire")));
    }

    void workerCountBoundsParallelism() {
        // Two jobs that can only finish when both run at the same time.
        JobManager jobs(2);
        QCOMPARE(jobs.workerCount(), 2);
        QSignalSpy finished(&jobs, &JobManager::finished);
        std::atomic<int> running{0};
        auto rendezvous = [&running](const tb::ProgressCallback& progress) -> tb::Status {
            ++running;
            for (int i = 0; i < 5000 && running.load() < 2; ++i) {
                if (!tb::reportProgress(progress, {"Waiting", 0, 0, {}})) return tb::cancelledError();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return running.load() >= 2 ? tb::Status::success() : tb::Status(tb::internalError("ran alone"));
        };
        jobs.submit(QStringLiteral("a"), rendezvous);
        jobs.submit(QStringLiteral("b"), rendezvous);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QCOMPARE(JobManager(0).workerCount(), 1);  // at least one worker
    }

    void destructorStopsRunningWork() {
        std::atomic<bool> stopped{false};
        {
            JobManager jobs(1);
            QSignalSpy started(&jobs, &JobManager::started);
            jobs.submit(QStringLiteral("endless"), [&](const tb::ProgressCallback& p) {
                tb::Status s = loopUntilCancelled(p);
                stopped = true;
                return s;
            });
            QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
        }
        QVERIFY(stopped);
    }
};

QTEST_GUILESS_MAIN(JobManagerTest)
#include "job_manager_test.moc"
