#include "core/eval/bleu_tokenizer_13a.h"

#include "core/eval/text_utf8.h"

namespace tb::eval {
namespace {

void replaceAll(std::string& s, std::string_view from, std::string_view to) {
    if (from.empty()) return;
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
        s.replace(pos, from.size(), to);
        pos += to.size();
    }
}

// [\{-\~\[-\` -\&\(-\+\:-\@\/]: ASCII symbols except ' - . , and digits/letters.
bool isSymbol(unsigned char c) {
    return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') || (c >= '(' && c <= '+') ||
           (c >= ':' && c <= '@') || c == '/';
}
bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool isPeriodOrComma(unsigned char c) { return c == '.' || c == ','; }

// The regexp passes work on bytes: every pattern character is ASCII and a UTF-8 multi-byte sequence never
// contains an ASCII byte, so matching "[^0-9]" on the last byte of a sequence inserts the space at the same
// place Python's code-point matching does.
std::string passSymbols(const std::string& s) {
    std::string out;
    out.reserve(s.size() * 2);
    for (unsigned char c : s) {
        if (isSymbol(c)) {
            out.push_back(' ');
            out.push_back(static_cast<char>(c));
            out.push_back(' ');
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

// re.sub(r'([^0-9])([\.,])', r'\1 \2 ')
std::string passNonDigitThenPunct(const std::string& s) {
    std::string out;
    out.reserve(s.size() * 2);
    size_t i = 0;
    while (i < s.size()) {
        unsigned char a = s[i];
        if (i + 1 < s.size() && !isDigit(a) && isPeriodOrComma(static_cast<unsigned char>(s[i + 1]))) {
            out.push_back(static_cast<char>(a));
            out.push_back(' ');
            out.push_back(s[i + 1]);
            out.push_back(' ');
            i += 2;
        } else {
            out.push_back(static_cast<char>(a));
            ++i;
        }
    }
    return out;
}

// re.sub(r'([\.,])([^0-9])', r' \1 \2')
std::string passPunctThenNonDigit(const std::string& s) {
    std::string out;
    out.reserve(s.size() * 2);
    size_t i = 0;
    while (i < s.size()) {
        unsigned char a = s[i];
        if (i + 1 < s.size() && isPeriodOrComma(a) && !isDigit(static_cast<unsigned char>(s[i + 1]))) {
            out.push_back(' ');
            out.push_back(static_cast<char>(a));
            out.push_back(' ');
            out.push_back(s[i + 1]);
            i += 2;
        } else {
            out.push_back(static_cast<char>(a));
            ++i;
        }
    }
    return out;
}

// re.sub(r'([0-9])(-)', r'\1 \2 ')
std::string passDigitDash(const std::string& s) {
    std::string out;
    out.reserve(s.size() * 2);
    size_t i = 0;
    while (i < s.size()) {
        unsigned char a = s[i];
        if (i + 1 < s.size() && isDigit(a) && s[i + 1] == '-') {
            out.push_back(static_cast<char>(a));
            out.append(" - ");
            i += 2;
        } else {
            out.push_back(static_cast<char>(a));
            ++i;
        }
    }
    return out;
}

}  // namespace

std::string tokenize13a(std::string_view input) {
    std::string line(input);
    replaceAll(line, "<skipped>", "");
    replaceAll(line, "-\n", "");
    replaceAll(line, "\n", " ");
    if (line.find('&') != std::string::npos) {
        replaceAll(line, "&quot;", "\"");
        replaceAll(line, "&amp;", "&");
        replaceAll(line, "&lt;", "<");
        replaceAll(line, "&gt;", ">");
    }
    line = " " + line + " ";
    line = passSymbols(line);
    line = passNonDigitThenPunct(line);
    line = passPunctThenNonDigit(line);
    line = passDigitDash(line);
    std::string out;
    for (const std::string& token : splitPythonWhitespace(line)) {
        if (!out.empty()) out.push_back(' ');
        out += token;
    }
    return out;
}

}  // namespace tb::eval
