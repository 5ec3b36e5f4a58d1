#include "core/workspace/workspace.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

TEST(Workspace, ResolvesOverridesInOrder) {
    EXPECT_EQ(tb::Workspace::resolveDir("/explicit"), "/explicit");
    ::setenv("TUNEBENCH_HOME", "/from-env", 1);
    EXPECT_EQ(tb::Workspace::resolveDir(""), "/from-env");
    ::unsetenv("TUNEBENCH_HOME");
    ::setenv("XDG_DATA_HOME", "/xdg", 1);
    EXPECT_EQ(tb::Workspace::resolveDir(""), "/xdg/tunebench");
    ::unsetenv("XDG_DATA_HOME");
}

TEST(Workspace, CreatesLayoutAndSecondOpenerIsReadOnly) {
    auto dir = fs::temp_directory_path() / ("tb_ws_" + std::to_string(::getpid()));
    auto first = tb::Workspace::open(dir.string());
    ASSERT_TRUE(first.ok()) << first.message();
    EXPECT_FALSE((*first)->readOnly());
    EXPECT_TRUE(fs::is_directory(dir / "datasets"));
    EXPECT_TRUE(fs::is_directory(dir / "logs"));
    // flock is per open file description, so a child process sees the lock held.
    pid_t pid = ::fork();
    if (pid == 0) {
        auto second = tb::Workspace::open(dir.string(), true);
        bool readOnly = second.ok() && (*second)->readOnly();
        auto strict = tb::Workspace::open(dir.string(), false);
        bool refused = !strict.ok() && strict.message().find("in use") != std::string::npos;
        ::_exit(readOnly && refused ? 0 : 1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    first = tb::inputError("released");
    fs::remove_all(dir);
}
