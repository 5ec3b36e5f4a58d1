#include "core/train/example_builder.h"

#include <algorithm>

namespace tb::train {

int64_t TokenizedExample::targetCount() const {
    int64_t n = 0;
    for (size_t i = 1; i < trainMask.size(); ++i) n += trainMask[i];
    return n;
}

namespace {
std::string where(const Record& r, size_t index) {
    return r.sourceFile.empty() ? "record " + std::to_string(index + 1)
                                : r.sourceFile + ":" + std::to_string(r.sourceLine);
}

void append(TokenizedExample& ex, const std::vector<int>& ids, bool train) {
    for (int id : ids) ex.tokens.push_back(id), ex.trainMask.push_back(train ? 1 : 0);
}

bool isEos(const ExampleEncoder& enc, int id) {
    return std::find(enc.eosIds.begin(), enc.eosIds.end(), id) != enc.eosIds.end();
}

void endWithEos(TokenizedExample& ex, const ExampleEncoder& enc) {
    if (!enc.eosIds.empty() && (ex.tokens.empty() || !isEos(enc, ex.tokens.back())))
        ex.tokens.push_back(enc.eosIds.front()), ex.trainMask.push_back(1);
}

// Renders the conversation turn by turn; text added by an assistant message is trained, the rest not.
Status buildChat(const std::vector<ChatMessage>& msgs, const ExampleEncoder& enc, TokenizedExample& ex,
                 const std::string& at) {
    std::string done;
    bool first = true;
    for (size_t i = 0; i < msgs.size(); ++i) {
        if (msgs[i].role != "assistant") continue;
        std::vector<ChatMessage> head(msgs.begin(), msgs.begin() + long(i));
        auto prompt = enc.renderChat(head, true);
        if (!prompt) return inputError(at + ": chat template: " + prompt.message());
        std::vector<ChatMessage> upto(msgs.begin(), msgs.begin() + long(i) + 1);
        auto full = enc.renderChat(upto, false);
        if (!full) return inputError(at + ": chat template: " + full.message());
        if (prompt->compare(0, done.size(), done) != 0 || full->compare(0, prompt->size(), *prompt) != 0)
            return inputError(at + ": the chat template does not render turns as prefixes of each other; "
                                   "cannot tell assistant tokens apart");
        append(ex, enc.encode(prompt->substr(done.size()), first), false);
        append(ex, enc.encode(full->substr(prompt->size()), false), true);
        first = false;
        done = *full;
    }
    auto all = enc.renderChat(msgs, false);
    if (!all) return inputError(at + ": chat template: " + all.message());
    if (all->size() > done.size()) append(ex, enc.encode(all->substr(done.size()), first), false);
    endWithEos(ex, enc);
    return Status::success();
}
}  // namespace

Result<std::vector<TokenizedExample>> buildExamples(const std::vector<Record>& records, const ExampleEncoder& enc,
                                                    int maxSeqLen, LossOn lossOn, ExampleBuildReport* report) {
    if (!enc.encode) return internalError("example builder: no tokenizer given");
    if (maxSeqLen < 2) return inputError("max_seq_len: must be at least 2 (got " + std::to_string(maxSeqLen) + ")");
    ExampleBuildReport rep;
    std::vector<TokenizedExample> out;
    for (size_t i = 0; i < records.size(); ++i) {
        const Record& r = records[i];
        const std::string at = where(r, i);
        TokenizedExample ex;
        ex.recordIndex = int64_t(i);
        ++rep.records;
        switch (r.format) {
            case RecordFormat::ChatMessages:
            case RecordFormat::ShareGpt:
                if (enc.renderChat) {
                    TB_TRY(buildChat(r.messages, enc, ex, at));
                } else {
                    bool first = true;
                    for (const ChatMessage& m : r.messages) {
                        append(ex, enc.encode(m.role + ": ", first), false);
                        append(ex, enc.encode(m.content + "\n", false), m.role == "assistant");
                        first = false;
                    }
                    endWithEos(ex, enc);
                }
                break;
            case RecordFormat::PlainText:
                append(ex, enc.encode(r.text, true), true);
                endWithEos(ex, enc);
                break;
            default:
                if (enc.renderChat) {
                    TB_TRY(buildChat({{"user", r.prompt}, {"assistant", r.completion}}, enc, ex, at));
                } else {
                    append(ex, enc.encode(r.prompt, true), false);
                    append(ex, enc.encode(r.completion, false), true);
                    endWithEos(ex, enc);
                }
                break;
        }
        for (int32_t t : ex.tokens)
            if (t < 0 || (enc.vocabSize > 0 && t >= enc.vocabSize))
                return inputError(at + ": token id " + std::to_string(t) + " is outside the model's vocabulary of " +
                                  std::to_string(enc.vocabSize));
        if (lossOn == LossOn::All) std::fill(ex.trainMask.begin(), ex.trainMask.end(), 1);
        if (int(ex.tokens.size()) > maxSeqLen) {
            ex.tokens.resize(size_t(maxSeqLen));
            ex.trainMask.resize(size_t(maxSeqLen));
            ex.truncated = true;
            ++rep.truncated;
        }
        if (ex.targetCount() == 0) {
            ++rep.dropped;
            continue;
        }
        rep.tokens += int64_t(ex.tokens.size());
        rep.targetTokens += ex.targetCount();
        out.push_back(std::move(ex));
    }
    rep.examples = int64_t(out.size());
    if (report) *report = rep;
    return out;
}

}  // namespace tb::train
