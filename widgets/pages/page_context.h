// PageContext: what every workbench page gets from the shell — the open workspace (may be null when it
// could not be opened), the job manager that runs core work on worker threads, and the acting user.
// Plain data owned by the shell; it outlives the pages.
#pragma once

#include "core/workspace/workspace.h"

#include <QString>

#include <memory>

namespace tb::models {
class JobManager;
}

namespace tb::widgets {

struct PageContext {
    std::shared_ptr<tb::Workspace> workspace;  // null: no workspace (pages show why and stay inert)
    tb::models::JobManager* jobs = nullptr;    // never null in the app; tests may pass their own
    QString userName;                          // who acts (registry authorship, four-eyes rule)

    QString workspaceRoot() const { return workspace ? QString::fromStdString(workspace->root()) : QString(); }
    bool readOnly() const { return !workspace || workspace->readOnly(); }
};

}  // namespace tb::widgets
