// The SentencePiece-specific parts of BPE: the initial symbols of a '▁'-escaped word (one per
// character, with <0xNN> byte fallback or <unk>), and a merge table derived from piece scores for
// vocabularies that carry scores instead of merges (GGUF `llama`). The merge loop is bpe_merges.h.
#pragma once

#include "core/tokenizer/bpe_merges.h"
#include "core/tokenizer/tokenizer_spec.h"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace tb {

struct SpmSymbolTables {
    const std::unordered_map<uint32_t, int>* charIds = nullptr;  // single code point -> id
    const std::array<int, 256>* byteIds = nullptr;               // byte -> <0xNN> id, -1 if none
    bool byteFallback = false;
    int unkId = -1;
    bool fuseUnk = false;
};

// Appends the initial symbols of `word` (valid UTF-8) to `symbols`.
void spmInitialSymbols(const std::string& word, const SpmSymbolTables& tables, std::vector<int32_t>& symbols);

// For every Normal piece p and every split of p into two Normal pieces (a, b), a rule a+b -> p.
// Rank orders by score, highest first; equal scores share a rank so the leftmost pair wins, as in
// SentencePiece and llama.cpp's score-greedy encoder.
MergeTable mergesFromScores(const std::vector<std::string>& pieces, const std::vector<TokenType>& types,
                            const std::vector<float>& scores, const std::unordered_map<std::string, int>& modelIds);

}  // namespace tb
