// Descriptions of the verb groups whose sub-verbs live in their own files (verb_model_*.cpp, ...).
#include "app/cli/cli.h"

namespace {
using tb::cli::VerbRegistrar;
VerbRegistrar model("model", "Inspect, tokenize, run and benchmark a model (HF folder or .gguf)", nullptr);
VerbRegistrar data("data", "Import, inspect, clean, split, version and diff datasets", nullptr);
// "eval" registers itself in verb_eval_run.cpp: without a sub-verb it runs an evaluation.
VerbRegistrar registry("registry", "Model registry: register, approve, promote, audit", nullptr);
}  // namespace
