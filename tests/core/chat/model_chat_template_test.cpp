// Tests of the model-side chat template lookup: Hugging Face tokenizer_config.json forms (string,
// named list, AddedToken objects, chat_template.jinja beside it) and GGUF metadata (a GGUF written
// here byte by byte), plus the errors for malformed files.
#include "core/chat/chat_template.h"
#include "core/chat/model_chat_template.h"
#include "tests/core/chat/chat_test_util.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

namespace tb::chat {
namespace {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir() {
        m_path = fs::temp_directory_path() / ("tb_chat_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    fs::path file(const std::string& name, const std::string& content) const {
        fs::path p = m_path / name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
    const fs::path& path() const { return m_path; }

private:
    static int& counter() {
        static int c = 0;
        return c;
    }
    fs::path m_path;
};

TEST(ModelChatTemplate, StringTemplateAndAddedTokenObjects) {
    TempDir dir;
    dir.file("tokenizer_config.json", R"({"bos_token": {"__type": "AddedToken", "content": "<s>"}, "eos_token": "</s>",
        "chat_template": "{{ bos_token }}{% for m in messages %}{{ m.content }}{% endfor %}{{ eos_token }}"})");
    auto t = loadModelChatTemplate(dir.path().string());
    ASSERT_TRUE(t.ok()) << t.message();
    EXPECT_EQ(t->bosToken, "<s>");
    EXPECT_EQ(t->eosToken, "</s>");
    EXPECT_NE(t->source.find("tokenizer_config.json"), std::string::npos);
    ChatTemplateInput in;
    in.messages = {{"user", nlohmann::ordered_json("hi"), std::nullopt, nlohmann::ordered_json::object()}};
    in.bosToken = t->bosToken;
    in.eosToken = t->eosToken;
    auto out = renderChatTemplate(t->text, in);
    ASSERT_TRUE(out.ok()) << out.message();
    EXPECT_EQ(*out, "<s>hi</s>");
}

TEST(ModelChatTemplate, NamedTemplateList) {
    TempDir dir;
    auto cfg = dir.file("tokenizer_config.json", R"({"bos_token": null, "eos_token": "<eos>",
        "chat_template": [{"name": "default", "template": "D"}, {"name": "tool_use", "template": "T"}]})");
    auto def = loadModelChatTemplate(cfg.string());
    ASSERT_TRUE(def.ok()) << def.message();
    EXPECT_EQ(def->text, "D");
    EXPECT_EQ(def->name, "default");
    EXPECT_EQ(def->available, (std::vector<std::string>{"default", "tool_use"}));
    EXPECT_EQ(def->bosToken, "");
    auto tool = loadModelChatTemplate(dir.path().string(), "tool_use");
    ASSERT_TRUE(tool.ok());
    EXPECT_EQ(tool->text, "T");
    auto missing = loadModelChatTemplate(dir.path().string(), "rag");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.message().find("rag"), std::string::npos);
}

TEST(ModelChatTemplate, TemplateBesideTheConfig) {
    TempDir dir;
    dir.file("tokenizer_config.json", R"({"eos_token": "</s>"})");
    dir.file("chat_template.jinja", "{{ messages[0].content }}");
    auto t = loadModelChatTemplate(dir.path().string());
    ASSERT_TRUE(t.ok()) << t.message();
    EXPECT_EQ(t->text, "{{ messages[0].content }}");
    EXPECT_NE(t->source.find("chat_template.jinja"), std::string::npos);
}

TEST(ModelChatTemplate, NoTemplateIsNotAnError) {
    std::string hf = std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/hf";
    if (!fs::exists(hf)) GTEST_SKIP() << "shared model missing";
    auto t = loadModelChatTemplate(hf);
    ASSERT_TRUE(t.ok()) << t.message();
    EXPECT_TRUE(t->text.empty());
    EXPECT_EQ(t->bosToken, "<s>");
    EXPECT_EQ(t->eosToken, "</s>");
}

TEST(ModelChatTemplate, MalformedConfigsNameFileAndField) {
    TempDir dir;
    auto bad = dir.file("tokenizer_config.json", "{not json");
    auto r = loadModelChatTemplate(bad.string());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("tokenizer_config.json"), std::string::npos) << r.message();
    dir.file("tokenizer_config.json", R"({"chat_template": 5})");
    r = loadModelChatTemplate(dir.path().string());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("chat_template"), std::string::npos) << r.message();
    dir.file("tokenizer_config.json", R"({"chat_template": [{"name": "x"}]})");
    r = loadModelChatTemplate(dir.path().string());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("chat_template[0].template"), std::string::npos) << r.message();
    dir.file("tokenizer_config.json", R"({"bos_token": 3})");
    r = loadModelChatTemplate(dir.path().string());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("bos_token"), std::string::npos) << r.message();
    EXPECT_FALSE(loadModelChatTemplate((dir.path() / "nope").string()).ok());
}

#ifdef TB_CHAT_HAVE_GGUF
// A minimal GGUF v3 file: no tensors, a few metadata keys.
class GgufBuilder {
public:
    void str(const std::string& key, const std::string& value) {
        header(key, 8);
        string(value);
        ++m_count;
    }
    void u32(const std::string& key, uint32_t value) {
        header(key, 4);
        raw(&value, 4);
        ++m_count;
    }
    void strings(const std::string& key, const std::vector<std::string>& values) {
        header(key, 9);
        uint32_t elem = 8;
        raw(&elem, 4);
        uint64_t n = values.size();
        raw(&n, 8);
        for (auto& v : values) string(v);
        ++m_count;
    }
    std::string bytes() const {
        std::string out = "GGUF";
        uint32_t version = 3;
        uint64_t tensors = 0;
        out.append(reinterpret_cast<const char*>(&version), 4);
        out.append(reinterpret_cast<const char*>(&tensors), 8);
        out.append(reinterpret_cast<const char*>(&m_count), 8);
        out += m_kv;
        while (out.size() % 32) out.push_back('\0');
        return out;
    }

private:
    void raw(const void* p, size_t n) { m_kv.append(static_cast<const char*>(p), n); }
    void string(const std::string& s) {
        uint64_t n = s.size();
        raw(&n, 8);
        m_kv += s;
    }
    void header(const std::string& key, uint32_t type) {
        string(key);
        raw(&type, 4);
    }
    std::string m_kv;
    uint64_t m_count = 0;
};

TEST(ModelChatTemplate, GgufTemplateAndTokenStrings) {
    TempDir dir;
    GgufBuilder b;
    b.str("general.architecture", "llama");
    b.strings("tokenizer.ggml.tokens", {"<unk>", "<|begin_of_text|>", "<|eot_id|>", "hello"});
    b.u32("tokenizer.ggml.bos_token_id", 1);
    b.u32("tokenizer.ggml.eos_token_id", 2);
    b.str("tokenizer.chat_template", "{{ bos_token }}{{ messages[0]['content'] }}{{ eos_token }}");
    b.str("tokenizer.chat_template.tool_use", "TOOLS");
    auto path = dir.file("m.gguf", b.bytes());
    auto t = loadModelChatTemplate(path.string());
    ASSERT_TRUE(t.ok()) << t.message();
    EXPECT_EQ(t->bosToken, "<|begin_of_text|>");
    EXPECT_EQ(t->eosToken, "<|eot_id|>");
    EXPECT_EQ(t->available, std::vector<std::string>{"tool_use"});
    ChatTemplateInput in;
    in.messages = {{"user", nlohmann::ordered_json("hello"), std::nullopt, nlohmann::ordered_json::object()}};
    in.bosToken = t->bosToken;
    in.eosToken = t->eosToken;
    auto out = renderChatTemplate(t->text, in);
    ASSERT_TRUE(out.ok()) << out.message();
    EXPECT_EQ(*out, "<|begin_of_text|>hello<|eot_id|>");
    auto tool = loadModelChatTemplate(path.string(), "tool_use");
    ASSERT_TRUE(tool.ok()) << tool.message();
    EXPECT_EQ(tool->text, "TOOLS");
    // The folder holding one .gguf resolves to it.
    auto viaDir = loadModelChatTemplate(dir.path().string());
    ASSERT_TRUE(viaDir.ok()) << viaDir.message();
    EXPECT_EQ(viaDir->eosToken, "<|eot_id|>");
}

TEST(ModelChatTemplate, GgufBadTokenIdAndTruncation) {
    TempDir dir;
    GgufBuilder b;
    b.strings("tokenizer.ggml.tokens", {"a"});
    b.u32("tokenizer.ggml.bos_token_id", 7);
    auto path = dir.file("bad.gguf", b.bytes());
    auto t = loadModelChatTemplate(path.string());
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.message().find("bos_token_id"), std::string::npos) << t.message();
    std::string truncated = b.bytes().substr(0, 30);
    auto tp = dir.file("trunc.gguf", truncated);
    EXPECT_FALSE(loadModelChatTemplate(tp.string()).ok());
}

TEST(ModelChatTemplate, SharedStoriesGguf) {
    std::string gguf = std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/stories260K-f32.gguf";
    if (!fs::exists(gguf)) GTEST_SKIP() << "shared model missing";
    auto t = loadModelChatTemplate(gguf);
    ASSERT_TRUE(t.ok()) << t.message();
    EXPECT_EQ(t->bosToken, "<s>");
    EXPECT_EQ(t->eosToken, "</s>");
}
#endif

}  // namespace
}  // namespace tb::chat
