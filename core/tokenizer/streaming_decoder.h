// StreamingDecoder: turns token ids, fed one at a time during generation, into text that is always
// whole UTF-8 characters. Bytes of a character split across byte-fallback or byte-level tokens are
// held back until the character is complete; the SentencePiece dummy-prefix space is removed from
// the first text produced. Not thread-safe: one decoder per stream (the Tokenizer it uses is shared).
#pragma once

#include "core/tokenizer/tokenizer.h"

#include <memory>
#include <string>
#include <vector>

namespace tb {

class StreamingDecoder {
public:
    explicit StreamingDecoder(std::shared_ptr<const Tokenizer> tokenizer, bool skipSpecial = false);

    // Feeds one id; returns the text that became complete (often "", never half a character).
    std::string push(int id);
    // Ends the stream: bytes that never formed a character come out as U+FFFD.
    std::string flush();
    // Starts a new stream (the next text again gets dummy-prefix removal).
    void reset();
    // The stream continues text made of `previous` ids (a prompt): when they hold any text, the next
    // token's word-boundary space is kept (prompt + continuation reads right), as an OpenAI completion
    // returns " liked" after "They". Special tokens alone (just BOS) leave the stream at its start.
    void continueAfter(const std::vector<int>& previous);
    // Bytes held back waiting for the rest of a character.
    size_t pendingBytes() const { return m_pending.size(); }

private:
    std::shared_ptr<const Tokenizer> m_tokenizer;
    bool m_skipSpecial = false;
    bool m_atStart = true;
    std::string m_pending;
};

}  // namespace tb
