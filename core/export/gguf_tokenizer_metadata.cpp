#include "core/export/gguf_tokenizer_metadata.h"

#include "core/common/atomic_file.h"
#include "core/tokenizer/pre_tokenizer.h"
#include "core/tokenizer/tokenizer_loader.h"

#include <cctype>
#include <filesystem>
#include <map>
#include <unordered_map>

namespace tb::exporter {

namespace {

std::vector<std::string> specPatterns(const TokenizerSpec& spec) {
    std::vector<std::string> patterns;
    for (const PreTokenizerStep& step : spec.preTokenizers)
        if (step.regex && (step.kind == PreTokenizerStep::Kind::Split || step.kind == PreTokenizerStep::Kind::ByteLevel))
            patterns.push_back(step.regex->pattern());
    return patterns;
}

std::string readOptional(const std::filesystem::path& p) {
    if (!std::filesystem::exists(p)) return {};
    auto text = readWholeFile(p.string());
    return text ? text.value() : std::string();
}

}  // namespace

Result<std::string> ggufPreTokenizerName(const TokenizerSpec& spec) {
    const std::vector<std::string> patterns = specPatterns(spec);
    if (patterns.empty()) return std::string("default");
    static const char* const names[] = {"llama-bpe", "qwen2", "gpt-2", "deepseek-llm", "deepseek-coder", "falcon",
                                        "starcoder", "smollm", "tekken", "command-r", "dbrx", "smaug-bpe",
                                        "stablelm2", "mpt", "olmo", "refact", "codeshell", "megrez", "falcon3"};
    for (const char* name : names) {
        auto candidate = splitPatternsForGgufPre(name);
        if (candidate && candidate.value() == patterns) return std::string(name);
    }
    std::string list;
    for (const auto& p : patterns) list += (list.empty() ? "" : " | ") + p;
    return inputError(spec.source + ": the pre-tokenizer regexes (" + list +
                      ") match no llama.cpp tokenizer.ggml.pre this exporter knows");
}

Result<GgufMetadata> ggufTokenizerMetadataFromSpec(const TokenizerSpec& spec) {
    GgufMetadata md;
    const size_t n = spec.pieces.size();
    if (n == 0) return inputError(spec.source + ": the tokenizer has no vocabulary");
    const bool spm = spec.kind == TokenizerModelKind::SentencePieceBpe;
    md.emplace_back("tokenizer.ggml.model", ggufString(spm ? "llama" : "gpt2"));
    if (spm) {
        md.emplace_back("tokenizer.ggml.pre", ggufString("default"));
    } else {
        auto pre = ggufPreTokenizerName(spec);
        if (!pre) return pre.error();
        md.emplace_back("tokenizer.ggml.pre", ggufString(pre.value()));
    }
    md.emplace_back("tokenizer.ggml.tokens", ggufStringArray(spec.pieces));

    if (spm) {
        std::vector<float> scores(n, 0.0f);
        if (spec.scores.size() == n) {
            scores = spec.scores;
        } else {
            // Rank of the first merge that produces each piece; pieces no merge produces keep 0
            // (single characters, byte tokens, specials: llama.cpp never merges into them).
            std::unordered_map<std::string, int> ids;
            for (size_t i = 0; i < n; ++i) ids.emplace(spec.pieces[i], int(i));
            std::vector<bool> seen(n, false);
            for (size_t r = 0; r < spec.merges.size(); ++r) {
                auto it = ids.find(spec.merges[r].first + spec.merges[r].second);
                if (it == ids.end() || seen[size_t(it->second)]) continue;
                seen[size_t(it->second)] = true;
                scores[size_t(it->second)] = -float(r);
            }
        }
        md.emplace_back("tokenizer.ggml.scores", ggufFloat32Array(scores));
    }
    // Types: the spec's when it has them, else what llama.cpp's converter derives (unknown, byte, control).
    std::vector<int64_t> types(n, int64_t(TokenType::Normal));
    for (size_t i = 0; i < n && i < spec.types.size(); ++i) types[i] = int64_t(spec.types[i]);
    if (spec.types.empty()) {
        if (spm && spec.byteFallback)
            for (size_t i = 0; i < n; ++i) {
                const std::string& p = spec.pieces[i];
                if (p.size() == 6 && p.rfind("<0x", 0) == 0 && p[5] == '>' && std::isxdigit(uint8_t(p[3])) &&
                    std::isxdigit(uint8_t(p[4])))
                    types[i] = int64_t(TokenType::Byte);
            }
        if (spec.unkId >= 0 && size_t(spec.unkId) < n) types[size_t(spec.unkId)] = int64_t(TokenType::Unknown);
    }
    for (const AddedToken& t : spec.addedTokens)
        if (t.id >= 0 && size_t(t.id) < n && types[size_t(t.id)] == int64_t(TokenType::Normal))
            types[size_t(t.id)] = int64_t(t.special ? TokenType::Control : TokenType::UserDefined);
    md.emplace_back("tokenizer.ggml.token_type", ggufInt32Array(types));
    if (!spm) {  // SentencePiece GGUFs rank by scores; byte-level BPE needs the ranked merges
        std::vector<std::string> merges;
        merges.reserve(spec.merges.size());
        for (const auto& [l, r] : spec.merges) merges.push_back(l + " " + r);
        md.emplace_back("tokenizer.ggml.merges", ggufStringArray(std::move(merges)));
    }
    if (spec.bosId >= 0) md.emplace_back("tokenizer.ggml.bos_token_id", ggufUint32(uint32_t(spec.bosId)));
    if (!spec.eosIds.empty()) md.emplace_back("tokenizer.ggml.eos_token_id", ggufUint32(uint32_t(spec.eosIds.front())));
    if (spec.unkId >= 0) md.emplace_back("tokenizer.ggml.unknown_token_id", ggufUint32(uint32_t(spec.unkId)));
    if (spec.padId >= 0) md.emplace_back("tokenizer.ggml.padding_token_id", ggufUint32(uint32_t(spec.padId)));
    md.emplace_back("tokenizer.ggml.add_bos_token", ggufBool(spec.addBos));
    md.emplace_back("tokenizer.ggml.add_eos_token", ggufBool(spec.addEos));
    if (spm) md.emplace_back("tokenizer.ggml.add_space_prefix", ggufBool(spec.stripLeadingSpaceOnDecode));
    if (!spec.chatTemplate.empty()) md.emplace_back("tokenizer.chat_template", ggufString(spec.chatTemplate));
    return md;
}

Result<GgufMetadata> ggufTokenizerMetadata(const LoadedModel& source) {
    if (source.gguf) {
        GgufMetadata md;
        for (const std::string& key : source.gguf->keys())
            if (key.rfind("tokenizer.", 0) == 0) md.emplace_back(key, *source.gguf->find(key));
        if (md.empty()) return inputError(source.path + ": the GGUF file has no tokenizer.* metadata to export");
        return md;
    }
    const std::filesystem::path folder(source.hfFolder);
    const std::filesystem::path tokPath = folder / "tokenizer.json";
    auto text = readWholeFile(tokPath.string());
    if (!text) return inputError(tokPath.string() + ": cannot read the tokenizer to export (" + text.message() + ")");
    auto spec = parseTokenizerJson(text.value(), readOptional(folder / "tokenizer_config.json"),
                                   readOptional(folder / "generation_config.json"), tokPath.string());
    if (!spec) return spec.error();
    return ggufTokenizerMetadataFromSpec(spec.value());
}

}  // namespace tb::exporter
