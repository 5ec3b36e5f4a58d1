#include "core/model/ggml_dequant.h"

#include "core/model/float_convert.h"

#include <cmath>
#include <cstring>

namespace tb {

namespace {

constexpr int64_t QK_K = 256;

inline uint16_t le16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }
inline float halfAt(const uint8_t* p) { return f16ToFloat(le16(p)); }

// block_q8_0: F16 d, int8 qs[32]  (34 bytes)
void dequantQ8_0(const uint8_t* src, int64_t blocks, float* y) {
    for (int64_t b = 0; b < blocks; ++b, src += 34, y += 32) {
        const float d = halfAt(src);
        const int8_t* qs = reinterpret_cast<const int8_t*>(src + 2);
        for (int j = 0; j < 32; ++j) y[j] = float(qs[j]) * d;
    }
}

// block_q4_0: F16 d, uint8 qs[16]; value j = (low nibble - 8) * d, value j+16 = (high nibble - 8) * d (18 bytes)
void dequantQ4_0(const uint8_t* src, int64_t blocks, float* y) {
    for (int64_t b = 0; b < blocks; ++b, src += 18, y += 32) {
        const float d = halfAt(src);
        const uint8_t* qs = src + 2;
        for (int j = 0; j < 16; ++j) {
            y[j] = float(int(qs[j] & 0x0f) - 8) * d;
            y[j + 16] = float(int(qs[j] >> 4) - 8) * d;
        }
    }
}

// The 6-bit scale and min of sub-block j (0..7) packed in the 12 scale bytes of Q4_K/Q5_K.
inline void scaleMinK4(int j, const uint8_t* q, uint8_t& scale, uint8_t& min) {
    if (j < 4) {
        scale = q[j] & 63;
        min = q[j + 4] & 63;
    } else {
        scale = uint8_t((q[j + 4] & 0x0f) | ((q[j - 4] >> 6) << 4));
        min = uint8_t((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
    }
}

// block_q4_K: F16 d, F16 dmin, uint8 scales[12], uint8 qs[128]  (144 bytes, 256 values in 8 sub-blocks of 32).
// Each 64 values share 32 bytes of qs: the low nibbles are the first 32, the high nibbles the next 32.
void dequantQ4_K(const uint8_t* src, int64_t blocks, float* y) {
    for (int64_t b = 0; b < blocks; ++b, src += 144) {
        const float d = halfAt(src);
        const float dmin = halfAt(src + 2);
        const uint8_t* scales = src + 4;
        const uint8_t* q = src + 16;
        for (int j = 0, is = 0; j < QK_K; j += 64, is += 2, q += 32) {
            uint8_t sc, m;
            scaleMinK4(is, scales, sc, m);
            const float d1 = d * sc, m1 = dmin * m;
            scaleMinK4(is + 1, scales, sc, m);
            const float d2 = d * sc, m2 = dmin * m;
            for (int l = 0; l < 32; ++l) *y++ = d1 * float(q[l] & 0x0f) - m1;
            for (int l = 0; l < 32; ++l) *y++ = d2 * float(q[l] >> 4) - m2;
        }
    }
}

// block_q6_K: uint8 ql[128] (low 4 bits), uint8 qh[64] (high 2 bits), int8 scales[16], F16 d  (210 bytes).
void dequantQ6_K(const uint8_t* src, int64_t blocks, float* y) {
    for (int64_t b = 0; b < blocks; ++b, src += 210) {
        const uint8_t* ql = src;
        const uint8_t* qh = src + 128;
        const int8_t* sc = reinterpret_cast<const int8_t*>(src + 192);
        const float d = halfAt(src + 208);
        for (int n = 0; n < QK_K; n += 128) {
            for (int l = 0; l < 32; ++l) {
                const int is = l / 16;
                const int q1 = int((ql[l] & 0x0f) | (((qh[l] >> 0) & 3) << 4)) - 32;
                const int q2 = int((ql[l + 32] & 0x0f) | (((qh[l] >> 2) & 3) << 4)) - 32;
                const int q3 = int((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                const int q4 = int((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                y[l] = d * float(sc[is]) * float(q1);
                y[l + 32] = d * float(sc[is + 2]) * float(q2);
                y[l + 64] = d * float(sc[is + 4]) * float(q3);
                y[l + 96] = d * float(sc[is + 6]) * float(q4);
            }
            y += 128;
            ql += 64;
            qh += 32;
            sc += 8;
        }
    }
}

}  // namespace

GgmlTypeTraits ggmlTypeTraits(uint32_t type) {
    switch (GgmlType(type)) {
    case GgmlType::F32: return {"F32", 1, 4, true};
    case GgmlType::F16: return {"F16", 1, 2, true};
    case GgmlType::Q4_0: return {"Q4_0", 32, 18, true};
    case GgmlType::Q4_1: return {"Q4_1", 32, 20, false};
    case GgmlType::Q5_0: return {"Q5_0", 32, 22, false};
    case GgmlType::Q5_1: return {"Q5_1", 32, 24, false};
    case GgmlType::Q8_0: return {"Q8_0", 32, 34, true};
    case GgmlType::Q8_1: return {"Q8_1", 32, 36, false};
    case GgmlType::Q2_K: return {"Q2_K", 256, 84, false};
    case GgmlType::Q3_K: return {"Q3_K", 256, 110, false};
    case GgmlType::Q4_K: return {"Q4_K", 256, 144, true};
    case GgmlType::Q5_K: return {"Q5_K", 256, 176, false};
    case GgmlType::Q6_K: return {"Q6_K", 256, 210, true};
    case GgmlType::Q8_K: return {"Q8_K", 256, 292, false};
    case GgmlType::IQ2_XXS: return {"IQ2_XXS", 256, 66, false};
    case GgmlType::IQ2_XS: return {"IQ2_XS", 256, 74, false};
    case GgmlType::IQ3_XXS: return {"IQ3_XXS", 256, 98, false};
    case GgmlType::IQ1_S: return {"IQ1_S", 256, 50, false};
    case GgmlType::IQ4_NL: return {"IQ4_NL", 32, 18, false};
    case GgmlType::IQ3_S: return {"IQ3_S", 256, 110, false};
    case GgmlType::IQ2_S: return {"IQ2_S", 256, 82, false};
    case GgmlType::IQ4_XS: return {"IQ4_XS", 256, 136, false};
    case GgmlType::I8: return {"I8", 1, 1, false};
    case GgmlType::I16: return {"I16", 1, 2, false};
    case GgmlType::I32: return {"I32", 1, 4, false};
    case GgmlType::I64: return {"I64", 1, 8, false};
    case GgmlType::F64: return {"F64", 1, 8, false};
    case GgmlType::IQ1_M: return {"IQ1_M", 256, 56, false};
    case GgmlType::BF16: return {"BF16", 1, 2, true};
    case GgmlType::TQ1_0: return {"TQ1_0", 256, 54, false};
    case GgmlType::TQ2_0: return {"TQ2_0", 256, 66, false};
    case GgmlType::MXFP4: return {"MXFP4", 32, 17, false};
    }
    return {};
}

std::string ggmlTypeName(uint32_t type) {
    const GgmlTypeTraits t = ggmlTypeTraits(type);
    return t.name ? std::string(t.name) : "type " + std::to_string(type);
}

Status dequantize(GgmlType type, const uint8_t* src, int64_t count, float* dst) {
    const GgmlTypeTraits t = ggmlTypeTraits(uint32_t(type));
    if (!t.name) return inputError("unknown ggml type " + std::to_string(uint32_t(type)));
    if (!t.canDequantize)
        return inputError(std::string("ggml type ") + t.name +
                          " is not supported (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q6_K)");
    if (count < 0 || count % t.blockSize != 0)
        return inputError(std::string("value count ") + std::to_string(count) + " is not a multiple of the " + t.name +
                          " block size " + std::to_string(t.blockSize));
    const int64_t blocks = count / t.blockSize;
    switch (type) {
    case GgmlType::F32: std::memcpy(dst, src, size_t(count) * 4); break;
    case GgmlType::F16: {
        const float* table = f16Table();
        for (int64_t i = 0; i < count; ++i) dst[i] = table[le16(src + 2 * i)];
        break;
    }
    case GgmlType::BF16:
        for (int64_t i = 0; i < count; ++i) dst[i] = bf16ToFloat(le16(src + 2 * i));
        break;
    case GgmlType::Q8_0: dequantQ8_0(src, blocks, dst); break;
    case GgmlType::Q4_0: dequantQ4_0(src, blocks, dst); break;
    case GgmlType::Q4_K: dequantQ4_K(src, blocks, dst); break;
    case GgmlType::Q6_K: dequantQ6_K(src, blocks, dst); break;
    default: return internalError("dequantize: missing case for " + ggmlTypeName(uint32_t(type)));
    }
    return Status::success();
}

void quantizeQ8_0(const float* src, int64_t count, uint8_t* dst) {
    for (int64_t b = 0; b < count / 32; ++b, src += 32, dst += 34) {
        float amax = 0.0f;
        for (int j = 0; j < 32; ++j) amax = std::max(amax, std::fabs(src[j]));
        const float d = amax / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        const uint16_t dh = floatToF16(d);
        dst[0] = uint8_t(dh & 0xff);
        dst[1] = uint8_t(dh >> 8);
        for (int j = 0; j < 32; ++j) dst[2 + j] = uint8_t(int8_t(std::roundf(src[j] * id)));
    }
}

}  // namespace tb
