// Tokenizer::build(): checks a TokenizerSpec and compiles it into the lookup tables encode() uses.
#include "core/tokenizer/byte_level.h"
#include "core/tokenizer/spm_bpe.h"
#include "core/tokenizer/tokenizer.h"
#include "core/tokenizer/utf8.h"

#include <cstdio>

namespace tb {
namespace {

// "<0x41>" -> 0x41; -1 if the piece is not a byte-fallback piece.
int byteFallbackValue(const std::string& piece) {
    if (piece.size() != 6 || piece.compare(0, 3, "<0x") != 0 || piece[5] != '>') return -1;
    unsigned value = 0;
    for (int i = 3; i < 5; ++i) {
        const char c = piece[i];
        value <<= 4;
        if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
        else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
        else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
        else return -1;
    }
    return static_cast<int>(value);
}

std::string replaceMetaspace(const std::string& piece) {
    static const std::string meta = "\xE2\x96\x81";
    std::string out;
    out.reserve(piece.size());
    for (size_t i = 0; i < piece.size();) {
        if (piece.compare(i, meta.size(), meta) == 0) {
            out.push_back(' ');
            i += meta.size();
        } else {
            out.push_back(piece[i++]);
        }
    }
    return out;
}

}  // namespace

Result<std::shared_ptr<const Tokenizer>> Tokenizer::build(TokenizerSpec spec) {
    const std::string where = spec.source.empty() ? std::string("tokenizer") : spec.source;
    const int n = static_cast<int>(spec.pieces.size());
    if (n == 0) return inputError(where + ": the vocabulary is empty");
    if (!spec.types.empty() && static_cast<int>(spec.types.size()) != n)
        return inputError(where + ": " + std::to_string(spec.types.size()) + " token types for " + std::to_string(n) +
                          " tokens");
    if (!spec.scores.empty() && static_cast<int>(spec.scores.size()) != n)
        return inputError(where + ": " + std::to_string(spec.scores.size()) + " scores for " + std::to_string(n) +
                          " tokens");
    auto checkId = [&](int id, const char* what) -> Status {
        if (id < -1 || id >= n)
            return inputError(where + ": " + what + " id " + std::to_string(id) + " is outside the vocabulary of " +
                              std::to_string(n));
        return {};
    };
    TB_TRY(checkId(spec.bosId, "BOS"));
    TB_TRY(checkId(spec.padId, "padding-token"));
    TB_TRY(checkId(spec.unkId, "unknown-token"));
    for (int id : spec.eosIds) TB_TRY(checkId(id, "EOS"));
    for (const auto& t : spec.addedTokens) {
        if (t.id < 0 || t.id >= n)
            return inputError(where + ": added token '" + t.content + "' has id " + std::to_string(t.id) +
                              " outside the vocabulary of " + std::to_string(n));
    }
    if (spec.addBos && spec.bosId < 0) return inputError(where + ": BOS is to be added but no BOS token is set");
    if (spec.addEos && spec.eosIds.empty()) return inputError(where + ": EOS is to be added but no EOS token is set");

    std::shared_ptr<Tokenizer> tk(new Tokenizer());
    tk->m_kind = spec.kind;
    tk->m_types = spec.types.empty() ? std::vector<TokenType>(n, TokenType::Normal) : spec.types;
    // Added tokens are special (control) or user-defined, whatever the model vocabulary says.
    for (const auto& t : spec.addedTokens) tk->m_types[t.id] = t.special ? TokenType::Control : TokenType::UserDefined;
    // Byte-fallback pieces of a SentencePiece vocabulary without types.
    if (spec.kind == TokenizerModelKind::SentencePieceBpe && spec.types.empty()) {
        for (int id = 0; id < n; ++id)
            if (tk->m_types[id] == TokenType::Normal && byteFallbackValue(spec.pieces[id]) >= 0)
                tk->m_types[id] = TokenType::Byte;
    }
    if (spec.unkId >= 0 && tk->m_types[spec.unkId] == TokenType::Normal) tk->m_types[spec.unkId] = TokenType::Unknown;

    tk->m_byteIds.fill(-1);
    tk->m_tokenBytes.resize(n);
    tk->m_special.assign(n, false);
    tk->m_pieceIds.reserve(n);
    tk->m_modelIds.reserve(n);
    for (int id = 0; id < n; ++id) {
        const std::string& piece = spec.pieces[id];
        if (piece.empty()) {
            if (tk->m_types[id] == TokenType::Normal) tk->m_types[id] = TokenType::Unused;  // a hole in the ids
            continue;
        }
        tk->m_pieceIds.try_emplace(piece, id);
        const TokenType type = tk->m_types[id];
        tk->m_special[id] = type == TokenType::Control || type == TokenType::Unknown;
        if (type == TokenType::Control || type == TokenType::Unknown || type == TokenType::UserDefined) {
            tk->m_tokenBytes[id] = piece;  // added tokens decode verbatim
            continue;
        }
        if (spec.kind == TokenizerModelKind::ByteLevelBpe) {
            auto bytes = byte_level::decode(piece);
            const std::string raw = bytes ? *bytes : piece;
            tk->m_tokenBytes[id] = raw;
            if (type == TokenType::Normal || type == TokenType::Unused) tk->m_modelIds.try_emplace(raw, id);
            if (raw.size() == 1 && tk->m_byteIds[static_cast<unsigned char>(raw[0])] < 0)
                tk->m_byteIds[static_cast<unsigned char>(raw[0])] = id;
        } else {
            const int byteValue = byteFallbackValue(piece);
            if (type == TokenType::Byte && byteValue >= 0) {
                tk->m_tokenBytes[id] = std::string(1, static_cast<char>(byteValue));
                if (tk->m_byteIds[byteValue] < 0) tk->m_byteIds[byteValue] = id;
                continue;
            }
            tk->m_tokenBytes[id] = replaceMetaspace(piece);
            if (type != TokenType::Normal) continue;
            tk->m_modelIds.try_emplace(piece, id);
            size_t pos = 0;
            if (!piece.empty() && utf8::validSequenceAt(piece, 0) == piece.size())
                tk->m_charIds.try_emplace(utf8::decodeAt(piece, pos), id);
        }
    }
    for (const auto& t : spec.addedTokens)
        if (t.special) tk->m_special[t.id] = true;

    // Merges.
    if (!spec.merges.empty()) {
        tk->m_merges.reserve(spec.merges.size());
        for (size_t rank = 0; rank < spec.merges.size(); ++rank) {
            const auto& [a, b] = spec.merges[rank];
            std::string left = a, right = b;
            if (spec.kind == TokenizerModelKind::ByteLevelBpe) {
                auto l = byte_level::decode(a);
                auto r = byte_level::decode(b);
                if (!l || !r)
                    return inputError(where + ": merge " + std::to_string(rank) + " ('" + a + " " + b +
                                      "') is not in the byte-level alphabet");
                left = *l;
                right = *r;
            }
            auto li = tk->m_modelIds.find(left);
            auto ri = tk->m_modelIds.find(right);
            auto mi = tk->m_modelIds.find(left + right);
            if (li == tk->m_modelIds.end() || ri == tk->m_modelIds.end() || mi == tk->m_modelIds.end())
                return inputError(where + ": merge " + std::to_string(rank) + " ('" + a + " " + b +
                                  "') refers to a piece that is not in the vocabulary");
            tk->m_merges.add(li->second, ri->second, static_cast<int32_t>(rank), mi->second);
        }
    } else if (!spec.scores.empty()) {
        tk->m_merges = mergesFromScores(spec.pieces, tk->m_types, spec.scores, tk->m_modelIds);
    }  // else: no merges at all, a legal (character-level) BPE

    if (spec.kind == TokenizerModelKind::SentencePieceBpe) {
        static const std::string meta = "\xE2\x96\x81";
        bool crossing = false;
        for (int id = 0; id < n && !crossing; ++id) {
            if (tk->m_types[id] != TokenType::Normal) continue;
            const std::string& p = spec.pieces[id];
            for (size_t pos = p.find(meta, 1); pos != std::string::npos && !crossing; pos = p.find(meta, pos + 1))
                if (pos < meta.size() || p.compare(pos - meta.size(), meta.size(), meta) != 0) crossing = true;
        }
        tk->m_spmWordSplit = !crossing;
    }

    tk->m_pieces = std::move(spec.pieces);
    tk->m_ignoreMerges = spec.ignoreMerges;
    tk->m_byteFallback = spec.byteFallback;
    tk->m_unkId = spec.unkId;
    tk->m_fuseUnk = spec.fuseUnk;
    tk->m_normalizers = std::move(spec.normalizers);
    tk->m_preTokenizers = std::move(spec.preTokenizers);
    tk->m_added = AddedTokenMatcher(std::move(spec.addedTokens));
    tk->m_stripLeadingSpace = spec.stripLeadingSpaceOnDecode;
    tk->m_bosId = spec.bosId;
    tk->m_padId = spec.padId;
    tk->m_eosIds = std::move(spec.eosIds);
    tk->m_addBos = spec.addBos;
    tk->m_addEos = spec.addEos;
    tk->m_chatTemplate = std::move(spec.chatTemplate);
    return std::shared_ptr<const Tokenizer>(std::move(tk));
}

}  // namespace tb
