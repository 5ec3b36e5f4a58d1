// RecordIndex: random access to the records of one or more JSONL files (a dataset version's splits) by
// position. A scan stores only the byte offset and line of every non-blank line (12 bytes per record);
// record(i) reads that one line and maps it with the file's detected MappingPlan. Not an importer: it
// validates nothing up front; a line that does not parse gives an error for that record only. A split file
// encrypted at rest is decrypted once into memory (version_file_io.h) and indexed there.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/data/record.h"
#include "core/data/record_mapping.h"
#include "core/workspace/workspace_crypto.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tb {

class RecordIndex {
public:
    struct Source {
        std::string path;
        std::string split;  // "train", "validation", "test" or empty for a plain file
    };

    // Scans every source (a missing file counts as empty). Progress counts bytes; returning false cancels.
    // key decrypts encrypted sources; without it they are refused ("... is encrypted: unlock ...").
    static Result<std::shared_ptr<RecordIndex>> build(const std::vector<Source>& sources,
                                                      const ProgressCallback& progress = {},
                                                      const WorkspaceKey* key = nullptr);
    // The three split files of a dataset version folder.
    static Result<std::shared_ptr<RecordIndex>> buildForVersion(const std::string& versionDir,
                                                                const ProgressCallback& progress = {},
                                                                const WorkspaceKey* key = nullptr);
    ~RecordIndex();
    RecordIndex(const RecordIndex&) = delete;
    RecordIndex& operator=(const RecordIndex&) = delete;

    int64_t size() const { return static_cast<int64_t>(m_offsets.size()); }
    // The record at position i (0 <= i < size()), with sourceFile, sourceLine and split set. Thread-safe.
    Result<Record> record(int64_t i) const;
    // The raw line (without its newline). Thread-safe.
    Result<std::string> line(int64_t i) const;
    int sourceOf(int64_t i) const;
    const Source& source(int s) const { return m_sources[static_cast<size_t>(s)].source; }
    int sourceCount() const { return static_cast<int>(m_sources.size()); }
    int64_t lineOf(int64_t i) const { return m_lines[static_cast<size_t>(i)]; }
    // Bytes held by the index itself (offsets and line numbers).
    size_t memoryBytes() const { return m_offsets.capacity() * sizeof(uint64_t) + m_lines.capacity() * sizeof(uint32_t); }
    int64_t totalBytes() const;

private:
    RecordIndex() = default;
    struct SourceState {
        Source source;
        int fd = -1;
        std::string plain;      // the decrypted file when it is encrypted at rest (fd is -1 then)
        bool present = false;   // false: the file does not exist (no records)
        int64_t first = 0;      // index of its first record
        int64_t fileSize = 0;
        MappingPlan plan;
        bool hasPlan = false;   // false: the file has no records
    };
    Status scan(SourceState& s, const ProgressCallback& progress, int64_t bytesBefore, int64_t bytesTotal);
    // pread() on the file, or a copy from the decrypted bytes.
    static ssize_t readAt(const SourceState& s, char* dst, size_t n, int64_t offset);
    std::vector<SourceState> m_sources;
    std::vector<uint64_t> m_offsets;  // byte offset of each record's line in its file
    std::vector<uint32_t> m_lines;    // 1-based physical line of each record
};

}  // namespace tb
