// runRegistryJob: submits core work to the JobManager and calls back on the GUI thread once that job
// is over (error empty on success, the core message on failure, a note when cancelled). A small glue
// helper for the Registry page's widgets; it runs nothing itself and holds no state between jobs.
#pragma once

#include "models/job_manager.h"

#include <QObject>
#include <QString>

#include <functional>

namespace tb::widgets {

// `done` runs on the GUI thread, at most once, and never after `receiver` is destroyed.
int runRegistryJob(tb::models::JobManager* jobs, QObject* receiver, const QString& title, tb::models::JobWork work,
                   std::function<void(const QString& error)> done);

}  // namespace tb::widgets
