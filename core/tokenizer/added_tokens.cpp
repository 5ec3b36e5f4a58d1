// Leftmost-longest added-token matching with a first-byte index.
#include "core/tokenizer/added_tokens.h"

#include "core/tokenizer/utf8.h"

#include <algorithm>
#include <cctype>

namespace tb {
namespace {

bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// A word character for single_word: ASCII alphanumerics, '_' and any non-ASCII byte.
bool isWordByte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

}  // namespace

AddedTokenMatcher::AddedTokenMatcher(std::vector<AddedToken> tokens) : m_tokens(std::move(tokens)) {
    for (size_t i = 0; i < m_tokens.size(); ++i) {
        if (m_tokens[i].content.empty()) continue;
        m_byFirstByte[static_cast<unsigned char>(m_tokens[i].content[0])].push_back(static_cast<int>(i));
    }
    for (auto& list : m_byFirstByte)
        std::stable_sort(list.begin(), list.end(),
                         [&](int a, int b) { return m_tokens[a].content.size() > m_tokens[b].content.size(); });
}

int AddedTokenMatcher::longestAt(std::string_view text, size_t pos, bool parseSpecial) const {
    for (int index : m_byFirstByte[static_cast<unsigned char>(text[pos])]) {
        const AddedToken& t = m_tokens[index];
        if (t.special && !parseSpecial) continue;
        if (text.compare(pos, t.content.size(), t.content) != 0) continue;
        if (t.singleWord) {
            const size_t end = pos + t.content.size();
            if (pos > 0 && isWordByte(static_cast<unsigned char>(text[pos - 1]))) continue;
            if (end < text.size() && isWordByte(static_cast<unsigned char>(text[end]))) continue;
        }
        return index;
    }
    return -1;
}

std::vector<TextSegment> AddedTokenMatcher::split(std::string_view text, bool parseSpecial) const {
    std::vector<TextSegment> out;
    size_t textStart = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        const int index = m_byFirstByte[static_cast<unsigned char>(text[pos])].empty() ? -1 : longestAt(text, pos, parseSpecial);
        if (index < 0) {
            pos += utf8::sequenceLength(static_cast<unsigned char>(text[pos]));
            continue;
        }
        const AddedToken& t = m_tokens[index];
        size_t before = pos;
        if (t.lstrip)
            while (before > textStart && isSpace(static_cast<unsigned char>(text[before - 1]))) --before;
        size_t after = pos + t.content.size();
        if (t.rstrip)
            while (after < text.size() && isSpace(static_cast<unsigned char>(text[after]))) ++after;
        if (before > textStart) out.push_back({-1, text.substr(textStart, before - textStart)});
        out.push_back({t.id, {}});
        pos = textStart = after;
    }
    if (textStart < text.size()) out.push_back({-1, text.substr(textStart)});
    return out;
}

}  // namespace tb
