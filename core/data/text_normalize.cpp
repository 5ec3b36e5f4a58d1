#include "core/data/text_normalize.h"

#include <utf8proc.h>

#include <cstdlib>

namespace tb {

std::string normalizeWhitespace(std::string_view in, bool unicodeNfc) {
    std::string nfc;
    if (unicodeNfc) {
        bool ascii = true;
        for (unsigned char c : in)
            if (c >= 0x80) { ascii = false; break; }
        if (!ascii) {
            utf8proc_uint8_t* out = nullptr;
            utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                              static_cast<utf8proc_ssize_t>(in.size()), &out,
                                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
            if (n >= 0 && out) {
                nfc.assign(reinterpret_cast<char*>(out), static_cast<size_t>(n));
                in = nfc;
            }
            std::free(out);
        }
    }
    std::string out;
    out.reserve(in.size());
    int pendingNewlines = 0;
    bool pendingSpace = false;
    for (size_t i = 0; i < in.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        // Zero-width space/joiners (U+200B..U+200D), word joiner U+2060, BOM U+FEFF.
        if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(in[i + 2]) >= 0x8B && static_cast<unsigned char>(in[i + 2]) <= 0x8D)) {
            i += 2;
            continue;
        }
        if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x81 && static_cast<unsigned char>(in[i + 2]) == 0xA0) {
            i += 2;
            continue;
        }
        if (c == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBB && static_cast<unsigned char>(in[i + 2]) == 0xBF) {
            i += 2;
            continue;
        }
        // No-break space U+00A0 counts as a space.
        if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA0) {
            ++i;
            pendingSpace = true;
            continue;
        }
        if (c == '\r') {
            if (i + 1 < in.size() && in[i + 1] == '\n') continue;
            c = '\n';
        }
        if (c == '\n') {
            ++pendingNewlines;
            pendingSpace = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
            pendingSpace = true;
            continue;
        }
        if (!out.empty()) {
            if (pendingNewlines > 0) out.append(pendingNewlines >= 2 ? 2 : 1, '\n');
            else if (pendingSpace) out += ' ';
        }
        pendingNewlines = 0;
        pendingSpace = false;
        out += static_cast<char>(c);
    }
    return out;
}

}  // namespace tb
