// Pre-tokenizers: cut normalized text into the pieces BPE runs on (merges never cross pieces).
// Covers the Hugging Face types Llama-family tokenizers use — Split (regex or literal, with its five
// delimiter behaviours), ByteLevel (optional GPT-2 regex and prefix space) and Metaspace — plus the
// split-pattern lists llama.cpp selects by GGUF `tokenizer.ggml.pre`. Byte-to-alphabet mapping is not
// done here: byte-level models work on raw bytes (see tokenizer.cpp).
#pragma once

#include "core/common/result.h"
#include "core/tokenizer/regex_splitter.h"

#include <memory>
#include <string>
#include <vector>

namespace tb {

enum class SplitBehavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };
enum class PrependScheme { Always, First, Never };

struct PreTokenizerStep {
    enum class Kind { Split, ByteLevel, Metaspace };
    Kind kind = Kind::Split;
    // Split: a regex, or (when regex is null) a literal delimiter.
    std::shared_ptr<const RegexSplitter> regex;
    std::string literal;
    SplitBehavior behavior = SplitBehavior::Isolated;
    bool invert = false;
    // ByteLevel
    bool addPrefixSpace = false;  // prepend ' ' unless the piece starts with one
    // (a ByteLevel step with use_regex=true carries the GPT-2 pattern in `regex`)
    // Metaspace
    std::string replacement = "\xE2\x96\x81";  // U+2581
    PrependScheme prependScheme = PrependScheme::Always;
    bool split = true;
};

// The GPT-2 pattern HF's ByteLevel pre-tokenizer uses when use_regex is true.
extern const char* const kGpt2SplitPattern;

Result<PreTokenizerStep> makeSplitStep(const std::string& regexPattern, SplitBehavior behavior, bool invert = false);
Result<PreTokenizerStep> makeByteLevelStep(bool addPrefixSpace, bool useRegex);

// The split patterns llama.cpp applies for a GGUF `tokenizer.ggml.pre` value, in order, each as
// an Isolated split. Error for names it does not know.
Result<std::vector<std::string>> splitPatternsForGgufPre(const std::string& pre);

// Runs the steps. `atInputStart` tells Metaspace(prepend_scheme=first) whether this text begins the
// input (rather than following an added token). Empty pieces are dropped.
std::vector<std::string> preTokenize(const std::vector<PreTokenizerStep>& steps, std::string text, bool atInputStart);

}  // namespace tb
