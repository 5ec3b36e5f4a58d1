#include "core/export/fine_tuned_model.h"

#include "core/export/gguf_model_export.h"
#include "core/export/gguf_tokenizer_metadata.h"
#include "core/export/hf_model_export.h"

namespace tb::exporter {

Result<std::string> saveFullFineTunedModel(const std::string& runDir, const ModelWeights& weights,
                                           const LoadedModel& source) {
    if (!source.hfFolder.empty()) {
        const std::string out = runDir + "/model";
        auto written = writeHfModelFolder(out, weights, source, StorageType::F32);
        if (!written) return written.error();
        return out;
    }
    const std::string out = runDir + "/model.gguf";
    auto meta = ggufTokenizerMetadata(source);
    if (!meta) return meta.error();
    GgufExportOptions options;
    options.type = StorageType::F32;
    TB_TRY(writeGgufModel(out, weights, *meta, options));
    return out;
}

}  // namespace tb::exporter
