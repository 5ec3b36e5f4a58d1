// GPT-2 bytes_to_unicode(): printable Latin-1 bytes keep their code point, the other 68 bytes are
// numbered from U+0100 upward in byte order.
#include "core/tokenizer/byte_level.h"

#include "core/tokenizer/utf8.h"

#include <array>
#include <unordered_map>

namespace tb::byte_level {
namespace {

struct Tables {
    std::array<std::string, 256> byteToText;
    std::unordered_map<uint32_t, unsigned char> codePointToByte;

    Tables() {
        uint32_t next = 256;
        for (int b = 0; b < 256; ++b) {
            const bool printable = (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            const uint32_t cp = printable ? static_cast<uint32_t>(b) : next++;
            utf8::appendCodePoint(byteToText[b], cp);
            codePointToByte[cp] = static_cast<unsigned char>(b);
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

}  // namespace

const std::string& charForByte(unsigned char b) { return tables().byteToText[b]; }

std::string encode(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) out += tables().byteToText[b];
    return out;
}

std::optional<std::string> decode(std::string_view text) {
    const auto& map = tables().codePointToByte;
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        if (utf8::validSequenceAt(text, pos) == 0) return std::nullopt;
        const uint32_t cp = utf8::decodeAt(text, pos);
        auto it = map.find(cp);
        if (it == map.end()) return std::nullopt;
        out.push_back(static_cast<char>(it->second));
    }
    return out;
}

}  // namespace tb::byte_level
