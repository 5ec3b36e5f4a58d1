#include "core/data/line_reader.h"

#include "core/data/version_file_io.h"
#include "core/workspace/workspace_file_io.h"

#include <openssl/crypto.h>

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace tb {

namespace {
constexpr size_t kChunk = size_t(1) << 20;
}

Result<std::unique_ptr<LineReader>> LineReader::open(const std::string& path, size_t maxLineBytes,
                                                     const WorkspaceKey* key) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return inputError(path + ": cannot open: " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return inputError(path + ": is a folder, not a file");
    std::unique_ptr<LineReader> r(new LineReader);
    if (fileLooksEncrypted(path)) {
        auto plain = readVersionFile(path, key);
        if (!plain) return plain.error();
        r->m_plain = std::move(*plain);
        r->m_fileSize = static_cast<int64_t>(r->m_plain.size());
    } else {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) return inputError(path + ": cannot open: " + std::strerror(errno));
        r->m_file = f;
        r->m_fileSize = st.st_size;
    }
    r->m_path = path;
    r->m_maxLine = std::max<size_t>(maxLineBytes, 16);
    r->m_buf.resize(std::max(kChunk, r->m_maxLine + 1) + kChunk + kPadding);
    auto got = r->fill();
    if (!got.ok()) return got.error();
    const auto* b = reinterpret_cast<const unsigned char*>(r->m_buf.data());
    size_t n = r->m_end;
    if (n >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) || (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)))
        return inputError(path + ": the file is UTF-32 encoded; convert it to UTF-8");
    if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return inputError(path + ": the file is UTF-16 encoded; convert it to UTF-8");
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        r->m_begin = 3;
        r->m_hadBom = true;
    }
    return r;
}

LineReader::~LineReader() {
    if (m_file) std::fclose(m_file);
    if (!m_file) {  // decrypted: wipe the plaintext copies
        OPENSSL_cleanse(m_plain.data(), m_plain.size());
        OPENSSL_cleanse(m_buf.data(), m_buf.size());
    }
}

Result<size_t> LineReader::fill() {
    if (m_eof) return size_t(0);
    if (m_begin > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    size_t room = m_buf.size() - kPadding - m_end;
    size_t want = std::min(room, kChunk);
    if (want == 0) return size_t(0);
    size_t got = 0;
    if (m_file) {
        got = std::fread(m_buf.data() + m_end, 1, want, m_file);
        if (got < want && std::ferror(m_file)) return internalError(m_path + ": read error: " + std::strerror(errno));
    } else {
        got = std::min(want, m_plain.size() - m_plainPos);
        std::memcpy(m_buf.data() + m_end, m_plain.data() + m_plainPos, got);
        m_plainPos += got;
    }
    if (got < want) m_eof = true;
    m_end += got;
    m_fileOffset += static_cast<int64_t>(got);
    std::memset(m_buf.data() + m_end, 0, kPadding);
    return got;
}

Result<bool> LineReader::next(TextLine& line) {
    size_t scanFrom = m_begin;
    for (;;) {
        const char* base = m_buf.data();
        const void* nl = std::memchr(base + scanFrom, '\n', m_end - scanFrom);
        if (nl || (m_eof && m_end > m_begin)) {
            size_t stop = nl ? static_cast<size_t>(static_cast<const char*>(nl) - base) : m_end;
            size_t len = stop - m_begin;
            line.number = ++m_lineNumber;
            line.offset = m_fileOffset - static_cast<int64_t>(m_end - m_begin);
            line.length = static_cast<int64_t>(len);
            if (len > m_maxLine) {
                line.tooLong = true;
                line.text = {};
            } else {
                size_t textLen = len;
                if (textLen > 0 && base[m_begin + textLen - 1] == '\r') --textLen;
                line.tooLong = false;
                line.text = std::string_view(base + m_begin, textLen);
            }
            m_begin = nl ? stop + 1 : m_end;
            return true;
        }
        if (m_eof) return false;
        // No newline yet. If the pending line is already over the limit, skip bytes until a newline.
        if (m_end - m_begin > m_maxLine) {
            int64_t skipped = static_cast<int64_t>(m_end - m_begin);
            int64_t startOffset = m_fileOffset - skipped;
            m_begin = m_end;
            for (;;) {
                auto got = fill();
                if (!got.ok()) return got.error();
                if (*got == 0 && m_end == m_begin) break;
                const void* p = std::memchr(m_buf.data() + m_begin, '\n', m_end - m_begin);
                if (p) {
                    size_t stop = static_cast<size_t>(static_cast<const char*>(p) - m_buf.data());
                    skipped += static_cast<int64_t>(stop - m_begin);
                    m_begin = stop + 1;
                    break;
                }
                skipped += static_cast<int64_t>(m_end - m_begin);
                m_begin = m_end;
                if (m_eof) break;
            }
            line.number = ++m_lineNumber;
            line.offset = startOffset;
            line.length = skipped;
            line.tooLong = true;
            line.text = {};
            return true;
        }
        size_t pending = m_end - m_begin;
        auto got = fill();
        if (!got.ok()) return got.error();
        scanFrom = m_begin + pending;  // fill() moved the pending bytes to the front
        if (*got == 0 && !m_eof) return internalError(m_path + ": line buffer exhausted");
    }
}

}  // namespace tb
