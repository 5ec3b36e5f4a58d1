// `tunebench model tokenize PATH --text TEXT [--add-special] [--parse-special] [--json]`: the token ids
// of TEXT under the tokenizer of PATH (Hugging Face folder or .gguf); with --json also each token's
// piece and its decoded text.
#include "app/cli/cli.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "core/tokenizer/utf8.h"

#include <memory>

namespace {

struct TokenizeArgs {
    std::string path;
    std::string text;
    bool addSpecial = false;
    bool parseSpecial = false;
};

tb::cli::VerbRegistrar registrar("model tokenize", "Print the token ids of a text under a model's tokenizer",
                                 [](CLI::App& verb, tb::cli::Context& ctx) {
    auto args = std::make_shared<TokenizeArgs>();
    verb.add_option("PATH", args->path, "Model: Hugging Face folder (tokenizer.json) or .gguf file")->required();
    verb.add_option("--text", args->text, "Text to tokenize")->required();
    verb.add_flag("--add-special", args->addSpecial, "Add BOS/EOS as the model's configuration asks");
    verb.add_flag("--parse-special", args->parseSpecial, "Turn special-token text such as <s> into that token");
    verb.callback([&ctx, args] {
        auto loaded = tb::loadTokenizer(args->path);
        if (!loaded) return tb::cli::fail(ctx, loaded.error());
        const tb::Tokenizer& tk = **loaded;
        const std::vector<int> ids = tk.encode(args->text, args->addSpecial, args->parseSpecial);
        nlohmann::json tokens = nlohmann::json::array();
        std::string text;
        for (size_t i = 0; i < ids.size(); ++i) {
            text += (i ? " " : "") + std::to_string(ids[i]);
            // A token's bytes may be part of a UTF-8 character (byte tokens): JSON gets U+FFFD there.
            tokens.push_back({{"id", ids[i]},
                              {"piece", tk.tokenText(ids[i])},
                              {"special", tk.isSpecial(ids[i])},
                              {"text", tb::utf8::repairLossy(tk.tokenBytes(ids[i]))}});
        }
        nlohmann::json doc = {{"ok", true},
                              {"path", args->path},
                              {"count", ids.size()},
                              {"ids", ids},
                              {"tokens", tokens},
                              {"decoded", tk.decode(ids)}};
        tb::cli::succeed(ctx, doc, text + "\n");
    });
});

}  // namespace
