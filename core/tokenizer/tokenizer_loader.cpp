// loadTokenizer(): picks the Hugging Face or GGUF loader from what the path is.
#include "core/tokenizer/tokenizer_loader.h"

#include "core/model/gguf_reader.h"

#include <filesystem>
#include <fstream>

namespace tb {

Result<std::shared_ptr<const Tokenizer>> loadTokenizer(const std::string& modelPath) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path path(modelPath);
    if (fs::is_directory(path, ec)) return loadTokenizerFromHfFolder(modelPath);
    if (!fs::exists(path, ec)) return inputError(modelPath + ": no such file or folder");
    if (path.filename() == "tokenizer.json") return loadTokenizerFromHfFolder(path.parent_path().string());
    char magic[4] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(magic, 4);
    if (in.gcount() == 4 && std::string(magic, 4) == "GGUF") {
        auto gguf = GgufFile::open(modelPath);
        if (!gguf) return gguf.error();
        return loadTokenizerFromGguf(**gguf);
    }
    return inputError(modelPath + ": neither a model folder with tokenizer.json nor a GGUF file");
}

}  // namespace tb
