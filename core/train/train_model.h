// The trainable Llama-family decoder: a batched forward that stores activations and its backward,
// built from the layer pairs in layers*.h, with LoRA on chosen linears or full fine-tuning. Trainable
// tensors, their gradients and the activations live in arenas whose sizes are reported. Frozen base
// weights never get gradient memory. Not an optimizer (adamw.h) and not the training loop (trainer.h).
//
// Dims legend: B rows, T tokens, N = B*T, C hidden, L layers, NH/NKV heads, D head dim, F FFN, V vocab, R rank.
#pragma once

#include "core/common/result.h"
#include "core/infer/bf16_panels.h"
#include "core/model/lora_adapter.h"
#include "core/model/model_weights.h"
#include "core/train/layers_attention.h"
#include "core/train/layers_loss.h"
#include "core/train/micro_batch.h"

#include <array>
#include <string>
#include <vector>

namespace tb::train {

enum class TrainMethod { Lora, Full };

// Arithmetic for the frozen base weights in LoRA training. F32: exact F32 products. BF16: the frozen weights
// are multiplied as BF16 panels with BF16-rounded activations and F32 accumulation (AVX512-BF16 dot products,
// like PyTorch's bf16 autocast); the LoRA pairs, their gradients, norms, attention, softmax and the optimizer
// stay F32. Full fine-tuning always uses F32.
enum class ComputePrecision { F32, BF16 };
const char* computePrecisionName(ComputePrecision p);  // "f32" / "bf16"

// The seven linears of a block, in the order used for keys, dropout streams and PEFT names.
inline constexpr std::array<const char*, 7> kTargetNames = {"q", "k", "v", "o", "gate", "up", "down"};
int targetIndex(const std::string& name);  // -1 when unknown

// One trainable tensor: its values live in the ModelWeights / LoraAdapter, its gradient in the arena.
struct ParamRef {
    std::string name;    // "3.q.lora_A", "layers.3.wq", "embed", ...
    float* data = nullptr;
    int64_t size = 0;
    int64_t offset = 0;  // into the gradient (and optimizer moment) arenas
    bool decay = true;   // weight decay applies (not to norms and biases)
};

class TrainModel {
public:
    // weights must outlive the model; in Full mode they are trained in place. In Lora mode adapter must hold
    // a pair for every (layer, target) in adapter->targets (see lora_init.h) and only it is trained.
    // compute: BF16 packs each frozen linear (and the LM head) twice, as W and W^T panels (4 bytes per weight,
    // the size of the F32 copy); LoRA mode only (Full mode ignores it).
    TrainModel(ModelWeights& weights, LoraAdapter* adapter, TrainMethod method,
               ComputePrecision compute = ComputePrecision::F32);

    // Forward for the whole micro-batch; with training, LoRA dropout uses streams derived from dropoutSeed.
    LossSums forward(const MicroBatch& batch, bool training, uint64_t dropoutSeed);
    // forward + backward; gradients (scaled by gradScale, e.g. 1/targets in the step) ADD to the arena.
    LossSums forwardBackward(const MicroBatch& batch, float gradScale, uint64_t dropoutSeed);

    std::vector<ParamRef>& params() { return m_params; }
    std::vector<float>& gradients() { return m_grads; }  // (P) the gradient arena
    void zeroGradients();
    int64_t trainableCount() const { return int64_t(m_grads.size()); }
    int64_t activationBytes() const { return int64_t(m_acts.size() * sizeof(float)); }
    const ModelWeights& weights() const { return m_w; }
    TrainMethod method() const { return m_method; }
    ComputePrecision computePrecision() const { return m_compute; }

    // Activation floats needed for a B x T micro-batch (for estimates).
    static int64_t activationFloats(const ModelConfig& c, int B, int T, int loraRank, int loraTargets);

private:
    struct Slot;  // one linear: frozen weight, optional LoRA pair, gradient pointers
    void allocate(int B, int T);
    void linearFwd(int layer, int target, float* out, const float* x, float* u, bool training, uint64_t seed);
    void linearBwd(int layer, int target, float* dx, const float* dout, const float* x, const float* u,
                   uint64_t seed, bool training);

    ModelWeights& m_w;
    LoraAdapter* m_adapter;
    TrainMethod m_method;
    ComputePrecision m_compute = ComputePrecision::F32;
    // BF16 compute: per layer and target the frozen weight as panels for x W^T (forward) and dy W (input
    // gradient); the head likewise. Empty in F32 mode.
    struct FrozenPanels {
        Bf16Panels w, wT;
    };
    std::vector<std::array<FrozenPanels, 7>> m_panels;
    FrozenPanels m_headPanels;
    HeadPanels headPanels() const {
        return m_panels.empty() ? HeadPanels{} : HeadPanels{&m_headPanels.w, &m_headPanels.wT};
    }
    std::vector<ParamRef> m_params;
    std::vector<float> m_grads;
    // Per layer and target: offsets of LoRA A/B or of W/bias gradients in m_grads (-1: frozen / none).
    std::vector<std::array<int64_t, 7>> m_gA, m_gB, m_gW, m_gBias;
    std::vector<std::array<LoraPair*, 7>> m_lora;
    std::vector<int64_t> m_gAttnNorm, m_gFfnNorm;
    int64_t m_gFinalNorm = -1, m_gEmbed = -1, m_gHead = -1;

    RopeTables m_rope;
    int m_B = 0, m_T = 0;
    std::vector<float> m_acts;  // activation arena
    // Views into m_acts, each (L, N, ·) unless noted.
    float *m_resid = nullptr;   // (L+1, N, C) block inputs; m_resid[L] is the final residual
    float *m_xn1 = nullptr, *m_rstd1 = nullptr, *m_q = nullptr, *m_k = nullptr, *m_v = nullptr;
    float *m_att = nullptr, *m_probs = nullptr, *m_xmid = nullptr, *m_xn2 = nullptr, *m_rstd2 = nullptr;
    float *m_gate = nullptr, *m_up = nullptr, *m_h = nullptr;
    float *m_u = nullptr;       // (L, 7, N, R) LoRA A x
    float *m_xnf = nullptr, *m_rstdf = nullptr;  // (N, C), (N)
    std::vector<float> m_scratch;  // backward buffers
    std::vector<int32_t> m_tok, m_pos, m_seg, m_tgt;
};

}  // namespace tb::train
