// The Porter stemmer exactly as NLTK's PorterStemmer() behaves in its default NLTK_EXTENSIONS mode,
// which is what Google's rouge-score uses when use_stemmer=True. Input is expected lowercase ASCII.
// Not the Snowball (Porter2) stemmer and not the ORIGINAL_ALGORITHM / MARTIN_EXTENSIONS modes.
#pragma once

#include <string>
#include <string_view>

namespace tb::eval {

std::string porterStem(std::string_view word);

}  // namespace tb::eval
