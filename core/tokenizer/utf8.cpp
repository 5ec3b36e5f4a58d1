// UTF-8 validation and lossy repair (see utf8.h).
#include "core/tokenizer/utf8.h"
#include "core/common/utf8_encode.h"

namespace tb::utf8 {

namespace {
// Examines the sequence at s[pos]: returns its expected length (0 for a byte that cannot start
// one) and sets `good` to how many of its leading bytes are a valid prefix.
size_t examine(std::string_view s, size_t pos, size_t& good) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char b0 = p[pos];
    good = 0;
    if (b0 < 0x80) {
        good = 1;
        return 1;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    good = 1;
    for (size_t i = 1; i < len && pos + i < s.size(); ++i) {
        const unsigned char b = p[pos + i];
        if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) break;
        good = i + 1;
    }
    return len;
}
}  // namespace

size_t validSequenceAt(std::string_view s, size_t pos, bool* incomplete) {
    size_t good = 0;
    const size_t len = examine(s, pos, good);
    if (incomplete) *incomplete = len > 0 && good < len && pos + good == s.size();
    return (len > 0 && good == len) ? len : 0;
}

size_t invalidSpanAt(std::string_view s, size_t pos) {
    size_t good = 0;
    examine(s, pos, good);
    return good > 0 ? good : 1;
}

bool isValid(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const size_t len = validSequenceAt(s, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string repairLossy(std::string_view s) {
    if (isValid(s)) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    size_t i = 0;
    while (i < s.size()) {
        const size_t len = validSequenceAt(s, i);
        if (len > 0) {
            out.append(s.substr(i, len));
            i += len;
            continue;
        }
        const size_t skip = invalidSpanAt(s, i);
        out.append(kReplacementChar);
        i += skip;
    }
    return out;
}

void appendCodePoint(std::string& out, uint32_t cp) {
    tb::appendUtf8CodePoint(out, char32_t(cp));
}

uint32_t decodeAt(std::string_view s, size_t& pos) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char b0 = p[pos];
    const size_t len = sequenceLength(b0);
    if (len == 1 || pos + len > s.size()) {
        ++pos;
        return b0;
    }
    uint32_t cp = b0 & (0xFF >> (len + 1));
    for (size_t i = 1; i < len; ++i) cp = (cp << 6) | (p[pos + i] & 0x3F);
    pos += len;
    return cp;
}

}  // namespace tb::utf8
