#include "core/infer/lora_apply.h"

#include <cstdlib>

namespace tb {

void loraForward(const LoraPair& pair, float scale, const float* x, float* y, int T, float* tmp) {
    const int r = int(pair.a.rows()), in = int(pair.a.cols()), out = int(pair.b.rows());
    Eigen::Map<const Matrix> X(x, T, in);
    Eigen::Map<Matrix> Z(tmp, T, r);
    Eigen::Map<Matrix> Y(y, T, out);
    Z.noalias() = X * pair.a.transpose();
    Z *= scale;
    Y.noalias() += Z * pair.b.transpose();
}

Status validateLoraAdapter(const LoraAdapter& adapter, int numLayers, const BaseShapeOf& shapeOf) {
    for (const auto& [key, pair] : adapter.modules) {
        const auto dot = key.find('.');
        if (dot == std::string::npos) return inputError("LoRA module key '" + key + "' is not '<layer>.<target>'");
        char* end = nullptr;
        const long layer = std::strtol(key.c_str(), &end, 10);
        if (end != key.c_str() + dot || layer < 0 || layer >= long(numLayers))
            return inputError("LoRA module '" + key + "': layer out of range (model has " +
                              std::to_string(numLayers) + " layers)");
        const std::string target = key.substr(dot + 1);
        const auto shape = shapeOf(int(layer), target);
        if (!shape) return inputError("LoRA module '" + key + "': unknown target '" + target + "' (q k v o gate up down)");
        const auto [rows, cols] = *shape;
        if (pair.a.cols() != cols || pair.b.rows() != rows || pair.a.rows() != pair.b.cols() || pair.a.rows() == 0)
            return inputError("LoRA module '" + key + "': A is " + std::to_string(pair.a.rows()) + "x" +
                              std::to_string(pair.a.cols()) + ", B is " + std::to_string(pair.b.rows()) + "x" +
                              std::to_string(pair.b.cols()) + " but the base weight is " + std::to_string(rows) +
                              "x" + std::to_string(cols));
    }
    return Status::success();
}

}  // namespace tb
