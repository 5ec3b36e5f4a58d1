// Tracks generated text, finds stop strings and decides how much text is safe to release to a stream
// (text that could still be the start of a stop string is held back). Used by generate() and by the
// server's scheduler, which generates step by step for many sequences at once.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace tb {

class StopMatcher {
public:
    explicit StopMatcher(const std::vector<std::string>& stops) {
        for (const auto& s : stops)
            if (!s.empty()) {
                m_stops.push_back(s);
                m_maxLen = std::max(m_maxLen, s.size());
            }
    }
    // Appends text; returns true when a stop string is now complete (the text is cut before it).
    bool append(const std::string& piece) {
        const size_t searchFrom = m_text.size() > m_maxLen ? m_text.size() - m_maxLen : 0;
        m_text += piece;
        size_t best = std::string::npos;
        for (const auto& s : m_stops) best = std::min(best, m_text.find(s, searchFrom));
        if (best == std::string::npos) return false;
        m_text.resize(best);
        m_released = std::min(m_released, m_text.size());
        return true;
    }
    // Text not yet released that can no longer become part of a stop string (all of it when final).
    std::string releasable(bool final) {
        size_t safe = m_text.size();
        if (!final) {
            for (const auto& s : m_stops)
                for (size_t k = std::min(s.size() - 1, m_text.size()); k > 0; --k)
                    if (m_text.compare(m_text.size() - k, k, s, 0, k) == 0) {
                        safe = std::min(safe, m_text.size() - k);
                        break;
                    }
        }
        safe = std::max(safe, m_released);
        std::string out = m_text.substr(m_released, safe - m_released);
        m_released = safe;
        return out;
    }
    const std::string& text() const { return m_text; }

private:
    std::vector<std::string> m_stops;
    size_t m_maxLen = 0;
    std::string m_text;
    size_t m_released = 0;
};

}  // namespace tb
