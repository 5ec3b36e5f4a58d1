// SentencePiece initial symbols and score-derived merges.
#include "core/tokenizer/spm_bpe.h"

#include "core/tokenizer/utf8.h"

#include <algorithm>

namespace tb {

void spmInitialSymbols(const std::string& word, const SpmSymbolTables& t, std::vector<int32_t>& symbols) {
    size_t pos = 0;
    bool lastWasUnk = false;
    while (pos < word.size()) {
        const size_t start = pos;
        const uint32_t cp = utf8::decodeAt(word, pos);
        auto it = t.charIds->find(cp);
        if (it != t.charIds->end()) {
            symbols.push_back(it->second);
            lastWasUnk = false;
            continue;
        }
        if (t.byteFallback) {
            bool all = true;
            for (size_t i = start; i < pos; ++i)
                if ((*t.byteIds)[static_cast<unsigned char>(word[i])] < 0) all = false;
            if (all) {
                for (size_t i = start; i < pos; ++i) symbols.push_back((*t.byteIds)[static_cast<unsigned char>(word[i])]);
                lastWasUnk = false;
                continue;
            }
        }
        if (t.unkId < 0) continue;  // no way to represent it: drop, as llama.cpp does
        if (!(t.fuseUnk && lastWasUnk)) symbols.push_back(t.unkId);
        lastWasUnk = true;
    }
}

MergeTable mergesFromScores(const std::vector<std::string>& pieces, const std::vector<TokenType>& types,
                            const std::vector<float>& scores, const std::unordered_map<std::string, int>& modelIds) {
    auto isNormal = [&](int id) { return types.empty() || types[id] == TokenType::Normal; };
    // Dense ranks: distinct scores in descending order.
    std::vector<float> distinct(scores);
    std::sort(distinct.begin(), distinct.end(), [](float a, float b) { return a > b; });
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    auto rankOf = [&](float s) {
        return static_cast<int32_t>(std::lower_bound(distinct.begin(), distinct.end(), s, [](float a, float b) { return a > b; }) -
                                    distinct.begin());
    };
    MergeTable table;
    table.reserve(pieces.size() * 2);
    for (size_t id = 0; id < pieces.size(); ++id) {
        if (!isNormal(static_cast<int>(id))) continue;
        const std::string& p = pieces[id];
        if (p.empty()) continue;
        const int32_t rank = rankOf(id < scores.size() ? scores[id] : 0.0f);
        size_t cut = utf8::sequenceLength(static_cast<unsigned char>(p[0]));
        while (cut < p.size()) {
            auto l = modelIds.find(p.substr(0, cut));
            if (l != modelIds.end() && isNormal(l->second)) {
                auto r = modelIds.find(p.substr(cut));
                if (r != modelIds.end() && isNormal(r->second))
                    table.add(l->second, r->second, rank, static_cast<int32_t>(id));
            }
            cut += utf8::sequenceLength(static_cast<unsigned char>(p[cut]));
        }
    }
    return table;
}

}  // namespace tb
