#include "core/model/float_convert.h"
#include "core/model/mapped_file.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <immintrin.h>
#include <limits>
#include <random>

using namespace tb;

namespace {
// Hardware F16C conversions as the oracle when the build targets a CPU that has them.
#ifdef __F16C__
bool haveF16c() { return true; }
float hwHalfToFloat(uint16_t h) { return _mm_cvtss_f32(_mm_cvtph_ps(_mm_cvtsi32_si128(h))); }
uint16_t hwFloatToHalf(float f) { return uint16_t(_mm_cvtsi128_si32(_mm_cvtps_ph(_mm_set_ss(f), _MM_FROUND_TO_NEAREST_INT))); }
#else
bool haveF16c() { return false; }
float hwHalfToFloat(uint16_t) { return 0; }
uint16_t hwFloatToHalf(float) { return 0; }
#endif
}  // namespace

TEST(MappedFile, SpanIsBoundsChecked) {
    const std::string dir = tbtest::scratchDir("mapped");
    const std::string path = dir + "/ten.bin";
    std::ofstream(path, std::ios::binary) << "0123456789";
    auto file = MappedFile::open(path);
    ASSERT_TRUE(file.ok()) << file.message();
    EXPECT_EQ(file.value()->size(), 10u);
    auto s = file.value()->span(2, 3);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(s->data()), 3), "234");
    EXPECT_TRUE(file.value()->span(10, 0).ok());
    EXPECT_TRUE(file.value()->span(0, 10).ok());
    EXPECT_FALSE(file.value()->span(0, 11).ok());
    EXPECT_FALSE(file.value()->span(11, 0).ok());
    // offset + size wraps around 2^64: must still be refused.
    auto wrap = file.value()->span(5, std::numeric_limits<uint64_t>::max() - 2, "tensor x");
    ASSERT_FALSE(wrap.ok());
    EXPECT_NE(wrap.message().find("ten.bin"), std::string::npos);
    EXPECT_NE(wrap.message().find("tensor x"), std::string::npos);
    EXPECT_FALSE(file.value()->span(std::numeric_limits<uint64_t>::max(), 1).ok());
}

TEST(MappedFile, EmptyAndMissingFiles) {
    const std::string dir = tbtest::scratchDir("mapped_empty");
    std::ofstream(dir + "/empty.bin").close();
    auto empty = MappedFile::open(dir + "/empty.bin");
    ASSERT_TRUE(empty.ok()) << empty.message();
    EXPECT_EQ(empty.value()->size(), 0u);
    EXPECT_FALSE(empty.value()->span(0, 1).ok());
    auto missing = MappedFile::open(dir + "/nope.bin");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.message().find("nope.bin"), std::string::npos);
    EXPECT_FALSE(MappedFile::open(dir).ok());  // a folder is not a regular file
}

TEST(FloatConvert, F16RoundTripsEveryHalf) {
    if (!haveF16c()) GTEST_SKIP() << "CPU has no F16C";
    for (uint32_t h = 0; h < 65536; ++h) {
        const float f = f16ToFloat(uint16_t(h));
        if (std::isnan(f)) {
            EXPECT_TRUE(std::isnan(f16ToFloat(floatToF16(f))));
            continue;
        }
        ASSERT_EQ(floatToF16(f), h) << "half 0x" << std::hex << h;
        ASSERT_EQ(f, hwHalfToFloat(uint16_t(h))) << "half 0x" << std::hex << h;  // hardware F16C as oracle
    }
}

TEST(FloatConvert, F16NarrowingMatchesHardware) {
    if (!haveF16c()) GTEST_SKIP() << "CPU has no F16C";
    std::mt19937 rng(7);
    std::vector<float> samples;
    for (int i = 0; i < 100000; ++i) {
        const float f = bitsToFloat(uint32_t(rng()));
        if (!std::isnan(f)) samples.push_back(f);
        // Concentrate on the half range too: exponents 2^-30 .. 2^17.
        const float m = float(rng() % 2000000) / 1000000.0f - 1.0f;
        samples.push_back(std::ldexp(m, int(rng() % 48) - 30));
    }
    int mismatches = 0;
    for (float f : samples)
        if (floatToF16(f) != hwFloatToHalf(f) && mismatches++ < 5) ADD_FAILURE() << "float " << f;
    EXPECT_EQ(mismatches, 0);
}

TEST(FloatConvert, Bf16RoundsToNearestEven) {
    EXPECT_EQ(floatToBf16(1.0f), 0x3f80);
    EXPECT_EQ(floatToBf16(bitsToFloat(0x3f808000u)), 0x3f80);  // tie, even stays
    EXPECT_EQ(floatToBf16(bitsToFloat(0x3f818000u)), 0x3f82);  // tie, odd rounds up
    EXPECT_EQ(floatToBf16(bitsToFloat(0x3f808001u)), 0x3f81);
    EXPECT_TRUE(std::isnan(bf16ToFloat(floatToBf16(std::nanf("")))));
    EXPECT_EQ(bf16ToFloat(0xc040), -3.0f);
}
