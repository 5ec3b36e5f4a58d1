// A read-only memory mapping of a whole file with bounds-checked access: span(offset, size) fails with a
// Result error instead of reading past the end, and its arithmetic cannot overflow.
// Not a parser: the format readers (safetensors, GGUF) sit on top of it.
#pragma once

#include "core/common/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace tb {

class MappedFile {
public:
    // Maps `path` read-only. An empty file maps to an empty span. Errors name the file.
    static Result<std::shared_ptr<MappedFile>> open(const std::string& path);
    // Wraps bytes already in memory (fuzz targets, tests); `label` stands for the path in messages.
    static std::shared_ptr<MappedFile> fromBuffer(std::string label, std::vector<uint8_t> bytes);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::string& path() const { return m_path; }
    uint64_t size() const { return m_size; }
    // The whole file.
    std::span<const uint8_t> bytes() const { return {m_data, size_t(m_size)}; }
    // `size` bytes starting at `offset`; an error naming the file and `what` when out of range.
    Result<std::span<const uint8_t>> span(uint64_t offset, uint64_t size, const std::string& what = "data") const;
    // True when [offset, offset+size) lies inside the file (overflow-safe).
    bool contains(uint64_t offset, uint64_t size) const { return offset <= m_size && size <= m_size - offset; }

private:
    MappedFile() = default;
    std::string m_path;
    const uint8_t* m_data = nullptr;
    uint64_t m_size = 0;
    void* m_mapping = nullptr;  // nullptr for an empty file or a buffer
    std::vector<uint8_t> m_buffer;  // fromBuffer() only
};

// Overflow-checked arithmetic for sizes read from untrusted files.
inline bool checkedMul(uint64_t a, uint64_t b, uint64_t& out) { return !__builtin_mul_overflow(a, b, &out); }
inline bool checkedAdd(uint64_t a, uint64_t b, uint64_t& out) { return !__builtin_add_overflow(a, b, &out); }

}  // namespace tb
