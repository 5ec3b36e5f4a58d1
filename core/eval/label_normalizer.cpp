#include "core/eval/label_normalizer.h"

#include "core/eval/text_utf8.h"

#include <nlohmann/json.hpp>

namespace tb::eval {
namespace {

bool isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

std::string firstNonEmptyLine(std::string_view text) {
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!stripPythonWhitespace(line).empty()) return std::string(line);
        start = end + 1;
    }
    return {};
}

}  // namespace

nlohmann::json NormalizationOptions::toJson() const {
    return {{"lowercase", lowercase},         {"collapse_whitespace", collapseWhitespace},
            {"strip_punctuation", stripPunctuation}, {"first_line_only", firstLineOnly},
            {"first_label_match", firstLabelMatch},  {"aliases", aliases}};
}

Result<NormalizationOptions> NormalizationOptions::fromJson(const nlohmann::json& j) {
    NormalizationOptions o;
    if (!j.is_object()) return inputError("normalization: expected a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        bool* flag = key == "lowercase"             ? &o.lowercase
                     : key == "collapse_whitespace" ? &o.collapseWhitespace
                     : key == "strip_punctuation"   ? &o.stripPunctuation
                     : key == "first_line_only"     ? &o.firstLineOnly
                     : key == "first_label_match"   ? &o.firstLabelMatch
                                                    : nullptr;
        if (flag) {
            if (!it->is_boolean()) return inputError("normalization." + key + ": expected true or false");
            *flag = it->get<bool>();
        } else if (key == "aliases") {
            if (!it->is_object()) return inputError("normalization.aliases: expected an object alias -> label");
            for (auto a = it->begin(); a != it->end(); ++a) {
                if (!a->is_string()) return inputError("normalization.aliases." + a.key() + ": expected a string label");
                o.aliases[a.key()] = a->get<std::string>();
            }
        } else {
            return inputError("normalization: unknown field '" + key + "'");
        }
    }
    return o;
}

std::string normalizeText(std::string_view text, const NormalizationOptions& options) {
    std::string s = options.firstLineOnly ? firstNonEmptyLine(text) : std::string(text);
    if (options.lowercase) s = toLowerSimple(s);
    if (options.stripPunctuation)
        for (char& c : s)
            if (isAsciiPunctuation(c)) c = ' ';
    if (options.collapseWhitespace) {
        std::string out;
        for (const std::string& word : splitPythonWhitespace(s)) {
            if (!out.empty()) out.push_back(' ');
            out += word;
        }
        s = std::move(out);
    }
    return s;
}

LabelNormalizer::LabelNormalizer(std::vector<std::string> labels, NormalizationOptions options)
    : m_options(std::move(options)) {
    for (const std::string& label : labels) addLabel(label);
    for (const auto& [alias, label] : m_options.aliases) {
        size_t target = addLabel(label);
        index(target, normalizeText(alias, m_options));
    }
}

void LabelNormalizer::index(size_t labelIndex, const std::string& key) {
    if (!key.empty()) m_lookup.emplace(key, labelIndex);  // first writer wins
}

size_t LabelNormalizer::addLabel(const std::string& label) {
    std::string key = normalizeText(label, m_options);
    if (key.empty()) {  // e.g. a label made only of punctuation: it can never be matched, keep it once
        for (size_t i = 0; i < m_labels.size(); ++i)
            if (m_labels[i] == label) return i;
    }
    auto it = m_lookup.find(key);
    if (it != m_lookup.end()) return it->second;
    m_labels.push_back(label);
    index(m_labels.size() - 1, key);
    return m_labels.size() - 1;
}

std::optional<size_t> LabelNormalizer::classify(std::string_view output) const {
    std::string text = normalizeText(output, m_options);
    if (text.empty()) return std::nullopt;
    auto exact = m_lookup.find(text);
    if (exact != m_lookup.end()) return exact->second;
    if (!m_options.firstLabelMatch) return std::nullopt;
    // Earliest whole-word occurrence of any label or alias; the longest key wins at the same position.
    std::vector<std::string> words = splitPythonWhitespace(text);
    std::vector<std::vector<std::string>> keys;
    std::vector<size_t> targets;
    for (const auto& [key, target] : m_lookup) {
        keys.push_back(splitPythonWhitespace(key));
        targets.push_back(target);
    }
    for (size_t pos = 0; pos < words.size(); ++pos) {
        size_t bestLen = 0;
        std::optional<size_t> best;
        for (size_t k = 0; k < keys.size(); ++k) {
            const auto& kw = keys[k];
            if (kw.empty() || kw.size() <= bestLen || pos + kw.size() > words.size()) continue;
            bool match = true;
            for (size_t i = 0; i < kw.size() && match; ++i) match = words[pos + i] == kw[i];
            if (match) {
                bestLen = kw.size();
                best = targets[k];
            }
        }
        if (best) return best;
    }
    return std::nullopt;
}

}  // namespace tb::eval
