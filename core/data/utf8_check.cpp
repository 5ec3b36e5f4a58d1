#include "core/data/utf8_check.h"

#include <simdjson.h>

#include <cstdio>

namespace tb {

static size_t scalarFindInvalid(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size(), i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) { ++i; continue; }
        size_t len;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return kUtf8Valid;
}

size_t findInvalidUtf8(std::string_view text) {
    if (simdjson::validate_utf8(text.data(), text.size())) return kUtf8Valid;
    size_t at = scalarFindInvalid(text);
    return at == kUtf8Valid ? 0 : at;  // the SIMD check and the scalar one agree; 0 is a safe fallback
}

std::string describeInvalidUtf8(std::string_view text, size_t offsetInText, long long baseOffset) {
    char buf[96];
    unsigned byte = offsetInText < text.size() ? static_cast<unsigned char>(text[offsetInText]) : 0;
    std::snprintf(buf, sizeof buf, "invalid UTF-8 at byte offset %lld (0x%02X); the file must be UTF-8",
                  baseOffset + static_cast<long long>(offsetInText), byte);
    return buf;
}

}  // namespace tb
