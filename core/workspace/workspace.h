// The workspace: one folder holding datasets, runs, artifacts, the registry database and logs.
// Resolves where it lives (--workspace, TUNEBENCH_HOME, then XDG data dir), creates its layout on first
// use and takes an exclusive lock so a second app instance opens it read-only instead of corrupting it.
#pragma once

#include "core/common/result.h"

#include <memory>
#include <string>

namespace tb {

enum class WorkspaceAccess { ReadWrite, ReadOnly };

class Workspace {
public:
    // explicitDir: from --workspace (may be empty). Environment: TUNEBENCH_HOME, XDG_DATA_HOME, HOME.
    static std::string resolveDir(const std::string& explicitDir);

    // Creates the folder layout if needed and locks it. When another process holds the lock and
    // allowReadOnly is true, the workspace opens read-only; otherwise that is an error naming the holder.
    static Result<std::shared_ptr<Workspace>> open(const std::string& dir, bool allowReadOnly = true);

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::string& root() const { return m_root; }
    WorkspaceAccess access() const { return m_access; }
    bool readOnly() const { return m_access == WorkspaceAccess::ReadOnly; }

    std::string datasetsDir() const { return m_root + "/datasets"; }
    std::string runsDir() const { return m_root + "/runs"; }
    std::string artifactsDir() const { return m_root + "/artifacts"; }
    std::string modelsDir() const { return m_root + "/models"; }
    std::string evalDir() const { return m_root + "/evaluations"; }
    std::string logsDir() const { return m_root + "/logs"; }
    std::string registryPath() const { return m_root + "/registry.sqlite"; }
    std::string lockPath() const { return m_root + "/workspace.lock"; }

private:
    Workspace() = default;
    std::string m_root;
    WorkspaceAccess m_access = WorkspaceAccess::ReadWrite;
    int m_lockFd = -1;
};

}  // namespace tb
