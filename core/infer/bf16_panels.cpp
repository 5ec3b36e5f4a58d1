// Packing and the two kernels over the panel layout (see bf16_panels.h). The AVX512-BF16 path is chosen at
// compile time (-march=native on a CPU that has it); the portable path computes the same exact products of
// BF16 values in plain C++.
#include "core/infer/bf16_panels.h"

#include "core/infer/bf16.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <vector>

#if defined(__AVX512BF16__) && defined(__AVX512F__)
#include <immintrin.h>
#define TB_PANELS_AVX512BF16 1
#endif

namespace tb {

namespace {

constexpr int kPairValues = 2 * Bf16Panels::kPanelRows;  // values per (panel, pair): 32, i.e. 64 bytes
constexpr int kTileTokens = 12;                          // prefill: tokens per register tile

// Rows of x rounded to BF16 pairs, grown as needed; one per calling thread (worker threads only read it).
std::vector<uint16_t>& pairScratch() {
    thread_local std::vector<uint16_t> scratch;
    return scratch;
}

#ifdef TB_PANELS_AVX512BF16

inline __m512bh asBh(__m512i v) { return reinterpret_cast<__m512bh&>(v); }

inline __m512bh broadcastPair(const uint16_t* p) {
    int32_t v;
    std::memcpy(&v, p, 4);
    return asBh(_mm512_set1_epi32(v));
}

inline void storeOutputs(float* y, __m512 v, int valid, bool accumulate) {
    const __mmask16 m = valid >= 16 ? __mmask16(0xffff) : __mmask16((1u << valid) - 1u);
    if (accumulate) v = _mm512_add_ps(v, _mm512_maskz_loadu_ps(m, y));
    _mm512_mask_storeu_ps(y, m, v);
}

// MR tokens x NP panels of 16 outputs, over all input pairs.
template <int MR, int NP>
void gemmTile(const uint16_t* xb, size_t xStride, const uint16_t* w, size_t panelStride, int kPairs, float* y,
              size_t yStride, int outRow0, int rows, bool accumulate) {
    __m512 acc[MR][NP];
    for (int m = 0; m < MR; ++m)
        for (int p = 0; p < NP; ++p) acc[m][p] = _mm512_setzero_ps();
    for (int j = 0; j < kPairs; ++j) {
        __m512bh b[NP];
        for (int p = 0; p < NP; ++p) b[p] = asBh(_mm512_load_si512(w + p * panelStride + size_t(j) * kPairValues));
        for (int m = 0; m < MR; ++m) {
            const __m512bh a = broadcastPair(xb + m * xStride + 2 * size_t(j));
            for (int p = 0; p < NP; ++p) acc[m][p] = _mm512_dpbf16_ps(acc[m][p], b[p], a);
        }
    }
    for (int m = 0; m < MR; ++m)
        for (int p = 0; p < NP; ++p) {
            const int r0 = outRow0 + p * Bf16Panels::kPanelRows;
            storeOutputs(y + m * yStride + r0, acc[m][p], rows - r0, accumulate);
        }
}

template <int NP>
void gemmTileAnyM(int mr, const uint16_t* xb, size_t xStride, const uint16_t* w, size_t panelStride, int kPairs,
                  float* y, size_t yStride, int outRow0, int rows, bool accumulate) {
    switch (mr) {
#define TB_TILE_CASE(M) \
    case M: gemmTile<M, NP>(xb, xStride, w, panelStride, kPairs, y, yStride, outRow0, rows, accumulate); break;
        TB_TILE_CASE(1) TB_TILE_CASE(2) TB_TILE_CASE(3) TB_TILE_CASE(4) TB_TILE_CASE(5) TB_TILE_CASE(6)
        TB_TILE_CASE(7) TB_TILE_CASE(8) TB_TILE_CASE(9) TB_TILE_CASE(10) TB_TILE_CASE(11) TB_TILE_CASE(12)
#undef TB_TILE_CASE
    default: break;
    }
}

#endif

}  // namespace

Bf16Panels::Bf16Panels(const float* w, int rows, int cols)
    : m_rows(rows), m_cols(cols), m_panels((rows + kPanelRows - 1) / kPanelRows), m_kPairs((cols + 1) / 2) {
    const size_t n = size_t(m_panels) * m_kPairs * kPairValues;
    if (n == 0) return;
    void* p = std::aligned_alloc(64, n * sizeof(uint16_t));
    if (!p) throw std::bad_alloc();
    m_data.reset(static_cast<uint16_t*>(p), Free{});
    uint16_t* dst = m_data.get();
#pragma omp parallel for schedule(static) if (n > (1u << 18))
    for (int panel = 0; panel < m_panels; ++panel) {
        uint16_t* out = dst + size_t(panel) * m_kPairs * kPairValues;
        for (int j = 0; j < m_kPairs; ++j)
            for (int l = 0; l < kPanelRows; ++l)
                for (int e = 0; e < 2; ++e) {
                    const int r = panel * kPanelRows + l, c = 2 * j + e;
                    out[(size_t(j) * kPanelRows + l) * 2 + e] =
                        (r < rows && c < cols) ? floatToBf16(w[size_t(r) * cols + c]) : uint16_t(0);
                }
    }
}

float Bf16Panels::at(int r, int c) const {
    const int panel = r / kPanelRows, l = r % kPanelRows, j = c / 2, e = c % 2;
    return bf16ToFloat(m_data.get()[size_t(panel) * m_kPairs * kPairValues + (size_t(j) * kPanelRows + l) * 2 + e]);
}

void toBf16Pairs(const float* x, int n, uint16_t* dst) {
    int i = 0;
#ifdef TB_PANELS_AVX512BF16
    for (; i + 32 <= n; i += 32) {
        const __m512bh v = _mm512_cvtne2ps_pbh(_mm512_loadu_ps(x + i + 16), _mm512_loadu_ps(x + i));
        _mm512_storeu_si512(dst + i, reinterpret_cast<const __m512i&>(v));
    }
#endif
    for (; i < n; ++i) dst[i] = floatToBf16(x[i]);
    if (n % 2) dst[n] = 0;
}

void Bf16Panels::gemvPanels(const uint16_t* xPairs, float* y, int p0, int p1, bool accumulate) const {
    const uint16_t* base = m_data.get();
    for (int panel = p0; panel < p1; ++panel) {
        const uint16_t* w = base + size_t(panel) * m_kPairs * kPairValues;
        const int r0 = panel * kPanelRows;
#ifdef TB_PANELS_AVX512BF16
        // Four accumulators hide the dot product's latency; the panel is read front to back.
        __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps(), a2 = _mm512_setzero_ps(), a3 = _mm512_setzero_ps();
        int j = 0;
        for (; j + 4 <= m_kPairs; j += 4) {
            const uint16_t* wj = w + size_t(j) * kPairValues;
            a0 = _mm512_dpbf16_ps(a0, asBh(_mm512_load_si512(wj)), broadcastPair(xPairs + 2 * j));
            a1 = _mm512_dpbf16_ps(a1, asBh(_mm512_load_si512(wj + kPairValues)), broadcastPair(xPairs + 2 * j + 2));
            a2 = _mm512_dpbf16_ps(a2, asBh(_mm512_load_si512(wj + 2 * kPairValues)), broadcastPair(xPairs + 2 * j + 4));
            a3 = _mm512_dpbf16_ps(a3, asBh(_mm512_load_si512(wj + 3 * kPairValues)), broadcastPair(xPairs + 2 * j + 6));
        }
        for (; j < m_kPairs; ++j)
            a0 = _mm512_dpbf16_ps(a0, asBh(_mm512_load_si512(w + size_t(j) * kPairValues)), broadcastPair(xPairs + 2 * j));
        storeOutputs(y + r0, _mm512_add_ps(_mm512_add_ps(a0, a1), _mm512_add_ps(a2, a3)), m_rows - r0, accumulate);
#else
        float acc[kPanelRows] = {};
        for (int j = 0; j < m_kPairs; ++j) {
            const float x0 = bf16ToFloat(xPairs[2 * j]), x1 = bf16ToFloat(xPairs[2 * j + 1]);
            const uint16_t* wj = w + size_t(j) * kPairValues;
            for (int l = 0; l < kPanelRows; ++l) acc[l] += bf16ToFloat(wj[2 * l]) * x0 + bf16ToFloat(wj[2 * l + 1]) * x1;
        }
        for (int l = 0; l < kPanelRows && r0 + l < m_rows; ++l) y[r0 + l] = accumulate ? y[r0 + l] + acc[l] : acc[l];
#endif
    }
}

void Bf16Panels::multiply(const float* x, float* y, int T, int threads, bool accumulate) const {
    if (T <= 0 || m_rows == 0) return;
    const size_t xStride = size_t(m_kPairs) * 2;
    std::vector<uint16_t>& xb = pairScratch();
    if (xb.size() < size_t(T) * xStride) xb.resize(size_t(T) * xStride);
    const long long work = (long long)T * m_rows * m_cols;
    const int useThreads = work < 65536 ? 1 : std::max(1, threads);
    uint16_t* xp = xb.data();
    const float* xs = x;
    const int cols = m_cols;
#pragma omp parallel num_threads(useThreads)
    {
#pragma omp for schedule(static)
        for (int t = 0; t < T; ++t) toBf16Pairs(xs + size_t(t) * cols, cols, xp + size_t(t) * xStride);
        if (T == 1) {
#pragma omp for schedule(static)
            for (int panel = 0; panel < m_panels; ++panel) gemvPanels(xp, y, panel, panel + 1, accumulate);
        } else {
#ifdef TB_PANELS_AVX512BF16
            // Two panels (32 outputs) by kTileTokens tokens per register tile; threads split the panel pairs,
            // so each thread reads its own weights once per token tile while they sit in its L2.
            const int pairsOfPanels = (m_panels + 1) / 2;
            const size_t panelStride = size_t(m_kPairs) * kPairValues;
#pragma omp for schedule(static)
            for (int pp = 0; pp < pairsOfPanels; ++pp) {
                const int panel = 2 * pp;
                const int np = std::min(2, m_panels - panel);
                const uint16_t* w = m_data.get() + size_t(panel) * panelStride;
                for (int t0 = 0; t0 < T; t0 += kTileTokens) {
                    const int mr = std::min(kTileTokens, T - t0);
                    if (np == 2)
                        gemmTileAnyM<2>(mr, xp + size_t(t0) * xStride, xStride, w, panelStride, m_kPairs,
                                        y + size_t(t0) * m_rows, size_t(m_rows), panel * kPanelRows, m_rows, accumulate);
                    else
                        gemmTileAnyM<1>(mr, xp + size_t(t0) * xStride, xStride, w, panelStride, m_kPairs,
                                        y + size_t(t0) * m_rows, size_t(m_rows), panel * kPanelRows, m_rows, accumulate);
                }
            }
#else
#pragma omp for schedule(static)
            for (int panel = 0; panel < m_panels; ++panel)
                for (int t = 0; t < T; ++t)
                    gemvPanels(xp + size_t(t) * xStride, y + size_t(t) * m_rows, panel, panel + 1, accumulate);
#endif
        }
    }
}

const char* bf16PanelKernelName() {
#ifdef TB_PANELS_AVX512BF16
    return "avx512-bf16";
#else
    return "portable";
#endif
}

}  // namespace tb
