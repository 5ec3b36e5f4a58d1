// Structured-output metrics: is the model's output valid JSON, and when the reference is a JSON object,
// which of its top-level fields the output reproduces (JSON equality, numbers by value). One Markdown code
// fence around the output (```json ... ```) is removed before parsing. Not a JSON-Schema validator.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tb::eval {

// Parses an output as JSON (after removing surrounding whitespace and one code fence); nullopt if invalid.
std::optional<nlohmann::json> parseJsonOutput(std::string_view output);

struct JsonExampleScore {
    bool valid = false;           // the prediction parses as JSON
    bool referenceIsObject = false;
    long long fieldsTotal = 0;    // top-level fields of the reference object
    long long fieldsMatched = 0;  // of those, present in the prediction with an equal value
    bool exactMatch = false;      // the parsed values are equal
};

JsonExampleScore scoreJsonExample(std::string_view prediction, std::string_view reference);

struct JsonMetrics {
    long long count = 0;
    long long valid = 0;
    double validRate = 0.0;       // valid / count
    long long fieldsTotal = 0;
    long long fieldsMatched = 0;
    double fieldAccuracy = 0.0;   // fieldsMatched / fieldsTotal over examples whose reference is an object
    long long exactMatches = 0;
    double exactMatchRate = 0.0;  // exactMatches / count
};

JsonMetrics aggregateJsonMetrics(const std::vector<JsonExampleScore>& scores);
nlohmann::json jsonMetricsToJson(const JsonMetrics& m);

}  // namespace tb::eval
