#include "core/model/gguf_reader.h"
#include "core/model/gguf_writer.h"
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

Result<std::shared_ptr<GgufFile>> parse(const std::string& bytes) {
    return GgufFile::fromMapped(MappedFile::fromBuffer("hostile.gguf", std::vector<uint8_t>(bytes.begin(), bytes.end())));
}

std::string fixture(const std::string& name) { return std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/model/" + name; }

// Little builder for hand-made (hostile) GGUF images.
struct Bytes {
    std::string s;
    template <typename T>
    Bytes& put(T v) {
        char b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T));
        s.append(b, sizeof(T));
        return *this;
    }
    Bytes& str(const std::string& x) {
        put<uint64_t>(x.size());
        s += x;
        return *this;
    }
};

Bytes header(uint64_t tensors, uint64_t kvs, uint32_t version = 3) {
    Bytes b;
    b.put<uint32_t>(0x46554747u).put<uint32_t>(version).put<uint64_t>(tensors).put<uint64_t>(kvs);
    return b;
}

void expectError(const std::string& bytes, const std::string& fragment) {
    auto r = parse(bytes);
    ASSERT_FALSE(r.ok()) << "expected an error containing '" << fragment << "'";
    EXPECT_NE(r.message().find(fragment), std::string::npos) << r.message();
    EXPECT_NE(r.message().find("hostile.gguf"), std::string::npos) << r.message();
}

}  // namespace

TEST(Gguf, MetadataOfEveryValueType) {
    auto f = GgufFile::open(fixture("quant_blocks.gguf"));
    ASSERT_TRUE(f.ok()) << f.message();
    const GgufFile& g = *f.value();
    EXPECT_EQ(g.version(), 3u);
    EXPECT_EQ(g.getString("general.architecture").value(), "llama");
    EXPECT_EQ(g.getInt("test.u8").value(), 200);
    EXPECT_EQ(g.getInt("test.i8").value(), -100);
    EXPECT_EQ(g.getInt("test.u16").value(), 60000);
    EXPECT_EQ(g.getInt("test.i16").value(), -30000);
    EXPECT_EQ(g.getInt("test.u32").value(), 4000000000LL);
    EXPECT_EQ(g.getInt("test.i32").value(), -2000000000LL);
    EXPECT_FALSE(g.getInt("test.u64").ok());  // 2^63 + 5 does not fit in int64
    EXPECT_EQ(g.find("test.u64")->u, (1ull << 63) + 5);
    EXPECT_EQ(g.getInt("test.i64").value(), -(1LL << 40));
    EXPECT_EQ(g.getFloat("test.f32").value(), 1.5);
    EXPECT_EQ(g.getFloat("test.f64").value(), -2.25);
    EXPECT_EQ(g.getFloat("test.i32").value(), -2e9);
    EXPECT_TRUE(g.getBool("test.bool").value());
    EXPECT_EQ(g.getString("test.string").value(), "h\xc3\xa9llo \xe2\x96\x81w\xc3\xb6rld");
    EXPECT_EQ(g.getStringArray("test.strings").value(), (std::vector<std::string>{"a", "", "<s>", "\xe2\x96\x81the"}));
    EXPECT_EQ(g.getFloatArray("test.floats").value(), (std::vector<float>{0.5f, -1.0f, 3.25f}));
    EXPECT_EQ(g.getIntArray("test.ints").value(), (std::vector<int64_t>{1, -2, 3}));
    const GgufValue* nested = g.find("test.nested");
    ASSERT_NE(nested, nullptr);
    ASSERT_EQ(nested->arrays.size(), 2u);
    EXPECT_EQ(nested->arrays[0].ints, (std::vector<int64_t>{1, 2}));
    EXPECT_EQ(nested->arrays[1].ints, (std::vector<int64_t>{3}));
    // Wrong-type and missing keys are errors naming file and key.
    auto wrong = g.getString("test.u8");
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.message().find("test.u8"), std::string::npos);
    EXPECT_NE(wrong.message().find("quant_blocks.gguf"), std::string::npos);
    EXPECT_FALSE(g.getInt("no.such.key").ok());
    EXPECT_FALSE(g.getBool("test.u8").ok());
    EXPECT_FALSE(g.getStringArray("test.ints").ok());
    EXPECT_FALSE(g.getIntArray("test.strings").ok());
    EXPECT_FALSE(g.getFloatArray("test.nested").ok());
    EXPECT_TRUE(g.has("test.nested"));
    EXPECT_EQ(g.keys().front(), "general.architecture");
    EXPECT_EQ(g.keys().size(), 18u);
}

TEST(Gguf, DequantisesEveryTypeLikeTheNumpyReference) {
    auto f = GgufFile::open(fixture("quant_blocks.gguf"));
    ASSERT_TRUE(f.ok()) << f.message();
    std::ifstream in(fixture("quant_blocks_expected.json"));
    const nlohmann::json expected = nlohmann::json::parse(in);
    ASSERT_EQ(f.value()->tensors().size(), expected.size());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        auto values = f.value()->readTensor(it.key());
        ASSERT_TRUE(values.ok()) << values.message();
        const auto want = it.value().get<std::vector<double>>();
        ASSERT_EQ(values->size(), want.size()) << it.key();
        for (size_t i = 0; i < want.size(); ++i)
            ASSERT_NEAR((*values)[i], want[i], 1e-6 * std::abs(want[i]) + 1e-9) << it.key() << "[" << i << "]";
    }
    const GgufTensorInfo* q4k = f.value()->findTensor("t.q4_k");
    ASSERT_NE(q4k, nullptr);
    EXPECT_EQ(q4k->typeName(), "Q4_K");
    EXPECT_EQ(q4k->ne, (std::vector<int64_t>{256, 2}));
    EXPECT_EQ(q4k->byteSize, 288u);
    auto m = f.value()->readMatrix("t.q4_k");
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->rows(), 2);
    EXPECT_EQ(m->cols(), 256);
    EXPECT_FLOAT_EQ((*m)(1, 3), float(expected["t.q4_k"][256 + 3].get<double>()));
}

TEST(Gguf, ReadsStoriesF32) {
    auto f = GgufFile::open(tbtest::stories("stories260K-f32.gguf"));
    ASSERT_TRUE(f.ok()) << f.message();
    const GgufFile& g = *f.value();
    EXPECT_EQ(g.version(), 3u);
    EXPECT_EQ(g.alignment(), 32u);
    EXPECT_EQ(g.tensors().size(), 47u);
    EXPECT_EQ(g.getString("general.architecture").value(), "llama");
    EXPECT_EQ(g.getInt("llama.block_count").value(), 5);
    EXPECT_EQ(g.getInt("llama.embedding_length").value(), 64);
    EXPECT_EQ(g.getStringArray("tokenizer.ggml.tokens")->size(), 512u);
    EXPECT_EQ(g.getFloatArray("tokenizer.ggml.scores")->size(), 512u);
    EXPECT_EQ(g.getIntArray("tokenizer.ggml.token_type")->at(1), 3);
    const GgufTensorInfo* emb = g.findTensor("token_embd.weight");
    ASSERT_NE(emb, nullptr);
    EXPECT_EQ(emb->ne, (std::vector<int64_t>{64, 512}));
    auto m = g.readMatrix("token_embd.weight");
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->rows(), 512);
    EXPECT_EQ(m->cols(), 64);
}

TEST(Gguf, OurQ8_0QuantiserReproducesTheStoriesQ8File) {
    auto f32 = GgufFile::open(tbtest::stories("stories260K-f32.gguf"));
    auto q8 = GgufFile::open(tbtest::stories("stories260K-q8_0.gguf"));
    ASSERT_TRUE(f32.ok() && q8.ok());
    int quantised = 0;
    float maxDiff = 0;
    for (const auto& t : q8.value()->tensors()) {
        auto values = f32.value()->readTensor(t.name);
        ASSERT_TRUE(values.ok()) << values.message();
        if (t.type != uint32_t(GgmlType::Q8_0)) continue;
        ++quantised;
        std::vector<uint8_t> ours(values->size() / 32 * kQ8_0BlockBytes);
        quantizeQ8_0(values->data(), int64_t(values->size()), ours.data());
        auto theirs = q8.value()->tensorBytes(t.name);
        ASSERT_TRUE(theirs.ok());
        ASSERT_EQ(ours.size(), theirs->size());
        EXPECT_EQ(std::memcmp(ours.data(), theirs->data(), ours.size()), 0) << t.name;
        auto deq = q8.value()->readTensor(t.name);
        for (size_t i = 0; i < values->size(); ++i) maxDiff = std::max(maxDiff, std::abs((*deq)[i] - (*values)[i]));
    }
    EXPECT_EQ(quantised, 31);
    EXPECT_LE(maxDiff, 0.0066f);
    EXPECT_GT(maxDiff, 0.0f);
}

TEST(GgufWriter, RewritesTheStoriesQ8FileByteForByte) {
    auto f32 = GgufFile::open(tbtest::stories("stories260K-f32.gguf"));
    auto q8 = GgufFile::open(tbtest::stories("stories260K-q8_0.gguf"));
    ASSERT_TRUE(f32.ok() && q8.ok());
    GgufMetadata meta;
    for (const auto& key : q8.value()->keys()) meta.emplace_back(key, *q8.value()->find(key));
    std::vector<NamedTensor> tensors;
    for (const auto& t : q8.value()->tensors()) {
        NamedTensor nt;
        nt.name = t.name;
        for (auto it = t.ne.rbegin(); it != t.ne.rend(); ++it) nt.shape.push_back(*it);
        nt.values = f32.value()->readTensor(t.name).value();
        nt.storage = t.type == uint32_t(GgmlType::Q8_0) ? StorageType::Q8_0 : StorageType::F32;
        tensors.push_back(std::move(nt));
    }
    auto bytes = encodeGguf(meta, tensors);
    ASSERT_TRUE(bytes.ok()) << bytes.message();
    EXPECT_TRUE(bytes.value() == readBytes(tbtest::stories("stories260K-q8_0.gguf")));
}

TEST(GgufWriter, RoundTripsEveryStorageType) {
    std::mt19937 rng(3);
    std::normal_distribution<float> normal;
    std::vector<float> values(2 * 64);
    for (auto& v : values) v = normal(rng);
    std::vector<NamedTensor> tensors = {
        {"a", {2, 64}, values, StorageType::F32},
        {"b", {2, 64}, values, StorageType::F16},
        {"c", {2, 64}, values, StorageType::BF16},
        {"d", {2, 64}, values, StorageType::Q8_0},
    };
    GgufMetadata meta = {{"general.architecture", ggufString("llama")},
                         {"general.alignment", ggufUint32(64)},
                         {"x.flag", ggufBool(true)},
                         {"x.list", ggufStringArray({"p", "q"})},
                         {"x.scores", ggufFloat32Array({1.5f, -2})},
                         {"x.ids", ggufInt32Array({7, -8})},
                         {"x.big", ggufUint64(1ull << 40)},
                         {"x.neg", ggufInt32(-5)},
                         {"x.eps", ggufFloat32(1e-5f)}};
    const std::string dir = tbtest::scratchDir("gguf_writer");
    ASSERT_TRUE(writeGguf(dir + "/t.gguf", meta, tensors).ok());
    auto g = GgufFile::open(dir + "/t.gguf");
    ASSERT_TRUE(g.ok()) << g.message();
    EXPECT_EQ(g.value()->alignment(), 64u);
    EXPECT_EQ(g.value()->dataOffset() % 64, 0u);
    EXPECT_TRUE(g.value()->getBool("x.flag").value());
    EXPECT_EQ(g.value()->getStringArray("x.list").value(), (std::vector<std::string>{"p", "q"}));
    EXPECT_EQ(g.value()->getIntArray("x.ids").value(), (std::vector<int64_t>{7, -8}));
    EXPECT_EQ(g.value()->getInt("x.big").value(), 1LL << 40);
    EXPECT_EQ(g.value()->getInt("x.neg").value(), -5);
    EXPECT_FLOAT_EQ(float(g.value()->getFloat("x.eps").value()), 1e-5f);
    EXPECT_EQ(g.value()->readTensor("a").value(), values);
    auto b = g.value()->readTensor("b").value();
    auto c = g.value()->readTensor("c").value();
    auto d = g.value()->readTensor("d").value();
    for (size_t i = 0; i < values.size(); ++i) {
        EXPECT_NEAR(b[i], values[i], std::abs(values[i]) / 1024 + 1e-7);
        EXPECT_NEAR(c[i], values[i], std::abs(values[i]) / 128);
    }
    float amax = 0;
    for (float v : values) amax = std::max(amax, std::abs(v));
    for (size_t i = 0; i < values.size(); ++i) EXPECT_NEAR(d[i], values[i], amax / 127 * 0.51 + 1e-6);
    EXPECT_EQ(g.value()->findTensor("d")->ne, (std::vector<int64_t>{64, 2}));
    EXPECT_FALSE(encodeGguf({}, {{"q", {2, 20}, std::vector<float>(40), StorageType::Q8_0}}).ok());
    EXPECT_FALSE(encodeGguf({{"general.alignment", ggufUint32(3)}}, {}).ok());
}

TEST(GgufHostile, TruncatedAtManyOffsets) {
    const std::string good = readBytes(fixture("quant_blocks.gguf"));
    // Cutting only the padding after the last tensor leaves a valid file; every earlier cut must fail.
    auto parsed = parse(good);
    ASSERT_TRUE(parsed.ok());
    uint64_t dataEnd = 0;
    for (const auto& t : parsed.value()->tensors()) dataEnd = std::max(dataEnd, parsed.value()->dataOffset() + t.offset + t.byteSize);
    for (size_t cut = 0; cut < dataEnd; cut += (cut < 200 ? 1 : 7)) {
        auto r = parse(good.substr(0, cut));
        ASSERT_FALSE(r.ok()) << "cut at " << cut;
        EXPECT_NE(r.message().find("hostile.gguf"), std::string::npos);
    }
    const std::string stories = readBytes(tbtest::stories("stories260K-q8_0.gguf"));
    for (size_t cut = 0; cut < stories.size(); cut += stories.size() / 50) ASSERT_FALSE(parse(stories.substr(0, cut)).ok());
    EXPECT_TRUE(parse(good).ok());
}

TEST(Gguf, AcceptsVersion2) {
    std::string v2 = readBytes(fixture("quant_blocks.gguf"));
    v2[4] = 2;
    auto g = parse(v2);
    ASSERT_TRUE(g.ok()) << g.message();
    EXPECT_EQ(g.value()->version(), 2u);
    EXPECT_EQ(g.value()->readTensor("t.q6_k")->size(), 512u);
}

TEST(GgufHostile, EachProblemIsNamed) {
    expectError("GGU", "ends inside the magic");
    expectError("GGML" + std::string(20, '\0'), "not a GGUF file");
    expectError(header(0, 0, 1).s, "version 1 is not supported");
    expectError(header(0, 0, 0x03000000).s, "is not supported");
    expectError(header(1ull << 40, 0).s, "tensor count");
    expectError(header(0, ~0ull).s, "metadata count");
    expectError(header(0, 1).put<uint64_t>(~0ull).s + std::string(20, 'x'), "over the limit");
    expectError(header(0, 1).put<uint64_t>(1000).s + std::string(20, 'x'), "past the end");
    expectError(header(0, 1).str("k").put<uint32_t>(13).put<uint32_t>(0).s, "unknown value type 13");
    expectError(header(0, 1).str("k").put<uint32_t>(9).put<uint32_t>(4).put<uint64_t>(1ull << 60).s, "over the limit");
    expectError(header(0, 1).str("k").put<uint32_t>(9).put<uint32_t>(4).put<uint64_t>(1000).put<uint32_t>(0).s,
                "more than the rest of the file");
    expectError(header(0, 1).str("k").put<uint32_t>(9).put<uint32_t>(8).put<uint64_t>(1).put<uint64_t>(1ull << 62).s,
                "over the limit");
    {
        Bytes deep = header(0, 1).str("k");
        deep.put<uint32_t>(9);
        for (int i = 0; i < 8; ++i) deep.put<uint32_t>(9).put<uint64_t>(1);
        deep.put<uint32_t>(0).put<uint64_t>(0);
        expectError(deep.s + std::string(64, '\0'), "nested deeper");
    }
    expectError(header(0, 1).str("k").put<uint32_t>(9).put<uint32_t>(9).put<uint64_t>(100000).s + std::string(1300000, '\0'),
                "nested arrays");
    expectError(header(0, 1).str("k").put<uint32_t>(7).put<uint8_t>(2).s, "bool 'k'");
    expectError(header(0, 2).str("k").put<uint32_t>(0).put<uint8_t>(1).str("k").put<uint32_t>(0).put<uint8_t>(1).s, "appears twice");
    expectError(header(0, 1).str("general.alignment").put<uint32_t>(4).put<uint32_t>(0).s, "not a power of two");
    expectError(header(0, 1).str("general.alignment").put<uint32_t>(4).put<uint32_t>(48).s, "not a power of two");
    expectError(header(0, 1).str("general.alignment").put<uint32_t>(10).put<uint64_t>(32).s, "must be uint32");
    auto tensor = [](uint32_t dims, std::vector<uint64_t> ne, uint32_t type, uint64_t offset, size_t dataBytes) {
        Bytes b = header(1, 0).str("w").put<uint32_t>(dims);
        for (uint64_t n : ne) b.put<uint64_t>(n);
        b.put<uint32_t>(type).put<uint64_t>(offset);
        b.s.resize((b.s.size() + 31) / 32 * 32, '\0');
        b.s += std::string(dataBytes, '\0');
        return b.s;
    };
    EXPECT_TRUE(parse(tensor(2, {32, 2}, 8, 0, 68)).ok());
    expectError(tensor(2, {32, 2}, 8, 0, 67), "past the end of the file");
    expectError(tensor(2, {32, 2}, 8, 1ull << 62, 68), "past the end of the file");
    expectError(tensor(2, {32, 2}, 8, 16, 100), "not a multiple of the alignment");
    expectError(tensor(5, {1, 1, 1, 1, 1}, 0, 0, 4), "5 dimensions");
    expectError(tensor(0, {}, 0, 0, 4), "0 dimensions");
    expectError(tensor(2, {30, 2}, 8, 0, 68), "not a multiple of the Q8_0 block size");
    expectError(tensor(1, {4}, 77, 0, 16), "unknown ggml type 77");
    expectError(tensor(4, {1ull << 32, 1ull << 32, 1ull << 32, 1}, 0, 0, 16), "overflows");
    expectError(tensor(1, {1ull << 63}, 0, 0, 16), "overflows");
    {
        Bytes two = header(2, 0);
        two.str("a").put<uint32_t>(1).put<uint64_t>(16).put<uint32_t>(0).put<uint64_t>(0);
        two.str("b").put<uint32_t>(1).put<uint64_t>(16).put<uint32_t>(0).put<uint64_t>(32);
        two.s.resize((two.s.size() + 31) / 32 * 32, '\0');
        two.s += std::string(128, '\0');
        expectError(two.s, "overlap");
    }
    // A type we can validate but not dequantise: the file opens, reading the tensor explains.
    auto q5 = parse(tensor(1, {256}, 13, 0, 176));
    ASSERT_TRUE(q5.ok()) << q5.message();
    auto read = q5.value()->readTensor("w");
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.message().find("Q5_K is not supported"), std::string::npos) << read.message();
}

TEST(GgufHostile, RandomMutationsNeverCrash) {
    const std::string good = readBytes(fixture("quant_blocks.gguf"));
    std::mt19937 rng(11);
    for (int i = 0; i < 2000; ++i) {
        std::string bad = good;
        for (int k = 0, n = 1 + int(rng() % 4); k < n; ++k) bad[rng() % bad.size()] = char(rng());
        auto r = parse(bad);
        if (!r.ok()) continue;
        for (const auto& key : r.value()->keys()) (void)r.value()->getStringArray(key);
        for (const auto& t : r.value()->tensors()) (void)r.value()->readTensor(t.name);
    }
}
