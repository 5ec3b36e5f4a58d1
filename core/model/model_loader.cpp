#include "core/model/model_loader.h"

#include "core/model/model_loader_internal.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tb {

namespace fs = std::filesystem;

namespace detail {

namespace {
std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}
}  // namespace

Result<Matrix> loadMatrix(const std::string& file, const ShapeOf& shapeOf, const MatrixReader& read,
                          const std::string& name, int64_t rows, int64_t cols) {
    const std::vector<int64_t> shape = shapeOf(name);
    if (shape.empty()) return inputError(file + ": tensor '" + name + "' is missing");
    if (shape != std::vector<int64_t>{rows, cols})
        return inputError(file + ": tensor '" + name + "' has shape " + shapeText(shape) + " but the config implies " +
                          shapeText({rows, cols}));
    return read(name);
}

Result<Vector> loadVector(const std::string& file, const ShapeOf& shapeOf, const MatrixReader& read,
                          const std::string& name, int64_t size) {
    const std::vector<int64_t> shape = shapeOf(name);
    if (shape.empty()) return inputError(file + ": tensor '" + name + "' is missing");
    if (shape != std::vector<int64_t>{size})
        return inputError(file + ": tensor '" + name + "' has shape " + shapeText(shape) + " but the config implies [" +
                          std::to_string(size) + "]");
    auto m = read(name);
    if (!m) return m.error();
    return Vector(Eigen::Map<const Vector>(m->data(), m->size()));
}

Result<ModelWeights> assembleWeights(const ModelConfig& c, const std::string& file, const TensorNaming& naming,
                                     const ShapeOf& shapeOf, const MatrixReader& read, const ProgressCallback& progress) {
    ModelWeights w;
    w.config = c;
    w.ropeLayout = RopeLayout::RotateHalf;
    const int perLayer = 9 + (c.attentionBias ? 3 : 0);
    const int64_t total = 2 + int64_t(perLayer) * c.numLayers + (c.tiedEmbeddings ? 0 : 1);
    int64_t done = 0;
    auto tick = [&](const std::string& name) -> Status {
        ++done;
        if (!reportProgress(progress, {"Loading weights", done, total, name})) return cancelledError("model loading cancelled");
        return Status::success();
    };
#define TB_LOAD(target, expr, name)        \
    do {                                   \
        auto r_ = (expr);                  \
        if (!r_) return r_.error();        \
        target = std::move(r_.value());    \
        TB_TRY(tick(name));                \
    } while (0)
    const int64_t C = c.hiddenSize, V = c.vocabSize, F = c.intermediateSize, Q = c.qDim(), KV = c.kvDim();
    std::string n = naming("embed", -1);
    TB_LOAD(w.tokenEmbedding, loadMatrix(file, shapeOf, read, n, V, C), n);
    w.layers.resize(size_t(c.numLayers));
    for (int l = 0; l < c.numLayers; ++l) {
        LayerWeights& L = w.layers[size_t(l)];
        n = naming("attn_norm", l);
        TB_LOAD(L.attnNorm, loadVector(file, shapeOf, read, n, C), n);
        n = naming("q", l);
        TB_LOAD(L.wq, loadMatrix(file, shapeOf, read, n, Q, C), n);
        n = naming("k", l);
        TB_LOAD(L.wk, loadMatrix(file, shapeOf, read, n, KV, C), n);
        n = naming("v", l);
        TB_LOAD(L.wv, loadMatrix(file, shapeOf, read, n, KV, C), n);
        n = naming("o", l);
        TB_LOAD(L.wo, loadMatrix(file, shapeOf, read, n, C, Q), n);
        if (c.attentionBias) {
            n = naming("q_bias", l);
            TB_LOAD(L.bq, loadVector(file, shapeOf, read, n, Q), n);
            n = naming("k_bias", l);
            TB_LOAD(L.bk, loadVector(file, shapeOf, read, n, KV), n);
            n = naming("v_bias", l);
            TB_LOAD(L.bv, loadVector(file, shapeOf, read, n, KV), n);
        }
        n = naming("ffn_norm", l);
        TB_LOAD(L.ffnNorm, loadVector(file, shapeOf, read, n, C), n);
        n = naming("gate", l);
        TB_LOAD(L.wGate, loadMatrix(file, shapeOf, read, n, F, C), n);
        n = naming("up", l);
        TB_LOAD(L.wUp, loadMatrix(file, shapeOf, read, n, F, C), n);
        n = naming("down", l);
        TB_LOAD(L.wDown, loadMatrix(file, shapeOf, read, n, C, F), n);
    }
    n = naming("final_norm", -1);
    TB_LOAD(w.finalNorm, loadVector(file, shapeOf, read, n, C), n);
    if (!c.tiedEmbeddings) {
        n = naming("lm_head", -1);
        TB_LOAD(w.lmHead, loadMatrix(file, shapeOf, read, n, V, C), n);
    }
#undef TB_LOAD
    return w;
}

}  // namespace detail

Matrix permuteInterleavedToRotateHalf(const Matrix& w, int heads, int headDim) {
    Matrix out(w.rows(), w.cols());
    const int half = headDim / 2;
    for (int h = 0; h < heads; ++h)
        for (int j = 0; j < half; ++j) {
            out.row(h * headDim + j) = w.row(h * headDim + 2 * j);
            out.row(h * headDim + half + j) = w.row(h * headDim + 2 * j + 1);
        }
    return out;
}

Matrix permuteRotateHalfToInterleaved(const Matrix& w, int heads, int headDim) {
    Matrix out(w.rows(), w.cols());
    const int half = headDim / 2;
    for (int h = 0; h < heads; ++h)
        for (int j = 0; j < half; ++j) {
            out.row(h * headDim + 2 * j) = w.row(h * headDim + j);
            out.row(h * headDim + 2 * j + 1) = w.row(h * headDim + half + j);
        }
    return out;
}

Vector permuteInterleavedToRotateHalf(const Vector& b, int heads, int headDim) {
    Matrix m = Eigen::Map<const Matrix>(b.data(), b.size(), 1);
    Matrix p = permuteInterleavedToRotateHalf(m, heads, headDim);
    return Eigen::Map<const Vector>(p.data(), p.size());
}

Result<std::string> detectModelFormat(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return std::string("hf-safetensors");
    if (!fs::exists(path, ec)) return inputError(path + ": no such file or folder");
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    if (in.gcount() == 4 && std::string(magic, 4) == "GGUF") return std::string("gguf");
    if (fs::path(path).filename() == "config.json" || fs::path(path).extension() == ".safetensors")
        return inputError(path + ": pass the model folder, not a file inside it");
    return inputError(path + ": not a model (expected a Hugging Face folder with config.json and safetensors, or a .gguf file)");
}

Result<LoadedModel> loadModel(const std::string& path, const ProgressCallback& progress) {
    auto format = detectModelFormat(path);
    if (!format) return format.error();
    if (format.value() == "gguf") return detail::loadGgufModel(path, progress);
    return detail::loadHfModel(path, progress);
}

Result<ModelInfo> inspectModel(const std::string& path) {
    auto format = detectModelFormat(path);
    if (!format) return format.error();
    if (format.value() == "gguf") return detail::inspectGgufModel(path);
    return detail::inspectHfModel(path);
}

namespace {
// A float field as the short decimal a person wrote in the config (1e-05, not 9.999999747378752e-06).
double shortDecimal(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7g", double(v));
    return std::strtod(buf, nullptr);
}
}  // namespace

nlohmann::json ModelInfo::toJson() const {
    const ModelConfig& c = config;
    nlohmann::json eos = nlohmann::json::array();
    for (int id : c.eosTokenIds) eos.push_back(id);
    return {{"path", path},
            {"format", format},
            {"architecture", architectureName(c.architecture)},
            {"layers", c.numLayers},
            {"hidden_size", c.hiddenSize},
            {"heads", c.numHeads},
            {"kv_heads", c.numKvHeads},
            {"head_dim", c.headDim},
            {"intermediate_size", c.intermediateSize},
            {"vocab_size", c.vocabSize},
            {"context_length", c.maxPositions},
            {"rope_theta", shortDecimal(c.ropeTheta)},
            {"rope_scaling", c.ropeScaling.enabled ? nlohmann::json{{"rope_type", "llama3"}, {"factor", shortDecimal(c.ropeScaling.factor)},
                                                                    {"low_freq_factor", shortDecimal(c.ropeScaling.lowFreqFactor)},
                                                                    {"high_freq_factor", shortDecimal(c.ropeScaling.highFreqFactor)},
                                                                    {"original_max_position_embeddings", c.ropeScaling.originalMaxPositions}}
                                                  : nlohmann::json(nullptr)},
            {"rms_norm_eps", shortDecimal(c.rmsNormEps)},
            {"tied_embeddings", c.tiedEmbeddings},
            {"attention_bias", c.attentionBias},
            {"bos_token_id", c.bosTokenId},
            {"eos_token_ids", eos},
            {"dtype", c.sourceDtype},
            {"parameters", parameterCount},
            {"tensors", tensorCount},
            {"file_bytes", fileBytes},
            {"chat_template", hasChatTemplate}};
}

std::string ModelInfo::toText() const {
    const ModelConfig& c = config;
    std::ostringstream s;
    s << "path:             " << path << "\n"
      << "format:           " << format << "\n"
      << "architecture:     " << architectureName(c.architecture) << "\n"
      << "layers:           " << c.numLayers << "\n"
      << "hidden size:      " << c.hiddenSize << "\n"
      << "heads:            " << c.numHeads << " (kv heads " << c.numKvHeads << ", head dim " << c.headDim << ")\n"
      << "FFN size:         " << c.intermediateSize << "\n"
      << "vocabulary:       " << c.vocabSize << "\n"
      << "context length:   " << c.maxPositions << "\n"
      << "rope theta:       " << c.ropeTheta << (c.ropeScaling.enabled ? " (llama3 scaling, factor " + std::to_string(c.ropeScaling.factor) + ")" : "") << "\n"
      << "tied embeddings:  " << (c.tiedEmbeddings ? "yes" : "no") << "\n"
      << "dtype:            " << c.sourceDtype << "\n"
      << "parameters:       " << parameterCount << "\n"
      << "tensors:          " << tensorCount << " (" << fileBytes << " bytes)\n"
      << "chat template:    " << (hasChatTemplate ? "yes" : "no") << "\n";
    return s.str();
}

}  // namespace tb
