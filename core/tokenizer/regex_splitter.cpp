// PCRE2 wrapper for the split patterns; JIT-compiled when the platform supports it.
#include "core/tokenizer/regex_splitter.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace tb {

Result<std::shared_ptr<const RegexSplitter>> RegexSplitter::compile(const std::string& pattern) {
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                     PCRE2_UTF | PCRE2_UCP, &errorCode, &errorOffset, nullptr);
    if (!code) {
        PCRE2_UCHAR buffer[256];
        pcre2_get_error_message(errorCode, buffer, sizeof(buffer));
        return inputError("split pattern '" + pattern + "': " + reinterpret_cast<const char*>(buffer) +
                          " at offset " + std::to_string(errorOffset));
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter if JIT is unavailable
    std::shared_ptr<RegexSplitter> splitter(new RegexSplitter());
    splitter->m_pattern = pattern;
    splitter->m_code = code;
    return std::shared_ptr<const RegexSplitter>(std::move(splitter));
}

RegexSplitter::~RegexSplitter() {
    if (m_code) pcre2_code_free(static_cast<pcre2_code*>(m_code));
}

std::vector<std::pair<size_t, size_t>> RegexSplitter::findAll(std::string_view text) const {
    std::vector<std::pair<size_t, size_t>> out;
    auto* code = static_cast<pcre2_code*>(m_code);
    // One match-data block per thread, shared by all patterns: only the whole match (pair 0) is read,
    // and PCRE2 fills just the pairs that fit.
    struct MatchData {
        pcre2_match_data* md = pcre2_match_data_create(1, nullptr);
        ~MatchData() { pcre2_match_data_free(md); }
    };
    thread_local MatchData holder;
    pcre2_match_data* md = holder.md;
    if (!md) return out;
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    size_t start = 0;
    while (start <= text.size()) {
        const int rc = pcre2_match(code, subject, text.size(), start, PCRE2_NO_UTF_CHECK, md, nullptr);
        if (rc < 0) break;  // PCRE2_ERROR_NOMATCH or a resource limit: no further matches
        const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
        const size_t b = ov[0], e = ov[1];
        if (e > b) {
            out.emplace_back(b, e);
            start = e;
        } else {
            // Empty match: step over one whole character.
            if (b >= text.size()) break;
            size_t step = 1;
            while (b + step < text.size() && (static_cast<unsigned char>(text[b + step]) & 0xC0) == 0x80) ++step;
            start = b + step;
        }
    }
    return out;
}

}  // namespace tb
