// `tunebench model perplexity PATH --file TEXTFILE [--context N] [--precision f32|bf16] [--threads N]
// [--json]`: mean negative log-likelihood and perplexity of a text under the model. The text is tokenized
// with BOS and scored in consecutive windows of up to N tokens; each window's first token is context only.
#include "app/cli/cli.h"
#include "core/infer/inference_loader.h"
#include "core/infer/scoring.h"

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>

namespace {

struct PerplexityArgs {
    std::string path, file, precision = "f32";
    int context = 0, threads = 0;
};

tb::cli::VerbRegistrar registrar(
    "model perplexity", "Mean negative log-likelihood and perplexity of a text file under a model",
    [](CLI::App& verb, tb::cli::Context& ctx) {
        auto a = std::make_shared<PerplexityArgs>();
        verb.add_option("PATH", a->path, "Model: Hugging Face folder or .gguf file")->required();
        verb.add_option("--file", a->file, "UTF-8 text file to score")->required();
        verb.add_option("--context", a->context, "Window length in tokens (0 = min(model context, 2048))")
            ->capture_default_str();
        verb.add_option("--precision", a->precision, "Weights in memory: f32 or bf16")->capture_default_str();
        verb.add_option("--threads", a->threads, "Threads for the math (0 = all cores)")->capture_default_str();
        verb.callback([&ctx, a] {
            std::ifstream f(a->file, std::ios::binary);
            if (!f) return tb::cli::fail(ctx, tb::inputError(a->file + ": cannot open the text file"));
            std::stringstream ss;
            ss << f.rdbuf();
            auto precision = tb::parsePrecision(a->precision);
            if (!precision.ok()) return tb::cli::fail(ctx, precision.error());
            auto bundle = tb::loadForInference(a->path, {*precision, a->threads});
            if (!bundle.ok()) return tb::cli::fail(ctx, bundle.error());
            const auto ids = bundle->tokenizer->encode(ss.str(), /*addSpecial=*/true);
            if (ids.size() < 2)
                return tb::cli::fail(ctx, tb::inputError(a->file + ": the text has fewer than two tokens to score"));
            const int ctxLen = a->context > 0 ? a->context : std::min(bundle->model->config().maxPositions, 2048);
            if (ctxLen < 2) return tb::cli::fail(ctx, tb::inputError("--context must be at least 2"));
            tb::InferenceSession session(bundle->model, ctxLen);
            double sum = 0.0;
            long long scored = 0;
            int windows = 0;
            // Windows overlap by one token so every token after the first is scored exactly once.
            for (size_t start = 0; start + 1 < ids.size(); start += size_t(ctxLen - 1)) {
                const size_t len = std::min(ids.size() - start, size_t(ctxLen));
                auto s = tb::scoreTokens(session, std::span<const int>(ids).subspan(start, len));
                if (!s.ok()) return tb::cli::fail(ctx, s.error());
                sum += s->meanNll * s->scoredTokens;
                scored += s->scoredTokens;
                ++windows;
            }
            const double mean = sum / double(scored);
            nlohmann::json doc = {{"ok", true},           {"model", a->path},      {"file", a->file},
                                  {"tokens", ids.size()}, {"scored_tokens", scored}, {"windows", windows},
                                  {"context", ctxLen},    {"mean_nll", mean},      {"perplexity", std::exp(mean)},
                                  {"precision", tb::precisionName(*precision)}};
            std::ostringstream text;
            text << "tokens " << ids.size() << ", scored " << scored << " in " << windows << " window(s)\n"
                 << "mean NLL " << mean << " nats/token, perplexity " << std::exp(mean) << "\n";
            tb::cli::succeed(ctx, doc, text.str());
        });
    });

}  // namespace
