#include "core/export/merge_adapter.h"

namespace tb::exporter {

namespace {
template <typename L, typename M>
M* pick(L& layer, const std::string& t) {
    if (t == "q") return &layer.wq;
    if (t == "k") return &layer.wk;
    if (t == "v") return &layer.wv;
    if (t == "o") return &layer.wo;
    if (t == "gate") return &layer.wGate;
    if (t == "up") return &layer.wUp;
    if (t == "down") return &layer.wDown;
    return nullptr;
}
}  // namespace

const Matrix* targetMatrix(const LayerWeights& layer, const std::string& target) {
    return pick<const LayerWeights, const Matrix>(layer, target);
}
Matrix* targetMatrix(LayerWeights& layer, const std::string& target) { return pick<LayerWeights, Matrix>(layer, target); }

Result<ModelWeights> mergeAdapter(const ModelWeights& base, const LoraAdapter& adapter) {
    ModelWeights merged = base;
    const float scale = adapter.scale();
    for (const auto& [key, pair] : adapter.modules) {
        const auto dot = key.find('.');
        int layer = -1;
        try {
            layer = dot == std::string::npos ? -1 : std::stoi(key.substr(0, dot));
        } catch (...) {
            layer = -1;
        }
        if (layer < 0 || layer >= int(merged.layers.size()))
            return inputError("adapter module '" + key + "': layer index is outside the model's " +
                              std::to_string(merged.layers.size()) + " layers");
        const std::string target = key.substr(dot + 1);
        Matrix* w = targetMatrix(merged.layers[size_t(layer)], target);
        if (!w) return inputError("adapter module '" + key + "': unknown target '" + target + "' (q k v o gate up down)");
        if (pair.a.cols() != w->cols() || pair.b.rows() != w->rows() || pair.a.rows() != pair.b.cols())
            return inputError("adapter module '" + key + "': A is " + std::to_string(pair.a.rows()) + "x" +
                              std::to_string(pair.a.cols()) + ", B is " + std::to_string(pair.b.rows()) + "x" +
                              std::to_string(pair.b.cols()) + ", base weight is " + std::to_string(w->rows()) + "x" +
                              std::to_string(w->cols()));
        w->noalias() += scale * (pair.b * pair.a);
    }
    return merged;
}

}  // namespace tb::exporter
