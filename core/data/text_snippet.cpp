#include "core/data/text_snippet.h"

namespace tb {

size_t utf8Boundary(std::string_view text, size_t pos) {
    if (pos >= text.size()) return text.size();
    while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
    return pos;
}

static std::string visible(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\n') out += "\xE2\x8F\x8E";
        else if (c == '\r' || c == '\t') out += ' ';
        else out += c;
    }
    return out;
}

std::string utf8Prefix(std::string_view text, size_t maxBytes) {
    if (text.size() <= maxBytes) return visible(text);
    return visible(text.substr(0, utf8Boundary(text, maxBytes))) + "\xE2\x80\xA6";
}

std::string maskedSnippet(std::string_view text, size_t begin, size_t end, const std::string& mask, size_t context) {
    size_t from = utf8Boundary(text, begin > context ? begin - context : 0);
    size_t to = utf8Boundary(text, end + context);
    std::string out;
    if (from > 0) out += "\xE2\x80\xA6";
    out += visible(text.substr(from, begin - from));
    out += mask;
    out += visible(text.substr(end, to - end));
    if (to < text.size()) out += "\xE2\x80\xA6";
    return out;
}

}  // namespace tb
