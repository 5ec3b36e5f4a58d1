// Text normalizers applied to each stretch of input between added tokens, before pre-tokenizing:
// the subset of Hugging Face `normalizer` types used by Llama-family tokenizers (Prepend, Replace,
// NFC/NFD/NFKC/NFKD, Lowercase). Loaders map JSON onto these steps; unknown types are refused there.
#pragma once

#include "core/tokenizer/regex_splitter.h"

#include <memory>
#include <string>
#include <vector>

namespace tb {

struct NormalizerStep {
    enum class Kind { Prepend, Replace, ReplaceRegex, Nfc, Nfd, Nfkc, Nfkd, Lowercase };
    Kind kind = Kind::Prepend;
    std::string pattern;  // Replace: literal text to find
    std::string content;  // Prepend: text to put in front; Replace*: replacement
    std::shared_ptr<const RegexSplitter> regex;  // ReplaceRegex
};

// Applies the steps in order. `text` must be valid UTF-8; the result is valid UTF-8.
std::string applyNormalizers(const std::vector<NormalizerStep>& steps, std::string text);

}  // namespace tb
