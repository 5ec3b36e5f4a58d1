#include "core/common/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace tb {

namespace {
std::string errnoText() { return std::strerror(errno); }
}  // namespace

Status writeFileAtomically(const std::string& path, std::string_view bytes) {
    std::filesystem::path target(path);
    std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmpXXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return internalError(path + ": cannot create temporary file: " + errnoText());
    const char* p = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        ssize_t w = ::write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR) continue;
            std::string why = errnoText();
            ::close(fd);
            ::unlink(tmpl.c_str());
            return internalError(path + ": write failed (" + why + "); the previous file is left intact");
        }
        p += w;
        left -= size_t(w);
    }
    if (::fsync(fd) != 0) {
        std::string why = errnoText();
        ::close(fd);
        ::unlink(tmpl.c_str());
        return internalError(path + ": fsync failed (" + why + "); the previous file is left intact");
    }
    ::fchmod(fd, 0644);
    ::close(fd);
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string why = errnoText();
        ::unlink(tmpl.c_str());
        return internalError(path + ": rename failed: " + why);
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return Status::success();
}

Result<std::string> readWholeFile(const std::string& path, size_t maxBytes) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return inputError(path + ": cannot read: " + ec.message());
    if (size > maxBytes)
        return inputError(path + ": file is " + std::to_string(size) + " bytes, over the limit of " +
                          std::to_string(maxBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) return inputError(path + ": cannot open");
    std::string data(size, '\0');
    in.read(data.data(), std::streamsize(size));
    if (!in) return inputError(path + ": short read");
    return data;
}

}  // namespace tb
