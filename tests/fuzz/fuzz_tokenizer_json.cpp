// Fuzz target: a model folder's tokenizer.json (with tokenizer_config.json and generation_config.json) must
// give a tokenizer or an error, never a crash, hang or huge allocation; a tokenizer that builds must encode and
// decode text (special tokens, digits, non-ASCII, invalid UTF-8) to ids inside its vocabulary.
// Input: tokenizer.json [NUL tokenizer_config.json [NUL generation_config.json]] (JSON text holds no NUL), so a
// plain tokenizer.json is a seed as it is.
#include <cstdlib>
#include <string>

#include "core/tokenizer/tokenizer.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "fuzz_guard.h"

namespace {

void checkIds(const tb::Tokenizer& t, const std::vector<int>& ids) {
    for (int id : ids)
        if (id < 0 || id >= t.vocabSize()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tbfuzz::Guard guard("tokenizer_json", data, size);
    const std::string input(reinterpret_cast<const char*>(data), size);
    std::string parts[3];
    size_t from = 0;
    for (int i = 0; i < 3 && from <= input.size(); ++i) {
        const size_t nul = i < 2 ? input.find('\0', from) : std::string::npos;
        parts[i] = input.substr(from, nul == std::string::npos ? std::string::npos : nul - from);
        from = nul == std::string::npos ? input.size() + 1 : nul + 1;
    }
    auto spec = tb::parseTokenizerJson(parts[0], parts[1], parts[2], "fuzz/tokenizer.json");
    if (!spec.ok()) {
        if (spec.message().empty()) std::abort();
        return 0;
    }
    auto built = tb::Tokenizer::build(std::move(*spec));
    if (!built.ok()) return 0;
    const tb::Tokenizer& t = **built;
    static const std::string texts[] = {
        "Once upon a time, there was a little girl named Lily.",
        "<s>[INST] Hi! [/INST] 12345 <|im_start|>user\n\t  ünïcödé 日本語 🙂</s>",
        std::string("bad \xff\xfe utf-8 \xc3 and a NUL \0 end", 30),
        "",
    };
    for (const std::string& text : texts) {
        for (bool special : {false, true}) {
            const std::vector<int> ids = t.encode(text, special, special);
            checkIds(t, ids);
            (void)t.decode(ids, special);
        }
    }
    // The fuzzed text itself as input text (bounded, so a large vocabulary file stays a quick iteration).
    const std::vector<int> ids = t.encode(std::string_view(input).substr(0, 512), true, true);
    checkIds(t, ids);
    (void)t.decode(ids, false);
    for (int id : {t.bosId(), t.padId(), -1, t.vocabSize(), 0}) (void)t.tokenText(id), (void)t.tokenBytes(id);
    for (int id : t.eosIds()) (void)t.tokenText(id);
    return 0;
}
