#include "widgets/registry/registry_job.h"

#include <memory>
#include <utility>

namespace tb::widgets {

int runRegistryJob(tb::models::JobManager* jobs, QObject* receiver, const QString& title, tb::models::JobWork work,
                   std::function<void(const QString& error)> done) {
    const int id = jobs->submit(title, std::move(work));
    // A watcher owned by the receiver: it dies with the receiver (so `done` never outlives it) or after
    // the job's outcome. The job's signals are queued, so connecting after submit() misses nothing.
    auto* watcher = new QObject(receiver);
    auto finish = [watcher, done = std::move(done)](const QString& error) {
        done(error);
        watcher->deleteLater();
    };
    auto once = std::make_shared<std::function<void(const QString&)>>(std::move(finish));
    QObject::connect(jobs, &tb::models::JobManager::finished, watcher, [id, once](int jobId) {
        if (jobId == id && *once) std::exchange(*once, nullptr)(QString());
    });
    QObject::connect(jobs, &tb::models::JobManager::failed, watcher, [id, once](int jobId, const QString& message) {
        if (jobId == id && *once) std::exchange(*once, nullptr)(message);
    });
    QObject::connect(jobs, &tb::models::JobManager::cancelled, watcher, [id, once](int jobId) {
        if (jobId == id && *once) std::exchange(*once, nullptr)(QObject::tr("cancelled"));
    });
    return id;
}

}  // namespace tb::widgets
