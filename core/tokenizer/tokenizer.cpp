// Tokenizer encode/decode: added-token split -> normalizers -> pre-tokenizers -> BPE per piece.
#include "core/tokenizer/tokenizer.h"

#include "core/tokenizer/spm_bpe.h"
#include "core/tokenizer/utf8.h"

namespace tb {

std::vector<int> Tokenizer::encode(std::string_view text, bool addSpecial, bool parseSpecial) const {
    std::string repaired;
    if (!utf8::isValid(text)) {
        repaired = utf8::repairLossy(text);
        text = repaired;
    }
    std::vector<int> out;
    out.reserve(text.size() / 3 + 2);
    if (addSpecial && m_addBos && m_bosId >= 0) out.push_back(m_bosId);
    bool atInputStart = true;
    for (const TextSegment& seg : m_added.split(text, parseSpecial)) {
        if (seg.tokenId >= 0)
            out.push_back(seg.tokenId);
        else
            encodeSegment(seg.text, atInputStart, out);
        atInputStart = false;
    }
    if (addSpecial && m_addEos && !m_eosIds.empty()) out.push_back(m_eosIds.front());
    return out;
}

void Tokenizer::encodeSegment(std::string_view text, bool atInputStart, std::vector<int>& out) const {
    std::string normalized = applyNormalizers(m_normalizers, std::string(text));
    std::vector<int32_t> symbols;
    if (m_preTokenizers.empty()) {
        if (!normalized.empty()) encodePiece(normalized, out, symbols);
        return;
    }
    for (const std::string& piece : preTokenize(m_preTokenizers, std::move(normalized), atInputStart))
        encodePiece(piece, out, symbols);
}

void Tokenizer::encodePiece(const std::string& piece, std::vector<int>& out, std::vector<int32_t>& symbols) const {
    if (!m_spmWordSplit) {
        encodeWord(piece, out, symbols);
        return;
    }
    static const std::string meta = "\xE2\x96\x81";
    size_t start = 0;
    for (size_t pos = piece.find(meta, 1); pos != std::string::npos; pos = piece.find(meta, pos + meta.size())) {
        if (pos < meta.size() || piece.compare(pos - meta.size(), meta.size(), meta) != 0) {
            if (pos > start) encodeWord(piece.substr(start, pos - start), out, symbols);
            start = pos;
        }
    }
    if (start < piece.size()) encodeWord(start == 0 ? piece : piece.substr(start), out, symbols);
}

void Tokenizer::encodeWord(const std::string& word, std::vector<int>& out, std::vector<int32_t>& symbols) const {
    if (m_ignoreMerges) {
        auto it = m_modelIds.find(word);
        if (it != m_modelIds.end()) {
            out.push_back(it->second);
            return;
        }
    }
    symbols.clear();
    if (m_kind == TokenizerModelKind::ByteLevelBpe) {
        for (unsigned char b : word) {
            const int id = m_byteIds[b];
            if (id >= 0)
                symbols.push_back(id);
            else if (m_unkId >= 0)
                symbols.push_back(m_unkId);
        }
    } else {
        encodeWordSentencePiece(word, symbols);
    }
    applyMerges(m_merges, symbols);
    out.insert(out.end(), symbols.begin(), symbols.end());
}

void Tokenizer::encodeWordSentencePiece(const std::string& word, std::vector<int32_t>& symbols) const {
    SpmSymbolTables tables;
    tables.charIds = &m_charIds;
    tables.byteIds = &m_byteIds;
    tables.byteFallback = m_byteFallback;
    tables.unkId = m_unkId;
    tables.fuseUnk = m_fuseUnk;
    spmInitialSymbols(word, tables, symbols);
}

std::string Tokenizer::tokenBytes(int id, bool skipSpecial) const {
    if (id < 0 || id >= vocabSize()) return {};
    if (skipSpecial && m_special[id]) return {};
    return m_tokenBytes[id];
}

bool Tokenizer::isSpecial(int id) const { return id >= 0 && id < vocabSize() && m_special[id]; }

TokenType Tokenizer::tokenType(int id) const {
    return (id >= 0 && id < vocabSize()) ? m_types[id] : TokenType::Undefined;
}

std::string Tokenizer::decode(const std::vector<int>& ids, bool skipSpecial) const {
    std::string bytes;
    for (int id : ids) {
        if (id < 0 || id >= vocabSize() || (skipSpecial && m_special[id])) continue;
        bytes += m_tokenBytes[id];
    }
    if (m_stripLeadingSpace && !bytes.empty() && bytes[0] == ' ') bytes.erase(0, 1);
    return utf8::repairLossy(bytes);
}

std::string Tokenizer::tokenText(int id) const {
    if (id < 0 || id >= vocabSize()) return {};
    return m_pieces[id];
}

std::optional<int> Tokenizer::tokenId(std::string_view piece) const {
    auto it = m_pieceIds.find(std::string(piece));
    if (it == m_pieceIds.end()) return std::nullopt;
    return it->second;
}

}  // namespace tb
