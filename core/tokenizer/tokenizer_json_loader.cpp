// Hugging Face tokenizer.json (+ tokenizer_config.json, generation_config.json) -> TokenizerSpec.
// Supports model type BPE with the normalizers and pre-tokenizers listed in normalizer.h and
// pre_tokenizer.h; anything else is refused with the JSON path of the unsupported part.
#include "core/tokenizer/tokenizer_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tb {
namespace {

using nlohmann::json;

Result<std::string> readWholeFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return inputError(path.string() + ": cannot open the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return inputError(path.string() + ": read error");
    return ss.str();
}

Result<json> parseJson(const std::string& text, const std::string& source) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) return inputError(source + ": not valid JSON");
    if (!doc.is_object()) return inputError(source + ": the top level is not a JSON object");
    return doc;
}

bool boolOr(const json& obj, const char* key, bool fallback) {
    auto it = obj.find(key);
    return (it != obj.end() && it->is_boolean()) ? it->get<bool>() : fallback;
}

std::string stringOr(const json& obj, const char* key, const std::string& fallback = {}) {
    auto it = obj.find(key);
    return (it != obj.end() && it->is_string()) ? it->get<std::string>() : fallback;
}

// tokenizer_config.json spells special tokens as "text" or {"content": "text", ...}.
std::string tokenContent(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object()) return stringOr(*it, "content");
    return {};
}

// A "pattern" field: {"String": "..."} or {"Regex": "..."}.
Result<std::pair<std::string, bool>> readPattern(const json& step, const std::string& where) {
    auto it = step.find("pattern");
    if (it == step.end() || !it->is_object()) return inputError(where + ".pattern: missing or not an object");
    if (it->contains("String") && (*it)["String"].is_string()) return std::make_pair((*it)["String"].get<std::string>(), false);
    if (it->contains("Regex") && (*it)["Regex"].is_string()) return std::make_pair((*it)["Regex"].get<std::string>(), true);
    return inputError(where + ".pattern: expected {\"String\": ...} or {\"Regex\": ...}");
}

std::vector<const json*> flattenSequence(const json& node, const char* listKey) {
    std::vector<const json*> out;
    if (node.is_null()) return out;
    if (stringOr(node, "type") == "Sequence" && node.contains(listKey) && node[listKey].is_array()) {
        for (const auto& child : node[listKey])
            for (const json* inner : flattenSequence(child, listKey)) out.push_back(inner);
    } else {
        out.push_back(&node);
    }
    return out;
}

Status readNormalizers(const json& doc, const std::string& source, TokenizerSpec& spec) {
    auto it = doc.find("normalizer");
    if (it == doc.end() || it->is_null()) return {};
    int index = 0;
    for (const json* step : flattenSequence(*it, "normalizers")) {
        const std::string where = source + ": normalizer[" + std::to_string(index++) + "]";
        const std::string type = stringOr(*step, "type");
        NormalizerStep n;
        if (type == "Prepend") {
            n.kind = NormalizerStep::Kind::Prepend;
            n.content = stringOr(*step, "prepend");
        } else if (type == "Replace") {
            auto pattern = readPattern(*step, where);
            if (!pattern) return pattern.error();
            n.content = stringOr(*step, "content");
            if (pattern->second) {
                auto re = RegexSplitter::compile(pattern->first);
                if (!re) return inputError(where + ": " + re.message());
                n.kind = NormalizerStep::Kind::ReplaceRegex;
                n.regex = *re;
            } else {
                n.kind = NormalizerStep::Kind::Replace;
                n.pattern = pattern->first;
            }
        } else if (type == "NFC") {
            n.kind = NormalizerStep::Kind::Nfc;
        } else if (type == "NFD") {
            n.kind = NormalizerStep::Kind::Nfd;
        } else if (type == "NFKC") {
            n.kind = NormalizerStep::Kind::Nfkc;
        } else if (type == "NFKD") {
            n.kind = NormalizerStep::Kind::Nfkd;
        } else if (type == "Lowercase") {
            n.kind = NormalizerStep::Kind::Lowercase;
        } else {
            return inputError(where + ": normalizer type '" + type + "' is not supported");
        }
        spec.normalizers.push_back(std::move(n));
    }
    return {};
}

Result<SplitBehavior> readBehavior(const json& step, const std::string& where) {
    const std::string b = stringOr(step, "behavior", "Isolated");
    if (b == "Removed") return SplitBehavior::Removed;
    if (b == "Isolated") return SplitBehavior::Isolated;
    if (b == "MergedWithPrevious") return SplitBehavior::MergedWithPrevious;
    if (b == "MergedWithNext") return SplitBehavior::MergedWithNext;
    if (b == "Contiguous") return SplitBehavior::Contiguous;
    return inputError(where + ": split behavior '" + b + "' is not known");
}

// Reads pre_tokenizer; sets `byteLevel` when a ByteLevel step is present.
Status readPreTokenizers(const json& doc, const std::string& source, TokenizerSpec& spec, bool& byteLevel) {
    auto it = doc.find("pre_tokenizer");
    if (it == doc.end() || it->is_null()) return {};
    int index = 0;
    for (const json* step : flattenSequence(*it, "pretokenizers")) {
        const std::string where = source + ": pre_tokenizer[" + std::to_string(index++) + "]";
        const std::string type = stringOr(*step, "type");
        if (type == "Split") {
            auto pattern = readPattern(*step, where);
            if (!pattern) return pattern.error();
            auto behavior = readBehavior(*step, where);
            if (!behavior) return behavior.error();
            const bool invert = boolOr(*step, "invert", false);
            if (pattern->second) {
                auto s = makeSplitStep(pattern->first, *behavior, invert);
                if (!s) return inputError(where + ": " + s.message());
                spec.preTokenizers.push_back(std::move(*s));
            } else {
                PreTokenizerStep s;
                s.kind = PreTokenizerStep::Kind::Split;
                s.literal = pattern->first;
                s.behavior = *behavior;
                s.invert = invert;
                spec.preTokenizers.push_back(std::move(s));
            }
        } else if (type == "ByteLevel") {
            byteLevel = true;
            auto s = makeByteLevelStep(boolOr(*step, "add_prefix_space", false), boolOr(*step, "use_regex", true));
            if (!s) return inputError(where + ": " + s.message());
            spec.preTokenizers.push_back(std::move(*s));
        } else if (type == "Metaspace") {
            PreTokenizerStep s;
            s.kind = PreTokenizerStep::Kind::Metaspace;
            s.replacement = stringOr(*step, "replacement", "\xE2\x96\x81");
            const std::string scheme = stringOr(*step, "prepend_scheme", boolOr(*step, "add_prefix_space", true) ? "always" : "never");
            s.prependScheme = scheme == "first" ? PrependScheme::First
                              : scheme == "never" ? PrependScheme::Never
                                                  : PrependScheme::Always;
            s.split = boolOr(*step, "split", true);
            if (s.prependScheme != PrependScheme::Never) spec.stripLeadingSpaceOnDecode = true;
            spec.preTokenizers.push_back(std::move(s));
        } else if (type == "Digits") {
            auto s = makeSplitStep(R"(\p{N})", boolOr(*step, "individual_digits", false) ? SplitBehavior::Isolated
                                                                                          : SplitBehavior::Contiguous);
            if (!s) return inputError(where + ": " + s.message());
            spec.preTokenizers.push_back(std::move(*s));
        } else {
            return inputError(where + ": pre-tokenizer type '" + type + "' is not supported");
        }
    }
    return {};
}

void readDecoder(const json& doc, TokenizerSpec& spec, bool& byteLevel) {
    auto it = doc.find("decoder");
    if (it == doc.end() || it->is_null()) return;
    for (const json* step : flattenSequence(*it, "decoders")) {
        const std::string type = stringOr(*step, "type");
        if (type == "ByteLevel") byteLevel = true;
        if (type == "Strip" && stringOr(*step, "content") == " " && step->value("start", 0) >= 1)
            spec.stripLeadingSpaceOnDecode = true;
        if (type == "Metaspace") {
            const std::string scheme =
                stringOr(*step, "prepend_scheme", boolOr(*step, "add_prefix_space", true) ? "always" : "never");
            if (scheme != "never") spec.stripLeadingSpaceOnDecode = true;
        }
    }
}

// The first special token of a TemplateProcessing "single" template (the BOS the model adds).
std::string templateLeadingSpecial(const json& doc, bool& found) {
    found = false;
    auto it = doc.find("post_processor");
    if (it == doc.end() || it->is_null()) return {};
    for (const json* p : flattenSequence(*it, "processors")) {
        if (stringOr(*p, "type") != "TemplateProcessing" || !p->contains("single") || !(*p)["single"].is_array()) continue;
        const json& single = (*p)["single"];
        if (!single.empty() && single[0].contains("SpecialToken")) {
            found = true;
            return stringOr(single[0]["SpecialToken"], "id");
        }
        return {};
    }
    return {};
}

}  // namespace

Result<TokenizerSpec> parseTokenizerJson(const std::string& tokenizerJsonText, const std::string& configText,
                                         const std::string& generationConfigText, const std::string& source) {
    auto parsed = parseJson(tokenizerJsonText, source);
    if (!parsed) return parsed.error();
    const json& doc = *parsed;
    TokenizerSpec spec;
    spec.source = source;

    auto modelIt = doc.find("model");
    if (modelIt == doc.end() || !modelIt->is_object()) return inputError(source + ": model: missing");
    const json& model = *modelIt;
    const std::string modelType = stringOr(model, "type", model.contains("merges") ? "BPE" : "");
    if (modelType != "BPE")
        return inputError(source + ": model.type '" + modelType +
                          "' is not supported (Tunebench tokenizes BPE models: byte-level and SentencePiece BPE)");
    if (!stringOr(model, "continuing_subword_prefix").empty() || !stringOr(model, "end_of_word_suffix").empty())
        return inputError(source + ": model.continuing_subword_prefix/end_of_word_suffix are not supported");
    if (!model.contains("vocab") || !model["vocab"].is_object()) return inputError(source + ": model.vocab: missing");

    // Vocabulary and added tokens share one id space; the added ones may lie beyond model.vocab.
    int maxId = -1;
    for (const auto& [piece, id] : model["vocab"].items()) {
        if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > 10'000'000)
            return inputError(source + ": model.vocab['" + piece + "']: not a valid id");
        maxId = std::max(maxId, id.get<int>());
    }
    std::vector<AddedToken> added;
    if (doc.contains("added_tokens") && doc["added_tokens"].is_array()) {
        int index = 0;
        for (const auto& t : doc["added_tokens"]) {
            const std::string where = source + ": added_tokens[" + std::to_string(index++) + "]";
            if (!t.contains("id") || !t["id"].is_number_integer() || t["id"].get<int64_t>() < 0 ||
                t["id"].get<int64_t>() > 10'000'000 || !t.contains("content") || !t["content"].is_string())
                return inputError(where + ": needs an integer id and a string content");
            AddedToken a;
            a.id = t["id"].get<int>();
            a.content = t["content"].get<std::string>();
            a.special = boolOr(t, "special", false);
            a.lstrip = boolOr(t, "lstrip", false);
            a.rstrip = boolOr(t, "rstrip", false);
            a.singleWord = boolOr(t, "single_word", false);
            maxId = std::max(maxId, a.id);
            added.push_back(std::move(a));
        }
    }
    // Ids index dense tables: a few tokens with huge ids would allocate millions of empty slots (a 60-byte
    // file took 800 MB), so the ids must be nearly contiguous, as every real tokenizer's are.
    const size_t defined = model["vocab"].size() + added.size();
    if (size_t(maxId) + 1 > 2 * defined + 65536)
        return inputError(source + ": token ids reach " + std::to_string(maxId) + " but only " + std::to_string(defined) +
                          " tokens are defined (ids must be nearly contiguous)");
    spec.pieces.assign(static_cast<size_t>(maxId + 1), std::string());
    for (const auto& [piece, id] : model["vocab"].items()) spec.pieces[id.get<int>()] = piece;
    for (const auto& a : added) spec.pieces[a.id] = a.content;
    spec.addedTokens = std::move(added);

    if (model.contains("merges") && model["merges"].is_array()) {
        int index = 0;
        for (const auto& m : model["merges"]) {
            if (m.is_string()) {
                const std::string s = m.get<std::string>();
                const size_t space = s.find(' ', 1);
                if (space == std::string::npos)
                    return inputError(source + ": model.merges[" + std::to_string(index) + "]: '" + s + "' has no space");
                spec.merges.emplace_back(s.substr(0, space), s.substr(space + 1));
            } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
                spec.merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
            } else {
                return inputError(source + ": model.merges[" + std::to_string(index) + "]: expected \"a b\" or [a, b]");
            }
            ++index;
        }
    }
    spec.byteFallback = boolOr(model, "byte_fallback", false);
    spec.ignoreMerges = boolOr(model, "ignore_merges", false);
    spec.fuseUnk = boolOr(model, "fuse_unk", false);
    const std::string unk = stringOr(model, "unk_token");
    if (!unk.empty()) {
        auto it = model["vocab"].find(unk);
        if (it != model["vocab"].end()) spec.unkId = it->get<int>();
    }

    bool byteLevel = false;
    TB_TRY(readNormalizers(doc, source, spec));
    TB_TRY(readPreTokenizers(doc, source, spec, byteLevel));
    readDecoder(doc, spec, byteLevel);
    spec.kind = byteLevel ? TokenizerModelKind::ByteLevelBpe : TokenizerModelKind::SentencePieceBpe;

    auto idOf = [&](const std::string& content) -> int {
        if (content.empty()) return -1;
        for (const auto& a : spec.addedTokens)
            if (a.content == content) return a.id;
        auto it = model["vocab"].find(content);
        return it != model["vocab"].end() ? it->get<int>() : -1;
    };

    // BOS/EOS: tokenizer_config.json first, then the post-processor template.
    bool templateHasBos = false;
    const std::string templateBos = templateLeadingSpecial(doc, templateHasBos);
    json config = json::object();
    if (!configText.empty()) {
        auto c = parseJson(configText, "tokenizer_config.json");
        if (!c) return c.error();
        config = *c;
    }
    std::string bos = tokenContent(config, "bos_token");
    if (bos.empty()) bos = templateBos;
    spec.bosId = idOf(bos);
    spec.addBos = config.contains("add_bos_token") && config["add_bos_token"].is_boolean()
                      ? config["add_bos_token"].get<bool>()
                      : templateHasBos;
    if (spec.addBos && spec.bosId < 0)
        return inputError(source + ": BOS is added but bos_token '" + bos + "' is not in the vocabulary");
    spec.padId = idOf(tokenContent(config, "pad_token"));
    const int eos = idOf(tokenContent(config, "eos_token"));
    if (eos >= 0) spec.eosIds.push_back(eos);
    spec.addEos = boolOr(config, "add_eos_token", false) && eos >= 0;
    if (auto ct = config.find("chat_template"); ct != config.end()) {
        if (ct->is_string()) {
            spec.chatTemplate = ct->get<std::string>();
        } else if (ct->is_array()) {  // [{"name": "default", "template": "..."}, ...]
            for (const auto& entry : *ct)
                if (entry.is_object() && (spec.chatTemplate.empty() || stringOr(entry, "name") == "default"))
                    spec.chatTemplate = stringOr(entry, "template", spec.chatTemplate);
        }
    }
    if (!generationConfigText.empty()) {
        json gen = json::parse(generationConfigText, nullptr, false);
        if (gen.is_object() && gen.contains("eos_token_id")) {
            std::vector<int> ids;
            if (gen["eos_token_id"].is_number_integer()) ids.push_back(gen["eos_token_id"].get<int>());
            if (gen["eos_token_id"].is_array())
                for (const auto& v : gen["eos_token_id"])
                    if (v.is_number_integer()) ids.push_back(v.get<int>());
            for (int id : ids)
                if (id >= 0 && id < static_cast<int>(spec.pieces.size()) &&
                    std::find(spec.eosIds.begin(), spec.eosIds.end(), id) == spec.eosIds.end())
                    spec.eosIds.push_back(id);
        }
    }
    return spec;
}

Result<std::shared_ptr<const Tokenizer>> loadTokenizerFromHfFolder(const std::string& folder) {
    const std::filesystem::path dir(folder);
    const auto jsonPath = dir / "tokenizer.json";
    std::error_code ec;
    if (!std::filesystem::exists(jsonPath, ec))
        return inputError(folder + ": no tokenizer.json (a Hugging Face model folder needs one)");
    auto text = readWholeFile(jsonPath);
    if (!text) return text.error();
    std::string config, generation;
    if (std::filesystem::exists(dir / "tokenizer_config.json", ec)) {
        auto c = readWholeFile(dir / "tokenizer_config.json");
        if (!c) return c.error();
        config = std::move(*c);
    }
    if (std::filesystem::exists(dir / "generation_config.json", ec)) {
        auto g = readWholeFile(dir / "generation_config.json");
        if (g) generation = std::move(*g);
    }
    auto spec = parseTokenizerJson(*text, config, generation, jsonPath.string());
    if (!spec) return spec.error();
    return Tokenizer::build(std::move(*spec));
}

}  // namespace tb
