// TokenizerSpec: a format-neutral description of a tokenizer (vocabulary, merges or scores,
// normalizers, pre-tokenizers, added tokens, special ids) that the tokenizer.json and GGUF loaders
// fill and Tokenizer::build() validates and compiles. Plain data; no behaviour here.
#pragma once

#include "core/tokenizer/added_tokens.h"
#include "core/tokenizer/normalizer.h"
#include "core/tokenizer/pre_tokenizer.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tb {

enum class TokenizerModelKind {
    ByteLevelBpe,      // GPT-2 style: pieces spelled in the byte-level alphabet, merges over bytes
    SentencePieceBpe,  // Llama 2 / Mistral style: '▁' for spaces, byte fallback <0xNN>, merges or scores
};

// GGUF `tokenizer.ggml.token_type` values (llama.cpp's llama_token_type).
enum class TokenType : uint8_t { Undefined = 0, Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };

struct TokenizerSpec {
    std::string source;  // file the spec came from, for error messages
    TokenizerModelKind kind = TokenizerModelKind::SentencePieceBpe;

    std::vector<std::string> pieces;  // id -> piece exactly as the file stores it
    std::vector<TokenType> types;     // id -> type; empty means all Normal

    // Ranked merges (rank = index) as pairs of stored pieces. When empty, SentencePieceBpe ranks
    // merges by `scores` instead (higher score first), as SentencePiece and llama.cpp do.
    std::vector<std::pair<std::string, std::string>> merges;
    std::vector<float> scores;

    bool ignoreMerges = false;  // a whole pre-token that is in the vocabulary is emitted as is
    bool byteFallback = false;  // unknown characters become <0xNN> tokens
    int unkId = -1;
    bool fuseUnk = false;

    std::vector<NormalizerStep> normalizers;
    std::vector<PreTokenizerStep> preTokenizers;
    std::vector<AddedToken> addedTokens;

    bool stripLeadingSpaceOnDecode = false;  // SentencePiece dummy-prefix removal

    int bosId = -1;
    int padId = -1;  // -1: none
    std::vector<int> eosIds;  // first is the EOS appended by addEos
    bool addBos = false;
    bool addEos = false;
    std::string chatTemplate;
};

}  // namespace tb
