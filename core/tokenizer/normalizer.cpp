// Normalizer steps; Unicode normal forms and case mapping come from utf8proc.
#include "core/tokenizer/normalizer.h"

#include "core/tokenizer/utf8.h"

#include <utf8proc.h>

#include <cstdlib>

namespace tb {
namespace {

std::string replaceAll(const std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return s;
    std::string out;
    out.reserve(s.size());
    size_t pos = 0;
    while (true) {
        const size_t hit = s.find(from, pos);
        if (hit == std::string::npos) break;
        out.append(s, pos, hit - pos);
        out += to;
        pos = hit + from.size();
    }
    out.append(s, pos, std::string::npos);
    return out;
}

std::string unicodeForm(const std::string& s, int options) {
    utf8proc_uint8_t* result = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &result,
                                static_cast<utf8proc_option_t>(options));
    if (n < 0 || !result) return s;  // cannot happen for valid UTF-8; keep the text unchanged
    std::string out(reinterpret_cast<const char*>(result), static_cast<size_t>(n));
    std::free(result);
    return out;
}

bool isAscii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

}  // namespace

std::string applyNormalizers(const std::vector<NormalizerStep>& steps, std::string text) {
    for (const auto& step : steps) {
        switch (step.kind) {
        case NormalizerStep::Kind::Prepend:
            if (!text.empty()) text = step.content + text;
            break;
        case NormalizerStep::Kind::Replace:
            text = replaceAll(text, step.pattern, step.content);
            break;
        case NormalizerStep::Kind::ReplaceRegex: {
            std::string out;
            size_t pos = 0;
            for (auto [b, e] : step.regex->findAll(text)) {
                out.append(text, pos, b - pos);
                out += step.content;
                pos = e;
            }
            out.append(text, pos, std::string::npos);
            text = std::move(out);
            break;
        }
        case NormalizerStep::Kind::Nfc:
            if (!isAscii(text)) text = unicodeForm(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            break;
        case NormalizerStep::Kind::Nfd:
            if (!isAscii(text)) text = unicodeForm(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
            break;
        case NormalizerStep::Kind::Nfkc:
            if (!isAscii(text)) text = unicodeForm(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
            break;
        case NormalizerStep::Kind::Nfkd:
            if (!isAscii(text)) text = unicodeForm(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT);
            break;
        case NormalizerStep::Kind::Lowercase: {
            std::string out;
            out.reserve(text.size());
            size_t pos = 0;
            while (pos < text.size()) {
                const uint32_t cp = utf8::decodeAt(text, pos);
                utf8::appendCodePoint(out, static_cast<uint32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
            }
            text = std::move(out);
            break;
        }
        }
    }
    return text;
}

}  // namespace tb
