// Turns source rows into tb::Record: detects the record format from field names (prompt/completion, Alpaca,
// chat messages, ShareGPT, plain text, or common aliases such as text/category), applies the user's column
// mapping and prompt template, and checks field types. Not a file reader (see dataset_import.h).
#pragma once

#include "core/common/result.h"
#include "core/data/record.h"
#include "core/data/row_view.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tb {

// One --map entry: source field (CSV column or JSON key) -> target field. Targets: prompt, completion,
// label, text, instruction, input, output, messages, conversations, id.
struct FieldMap {
    std::string source;
    std::string target;
};
// Parses "col=field"; the error names the bad entry.
Result<FieldMap> parseFieldMap(const std::string& spec);

struct MappingPlan {
    RecordFormat format = RecordFormat::PromptCompletion;
    std::string promptKey, completionKey, labelKey, textKey;
    std::string instructionKey, inputKey, outputKey;  // Alpaca
    std::string messagesKey;                          // chat / ShareGPT
    std::string idKey;
    std::string promptTemplate;  // e.g. "Classify: {text}"; {field} placeholders, {{ and }} for braces
    bool labelFromCompletion = false;  // the completion column is a class label (label/category/...)
    bool detected = true;              // false when the user chose the format or mapping
    std::string describe() const;      // "prompt_completion: prompt <- text, completion <- category"
};

// keys: the field names seen in a sample of rows (in first-seen order). format/maps/promptTemplate come
// from the user and override detection.
Result<MappingPlan> planMapping(const std::vector<std::string>& keys, std::optional<RecordFormat> format,
                                const std::vector<FieldMap>& maps, const std::string& promptTemplate);

// Builds a record (without provenance). The error text names the field and the problem.
Result<Record> mapRow(const RowView& row, const MappingPlan& plan);

// Renders a template with the row's fields; errors name a missing placeholder field.
Result<std::string> renderPromptTemplate(const std::string& tmpl, const RowView& row);

}  // namespace tb
