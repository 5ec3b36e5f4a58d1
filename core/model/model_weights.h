// The weights of a Llama-family model in memory, in Hugging Face orientation: every matrix is
// row-major (out, in) so y = W x. Plain data: loaders fill it, inference and trainer read it.
// Dims legend: C hidden, L layers, NH heads, NKV kv heads, D head dim, F FFN width, V vocab.
#pragma once

#include "core/model/model_config.h"

#include <Eigen/Core>
#include <vector>

namespace tb {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXf;

struct LayerWeights {
    Vector attnNorm;  // (C)
    Matrix wq;        // (NH*D, C)
    Matrix wk;        // (NKV*D, C)
    Matrix wv;        // (NKV*D, C)
    Matrix wo;        // (C, NH*D)
    Vector bq, bk, bv;  // (NH*D), (NKV*D), (NKV*D); empty unless config.attentionBias
    Vector ffnNorm;   // (C)
    Matrix wGate;     // (F, C)
    Matrix wUp;       // (F, C)
    Matrix wDown;     // (C, F)
};

struct ModelWeights {
    ModelConfig config;
    RopeLayout ropeLayout = RopeLayout::RotateHalf;  // layout of wq/wk rows
    Matrix tokenEmbedding;  // (V, C)
    std::vector<LayerWeights> layers;  // L
    Vector finalNorm;       // (C)
    Matrix lmHead;          // (V, C); empty when config.tiedEmbeddings (use tokenEmbedding)

    const Matrix& outputMatrix() const { return config.tiedEmbeddings ? tokenEmbedding : lmHead; }
};

}  // namespace tb
