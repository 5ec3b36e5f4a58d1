#include "core/eval/json_output_metrics.h"

#include "core/eval/text_utf8.h"

namespace tb::eval {
namespace {

std::string removeCodeFence(const std::string& text) {
    if (text.rfind("```", 0) != 0) return text;
    size_t firstNewline = text.find('\n');
    if (firstNewline == std::string::npos) return text;
    std::string body = text.substr(firstNewline + 1);
    std::string trimmed = stripPythonWhitespace(body);
    if (trimmed.size() >= 3 && trimmed.compare(trimmed.size() - 3, 3, "```") == 0)
        trimmed.resize(trimmed.size() - 3);
    return trimmed;
}

// JSON equality where 1 and 1.0 are the same number.
bool jsonEqual(const nlohmann::json& a, const nlohmann::json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto other = b.find(it.key());
            if (other == b.end() || !jsonEqual(*it, *other)) return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (!jsonEqual(a[i], b[i])) return false;
        return true;
    }
    return a == b;
}

}  // namespace

std::optional<nlohmann::json> parseJsonOutput(std::string_view output) {
    std::string text = removeCodeFence(stripPythonWhitespace(output));
    nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return std::nullopt;
    return value;
}

JsonExampleScore scoreJsonExample(std::string_view prediction, std::string_view reference) {
    JsonExampleScore s;
    std::optional<nlohmann::json> predicted = parseJsonOutput(prediction);
    std::optional<nlohmann::json> expected = parseJsonOutput(reference);
    s.valid = predicted.has_value();
    if (expected && expected->is_object()) {
        s.referenceIsObject = true;
        s.fieldsTotal = static_cast<long long>(expected->size());
        if (predicted && predicted->is_object()) {
            for (auto it = expected->begin(); it != expected->end(); ++it) {
                auto found = predicted->find(it.key());
                if (found != predicted->end() && jsonEqual(*found, *it)) ++s.fieldsMatched;
            }
        }
    }
    s.exactMatch = predicted && expected && jsonEqual(*predicted, *expected);
    return s;
}

JsonMetrics aggregateJsonMetrics(const std::vector<JsonExampleScore>& scores) {
    JsonMetrics m;
    m.count = static_cast<long long>(scores.size());
    for (const JsonExampleScore& s : scores) {
        m.valid += s.valid ? 1 : 0;
        m.exactMatches += s.exactMatch ? 1 : 0;
        m.fieldsTotal += s.fieldsTotal;
        m.fieldsMatched += s.fieldsMatched;
    }
    if (m.count > 0) {
        m.validRate = double(m.valid) / double(m.count);
        m.exactMatchRate = double(m.exactMatches) / double(m.count);
    }
    if (m.fieldsTotal > 0) m.fieldAccuracy = double(m.fieldsMatched) / double(m.fieldsTotal);
    return m;
}

nlohmann::json jsonMetricsToJson(const JsonMetrics& m) {
    return {{"count", m.count},
            {"valid", m.valid},
            {"valid_json_rate", m.validRate},
            {"fields_total", m.fieldsTotal},
            {"fields_matched", m.fieldsMatched},
            {"field_accuracy", m.fieldAccuracy},
            {"exact_matches", m.exactMatches},
            {"exact_match_rate", m.exactMatchRate}};
}

}  // namespace tb::eval
