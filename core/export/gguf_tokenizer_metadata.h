// The `tokenizer.*` GGUF metadata of a model being exported: copied key by key from a GGUF source, or
// built from a Hugging Face folder's tokenizer.json/tokenizer_config.json (model llama|gpt2, pre, tokens,
// scores, token_type, merges, special ids, add_bos/eos, chat_template). Not a tokenizer and not a writer.
#pragma once

#include "core/common/result.h"
#include "core/model/gguf_writer.h"
#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer_spec.h"

namespace tb::exporter {

// From a TokenizerSpec (what tokenizer.json parses to). SentencePiece vocabularies without scores get
// scores derived from merge ranks (-rank of the first merge producing the piece), so llama.cpp's
// score-greedy SPM reproduces merge-rank BPE. Byte-level BPE needs a known pre-tokenizer (`pre`).
Result<GgufMetadata> ggufTokenizerMetadataFromSpec(const TokenizerSpec& spec);

// From the loaded source model: a GGUF's own tokenizer.* keys, or the HF folder's tokenizer files.
Result<GgufMetadata> ggufTokenizerMetadata(const LoadedModel& source);

// The llama.cpp `tokenizer.ggml.pre` name whose split patterns equal the spec's Split/ByteLevel regexes,
// "default" when there are none; an error naming the patterns otherwise.
Result<std::string> ggufPreTokenizerName(const TokenizerSpec& spec);

}  // namespace tb::exporter
