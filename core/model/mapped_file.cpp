#include "core/model/mapped_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tb {

Result<std::shared_ptr<MappedFile>> MappedFile::open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return inputError(path + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int e = errno;
        ::close(fd);
        return inputError(path + ": cannot stat: " + std::strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return inputError(path + ": not a regular file");
    }
    std::shared_ptr<MappedFile> file(new MappedFile());
    file->m_path = path;
    file->m_size = uint64_t(st.st_size);
    if (file->m_size > 0) {
        void* p = ::mmap(nullptr, size_t(file->m_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            int e = errno;
            ::close(fd);
            return inputError(path + ": cannot map into memory: " + std::strerror(e));
        }
        file->m_mapping = p;
        file->m_data = static_cast<const uint8_t*>(p);
    }
    ::close(fd);
    return file;
}

std::shared_ptr<MappedFile> MappedFile::fromBuffer(std::string label, std::vector<uint8_t> bytes) {
    std::shared_ptr<MappedFile> file(new MappedFile());
    file->m_path = std::move(label);
    file->m_buffer = std::move(bytes);
    file->m_data = file->m_buffer.data();
    file->m_size = file->m_buffer.size();
    return file;
}

MappedFile::~MappedFile() {
    if (m_mapping) ::munmap(m_mapping, size_t(m_size));
}

Result<std::span<const uint8_t>> MappedFile::span(uint64_t offset, uint64_t size, const std::string& what) const {
    if (!contains(offset, size))
        return inputError(m_path + ": " + what + " (offset " + std::to_string(offset) + ", " + std::to_string(size) +
                          " bytes) lies outside the file (" + std::to_string(m_size) + " bytes)");
    return std::span<const uint8_t>(m_data + offset, size_t(size));
}

}  // namespace tb
