#include "core/eval/word_diff.h"

#include <algorithm>

namespace tb::eval {

std::string DiffSegment::text() const {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i) out += ' ';
        out += words[i];
    }
    return out;
}

std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> words;
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i])) ++i;
        size_t start = i;
        while (i < text.size() && !isSpace(text[i])) ++i;
        if (i > start) words.emplace_back(text.substr(start, i - start));
    }
    return words;
}

namespace {

void append(std::vector<DiffSegment>& out, DiffOp op, const std::string& word) {
    if (out.empty() || out.back().op != op) out.push_back({op, {}});
    out.back().words.push_back(word);
}

}  // namespace

std::vector<DiffSegment> wordDiff(std::string_view oldText, std::string_view newText) {
    const std::vector<std::string> a = splitWords(oldText), b = splitWords(newText);
    const size_t n = a.size(), m = b.size();
    // lcs[i][j]: LCS length of a[i..] and b[j..]; filled from the back so the walk can go forwards.
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

    std::vector<DiffSegment> out;
    std::vector<std::string> removed, added;  // pending change, emitted Removed first then Added
    auto flush = [&] {
        for (const auto& w : removed) append(out, DiffOp::Removed, w);
        for (const auto& w : added) append(out, DiffOp::Added, w);
        removed.clear();
        added.clear();
    };
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j] && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
            flush();
            append(out, DiffOp::Equal, a[i]);
            ++i, ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            removed.push_back(a[i++]);
        } else {
            added.push_back(b[j++]);
        }
    }
    while (i < n) removed.push_back(a[i++]);
    while (j < m) added.push_back(b[j++]);
    flush();
    return out;
}

DiffCounts diffCounts(const std::vector<DiffSegment>& segments) {
    DiffCounts c;
    for (const auto& s : segments) {
        long long k = static_cast<long long>(s.words.size());
        if (s.op == DiffOp::Equal) c.equal += k;
        else if (s.op == DiffOp::Removed) c.removed += k;
        else c.added += k;
    }
    return c;
}

}  // namespace tb::eval
