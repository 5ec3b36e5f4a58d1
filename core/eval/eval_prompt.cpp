#include "core/eval/eval_prompt.h"

namespace tb::eval {

namespace {
std::string whereOf(const Record& r, size_t index) {
    return r.sourceFile.empty() ? "record " + std::to_string(index + 1)
                                : r.sourceFile + ":" + std::to_string(r.sourceLine);
}
}  // namespace

Result<EvalExample> buildEvalExample(const Record& record, const train::ExampleEncoder& encoder, size_t index) {
    EvalExample ex;
    ex.where = whereOf(record, index);
    ex.id = record.id.empty() ? "record-" + std::to_string(index + 1) : record.id;
    ex.label = record.label;
    // The record handed to the trainer's builder: same prompt side, the reference as the completion.
    Record trial = record;
    std::string reference;
    switch (record.format) {
        case RecordFormat::PlainText:
            return inputError(ex.where + ": plain-text records have no prompt and reference to evaluate");
        case RecordFormat::ChatMessages:
        case RecordFormat::ShareGpt: {
            size_t last = record.messages.size();
            for (size_t i = record.messages.size(); i-- > 0;)
                if (record.messages[i].role == "assistant") {
                    last = i;
                    break;
                }
            if (last == record.messages.size())
                return inputError(ex.where + ": the conversation has no assistant message to evaluate against");
            if (last == 0) return inputError(ex.where + ": the conversation has no message before the assistant's");
            trial.messages.assign(record.messages.begin(), record.messages.begin() + long(last) + 1);
            reference = record.messages[last].content;
            if (last == 1) {
                ex.promptText = record.messages[0].content;
            } else {
                for (size_t i = 0; i < last; ++i)
                    ex.promptText += record.messages[i].role + ": " + record.messages[i].content + "\n";
            }
            break;
        }
        default:
            reference = record.completion.empty() ? record.label : record.completion;
            ex.promptText = record.prompt;
            trial.completion = reference;
            break;
    }
    if (reference.empty() && record.label.empty())
        return inputError(ex.where + ": no reference: the completion (or last assistant message) and label are empty");
    if (!reference.empty()) ex.references.push_back(reference);
    // The builder drops examples without a target; a placeholder keeps the prompt side when the reference is
    // empty (the prompt tokens do not depend on the completion: both are encoded separately).
    if (reference.empty()) {
        if (trial.format == RecordFormat::ChatMessages || trial.format == RecordFormat::ShareGpt)
            trial.messages.back().content = "x";
        else
            trial.completion = "x";
    }
    train::ExampleBuildReport rep;
    auto built = train::buildExamples({trial}, encoder, 1 << 30, train::LossOn::Completion, &rep);
    if (!built) return built.error();  // the builder names the record already
    if (built->empty()) return inputError(ex.where + ": the example builder kept no tokens for this record");
    const train::TokenizedExample& tok = built->front();
    // The trained tokens at the end are the reference (and EOS); everything before them is the prompt.
    size_t start = tok.tokens.size();
    while (start > 0 && tok.trainMask[start - 1]) --start;
    if (start == 0) return inputError(ex.where + ": the prompt renders to no tokens");
    ex.promptIds.assign(tok.tokens.begin(), tok.tokens.begin() + long(start));
    return ex;
}

}  // namespace tb::eval
