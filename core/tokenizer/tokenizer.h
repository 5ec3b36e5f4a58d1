// Tokenizer: exact BPE tokenization for Llama-family models — byte-level BPE (GPT-2, Llama 3, Qwen2,
// StarCoder, DeepSeek) and SentencePiece BPE (Llama 2, Mistral, TinyLlama) — built from a
// TokenizerSpec. Immutable after build; every const method is safe to call from many threads.
// Loading files is in tokenizer_loader.h; incremental decoding is in streaming_decoder.h.
#pragma once

#include "core/common/result.h"
#include "core/tokenizer/added_tokens.h"
#include "core/tokenizer/bpe_merges.h"
#include "core/tokenizer/tokenizer_spec.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tb {

class Tokenizer {
public:
    // Validates the spec (ids in range, merges refer to pieces, ...) and compiles lookup tables.
    static Result<std::shared_ptr<const Tokenizer>> build(TokenizerSpec spec);

    // addSpecial: add BOS (and EOS) as the model's configuration asks. parseSpecial: text that spells
    // a special token (e.g. "<s>") becomes that token; otherwise it is tokenized as plain text.
    // Non-special added tokens are always recognised. Invalid UTF-8 is first repaired (U+FFFD).
    std::vector<int> encode(std::string_view text, bool addSpecial, bool parseSpecial = false) const;

    // Concatenates the tokens' bytes, removes the SentencePiece dummy-prefix space, and replaces
    // invalid UTF-8 by U+FFFD. Unknown ids are skipped.
    std::string decode(const std::vector<int>& ids, bool skipSpecial = false) const;

    std::string tokenText(int id) const;  // the piece as stored in the vocabulary ("" if out of range)
    int vocabSize() const { return static_cast<int>(m_pieces.size()); }
    int bosId() const { return m_bosId; }
    int padId() const { return m_padId; }  // -1 when the model names no padding token
    std::vector<int> eosIds() const { return m_eosIds; }
    bool addBosByDefault() const { return m_addBos; }
    bool addEosByDefault() const { return m_addEos; }
    std::optional<int> tokenId(std::string_view piece) const;
    std::string chatTemplate() const { return m_chatTemplate; }
    std::string bosToken() const { return tokenText(m_bosId); }
    std::string eosToken() const { return m_eosIds.empty() ? std::string() : tokenText(m_eosIds.front()); }

    // Lower-level pieces of decode(), used by StreamingDecoder.
    // The raw bytes token `id` contributes to decoded text (possibly part of a UTF-8 character).
    std::string tokenBytes(int id, bool skipSpecial = false) const;
    bool isSpecial(int id) const;
    bool stripsLeadingSpace() const { return m_stripLeadingSpace; }
    TokenizerModelKind kind() const { return m_kind; }
    TokenType tokenType(int id) const;

private:
    Tokenizer() = default;
    void encodeSegment(std::string_view text, bool atInputStart, std::vector<int>& out) const;
    // `symbols` is scratch space reused across the words of one call.
    void encodeWord(const std::string& word, std::vector<int>& out, std::vector<int32_t>& symbols) const;
    void encodeWordSentencePiece(const std::string& word, std::vector<int32_t>& symbols) const;
    void encodePiece(const std::string& piece, std::vector<int>& out, std::vector<int32_t>& symbols) const;

    TokenizerModelKind m_kind = TokenizerModelKind::SentencePieceBpe;
    std::vector<std::string> m_pieces;
    std::vector<TokenType> m_types;
    std::vector<std::string> m_tokenBytes;  // id -> decoded bytes
    std::vector<bool> m_special;
    std::unordered_map<std::string, int> m_pieceIds;  // stored spelling -> id
    std::unordered_map<std::string, int> m_modelIds;  // model alphabet (raw bytes or '▁' text) -> id
    std::unordered_map<uint32_t, int> m_charIds;      // SentencePiece: single code point -> id
    std::array<int, 256> m_byteIds{};                 // byte -> id (<0xNN> or byte-level single byte)
    MergeTable m_merges;
    // SentencePiece only: no piece has a '▁' right after another character, so no merge can cross the
    // start of a "▁...word" and each word can be merged on its own (exact, and much faster).
    bool m_spmWordSplit = false;
    bool m_ignoreMerges = false;
    bool m_byteFallback = false;
    int m_unkId = -1;
    bool m_fuseUnk = false;
    std::vector<NormalizerStep> m_normalizers;
    std::vector<PreTokenizerStep> m_preTokenizers;
    AddedTokenMatcher m_added;
    bool m_stripLeadingSpace = false;
    int m_bosId = -1;
    int m_padId = -1;
    std::vector<int> m_eosIds;
    bool m_addBos = false;
    bool m_addEos = false;
    std::string m_chatTemplate;
};

}  // namespace tb
