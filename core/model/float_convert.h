// Bit-exact conversions between float32 and the 16-bit float formats stored in model files
// (IEEE binary16 "F16" and bfloat16 "BF16"), round-to-nearest-even in the narrowing direction.
// Not a tensor library: callers loop over buffers themselves.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace tb {

inline float bitsToFloat(uint32_t bits) {
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}
inline uint32_t floatToBits(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    return bits;
}

inline float bf16ToFloat(uint16_t h) { return bitsToFloat(uint32_t(h) << 16); }

// Round to nearest even; NaN stays a (quiet) NaN, as torch and ggml do.
inline uint16_t floatToBf16(float f) {
    uint32_t bits = floatToBits(f);
    if ((bits & 0x7fffffffu) > 0x7f800000u) return uint16_t((bits >> 16) | 0x40);
    bits += 0x7fffu + ((bits >> 16) & 1u);
    return uint16_t(bits >> 16);
}

inline float f16ToFloat(uint16_t h) {
    const uint32_t sign = uint32_t(h & 0x8000u) << 16;
    const uint32_t exp = (h >> 10) & 0x1fu;
    uint32_t mant = h & 0x3ffu;
    if (exp == 0x1f) return bitsToFloat(sign | 0x7f800000u | (mant << 13));  // inf / nan
    if (exp == 0) {
        if (mant == 0) return bitsToFloat(sign);
        // Subnormal: value = mant * 2^-24.
        int e = -1;
        do {
            ++e;
            mant <<= 1;
        } while ((mant & 0x400u) == 0);
        return bitsToFloat(sign | (uint32_t(127 - 15 - e) << 23) | ((mant & 0x3ffu) << 13));
    }
    return bitsToFloat(sign | ((exp + 112u) << 23) | (mant << 13));
}

inline uint16_t floatToF16(float f) {
    const uint32_t bits = floatToBits(f);
    const uint16_t sign = uint16_t((bits >> 16) & 0x8000u);
    const uint32_t absBits = bits & 0x7fffffffu;
    if (absBits > 0x7f800000u) return uint16_t(sign | 0x7e00u);   // NaN
    if (absBits >= 0x477ff000u) return uint16_t(sign | 0x7c00u);  // rounds to >= 65520: infinity
    const int exp = int(absBits >> 23) - 127;
    if (exp >= -14) {
        // Normal half: keep 10 mantissa bits, round to nearest even on the 13 dropped bits.
        uint32_t mant = absBits & 0x7fffffu;
        uint32_t halfBits = (uint32_t(exp + 15) << 10) | (mant >> 13);
        const uint32_t rest = mant & 0x1fffu;
        if (rest > 0x1000u || (rest == 0x1000u && (halfBits & 1u))) ++halfBits;  // may carry into exponent: fine
        return uint16_t(sign | halfBits);
    }
    if (exp < -25) return sign;  // below half the smallest subnormal: zero
    // Subnormal half: value / 2^-24, rounded to nearest even.
    const uint32_t mant = (absBits & 0x7fffffu) | 0x800000u;  // 24 significant bits, value = mant * 2^(exp-23)
    const int shift = -exp - 1;                                 // 14..24: mant >> shift == value / 2^-24
    uint32_t halfBits = mant >> shift;
    const uint32_t rest = mant & ((1u << shift) - 1u);
    const uint32_t halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (halfBits & 1u))) ++halfBits;
    return uint16_t(sign | halfBits);
}

// Table lookup for bulk F16 -> float (256 KiB, built once, thread-safe): several times faster than
// f16ToFloat() in loops over whole tensors.
inline const float* f16Table() {
    static const std::vector<float> table = [] {
        std::vector<float> t(65536);
        for (uint32_t h = 0; h < 65536; ++h) t[h] = f16ToFloat(uint16_t(h));
        return t;
    }();
    return table.data();
}

}  // namespace tb
