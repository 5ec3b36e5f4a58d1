// GGUF tokenizer.* metadata -> TokenizerSpec, following llama.cpp's reading of the same keys:
// `llama` = SentencePiece BPE ranked by scores with <0xNN> byte fallback and a dummy-prefix space;
// `gpt2` = byte-level BPE with ranked merges and the split patterns named by tokenizer.ggml.pre.
// Token types Control/Unknown become special added tokens, UserDefined become plain added tokens.
#include "core/model/gguf_reader.h"
#include "core/tokenizer/tokenizer_loader.h"

#include <algorithm>

namespace tb {
namespace {

int intKeyOr(const GgufFile& gguf, const std::string& key, int fallback) {
    if (!gguf.has(key)) return fallback;
    auto v = gguf.getInt(key);
    return v ? static_cast<int>(*v) : fallback;
}

bool boolKeyOr(const GgufFile& gguf, const std::string& key, bool fallback) {
    if (!gguf.has(key)) return fallback;
    auto v = gguf.getBool(key);
    return v ? *v : fallback;
}

}  // namespace

Result<std::shared_ptr<const Tokenizer>> loadTokenizerFromGguf(const GgufFile& gguf) {
    const std::string where = "GGUF tokenizer";
    auto model = gguf.getString("tokenizer.ggml.model");
    if (!model) return inputError(where + ": tokenizer.ggml.model: " + model.message());
    auto tokens = gguf.getStringArray("tokenizer.ggml.tokens");
    if (!tokens) return inputError(where + ": tokenizer.ggml.tokens: " + tokens.message());

    TokenizerSpec spec;
    spec.source = where + " (tokenizer.ggml.model '" + *model + "')";
    spec.pieces = std::move(*tokens);
    const int n = static_cast<int>(spec.pieces.size());
    if (gguf.has("tokenizer.ggml.token_type")) {
        auto types = gguf.getIntArray("tokenizer.ggml.token_type");
        if (!types) return inputError(where + ": tokenizer.ggml.token_type: " + types.message());
        if (static_cast<int>(types->size()) != n)
            return inputError(where + ": tokenizer.ggml.token_type has " + std::to_string(types->size()) +
                              " entries for " + std::to_string(n) + " tokens");
        spec.types.reserve(n);
        for (int64_t t : *types)
            spec.types.push_back((t >= 0 && t <= 6) ? static_cast<TokenType>(t) : TokenType::Normal);
    }

    if (*model == "llama") {
        spec.kind = TokenizerModelKind::SentencePieceBpe;
        auto scores = gguf.getFloatArray("tokenizer.ggml.scores");
        if (!scores) return inputError(where + ": tokenizer.ggml.scores: " + scores.message());
        spec.scores = std::move(*scores);
        spec.byteFallback = true;
        spec.unkId = intKeyOr(gguf, "tokenizer.ggml.unknown_token_id", 0);
        spec.bosId = intKeyOr(gguf, "tokenizer.ggml.bos_token_id", 1);
        spec.eosIds.push_back(intKeyOr(gguf, "tokenizer.ggml.eos_token_id", 2));
        spec.addBos = boolKeyOr(gguf, "tokenizer.ggml.add_bos_token", true);
        const bool spacePrefix = boolKeyOr(gguf, "tokenizer.ggml.add_space_prefix", true);
        if (spacePrefix) {
            NormalizerStep prepend;
            prepend.kind = NormalizerStep::Kind::Prepend;
            prepend.content = "\xE2\x96\x81";
            spec.normalizers.push_back(prepend);
        }
        NormalizerStep escape;
        escape.kind = NormalizerStep::Kind::Replace;
        escape.pattern = " ";
        escape.content = "\xE2\x96\x81";
        spec.normalizers.push_back(escape);
        spec.stripLeadingSpaceOnDecode = spacePrefix;
    } else if (*model == "gpt2") {
        spec.kind = TokenizerModelKind::ByteLevelBpe;
        auto merges = gguf.getStringArray("tokenizer.ggml.merges");
        if (!merges) return inputError(where + ": tokenizer.ggml.merges: " + merges.message());
        spec.merges.reserve(merges->size());
        for (size_t i = 0; i < merges->size(); ++i) {
            const std::string& m = (*merges)[i];
            const size_t space = m.find(' ', 1);
            if (space == std::string::npos)
                return inputError(where + ": tokenizer.ggml.merges[" + std::to_string(i) + "] '" + m + "' has no space");
            spec.merges.emplace_back(m.substr(0, space), m.substr(space + 1));
        }
        std::string pre = "default";
        if (gguf.has("tokenizer.ggml.pre")) {
            auto p = gguf.getString("tokenizer.ggml.pre");
            if (!p) return inputError(where + ": tokenizer.ggml.pre: " + p.message());
            pre = *p;
        }
        auto patterns = splitPatternsForGgufPre(pre);
        if (!patterns) return inputError(where + ": " + patterns.message());
        for (const std::string& pattern : *patterns) {
            auto step = makeSplitStep(pattern, SplitBehavior::Isolated);
            if (!step) return inputError(where + ": tokenizer.ggml.pre '" + pre + "': " + step.message());
            spec.preTokenizers.push_back(std::move(*step));
        }
        auto byteLevel = makeByteLevelStep(false, false);
        if (!byteLevel) return byteLevel.error();
        spec.preTokenizers.push_back(std::move(*byteLevel));
        static const char* const kIgnoreMerges[] = {"llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral", "tekken"};
        const bool llama3Family = std::find(std::begin(kIgnoreMerges), std::end(kIgnoreMerges), pre) != std::end(kIgnoreMerges);
        spec.ignoreMerges = llama3Family;
        spec.bosId = intKeyOr(gguf, "tokenizer.ggml.bos_token_id", -1);
        const int eos = intKeyOr(gguf, "tokenizer.ggml.eos_token_id", -1);
        if (eos >= 0) spec.eosIds.push_back(eos);
        spec.unkId = intKeyOr(gguf, "tokenizer.ggml.unknown_token_id", -1);
        spec.addBos = boolKeyOr(gguf, "tokenizer.ggml.add_bos_token", llama3Family) && spec.bosId >= 0;
    } else {
        return inputError(where + ": tokenizer.ggml.model '" + *model +
                          "' is not supported (llama = SentencePiece BPE, gpt2 = byte-level BPE)");
    }
    for (const char* key : {"tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"}) {
        const int id = intKeyOr(gguf, key, -1);
        if (id >= 0 && std::find(spec.eosIds.begin(), spec.eosIds.end(), id) == spec.eosIds.end())
            spec.eosIds.push_back(id);
    }
    spec.padId = intKeyOr(gguf, "tokenizer.ggml.padding_token_id", -1);
    if (spec.padId >= n) spec.padId = -1;  // llama.cpp also ignores an out-of-range padding id
    spec.addEos = boolKeyOr(gguf, "tokenizer.ggml.add_eos_token", false) && !spec.eosIds.empty();
    if (gguf.has("tokenizer.chat_template")) {
        auto t = gguf.getString("tokenizer.chat_template");
        if (t) spec.chatTemplate = *t;
    }
    for (int id = 0; id < static_cast<int>(spec.types.size()); ++id) {
        const TokenType t = spec.types[id];
        if (t != TokenType::Control && t != TokenType::UserDefined && t != TokenType::Unknown) continue;
        if (spec.pieces[id].empty()) continue;
        AddedToken a;
        a.id = id;
        a.content = spec.pieces[id];
        a.special = t != TokenType::UserDefined;
        spec.addedTokens.push_back(std::move(a));
    }
    return Tokenizer::build(std::move(spec));
}

}  // namespace tb
