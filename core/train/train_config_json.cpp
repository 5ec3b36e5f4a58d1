#include "core/train/train_config_json.h"

#include <set>

namespace tb::train {

nlohmann::ordered_json trainConfigToJson(const TrainConfig& c) {
    nlohmann::ordered_json j;
    j["method"] = c.method == TrainMethod::Lora ? "lora" : "full";
    j["lora_r"] = c.lora.rank;
    j["lora_alpha"] = c.lora.alpha;
    j["lora_dropout"] = c.lora.dropout;
    j["use_rslora"] = c.lora.rsLora;
    j["targets"] = c.lora.targets;
    j["epochs"] = c.epochs;
    j["max_steps"] = c.maxSteps;
    j["lr"] = c.lr;
    j["lr_schedule"] = lrScheduleKindName(c.schedule);
    j["warmup_steps"] = c.warmupSteps;
    j["lr_min_ratio"] = c.lrMinRatio;
    j["adam_beta1"] = c.adam.beta1;
    j["adam_beta2"] = c.adam.beta2;
    j["adam_eps"] = c.adam.eps;
    j["weight_decay"] = c.adam.weightDecay;
    j["max_grad_norm"] = c.maxGradNorm;
    j["batch"] = c.batch.batchSize;
    j["grad_accum"] = c.gradAccum;
    j["max_seq_len"] = c.batch.maxSeqLen;
    j["packing"] = c.batch.packing;
    j["group_by_length"] = c.batch.groupByLength;
    j["seed"] = c.seed;
    j["eval_every"] = c.evalEvery;
    j["early_stop_patience"] = c.earlyStopPatience;
    j["early_stop_min_delta"] = c.earlyStopMinDelta;
    j["checkpoint_every"] = c.checkpointEvery;
    j["keep_checkpoints"] = c.keepCheckpoints;
    j["log_every"] = c.logEvery;
    j["compute_precision"] = computePrecisionName(c.compute);
    return j;
}

Result<TrainConfig> trainConfigFromJson(const nlohmann::json& j, TrainConfig c, const std::string& source) {
    if (!j.is_object()) return inputError(source + ": expected a JSON object");
    static const std::set<std::string> known = {
        "method", "lora_r", "lora_alpha", "lora_dropout", "use_rslora", "targets", "epochs", "max_steps", "lr",
        "lr_schedule", "warmup_steps", "lr_min_ratio", "adam_beta1", "adam_beta2", "adam_eps", "weight_decay",
        "max_grad_norm", "batch", "grad_accum", "max_seq_len", "packing", "group_by_length", "seed", "eval_every",
        "early_stop_patience", "early_stop_min_delta", "checkpoint_every", "keep_checkpoints", "log_every",
        "loss_on", "chat_template", "compute_precision"};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!known.count(it.key())) return inputError(source + ": unknown key '" + it.key() + "'");
    std::string field;
    try {
        auto get = [&](const char* k, auto& dst) {
            field = k;
            if (j.contains(k)) dst = j.at(k).get<std::decay_t<decltype(dst)>>();
        };
        std::string method = c.method == TrainMethod::Lora ? "lora" : "full";
        get("method", method);
        if (method != "lora" && method != "full") return inputError(source + ": method: expected \"lora\" or \"full\"");
        c.method = method == "lora" ? TrainMethod::Lora : TrainMethod::Full;
        std::string compute = computePrecisionName(c.compute);
        get("compute_precision", compute);
        if (compute != "f32" && compute != "bf16")
            return inputError(source + ": compute_precision: expected \"f32\" or \"bf16\"");
        c.compute = compute == "bf16" ? ComputePrecision::BF16 : ComputePrecision::F32;
        get("lora_r", c.lora.rank);
        get("lora_alpha", c.lora.alpha);
        get("lora_dropout", c.lora.dropout);
        get("use_rslora", c.lora.rsLora);
        if (j.contains("targets")) {
            field = "targets";
            std::string joined;
            if (j["targets"].is_string()) {
                joined = j["targets"].get<std::string>();
            } else {
                for (const auto& t : j["targets"]) joined += t.get<std::string>() + ",";
            }
            auto t = parseTargets(joined);
            if (!t) return inputError(source + ": " + t.message());
            c.lora.targets = *t;
        }
        get("epochs", c.epochs);
        get("max_steps", c.maxSteps);
        get("lr", c.lr);
        if (j.contains("lr_schedule")) {
            auto k = parseLrScheduleKind(j["lr_schedule"].get<std::string>());
            if (!k) return inputError(source + ": " + k.message());
            c.schedule = *k;
        }
        get("warmup_steps", c.warmupSteps);
        get("lr_min_ratio", c.lrMinRatio);
        get("adam_beta1", c.adam.beta1);
        get("adam_beta2", c.adam.beta2);
        get("adam_eps", c.adam.eps);
        get("weight_decay", c.adam.weightDecay);
        get("max_grad_norm", c.maxGradNorm);
        get("batch", c.batch.batchSize);
        get("grad_accum", c.gradAccum);
        get("max_seq_len", c.batch.maxSeqLen);
        get("packing", c.batch.packing);
        get("group_by_length", c.batch.groupByLength);
        get("seed", c.seed);
        get("eval_every", c.evalEvery);
        get("early_stop_patience", c.earlyStopPatience);
        get("early_stop_min_delta", c.earlyStopMinDelta);
        get("checkpoint_every", c.checkpointEvery);
        get("keep_checkpoints", c.keepCheckpoints);
        get("log_every", c.logEvery);
    } catch (const std::exception& e) {
        return inputError(source + ": " + field + ": wrong type (" + e.what() + ")");
    }
    return c;
}

}  // namespace tb::train
