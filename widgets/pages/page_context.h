// PageContext: what every workbench page gets from the shell — the open workspace (may be null when it
// could not be opened), the job manager that runs core work on worker threads, the acting user, and the
// key of an encrypted workspace (pass key.get() to core readers and writers of workspace files).
// Plain data owned by the shell; it outlives the pages.
#pragma once

#include "core/workspace/workspace.h"
#include "core/workspace/workspace_crypto.h"

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
    // Set when the workspace is encrypted and the user unlocked it; null for a plain workspace (or when
    // unlocking was skipped: encrypted files then fail with "... is encrypted: unlock the workspace").
    // Core takes it as `const WorkspaceKey*` (ImportOptions::key, EvaluatorOptions::key, ...).
    std::shared_ptr<const tb::WorkspaceKey> key = nullptr;

    QString workspaceRoot() const { return workspace ? QString::fromStdString(workspace->root()) : QString(); }
    bool readOnly() const { return !workspace || workspace->readOnly(); }
    const tb::WorkspaceKey* workspaceKey() const { return key.get(); }
};

}  // namespace tb::widgets
