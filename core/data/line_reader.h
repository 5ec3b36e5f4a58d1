// Streaming reader of text lines with a per-line size limit: reads the file in chunks, strips a UTF-8 BOM
// and trailing CR, and reports (without storing) lines over the limit. Memory is bounded by the limit,
// except for a dataset-version file encrypted at rest, which is decrypted into memory (version_file_io.h).
// Not a parser: JSONL and CSV readers build on it.
#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

struct TextLine {
    std::string_view text;   // valid until the next call; followed by >= 64 readable padding bytes
    int64_t number = 0;      // 1-based line number
    int64_t offset = 0;      // byte offset of the line's first byte in the file
    bool tooLong = false;    // text is empty and length holds the full length
    int64_t length = 0;
};

class LineReader {
public:
    static constexpr size_t kPadding = 64;

    // Opens the file. UTF-16/32 BOMs are refused with a message saying to convert to UTF-8. A file
    // encrypted at rest is decrypted in memory with key, or refused ("... is encrypted: unlock ...") without.
    static Result<std::unique_ptr<LineReader>> open(const std::string& path, size_t maxLineBytes,
                                                    const WorkspaceKey* key = nullptr);
    ~LineReader();

    // Next line; false at end of file. An I/O error is returned as an error.
    Result<bool> next(TextLine& line);

    int64_t bytesRead() const { return m_fileOffset; }
    int64_t fileSize() const { return m_fileSize; }
    bool hadBom() const { return m_hadBom; }

private:
    LineReader() = default;
    Result<size_t> fill();  // reads more bytes after compacting; returns bytes read (0 at EOF)

    std::FILE* m_file = nullptr;
    std::string m_plain;            // the decrypted file when it was encrypted (m_file is null then)
    size_t m_plainPos = 0;
    std::string m_path;
    std::vector<char> m_buf;
    size_t m_begin = 0, m_end = 0;  // unread bytes are [m_begin, m_end)
    size_t m_maxLine = 0;
    int64_t m_fileOffset = 0;       // file offset of m_buf[m_end]
    int64_t m_fileSize = 0;
    int64_t m_lineNumber = 0;
    bool m_eof = false;
    bool m_hadBom = false;
};

}  // namespace tb
