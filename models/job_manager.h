// JobManager: runs core work on a fixed pool of worker threads (one JobWorker per QThread), queues the
// rest, and reports progress, success, failure (a readable message) and cancellation as signals on
// the GUI thread. It does not display anything; JobListModel and the status bar listen to it.
#pragma once

#include "models/job_worker.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>

#include <deque>

namespace tb::models {

class JobManager : public QObject {
    Q_OBJECT
public:
    explicit JobManager(int workerCount, QObject* parent = nullptr);
    ~JobManager() override;

    // Queues `work`; it starts as soon as a worker is free. Returns the job id (> 0).
    int submit(const QString& title, JobWork work);
    // Asks a job to stop: a queued job is dropped, a running one sees its progress callback return
    // false. Returns false when the job is unknown or already over.
    bool cancel(int jobId);
    void cancelAll();

    int workerCount() const { return int(m_workers.size()); }
    int activeCount() const { return int(m_tasks.size()); }  // queued + running
    bool isActive(int jobId) const { return m_tasks.contains(jobId); }
    QString titleOf(int jobId) const;

signals:
    void submitted(int jobId, const QString& title);
    void started(int jobId);
    void progressed(int jobId, const QString& stage, qint64 done, qint64 total);
    void finished(int jobId);
    void failed(int jobId, const QString& message);
    void cancelled(int jobId);
    void activeCountChanged(int count);

private slots:
    void onStarted(int jobId);
    void onProgressed(int jobId, const QString& stage, qint64 done, qint64 total, const QString& detail);
    void onSucceeded(int jobId);
    void onFailed(int jobId, const QString& message);
    void onCancelled(int jobId);
    void onIdle(tb::models::JobWorker* worker);

private:
    void dispatch();
    void forget(int jobId);

    QList<QThread*> m_threads;
    QList<JobWorker*> m_workers;
    QList<JobWorker*> m_idle;
    std::deque<std::shared_ptr<JobTask>> m_pending;
    QHash<int, std::shared_ptr<JobTask>> m_tasks;  // queued or running, by id
    int m_nextId = 1;
};

}  // namespace tb::models
