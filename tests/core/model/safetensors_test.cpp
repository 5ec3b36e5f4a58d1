#include "core/model/safetensors_index.h"
#include "core/model/safetensors_reader.h"
#include "core/model/safetensors_writer.h"
#include "test_paths.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <fstream>
#include <random>

using namespace tb;

namespace {

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

// A safetensors image with the given header text and `dataBytes` zero bytes of data.
std::string image(const std::string& header, size_t dataBytes) {
    std::string out(8, '\0');
    uint64_t len = header.size();
    for (int i = 0; i < 8; ++i) out[size_t(i)] = char((len >> (8 * i)) & 0xff);
    return out + header + std::string(dataBytes, '\0');
}

Result<std::shared_ptr<SafetensorsFile>> parse(const std::string& bytes) {
    return SafetensorsFile::fromMapped(MappedFile::fromBuffer("hostile.safetensors", std::vector<uint8_t>(bytes.begin(), bytes.end())));
}

}  // namespace

TEST(Safetensors, ReadsStoriesF32) {
    auto file = SafetensorsFile::open(tbtest::stories("hf/model.safetensors"));
    ASSERT_TRUE(file.ok()) << file.message();
    EXPECT_EQ(file.value()->tensors().size(), 47u);
    const SafetensorsTensorInfo* emb = file.value()->find("model.embed_tokens.weight");
    ASSERT_NE(emb, nullptr);
    EXPECT_EQ(emb->dtype, "F32");
    EXPECT_EQ(emb->shape, (std::vector<int64_t>{512, 64}));
    const SafetensorsTensorInfo* down = file.value()->find("model.layers.4.mlp.down_proj.weight");
    ASSERT_NE(down, nullptr);
    EXPECT_EQ(down->shape, (std::vector<int64_t>{64, 172}));
    auto m = file.value()->readMatrix("model.embed_tokens.weight");
    ASSERT_TRUE(m.ok()) << m.message();
    EXPECT_EQ(m->rows(), 512);
    EXPECT_EQ(m->cols(), 64);
    EXPECT_TRUE(m->allFinite());
    EXPECT_GT(m->cwiseAbs().maxCoeff(), 0.01f);
    auto v = file.value()->readVector("model.norm.weight");
    ASSERT_TRUE(v.ok()) << v.message();
    EXPECT_EQ(v->size(), 64);
    EXPECT_FALSE(file.value()->readVector("model.embed_tokens.weight").ok());
    EXPECT_FALSE(file.value()->readMatrix("no.such.tensor").ok());
}

TEST(Safetensors, Bf16FileIsTheF32FileRounded) {
    auto f32 = SafetensorsSet::open(tbtest::stories("hf"));
    auto bf16 = SafetensorsSet::open(tbtest::stories("hf-bf16"));
    ASSERT_TRUE(f32.ok()) << f32.message();
    ASSERT_TRUE(bf16.ok()) << bf16.message();
    ASSERT_EQ(f32->tensorNames(), bf16->tensorNames());
    for (const auto& name : f32->tensorNames()) {
        EXPECT_EQ(bf16->find(name)->dtype, "BF16");
        auto a = f32->readFloats(name);
        auto b = bf16->readFloats(name);
        ASSERT_TRUE(a.ok() && b.ok());
        ASSERT_EQ(a->size(), b->size());
        for (size_t i = 0; i < a->size(); ++i)
            ASSERT_LE(std::abs((*a)[i] - (*b)[i]), std::abs((*a)[i]) * (1.0f / 256.0f) + 1e-30f) << name << "[" << i << "]";
    }
}

TEST(SafetensorsWriter, RoundTripsAndMatchesTorchBf16Bytes) {
    auto src = SafetensorsSet::open(tbtest::stories("hf"));
    auto bf16 = SafetensorsFile::open(tbtest::stories("hf-bf16/model.safetensors"));
    ASSERT_TRUE(src.ok() && bf16.ok());
    std::vector<NamedTensor> f32Tensors, bf16Tensors;
    for (const auto& name : src->tensorNames()) {
        NamedTensor t{name, src->find(name)->shape, src->readFloats(name).value(), StorageType::F32};
        f32Tensors.push_back(t);
        t.storage = StorageType::BF16;
        bf16Tensors.push_back(t);
    }
    const std::string dir = tbtest::scratchDir("st_writer");
    ASSERT_TRUE(writeSafetensors(dir + "/f32.safetensors", f32Tensors, {{"format", "pt"}}).ok());
    ASSERT_TRUE(writeSafetensors(dir + "/bf16.safetensors", bf16Tensors).ok());
    auto back = SafetensorsFile::open(dir + "/f32.safetensors");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back.value()->metadata().at("format"), "pt");
    for (const auto& t : f32Tensors) {
        EXPECT_EQ(back.value()->find(t.name)->shape, t.shape);
        EXPECT_EQ(back.value()->readFloats(t.name).value(), t.values) << t.name;
    }
    // Our BF16 rounding must give exactly the bytes torch wrote for the same weights.
    auto ours = SafetensorsFile::open(dir + "/bf16.safetensors");
    ASSERT_TRUE(ours.ok()) << ours.message();
    for (const auto& t : bf16Tensors) {
        auto a = ours.value()->rawBytes(t.name);
        auto b = bf16.value()->rawBytes(t.name);
        ASSERT_TRUE(a.ok() && b.ok());
        ASSERT_EQ(a->size(), b->size());
        EXPECT_EQ(std::memcmp(a->data(), b->data(), a->size()), 0) << t.name;
    }
}

TEST(SafetensorsWriter, F16AndRefusals) {
    std::vector<NamedTensor> t{{"a", {2, 3}, {1.0f, -2.5f, 0.1f, 65504.0f, 1e-7f, 0.0f}, StorageType::F16}};
    auto bytes = encodeSafetensors(t);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(bytes->size() % 2, 0u);
    auto back = parse(bytes.value());
    ASSERT_TRUE(back.ok()) << back.message();
    auto v = back.value()->readFloats("a").value();
    EXPECT_EQ(v[0], 1.0f);
    EXPECT_EQ(v[1], -2.5f);
    EXPECT_NEAR(v[2], 0.1f, 1e-4f);
    EXPECT_EQ(v[3], 65504.0f);
    EXPECT_NEAR(v[4], 1e-7f, 3e-8f);  // subnormal half
    EXPECT_FALSE(encodeSafetensors({{"a", {2, 2}, {1, 2, 3}, StorageType::F32}}).ok());
    EXPECT_FALSE(encodeSafetensors({{"a", {1}, {1}, StorageType::Q8_0}}).ok());
    EXPECT_FALSE(encodeSafetensors({{"a", {1}, {1}}, {"a", {1}, {2}}}).ok());
    EXPECT_FALSE(encodeSafetensors({{"__metadata__", {1}, {1}}}).ok());
    EXPECT_FALSE(writeSafetensors("/nonexistent-dir/x.safetensors", t).ok());
}

TEST(SafetensorsHostile, TruncatedAtManyOffsets) {
    const std::string good = readBytes(tbtest::stories("hf/model.safetensors"));
    ASSERT_GT(good.size(), 1000u);
    std::vector<size_t> cuts;
    for (size_t i = 0; i < 64; ++i) cuts.push_back(i);
    for (size_t i = 64; i < good.size(); i += good.size() / 97 + 1) cuts.push_back(i);
    cuts.push_back(good.size() - 1);
    for (size_t cut : cuts) {
        auto r = parse(good.substr(0, cut));
        ASSERT_FALSE(r.ok()) << "cut at " << cut;
        EXPECT_NE(r.message().find("hostile.safetensors"), std::string::npos) << r.message();
    }
    EXPECT_TRUE(parse(good).ok());
}

TEST(SafetensorsHostile, EachProblemIsNamed) {
    struct Case {
        std::string bytes;
        std::string expected;  // a piece of the message
    };
    const std::string okEntry = R"("t":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]})";
    std::string hugeLen(8, '\xff');
    std::vector<Case> cases = {
        {"", "shorter than the 8-byte header"},
        {hugeLen + "{}", "exceeds the limit"},
        {image("{}", 0).replace(0, 1, "\x40"), "runs past the end"},
        {image("{\"t\":", 16), "not valid JSON"},
        {image("[1,2]", 0), "not a JSON object"},
        {image(std::string(100, '[') + std::string(100, ']'), 0), "nested deeper"},
        {image(R"({"t":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}})", 8), "past the data area"},
        {image(R"({"t":{"dtype":"F32","shape":[2,3],"data_offsets":[0,16]}})", 16), "need 24"},
        {image(R"({"t":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}})", 16), "not supported"},
        {image(R"({"t":{"dtype":"F32","shape":[2,-2],"data_offsets":[0,16]}})", 16), "non-negative"},
        {image(R"({"t":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,16]}})", 16), "overflows"},
        {image(R"({"t":{"dtype":"F32","shape":[2,2],"data_offsets":[16,0]}})", 16), "end before"},
        {image(R"({"t":{"dtype":"F32","shape":[2,2],"data_offsets":[0]}})", 16), "two integers"},
        {image(R"({"t":{"dtype":"F32","shape":[2,2],"data_offsets":[0.5,16]}})", 16), "non-negative integers"},
        {image(R"({"t":{"dtype":"F32","shape":[2,2]}})", 16), "data_offsets"},
        {image(R"({"t":{"shape":[2,2],"data_offsets":[0,16]}})", 16), "dtype"},
        {image(R"({"t":7})", 16), "not an object"},
        {image(R"({"__metadata__":{"a":1}})", 0), "not a string"},
        {image("{" + okEntry + R"(,"u":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", 16), "overlap"},
    };
    for (const auto& c : cases) {
        auto r = parse(c.bytes);
        ASSERT_FALSE(r.ok()) << "expected failure: " << c.expected;
        EXPECT_NE(r.message().find(c.expected), std::string::npos) << r.message();
        EXPECT_NE(r.message().find("hostile.safetensors"), std::string::npos) << r.message();
    }
    auto fine = parse(image("{" + okEntry + "}", 16));
    ASSERT_TRUE(fine.ok()) << fine.message();
    EXPECT_EQ(fine.value()->readFloats("t").value(), std::vector<float>(4, 0.0f));
}

TEST(SafetensorsHostile, RandomByteFlipsNeverCrash) {
    const std::string good = readBytes(tbtest::stories("hf/model.safetensors"));
    std::mt19937 rng(42);
    const size_t headerEnd = 8 + size_t(uint8_t(good[0]) | (uint8_t(good[1]) << 8) | (uint8_t(good[2]) << 16));
    for (int i = 0; i < 300; ++i) {
        std::string bad = good;
        for (int k = 0; k < 3; ++k) bad[rng() % headerEnd] = char(rng());
        auto r = parse(bad);
        if (!r.ok()) continue;
        for (const auto& t : r.value()->tensors()) (void)r.value()->readFloats(t.name);
    }
}

TEST(SafetensorsIndex, ShardedFolder) {
    auto src = SafetensorsFile::open(tbtest::stories("hf/model.safetensors"));
    ASSERT_TRUE(src.ok());
    std::vector<NamedTensor> first, second;
    nlohmann::json weightMap = nlohmann::json::object();
    int i = 0;
    for (const auto& info : src.value()->tensors()) {
        NamedTensor t{info.name, info.shape, src.value()->readFloats(info.name).value()};
        const bool one = (i++ % 2) == 0;
        (one ? first : second).push_back(t);
        weightMap[info.name] = one ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
    }
    const std::string dir = tbtest::scratchDir("sharded");
    ASSERT_TRUE(writeSafetensors(dir + "/model-00001-of-00002.safetensors", first).ok());
    ASSERT_TRUE(writeSafetensors(dir + "/model-00002-of-00002.safetensors", second).ok());
    writeBytes(dir + "/model.safetensors.index.json", nlohmann::json{{"metadata", {{"total_size", 1}}}, {"weight_map", weightMap}}.dump());
    auto set = SafetensorsSet::open(dir);
    ASSERT_TRUE(set.ok()) << set.message();
    EXPECT_EQ(set->files().size(), 2u);
    EXPECT_EQ(set->tensorNames().size(), 47u);
    EXPECT_EQ(set->readFloats("model.norm.weight").value(), src.value()->readFloats("model.norm.weight").value());

    // Hostile index files.
    weightMap["model.norm.weight"] = "../escape.safetensors";
    writeBytes(dir + "/model.safetensors.index.json", nlohmann::json{{"weight_map", weightMap}}.dump());
    auto escape = SafetensorsSet::open(dir);
    ASSERT_FALSE(escape.ok());
    EXPECT_NE(escape.message().find("model.safetensors.index.json"), std::string::npos);
    weightMap["model.norm.weight"] = "model-00001-of-00002.safetensors";
    weightMap[src.value()->tensors()[0].name] = "model-00002-of-00002.safetensors";
    writeBytes(dir + "/model.safetensors.index.json", nlohmann::json{{"weight_map", weightMap}}.dump());
    EXPECT_FALSE(SafetensorsSet::open(dir).ok());
    writeBytes(dir + "/model.safetensors.index.json", "{not json");
    EXPECT_FALSE(SafetensorsSet::open(dir).ok());
    writeBytes(dir + "/model.safetensors.index.json", R"({"weight_map":{"a":"missing.safetensors"}})");
    auto missing = SafetensorsSet::open(dir);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.message().find("missing.safetensors"), std::string::npos);
    EXPECT_FALSE(SafetensorsSet::open(tbtest::scratchDir("empty_folder")).ok());
}
