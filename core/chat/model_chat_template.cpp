// Chat template lookup for Hugging Face folders (see model_chat_template.h); GGUF in
// model_chat_template_gguf.cpp.
#include "core/chat/model_chat_template.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tb::chat {

namespace {

namespace fs = std::filesystem;

Result<std::string> readText(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    if (!f) return inputError(p.string() + ": cannot open file");
    std::stringstream ss;
    ss << f.rdbuf();
    if (f.bad()) return inputError(p.string() + ": read error");
    return ss.str();
}

// bos_token / eos_token: a string, an AddedToken object {"content": ...}, or null.
Result<std::string> tokenField(const nlohmann::json& cfg, const std::string& key, const std::string& source) {
    auto it = cfg.find(key);
    if (it == cfg.end() || it->is_null()) return std::string();
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object()) {
        auto c = it->find("content");
        if (c != it->end() && c->is_string()) return c->get<std::string>();
        return inputError(source + ": " + key + ".content: expected a string");
    }
    return inputError(source + ": " + key + ": expected a string or an object with \"content\"");
}

}  // namespace

Result<ModelChatTemplate> chatTemplateFromTokenizerConfig(const std::string& jsonText, const std::string& source,
                                                          const std::string& templateName) {
    nlohmann::json cfg;
    try {
        cfg = nlohmann::json::parse(jsonText);
    } catch (const nlohmann::json::parse_error& e) {
        return inputError(source + ": not valid JSON (" + std::string(e.what()) + ")");
    }
    if (!cfg.is_object()) return inputError(source + ": expected a JSON object");
    ModelChatTemplate out;
    auto bos = tokenField(cfg, "bos_token", source);
    if (!bos) return bos.error();
    auto eos = tokenField(cfg, "eos_token", source);
    if (!eos) return eos.error();
    out.bosToken = *bos;
    out.eosToken = *eos;
    auto ct = cfg.find("chat_template");
    if (ct == cfg.end() || ct->is_null()) return out;
    if (ct->is_string()) {
        if (!templateName.empty() && templateName != "default")
            return inputError(source + ": chat_template: the model has one unnamed template, not '" + templateName + "'");
        out.text = ct->get<std::string>();
        out.source = source + ": chat_template";
        return out;
    }
    if (!ct->is_array()) return inputError(source + ": chat_template: expected a string or a list of {name, template}");
    const nlohmann::json* chosen = nullptr;
    for (size_t i = 0; i < ct->size(); ++i) {
        const auto& entry = (*ct)[i];
        std::string where = source + ": chat_template[" + std::to_string(i) + "]";
        if (!entry.is_object()) return inputError(where + ": expected an object with \"name\" and \"template\"");
        auto n = entry.find("name");
        auto t = entry.find("template");
        if (n == entry.end() || !n->is_string()) return inputError(where + ".name: expected a string");
        if (t == entry.end() || !t->is_string()) return inputError(where + ".template: expected a string");
        out.available.push_back(n->get<std::string>());
        std::string want = templateName.empty() ? "default" : templateName;
        if (n->get<std::string>() == want) chosen = &entry;
    }
    if (!chosen) {
        if (!templateName.empty()) {
            std::string names;
            for (auto& n : out.available) names += (names.empty() ? "" : ", ") + n;
            return inputError(source + ": chat_template: no template named '" + templateName + "' (have: " + names + ")");
        }
        if (ct->empty()) return out;
        chosen = &(*ct)[0];
    }
    out.name = (*chosen)["name"].get<std::string>();
    out.text = (*chosen)["template"].get<std::string>();
    out.source = source + ": chat_template[" + out.name + "]";
    return out;
}

Result<ModelChatTemplate> loadModelChatTemplate(const std::string& path, const std::string& templateName) {
    std::error_code ec;
    fs::path p(path);
    if (!fs::exists(p, ec)) return inputError(path + ": no such file or folder");
    if (fs::is_regular_file(p, ec)) {
        if (p.extension() == ".gguf") return chatTemplateFromGguf(path, templateName);
        auto text = readText(p);
        if (!text) return text.error();
        if (text->size() >= 4 && text->compare(0, 4, "GGUF") == 0) return chatTemplateFromGguf(path, templateName);
        return chatTemplateFromTokenizerConfig(*text, path, templateName);
    }
    fs::path config = p / "tokenizer_config.json";
    ModelChatTemplate out;
    if (fs::exists(config, ec)) {
        auto text = readText(config);
        if (!text) return text.error();
        auto parsed = chatTemplateFromTokenizerConfig(*text, config.string(), templateName);
        if (!parsed) return parsed.error();
        out = std::move(*parsed);
    } else {
        std::vector<fs::path> ggufs;
        for (auto& entry : fs::directory_iterator(p, ec))
            if (entry.path().extension() == ".gguf") ggufs.push_back(entry.path());
        if (ggufs.size() == 1) return chatTemplateFromGguf(ggufs[0].string(), templateName);
        if (ggufs.size() > 1) return inputError(path + ": several .gguf files; name one of them");
        return inputError(path + ": no tokenizer_config.json (Hugging Face folder) and no .gguf file");
    }
    if (!out.text.empty()) return out;
    // Newer transformers save the template beside the config.
    fs::path jinja = p / "chat_template.jinja";
    fs::path json = p / "chat_template.json";
    if (fs::exists(jinja, ec)) {
        auto text = readText(jinja);
        if (!text) return text.error();
        out.text = *text;
        out.source = jinja.string();
    } else if (fs::exists(json, ec)) {
        auto text = readText(json);
        if (!text) return text.error();
        auto parsed = chatTemplateFromTokenizerConfig(*text, json.string(), templateName);
        if (!parsed) return parsed.error();
        out.text = parsed->text;
        out.source = parsed->source;
        out.name = parsed->name;
        out.available = parsed->available;
    }
    return out;
}

#ifndef TB_CHAT_HAVE_GGUF
Result<ModelChatTemplate> chatTemplateFromGguf(const std::string& ggufPath, const std::string&) {
    return inputError(ggufPath + ": reading chat templates from GGUF needs the GGUF reader, which this build lacks");
}
#endif

}  // namespace tb::chat
