// A compiled PCRE2 pattern (UTF + UCP, so \p{L}, \p{N}, \s follow real Unicode properties) that
// finds all non-overlapping matches in a UTF-8 string. Safe to share between threads: matching
// allocates its own match data. Not a pre-tokenizer by itself (see pre_tokenizer.h).
#pragma once

#include "core/common/result.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tb {

class RegexSplitter {
public:
    // `pattern` is UTF-8 PCRE2 syntax; the error names the pattern and the offset PCRE2 reports.
    static Result<std::shared_ptr<const RegexSplitter>> compile(const std::string& pattern);
    ~RegexSplitter();
    RegexSplitter(const RegexSplitter&) = delete;
    RegexSplitter& operator=(const RegexSplitter&) = delete;

    // Byte ranges [begin, end) of the non-empty matches, left to right. `text` must be valid UTF-8.
    std::vector<std::pair<size_t, size_t>> findAll(std::string_view text) const;
    const std::string& pattern() const { return m_pattern; }

private:
    RegexSplitter() = default;
    std::string m_pattern;
    void* m_code = nullptr;  // pcre2_code_8*
};

}  // namespace tb
