// Entry points that load a Tokenizer from a model on disk: a Hugging Face folder (tokenizer.json +
// tokenizer_config.json [+ generation_config.json]) or a GGUF file's tokenizer.* metadata.
// Parsing details live in tokenizer_json_loader.cpp and gguf_tokenizer_loader.cpp.
#pragma once

#include "core/common/result.h"
#include "core/tokenizer/tokenizer.h"

#include <memory>
#include <string>

namespace tb {

class GgufFile;

Result<std::shared_ptr<const Tokenizer>> loadTokenizerFromHfFolder(const std::string& folder);
Result<std::shared_ptr<const Tokenizer>> loadTokenizerFromGguf(const GgufFile& gguf);
// A folder (Hugging Face), a .gguf file, or a tokenizer.json file (its folder is used).
Result<std::shared_ptr<const Tokenizer>> loadTokenizer(const std::string& modelPath);

// The tokenizer.json part on its own, for tests and tools: `configText` (tokenizer_config.json) and
// `generationConfigText` may be empty. `source` names the file in error messages.
Result<TokenizerSpec> parseTokenizerJson(const std::string& tokenizerJsonText, const std::string& configText,
                                         const std::string& generationConfigText, const std::string& source);

}  // namespace tb
