// Added tokens (special tokens such as <s>, <|im_start|>, and user-defined pieces) are found in the raw
// text before normalization and BPE, leftmost-longest as Hugging Face's AddedVocabulary does, with its
// lstrip/rstrip/single_word options. Special tokens are only matched when the caller asks
// (parseSpecial); non-special added tokens always are (as in llama.cpp). Does not run the model.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

struct AddedToken {
    int id = 0;
    std::string content;
    bool special = false;
    bool lstrip = false;      // swallow whitespace on the left
    bool rstrip = false;      // swallow whitespace on the right
    bool singleWord = false;  // only match when not inside a word
};

// One stretch of the input: either an added token's id, or text for the model.
struct TextSegment {
    int tokenId = -1;  // >= 0: an added token
    std::string_view text;
};

class AddedTokenMatcher {
public:
    AddedTokenMatcher() = default;
    explicit AddedTokenMatcher(std::vector<AddedToken> tokens);

    std::vector<TextSegment> split(std::string_view text, bool parseSpecial) const;
    const std::vector<AddedToken>& tokens() const { return m_tokens; }

private:
    // Returns the index into m_tokens of the longest token that matches at `pos`, or -1.
    int longestAt(std::string_view text, size_t pos, bool parseSpecial) const;
    std::vector<AddedToken> m_tokens;
    std::array<std::vector<int>, 256> m_byFirstByte;  // indices, longest content first
};

}  // namespace tb
