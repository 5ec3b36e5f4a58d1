// What `tunebench eval score PREDICTIONS.jsonl` does, as one core call a test can make: read a stored
// predictions file, refuse it when it is unusable (naming the file and line), score it into a report.
// Not the Evaluator that runs a model, and no printing (the verb prints).
#pragma once

#include "core/eval/eval_scorer.h"

namespace tb::eval {

// Fails (ErrorKind::Input) when the file cannot be read, or when no line of it is a usable record: the
// message is then "<file>:<line>: <reason>" for the first bad line (or "<file>: no predictions").
// Per-line problems of a usable file are in EvalReport::errors. key reads a file encrypted at rest.
Result<EvalReport> scorePredictionsFile(const std::string& path, const ScoreOptions& options,
                                        const ProgressCallback& progress = {}, const WorkspaceKey* key = nullptr);

// "a,b , c" -> {"a", "b", "c"}; empty pieces are dropped.
std::vector<std::string> splitLabelList(const std::string& commaSeparated);

// A short human summary of a report for the CLI's text mode.
std::string reportSummaryText(const EvalReport& report);

}  // namespace tb::eval
