#include "models/job_worker.h"

#include <QElapsedTimer>

#include <exception>

namespace tb::models {

void JobWorker::run(const std::shared_ptr<JobTask>& task) {
    emit started(task->id);
    QElapsedTimer sinceLast;
    bool first = true;
    tb::ProgressCallback callback = [&](const tb::Progress& p) {
        bool last = p.total > 0 && p.done >= p.total;
        if (first || last || sinceLast.elapsed() >= ProgressIntervalMs) {
            first = false;
            sinceLast.restart();
            emit progressed(task->id, QString::fromStdString(p.stage), p.done, p.total,
                            QString::fromStdString(p.detail));
        }
        return !task->cancel->load();
    };
    tb::Status status;
    try {
        status = task->work ? task->work(callback) : tb::Status(tb::internalError("job has no work to do"));
    } catch (const std::exception& e) {
        status = tb::internalError(std::string("internal error: ") + e.what());
    } catch (...) {
        status = tb::internalError("internal error: unknown exception");
    }
    if (task->cancel->load() || (!status.ok() && status.error().kind == tb::ErrorKind::Cancelled))
        emit cancelled(task->id);
    else if (!status.ok())
        emit failed(task->id, QString::fromStdString(status.message()));
    else
        emit succeeded(task->id);
    emit idle(this);
}

}  // namespace tb::models
