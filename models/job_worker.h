// JobWorker: the QObject that lives on one worker QThread and runs core work handed to it by the
// JobManager. Requests arrive as queued calls; progress and outcomes leave as signals. Not a scheduler.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace tb::models {

using JobWork = std::function<tb::Status(const tb::ProgressCallback&)>;

// One unit of work. `cancel` is shared with the manager; the progress callback returns !cancel.
struct JobTask {
    int id = 0;
    QString title;
    JobWork work;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

class JobWorker : public QObject {
    Q_OBJECT
public:
    // Minimum time between two progress signals of one job (the last one is always sent).
    static constexpr int ProgressIntervalMs = 40;

    // Runs the task on this object's thread. Call it through a queued invocation.
    void run(const std::shared_ptr<JobTask>& task);

signals:
    void started(int jobId);
    void progressed(int jobId, const QString& stage, qint64 done, qint64 total, const QString& detail);
    void succeeded(int jobId);
    void failed(int jobId, const QString& message);
    void cancelled(int jobId);
    void idle(tb::models::JobWorker* worker);
};

}  // namespace tb::models
