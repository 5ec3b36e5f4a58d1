#include "models/job_manager.h"

#include "core/common/log.h"

#include <QMetaObject>

namespace tb::models {

JobManager::JobManager(int workerCount, QObject* parent) : QObject(parent) {
    workerCount = qBound(1, workerCount, 64);
    for (int i = 0; i < workerCount; ++i) {
        auto* thread = new QThread(this);
        thread->setObjectName(QStringLiteral("tunebench-worker-%1").arg(i + 1));
        auto* worker = new JobWorker;  // no parent: it is moved to its thread
        worker->moveToThread(thread);
        connect(worker, &JobWorker::started, this, &JobManager::onStarted, Qt::QueuedConnection);
        connect(worker, &JobWorker::progressed, this, &JobManager::onProgressed, Qt::QueuedConnection);
        connect(worker, &JobWorker::succeeded, this, &JobManager::onSucceeded, Qt::QueuedConnection);
        connect(worker, &JobWorker::failed, this, &JobManager::onFailed, Qt::QueuedConnection);
        connect(worker, &JobWorker::cancelled, this, &JobManager::onCancelled, Qt::QueuedConnection);
        connect(worker, &JobWorker::idle, this, &JobManager::onIdle, Qt::QueuedConnection);
        thread->start();
        m_threads.push_back(thread);
        m_workers.push_back(worker);
        m_idle.push_back(worker);
    }
}

JobManager::~JobManager() {
    m_pending.clear();
    for (auto& task : m_tasks) task->cancel->store(true);
    for (QThread* thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    qDeleteAll(m_workers);
}

int JobManager::submit(const QString& title, JobWork work) {
    auto task = std::make_shared<JobTask>();
    task->id = m_nextId++;
    task->title = title;
    task->work = std::move(work);
    m_tasks.insert(task->id, task);
    m_pending.push_back(task);
    tb::log::info("job " + std::to_string(task->id) + " queued: " + title.toStdString());
    emit submitted(task->id, title);
    emit activeCountChanged(activeCount());
    dispatch();
    return task->id;
}

bool JobManager::cancel(int jobId) {
    auto it = m_tasks.find(jobId);
    if (it == m_tasks.end()) return false;
    std::shared_ptr<JobTask> task = it.value();
    task->cancel->store(true);
    for (auto p = m_pending.begin(); p != m_pending.end(); ++p) {
        if ((*p)->id != jobId) continue;
        m_pending.erase(p);
        // Not started yet: report the cancellation the same way a worker would, as a queued call.
        QMetaObject::invokeMethod(this, [this, jobId] { onCancelled(jobId); }, Qt::QueuedConnection);
        break;
    }
    tb::log::info("job " + std::to_string(jobId) + " cancel requested");
    return true;
}

void JobManager::cancelAll() {
    const QList<int> ids = m_tasks.keys();
    for (int id : ids) cancel(id);
}

QString JobManager::titleOf(int jobId) const {
    auto it = m_tasks.find(jobId);
    return it == m_tasks.end() ? QString() : it.value()->title;
}

void JobManager::dispatch() {
    while (!m_idle.isEmpty() && !m_pending.empty()) {
        std::shared_ptr<JobTask> task = m_pending.front();
        m_pending.pop_front();
        JobWorker* worker = m_idle.takeFirst();
        QMetaObject::invokeMethod(worker, [worker, task] { worker->run(task); }, Qt::QueuedConnection);
    }
}

void JobManager::forget(int jobId) {
    if (m_tasks.remove(jobId)) emit activeCountChanged(activeCount());
}

void JobManager::onStarted(int jobId) {
    tb::log::info("job " + std::to_string(jobId) + " started: " + titleOf(jobId).toStdString());
    emit started(jobId);
}

void JobManager::onProgressed(int jobId, const QString& stage, qint64 done, qint64 total, const QString& detail) {
    if (!detail.isEmpty()) tb::log::debug("job " + std::to_string(jobId) + ": " + detail.toStdString());
    emit progressed(jobId, stage, done, total);
}

void JobManager::onSucceeded(int jobId) {
    tb::log::info("job " + std::to_string(jobId) + " finished: " + titleOf(jobId).toStdString());
    forget(jobId);
    emit finished(jobId);
}

void JobManager::onFailed(int jobId, const QString& message) {
    tb::log::error("job " + std::to_string(jobId) + " failed (" + titleOf(jobId).toStdString() +
                   "): " + message.toStdString());
    forget(jobId);
    emit failed(jobId, message);
}

void JobManager::onCancelled(int jobId) {
    if (!m_tasks.contains(jobId)) return;
    tb::log::info("job " + std::to_string(jobId) + " cancelled: " + titleOf(jobId).toStdString());
    forget(jobId);
    emit cancelled(jobId);
}

void JobManager::onIdle(JobWorker* worker) {
    m_idle.push_back(worker);
    dispatch();
}

}  // namespace tb::models
