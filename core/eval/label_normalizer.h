// Turns a model's free-text output into one of a fixed set of class labels (classification by
// generation): configurable lowercasing, whitespace collapsing, punctuation removal, first line only,
// aliases, and "first label-looking word". Not the metrics themselves (see classification_metrics.h).
#pragma once

#include "core/common/result.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tb::eval {

struct NormalizationOptions {
    bool lowercase = true;            // ASCII, Latin-1/Extended-A, Greek, Cyrillic capitals
    bool collapseWhitespace = true;   // trim, and runs of whitespace become one space
    bool stripPunctuation = true;     // ASCII punctuation becomes a space (so "sci-fi" == "sci fi")
    bool firstLineOnly = true;        // only the first non-empty line of the output counts
    bool firstLabelMatch = true;      // if the whole text is no label, take the earliest label (or alias)
                                      // that occurs as whole words, e.g. "Answer: positive." -> positive
    std::map<std::string, std::string> aliases;  // alias -> label, both normalised before use

    nlohmann::json toJson() const;
    static Result<NormalizationOptions> fromJson(const nlohmann::json& j);  // unknown keys are errors
};

// Applies lowercase / punctuation / whitespace / first-line rules to one text.
std::string normalizeText(std::string_view text, const NormalizationOptions& options);

class LabelNormalizer {
public:
    // labels: the canonical class labels (any spelling; kept as given for display).
    LabelNormalizer(std::vector<std::string> labels, NormalizationOptions options);

    const std::vector<std::string>& labels() const { return m_labels; }
    const NormalizationOptions& options() const { return m_options; }
    // Index of the label that `output` denotes, or nullopt when it is not a valid label.
    std::optional<size_t> classify(std::string_view output) const;
    // Adds a label if no existing label normalises to the same text; returns its index.
    size_t addLabel(const std::string& label);

private:
    void index(size_t labelIndex, const std::string& key);
    std::vector<std::string> m_labels;
    NormalizationOptions m_options;
    std::map<std::string, size_t> m_lookup;  // normalised label or alias -> label index
};

}  // namespace tb::eval
