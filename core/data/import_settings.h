// Import options as the command line and GUI spell them (strings), checked and turned into ImportOptions
// with errors that name the option. Not the importer (dataset_import.h).
#pragma once

#include "core/common/result.h"
#include "core/data/dataset_import.h"

#include <string>
#include <vector>

namespace tb {

struct ImportSettingsText {
    std::string kind;          // auto|jsonl|csv|tsv
    std::string format;        // auto|prompt_completion|alpaca|chat|sharegpt|text
    std::vector<std::string> maps;  // SOURCE=TARGET
    std::string promptTemplate;
    std::string delimiter;     // "," ";" "tab" "\t" or empty
    std::string quoting;       // auto|rfc4180|none
    bool noHeader = false;
    int64_t maxLineBytes = int64_t(4) << 20;
};

Result<ImportOptions> importOptionsFromText(const ImportSettingsText& text);

}  // namespace tb
