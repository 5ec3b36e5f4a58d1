// Incremental UTF-8 assembly over Tokenizer::tokenBytes().
#include "core/tokenizer/streaming_decoder.h"

#include "core/tokenizer/utf8.h"

namespace tb {

StreamingDecoder::StreamingDecoder(std::shared_ptr<const Tokenizer> tokenizer, bool skipSpecial)
    : m_tokenizer(std::move(tokenizer)), m_skipSpecial(skipSpecial) {}

std::string StreamingDecoder::push(int id) {
    std::string bytes = m_tokenizer->tokenBytes(id, m_skipSpecial);
    if (bytes.empty()) return {};
    if (m_atStart) {
        // Same rule as Tokenizer::decode(): one leading space of the whole text goes.
        if (m_tokenizer->stripsLeadingSpace() && bytes[0] == ' ') bytes.erase(0, 1);
        m_atStart = false;
    }
    m_pending += bytes;

    std::string out;
    size_t pos = 0;
    while (pos < m_pending.size()) {
        bool incomplete = false;
        const size_t len = utf8::validSequenceAt(m_pending, pos, &incomplete);
        if (len > 0) {
            out.append(m_pending, pos, len);
            pos += len;
        } else if (incomplete) {
            break;  // wait for the rest of this character
        } else {
            // Not a character and cannot become one: one U+FFFD, exactly as decode() would give.
            out += utf8::kReplacementChar;
            pos += utf8::invalidSpanAt(m_pending, pos);
        }
    }
    m_pending.erase(0, pos);
    return out;
}

std::string StreamingDecoder::flush() {
    std::string out = m_pending.empty() ? std::string() : utf8::repairLossy(m_pending);
    m_pending.clear();
    return out;
}

void StreamingDecoder::continueAfter(const std::vector<int>& previous) {
    for (int id : previous)
        if (!m_tokenizer->tokenBytes(id, /*skipSpecial=*/true).empty()) {
            m_atStart = false;
            return;
        }
}

void StreamingDecoder::reset() {
    m_pending.clear();
    m_atStart = true;
}

}  // namespace tb
