#include "app/cli/workspace_unlock.h"

#include "core/data/version_file_io.h"
#include "core/common/atomic_file.h"
#include "core/workspace/workspace.h"
#include "core/workspace/workspace_file_io.h"

#include <cstdlib>
#include <filesystem>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <iostream>

#include <termios.h>
#include <unistd.h>

namespace tb::cli {

namespace {

std::string envOr(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// Reads one line from the controlling terminal with echo off, restoring the terminal afterwards.
Result<std::string> readFromTerminal(const std::string& prompt) {
    FILE* tty = std::fopen("/dev/tty", "r+");
    if (!tty) return inputError("a passphrase is needed but there is no terminal to ask on: set TUNEBENCH_PASSPHRASE_FILE "
                                "to a file holding it (or use --key-file)");
    const int fd = fileno(tty);
    termios saved{};
    const bool isTerminal = tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::fputs(prompt.c_str(), tty);
    std::fflush(tty);
    std::string line;
    for (int c; (c = std::fgetc(tty)) != EOF && c != '\n';) line.push_back(char(c));
    if (isTerminal) tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", tty);
    std::fclose(tty);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// True when unlocking `root` could get a key without failing for lack of one: a key file is given, or the
// workspace uses a passphrase and TUNEBENCH_PASSPHRASE_FILE or a terminal can supply it.
bool usesPassphrase(const std::string& root) {
    auto text = readWholeFile(root + "/encryption.json", 1 << 16);
    auto cfg = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    return cfg.is_object() && cfg.value("kdf", std::string()) == "scrypt";
}

bool keySourceAvailable(const std::string& root, const std::string& keyFile) {
    if (!keyFile.empty() || !envOr("TUNEBENCH_KEY_FILE").empty()) return true;
    if (!usesPassphrase(root)) return false;
    if (!envOr("TUNEBENCH_PASSPHRASE_FILE").empty()) return true;
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

// "dataset version NAME@ID (file)" for a file inside a dataset version, else the path.
std::string describeFile(const std::string& path) {
    return path.find("/datasets/") != std::string::npos ? versionFileLabel(path) : path;
}

}  // namespace

Result<std::string> readPassphrase(const std::string& prompt) {
    const std::string file = envOr("TUNEBENCH_PASSPHRASE_FILE");
    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        if (!in) return inputError("TUNEBENCH_PASSPHRASE_FILE: cannot read " + file);
        std::string line;
        std::getline(in, line);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) return inputError("TUNEBENCH_PASSPHRASE_FILE: " + file + " holds an empty first line");
        return line;
    }
    return readFromTerminal(prompt);
}

Result<std::optional<WorkspaceKey>> unlockWorkspaceForCli(const std::string& workspaceRoot, const std::string& keyFile) {
    if (!workspaceIsEncrypted(workspaceRoot)) return std::optional<WorkspaceKey>{};
    const std::string kf = keyFile.empty() ? envOr("TUNEBENCH_KEY_FILE") : keyFile;
    std::string passphrase;
    if (kf.empty() && usesPassphrase(workspaceRoot)) {  // a key-file workspace says "give --key-file" instead
        auto p = readPassphrase("Passphrase for workspace " + workspaceRoot + ": ");
        if (!p) return p.error();
        passphrase = std::move(*p);
    }
    auto key = unlockWorkspace(workspaceRoot, passphrase, kf);
    std::fill(passphrase.begin(), passphrase.end(), '\0');
    if (!key) return key.error();
    return std::optional<WorkspaceKey>(std::move(*key));
}

std::string encryptedWorkspaceOf(const std::string& path) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(path, ec);
    if (ec) return {};
    for (p = p.lexically_normal().parent_path(); !p.empty(); p = p.parent_path()) {
        if (workspaceIsEncrypted(p.string())) return p.string();
        if (p == p.root_path()) break;
    }
    return {};
}

std::vector<std::string> adapterFiles(const std::string& dir) {
    if (dir.empty()) return {};
    return {dir + "/adapter_model.safetensors", dir + "/adapter_config.json"};
}

Result<std::optional<WorkspaceKey>> unlockForFiles(const std::string& workspaceDir, const std::string& keyFile,
                                                   const std::vector<std::string>& inputs,
                                                   const std::vector<std::string>& outputs) {
    std::string root, encryptedInput;
    bool needed = false;
    for (const auto& in : inputs) {
        if (in.empty() || !fileLooksEncrypted(in)) continue;
        needed = true;
        if (encryptedInput.empty()) encryptedInput = in;
        if (root.empty()) root = encryptedWorkspaceOf(in);
    }
    for (const auto& out : outputs) {
        if (out.empty()) continue;
        const std::string ws = encryptedWorkspaceOf(out);
        if (ws.empty()) continue;
        needed = true;
        if (root.empty()) root = ws;
    }
    if (!needed) return std::optional<WorkspaceKey>{};
    if (root.empty()) root = Workspace::resolveDir(workspaceDir);
    const std::string what = encryptedInput.empty() ? "the workspace " + root : describeFile(encryptedInput);
    if (!workspaceIsEncrypted(root)) return lockedFileError(what + " (outside any encrypted workspace; give --workspace)");
    if (!keySourceAvailable(root, keyFile)) return lockedFileError(what);
    return unlockWorkspaceForCli(root, keyFile);
}

}  // namespace tb::cli
