// Port of nltk.stem.porter.PorterStemmer (mode NLTK_EXTENSIONS), step by step, keeping its rule order:
// in a rule list the first suffix that matches decides, whether or not its condition holds.
#include "core/eval/porter_stemmer.h"

#include <functional>
#include <utility>
#include <vector>

namespace tb::eval {
namespace {

using Word = std::string;

// NLTK's _is_consonant recurses on runs of 'y' ("y is a consonant after a vowel"); computing the whole
// pattern left to right gives the same answer in linear time and without deep recursion on hostile input.
std::vector<bool> consonantPattern(const Word& w) {
    std::vector<bool> consonant(w.size());
    for (size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') consonant[i] = false;
        else if (c == 'y') consonant[i] = i == 0 ? true : !consonant[i - 1];
        else consonant[i] = true;
    }
    return consonant;
}

bool isConsonant(const Word& w, size_t i) {
    // Only the run of 'y's ending at i matters, so walk back over it instead of recursing.
    size_t start = i;
    while (start > 0 && w[start] == 'y') --start;
    bool value;
    char c = w[start];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') value = false;
    else value = true;  // a consonant letter, or 'y' at position 0
    for (size_t k = start + 1; k <= i; ++k) value = !value;  // each following 'y' flips
    return value;
}

int measure(const Word& stem) {
    // Number of "vc" pairs in the consonant/vowel pattern.
    std::vector<bool> consonant = consonantPattern(stem);
    int m = 0;
    for (size_t i = 0; i + 1 < stem.size(); ++i)
        if (!consonant[i] && consonant[i + 1]) ++m;
    return m;
}

bool containsVowel(const Word& stem) {
    std::vector<bool> consonant = consonantPattern(stem);
    for (size_t i = 0; i < stem.size(); ++i)
        if (!consonant[i]) return true;
    return false;
}

bool endsDoubleConsonant(const Word& w) {
    size_t n = w.size();
    return n >= 2 && w[n - 1] == w[n - 2] && isConsonant(w, n - 1);
}

bool endsCvc(const Word& w) {
    size_t n = w.size();
    if (n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) &&
        w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y')
        return true;
    return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);  // NLTK extension
}

bool endsWith(const Word& w, std::string_view suffix) {
    return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Word dropSuffix(const Word& w, size_t n) { return w.substr(0, w.size() - n); }

using Condition = std::function<bool(const Word&)>;
struct Rule {
    std::string suffix;       // "*d" means: ends in a double consonant
    std::string replacement;
    Condition condition;      // empty: always
};

Word applyRules(const Word& word, const std::vector<Rule>& rules) {
    for (const Rule& rule : rules) {
        if (rule.suffix == "*d" && endsDoubleConsonant(word)) {
            Word stem = dropSuffix(word, 2);
            if (!rule.condition || rule.condition(stem)) return stem + rule.replacement;
            return word;
        }
        if (rule.suffix != "*d" && endsWith(word, rule.suffix)) {
            Word stem = dropSuffix(word, rule.suffix.size());
            if (!rule.condition || rule.condition(stem)) return stem + rule.replacement;
            return word;
        }
    }
    return word;
}

bool positiveMeasure(const Word& s) { return measure(s) > 0; }
bool measureAbove1(const Word& s) { return measure(s) > 1; }

Word step1a(const Word& w) {
    if (endsWith(w, "ies") && w.size() == 4) return dropSuffix(w, 3) + "ie";
    return applyRules(w, {{"sses", "ss", {}}, {"ies", "i", {}}, {"ss", "ss", {}}, {"s", "", {}}});
}

Word step1b(const Word& w) {
    if (endsWith(w, "ied")) return dropSuffix(w, 3) + (w.size() == 4 ? "ie" : "i");
    if (endsWith(w, "eed")) {
        Word stem = dropSuffix(w, 3);
        return measure(stem) > 0 ? stem + "ee" : w;
    }
    Word intermediate;
    bool succeeded = false;
    for (std::string_view suffix : {std::string_view("ed"), std::string_view("ing")}) {
        if (endsWith(w, suffix)) {
            intermediate = dropSuffix(w, suffix.size());
            if (containsVowel(intermediate)) {
                succeeded = true;
                break;
            }
        }
    }
    if (!succeeded) return w;
    char last = intermediate.empty() ? '\0' : intermediate.back();
    return applyRules(intermediate,
                      {{"at", "ate", {}},
                       {"bl", "ble", {}},
                       {"iz", "ize", {}},
                       {"*d", std::string(1, last),
                        [last](const Word&) { return last != 'l' && last != 's' && last != 'z'; }},
                       {"", "e", [](const Word& s) { return measure(s) == 1 && endsCvc(s); }}});
}

Word step1c(const Word& w) {
    return applyRules(w, {{"y", "i", [](const Word& s) { return s.size() > 1 && isConsonant(s, s.size() - 1); }}});
}

Word step2(const Word& w) {
    if (endsWith(w, "alli") && positiveMeasure(dropSuffix(w, 4))) return step2(dropSuffix(w, 4) + "al");
    std::vector<Rule> rules = {
        {"ational", "ate", positiveMeasure}, {"tional", "tion", positiveMeasure},
        {"enci", "ence", positiveMeasure},   {"anci", "ance", positiveMeasure},
        {"izer", "ize", positiveMeasure},    {"bli", "ble", positiveMeasure},
        {"alli", "al", positiveMeasure},     {"entli", "ent", positiveMeasure},
        {"eli", "e", positiveMeasure},       {"ousli", "ous", positiveMeasure},
        {"ization", "ize", positiveMeasure}, {"ation", "ate", positiveMeasure},
        {"ator", "ate", positiveMeasure},    {"alism", "al", positiveMeasure},
        {"iveness", "ive", positiveMeasure}, {"fulness", "ful", positiveMeasure},
        {"ousness", "ous", positiveMeasure}, {"aliti", "al", positiveMeasure},
        {"iviti", "ive", positiveMeasure},   {"biliti", "ble", positiveMeasure},
        {"fulli", "ful", positiveMeasure},
        // NLTK checks the measure of the word without its last three letters here.
        {"logi", "log", [&w](const Word&) { return positiveMeasure(dropSuffix(w, 3)); }},
    };
    return applyRules(w, rules);
}

Word step3(const Word& w) {
    return applyRules(w, {{"icate", "ic", positiveMeasure}, {"ative", "", positiveMeasure},
                          {"alize", "al", positiveMeasure}, {"iciti", "ic", positiveMeasure},
                          {"ical", "ic", positiveMeasure},  {"ful", "", positiveMeasure},
                          {"ness", "", positiveMeasure}});
}

Word step4(const Word& w) {
    return applyRules(w, {{"al", "", measureAbove1},    {"ance", "", measureAbove1}, {"ence", "", measureAbove1},
                          {"er", "", measureAbove1},    {"ic", "", measureAbove1},   {"able", "", measureAbove1},
                          {"ible", "", measureAbove1},  {"ant", "", measureAbove1},  {"ement", "", measureAbove1},
                          {"ment", "", measureAbove1},  {"ent", "", measureAbove1},
                          {"ion", "", [](const Word& s) {
                               return measure(s) > 1 && !s.empty() && (s.back() == 's' || s.back() == 't');
                           }},
                          {"ou", "", measureAbove1},    {"ism", "", measureAbove1},  {"ate", "", measureAbove1},
                          {"iti", "", measureAbove1},   {"ous", "", measureAbove1},  {"ive", "", measureAbove1},
                          {"ize", "", measureAbove1}});
}

Word step5a(const Word& w) {
    if (endsWith(w, "e")) {
        Word stem = dropSuffix(w, 1);
        int m = measure(stem);
        if (m > 1) return stem;
        if (m == 1 && !endsCvc(stem)) return stem;
    }
    return w;
}

Word step5b(const Word& w) {
    return applyRules(w, {{"ll", "l", [&w](const Word&) { return measure(dropSuffix(w, 1)) > 1; }}});
}

const std::pair<const char*, const char*> kIrregular[] = {
    {"sky", "sky"},       {"skies", "sky"},     {"dying", "die"},      {"lying", "lie"},
    {"tying", "tie"},     {"news", "news"},     {"innings", "inning"}, {"inning", "inning"},
    {"outings", "outing"}, {"outing", "outing"}, {"cannings", "canning"}, {"canning", "canning"},
    {"howe", "howe"},     {"proceed", "proceed"}, {"exceed", "exceed"}, {"succeed", "succeed"},
};

}  // namespace

std::string porterStem(std::string_view input) {
    Word word;
    word.reserve(input.size());
    for (char c : input) word.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    for (const auto& [form, stem] : kIrregular)
        if (input == form) return stem;
    if (input.size() <= 2) return word;
    word = step1a(word);
    word = step1b(word);
    word = step1c(word);
    word = step2(word);
    word = step3(word);
    word = step4(word);
    word = step5a(word);
    word = step5b(word);
    return word;
}

}  // namespace tb::eval
