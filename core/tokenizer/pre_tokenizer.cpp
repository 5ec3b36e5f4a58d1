// Pre-tokenizer steps and the GGUF pre-tokenizer pattern table.
// The GGUF patterns are the Hugging Face originals for each model family as llama.cpp's
// src/llama-vocab.cpp lists them (llama.cpp rewrites `(?i:...)` for its own regex engine; PCRE2
// takes the originals).
#include "core/tokenizer/pre_tokenizer.h"

#include <algorithm>
#include <map>

namespace tb {

const char* const kGpt2SplitPattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

namespace {

const char* const kLlama3Pattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
const char* const kQwen2Pattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
const char* const kGpt2NoTail = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S))";

struct Piece {
    size_t begin, end;
    bool isMatch;
};

std::vector<Piece> classify(const std::string& s, const std::vector<std::pair<size_t, size_t>>& matches, bool invert) {
    std::vector<Piece> out;
    size_t pos = 0;
    for (auto [b, e] : matches) {
        if (b > pos) out.push_back({pos, b, invert});
        out.push_back({b, e, !invert});
        pos = e;
    }
    if (pos < s.size()) out.push_back({pos, s.size(), invert});
    return out;
}

std::vector<std::pair<size_t, size_t>> findLiteral(const std::string& s, const std::string& lit) {
    std::vector<std::pair<size_t, size_t>> out;
    if (lit.empty()) return out;
    size_t pos = 0;
    while ((pos = s.find(lit, pos)) != std::string::npos) {
        out.emplace_back(pos, pos + lit.size());
        pos += lit.size();
    }
    return out;
}

// Hugging Face's SplitDelimiterBehavior, applied to one piece.
void splitPiece(std::string& s, const std::vector<std::pair<size_t, size_t>>& matches, SplitBehavior behavior,
                bool invert, std::vector<std::string>& out) {
    if (matches.empty() && !invert) {
        out.push_back(std::move(s));
        return;
    }
    if (!invert && matches.size() == 1 && matches[0].first == 0 && matches[0].second == s.size()) {
        if (behavior != SplitBehavior::Removed) out.push_back(std::move(s));  // the whole piece is one match
        return;
    }
    std::vector<Piece> pieces = classify(s, matches, invert);
    std::vector<std::pair<size_t, size_t>> result;
    switch (behavior) {
    case SplitBehavior::Removed:
        for (const auto& p : pieces)
            if (!p.isMatch) result.emplace_back(p.begin, p.end);
        break;
    case SplitBehavior::Isolated:
        for (const auto& p : pieces) result.emplace_back(p.begin, p.end);
        break;
    case SplitBehavior::MergedWithPrevious: {
        bool previousMatch = false;
        for (const auto& p : pieces) {
            if (p.isMatch && !previousMatch && !result.empty())
                result.back().second = p.end;
            else
                result.emplace_back(p.begin, p.end);
            previousMatch = p.isMatch;
        }
        break;
    }
    case SplitBehavior::MergedWithNext: {
        bool previousMatch = false;
        for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
            if (it->isMatch && !previousMatch && !result.empty())
                result.back().first = it->begin;
            else
                result.emplace_back(it->begin, it->end);
            previousMatch = it->isMatch;
        }
        std::reverse(result.begin(), result.end());
        break;
    }
    case SplitBehavior::Contiguous: {
        bool previousMatch = false;
        for (const auto& p : pieces) {
            if (p.isMatch && previousMatch && !result.empty())
                result.back().second = p.end;
            else
                result.emplace_back(p.begin, p.end);
            previousMatch = p.isMatch;
        }
        break;
    }
    }
    for (auto [b, e] : result)
        if (e > b) out.push_back(s.substr(b, e - b));
}

}  // namespace

Result<PreTokenizerStep> makeSplitStep(const std::string& regexPattern, SplitBehavior behavior, bool invert) {
    auto re = RegexSplitter::compile(regexPattern);
    if (!re) return re.error();
    PreTokenizerStep step;
    step.kind = PreTokenizerStep::Kind::Split;
    step.regex = *re;
    step.behavior = behavior;
    step.invert = invert;
    return step;
}

Result<PreTokenizerStep> makeByteLevelStep(bool addPrefixSpace, bool useRegex) {
    PreTokenizerStep step;
    step.kind = PreTokenizerStep::Kind::ByteLevel;
    step.addPrefixSpace = addPrefixSpace;
    if (useRegex) {
        auto re = RegexSplitter::compile(kGpt2SplitPattern);
        if (!re) return re.error();
        step.regex = *re;
    }
    return step;
}

Result<std::vector<std::string>> splitPatternsForGgufPre(const std::string& pre) {
    static const std::map<std::string, std::vector<std::string>> table = [] {
        std::map<std::string, std::vector<std::string>> t;
        const std::vector<std::string> llama3 = {kLlama3Pattern};
        for (const char* n : {"llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral", "dbrx", "smaug-bpe", "chatglm-bpe",
                              "glm4"})
            t[n] = llama3;
        for (const char* n : {"gpt-2", "phi-2", "mpt", "olmo", "jais", "jina-es", "jina-de", "jina-v1-en",
                              "jina-v2-es", "jina-v2-de", "jina-v2-code", "roberta-bpe", "exaone4", "trillion"})
            t[n] = {kGpt2SplitPattern};
        for (const char* n : {"starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b"})
            t[n] = {R"(\p{N})", kGpt2SplitPattern};
        for (const char* n : {"qwen2", "stablelm2", "deepseek-r1-qwen", "megrez", "hunyuan"}) t[n] = {kQwen2Pattern};
        t["deepseek-llm"] = {
            "[\r\n]",
            "\\s?[A-Za-z\\x{B5}\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{1BA}\\x{1BC}-\\x{1BF}\\x{1C4}-\\x{293}"
            "\\x{295}-\\x{2AF}\\x{370}-\\x{373}\\x{376}\\x{377}\\x{37B}-\\x{37D}\\x{37F}\\x{386}\\x{388}-\\x{38A}"
            "\\x{38C}\\x{38E}-\\x{3A1}\\x{3A3}-\\x{3F5}\\x{3F7}-\\x{481}\\x{48A}-\\x{52F}\\x{531}-\\x{556}"
            "\\x{10A0}-\\x{10C5}\\x{13A0}-\\x{13F5}\\x{13F8}-\\x{13FD}\\x{1C90}-\\x{1CBA}\\x{1CBD}-\\x{1CBF}"
            "\\x{1D00}-\\x{1D2B}\\x{1D6B}-\\x{1D77}\\x{1D79}-\\x{1D9A}\\x{1E00}-\\x{1F15}\\x{1F18}-\\x{1F1D}"
            "\\x{1F20}-\\x{1F45}\\x{1F48}-\\x{1F4D}\\x{1F50}-\\x{1F57}\\x{1F59}\\x{1F5B}\\x{1F5D}\\x{1F5F}-\\x{1F7D}"
            "\\x{1F80}-\\x{1FB4}\\x{1FB6}-\\x{1FBC}\\x{1FBE}\\x{1FC2}-\\x{1FC4}\\x{1FC6}-\\x{1FCC}\\x{1FD0}-\\x{1FD3}"
            "\\x{1FD6}-\\x{1FDB}\\x{1FE0}-\\x{1FEC}\\x{1FF2}-\\x{1FF4}\\x{1FF6}-\\x{1FFC}\\x{2102}\\x{2107}"
            "\\x{210A}-\\x{2113}\\x{2115}\\x{2119}-\\x{211D}\\x{2124}\\x{2126}\\x{2128}\\x{212A}-\\x{212D}"
            "\\x{212F}-\\x{2134}\\x{2139}\\x{213C}-\\x{213F}\\x{2145}-\\x{2149}\\x{214E}\\x{2183}\\x{2184}"
            "\\x{2C00}-\\x{2C7B}\\x{2C7E}-\\x{2CE4}\\x{2CEB}-\\x{2CEE}\\x{2CF2}\\x{2CF3}\\x{A640}-\\x{A66D}"
            "\\x{A680}-\\x{A69B}\\x{A722}-\\x{A76F}\\x{A771}-\\x{A787}\\x{A78B}-\\x{A78E}\\x{AB70}-\\x{ABBF}"
            "\\x{FB00}-\\x{FB06}\\x{FB13}-\\x{FB17}\\x{FF21}-\\x{FF3A}\\x{FF41}-\\x{FF5A}\\x{10400}-\\x{1044F}"
            "\\x{104B0}-\\x{104D3}\\x{104D8}-\\x{104FB}\\x{10C80}-\\x{10CB2}\\x{10CC0}-\\x{10CF2}\\x{118A0}-\\x{118DF}"
            "\\x{1E900}-\\x{1E943}]+",
            "\\s?[!-/:-~\\x{FF01}-\\x{FF0F}\\x{FF1A}-\\x{FF5E}\\x{2018}-\\x{201F}\\x{3000}-\\x{3002}]+",
            "\\s+$",
            "[\\x{4E00}-\\x{9FA5}\\x{800}-\\x{4E00}\\x{AC00}-\\x{D7FF}]+",
            "\\p{N}+",
        };
        t["deepseek-coder"] = {"[\r\n]", "\\s?\\p{L}+", "\\s?\\p{P}+", "[\\x{4E00}-\\x{9FA5}\\x{800}-\\x{4E00}\\x{AC00}-\\x{D7FF}]+", "\\p{N}"};
        t["falcon"] = {R"([\p{P}\$\+<=>\^~\|`]+)", kGpt2NoTail, "[0-9][0-9][0-9]"};
        t["default"] = {R"([\p{P}\$\+<=>\^~\|]+)", kGpt2NoTail, R"(\p{N}+)", "[0-9][0-9][0-9]"};
        t[""] = t["default"];
        t["tekken"] = {
            R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)"};
        t["gpt-4o"] = {
            R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)"};
        return t;
    }();
    auto it = table.find(pre);
    if (it == table.end()) return inputError("tokenizer.ggml.pre '" + pre + "' is not a pre-tokenizer Tunebench knows");
    return it->second;
}

std::vector<std::string> preTokenize(const std::vector<PreTokenizerStep>& steps, std::string text, bool atInputStart) {
    std::vector<std::string> pieces;
    if (text.empty()) return pieces;
    pieces.push_back(std::move(text));
    for (const auto& step : steps) {
        std::vector<std::string> next;
        next.reserve(pieces.size() * 2);
        for (size_t i = 0; i < pieces.size(); ++i) {
            std::string& piece = pieces[i];
            switch (step.kind) {
            case PreTokenizerStep::Kind::Split:
                splitPiece(piece, step.regex ? step.regex->findAll(piece) : findLiteral(piece, step.literal),
                           step.behavior, step.invert, next);
                break;
            case PreTokenizerStep::Kind::ByteLevel:
                if (step.addPrefixSpace && !piece.empty() && piece[0] != ' ') piece.insert(piece.begin(), ' ');
                if (!step.regex && !step.addPrefixSpace) {
                    next.push_back(std::move(piece));  // the byte mapping itself happens in the vocabulary
                    break;
                }
                if (step.regex)
                    splitPiece(piece, step.regex->findAll(piece), SplitBehavior::Isolated, false, next);
                else
                    next.push_back(std::move(piece));
                break;
            case PreTokenizerStep::Kind::Metaspace: {
                std::string replaced;
                replaced.reserve(piece.size() + 3);
                for (char c : piece) {
                    if (c == ' ')
                        replaced += step.replacement;
                    else
                        replaced.push_back(c);
                }
                const bool prepend = step.prependScheme == PrependScheme::Always ||
                                     (step.prependScheme == PrependScheme::First && atInputStart && i == 0);
                if (prepend && !replaced.empty() && replaced.compare(0, step.replacement.size(), step.replacement) != 0)
                    replaced.insert(0, step.replacement);
                if (step.split)
                    splitPiece(replaced, findLiteral(replaced, step.replacement), SplitBehavior::MergedWithNext, false,
                               next);
                else
                    next.push_back(std::move(replaced));
                break;
            }
            }
        }
        pieces = std::move(next);
    }
    return pieces;
}

}  // namespace tb
