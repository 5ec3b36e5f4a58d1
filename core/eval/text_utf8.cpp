#include "core/eval/text_utf8.h"
#include "core/common/utf8_encode.h"

namespace tb::eval {

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out.push_back(c);
            ++i;
            continue;
        }
        int len = 0;
        char32_t cp = 0;
        char32_t minimum = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; minimum = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; minimum = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; minimum = 0x10000; }
        bool good = len > 0 && i + len <= n;
        for (int k = 1; good && k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) good = false;
            else cp = (cp << 6) | (cc & 0x3F);
        }
        if (good && (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) good = false;
        if (good) {
            out.push_back(cp);
            i += len;
        } else {
            out.push_back(0xFFFD);
            ++i;
        }
    }
    return out;
}

void appendUtf8(std::string& out, char32_t cp) {
    tb::appendUtf8CodePoint(out, cp);
}

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : text) appendUtf8(out, cp);
    return out;
}

bool isPythonWhitespace(char32_t cp) {
    if (cp >= 0x09 && cp <= 0x0D) return true;
    if (cp >= 0x1C && cp <= 0x20) return true;
    if (cp == 0x85 || cp == 0xA0 || cp == 0x1680) return true;
    if (cp >= 0x2000 && cp <= 0x200A) return true;
    return cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::vector<std::string> splitPythonWhitespace(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    bool inToken = false;
    for (char32_t cp : decodeUtf8(text)) {
        if (isPythonWhitespace(cp)) {
            if (inToken) out.push_back(std::move(current));
            current.clear();
            inToken = false;
        } else {
            appendUtf8(current, cp);
            inToken = true;
        }
    }
    if (inToken) out.push_back(std::move(current));
    return out;
}

std::string rstripPythonWhitespace(std::string_view text) {
    std::u32string cps = decodeUtf8(text);
    size_t end = cps.size();
    while (end > 0 && isPythonWhitespace(cps[end - 1])) --end;
    return encodeUtf8(std::u32string_view(cps).substr(0, end));
}

std::string stripPythonWhitespace(std::string_view text) {
    std::u32string cps = decodeUtf8(text);
    size_t end = cps.size();
    while (end > 0 && isPythonWhitespace(cps[end - 1])) --end;
    size_t begin = 0;
    while (begin < end && isPythonWhitespace(cps[begin])) ++begin;
    return encodeUtf8(std::u32string_view(cps).substr(begin, end - begin));
}

std::string toLowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

static char32_t lowerSimple(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if ((cp >= 0xC0 && cp <= 0xDE) && cp != 0xD7) return cp + 32;             // Latin-1
    if (cp == 0x178) return 0xFF;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149) {
        // Latin Extended-A pairs: even upper / odd lower, except 0x139..0x148 and 0x179..0x17E (odd upper).
        bool oddUpper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (oddUpper ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
        return cp;
    }
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;              // Greek
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                             // Cyrillic
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    return cp;
}

std::string toLowerSimple(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : decodeUtf8(text)) appendUtf8(out, lowerSimple(cp));
    return out;
}

}  // namespace tb::eval
