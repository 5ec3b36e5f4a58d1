#include "core/workspace/workspace.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace tb {

namespace fs = std::filesystem;

std::string Workspace::resolveDir(const std::string& explicitDir) {
    if (!explicitDir.empty()) return explicitDir;
    if (const char* home = std::getenv("TUNEBENCH_HOME"); home && *home) return home;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/tunebench";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/tunebench";
    return "./tunebench-workspace";
}

Result<std::shared_ptr<Workspace>> Workspace::open(const std::string& dir, bool allowReadOnly) {
    if (dir.empty()) return inputError("workspace: empty folder name");
    for (unsigned char c : dir)
        if (c < 0x20 || c == 0x7f) return inputError("workspace: folder name contains a control character");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return inputError(dir + ": cannot create the workspace folder: " + ec.message());
    std::shared_ptr<Workspace> ws(new Workspace());
    ws->m_root = fs::absolute(dir).lexically_normal().string();
    if (ws->m_root.size() > 1 && ws->m_root.back() == '/') ws->m_root.pop_back();

    int fd = ::open(ws->lockPath().c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (!allowReadOnly) return inputError(ws->lockPath() + ": cannot open lock file: " + std::strerror(errno));
        ws->m_access = WorkspaceAccess::ReadOnly;
        return ws;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        // Another Tunebench holds the workspace; read who from the lock file.
        char holder[128] = {0};
        ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
        ::close(fd);
        std::string who = n > 0 ? std::string(holder, size_t(n)) : std::string("another process");
        while (!who.empty() && (who.back() == '\n' || who.back() == '\0')) who.pop_back();
        if (!allowReadOnly)
            return inputError(ws->m_root + ": the workspace is in use by " + who + "; close it first");
        ws->m_access = WorkspaceAccess::ReadOnly;
        return ws;
    }
    ws->m_lockFd = fd;
    std::string me = "pid " + std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) == 0) {
        ssize_t w = ::pwrite(fd, me.data(), me.size(), 0);
        (void)w;
    }
    for (const std::string& sub : {ws->datasetsDir(), ws->runsDir(), ws->artifactsDir(), ws->modelsDir(),
                                   ws->evalDir(), ws->logsDir()}) {
        fs::create_directories(sub, ec);
        if (ec) return inputError(sub + ": cannot create: " + ec.message());
    }
    return ws;
}

Workspace::~Workspace() {
    if (m_lockFd >= 0) {
        ::flock(m_lockFd, LOCK_UN);
        ::close(m_lockFd);
    }
}

}  // namespace tb
