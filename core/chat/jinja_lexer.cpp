// The Jinja lexer (see jinja_lexer.h). Follows jinja2/lexer.py rule by rule; comments name the
// jinja2 regular expressions each branch mirrors.
#include "core/chat/jinja_lexer.h"
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_unicode.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstdint>
#include <cstring>

namespace tb::jinja {

namespace {

// Python's `\s` on UTF-8 text: the width of the whitespace character at pos, or 0.
size_t spaceWidth(const std::string& s, size_t pos) {
    auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) return utf8::isSpace(b) ? 1 : 0;
    size_t len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    if (pos + len > s.size()) return 0;
    auto cps = utf8::decode(s.substr(pos, len));
    return cps.size() == 1 && utf8::isSpace(cps[0]) ? len : 0;
}

size_t skipSpaces(const std::string& s, size_t pos) {
    while (pos < s.size()) {
        size_t w = spaceWidth(s, pos);
        if (!w) break;
        pos += w;
    }
    return pos;
}

// Python's str.rstrip() (Unicode whitespace).
std::string rstripSpaces(const std::string& s) {
    auto cps = utf8::decode(s);
    size_t e = cps.size();
    while (e > 0 && utf8::isSpace(cps[e - 1])) --e;
    cps.resize(e);
    return utf8::encode(cps);
}

bool allSpaces(const std::string& s, size_t from) {
    if (from >= s.size()) return false;  // whitespace_re needs at least one character
    return skipSpaces(s, from) == s.size();
}

bool startsWith(const std::string& s, size_t pos, const char* lit) {
    return s.compare(pos, std::strlen(lit), lit) == 0;
}

class Lexer {
public:
    Lexer(const std::string& src, const LexerOptions& o) : m_opt(o) {
        // newline_re.split + "\n".join: \r\n and \r become \n; one trailing newline is dropped.
        m_src.reserve(src.size());
        for (size_t i = 0; i < src.size(); ++i) {
            if (src[i] == '\r') {
                m_src.push_back('\n');
                if (i + 1 < src.size() && src[i + 1] == '\n') ++i;
            } else m_src.push_back(src[i]);
        }
        if (!m_opt.keepTrailingNewline && !m_src.empty() && m_src.back() == '\n') m_src.pop_back();
        m_lineStarts.push_back(0);
        for (size_t i = 0; i < m_src.size(); ++i)
            if (m_src[i] == '\n') m_lineStarts.push_back(i + 1);
    }

    std::vector<Token> run() {
        size_t pos = 0;
        bool lineStarting = true;
        const std::string& s = m_src;
        while (pos < s.size()) {
            size_t tag = findTagStart(pos);
            if (tag == std::string::npos) {
                emitData(s.substr(pos), pos);
                break;
            }
            char kind = s[tag + 1];  // '{', '%' or '#'
            char sign = tag + 2 < s.size() && (s[tag + 2] == '-' || s[tag + 2] == '+') ? s[tag + 2] : 0;
            std::string text = s.substr(pos, tag - pos);
            // OptionalLStrip: '-' strips all whitespace; lstrip_blocks strips a whitespace-only line head.
            if (sign == '-') text = rstripSpaces(text);
            else if (sign != '+' && m_opt.lstripBlocks && kind != '{') {
                size_t lpos = text.rfind('\n');
                lpos = lpos == std::string::npos ? 0 : lpos + 1;
                if ((lpos > 0 || lineStarting) && allSpaces(text, lpos)) text.resize(lpos);
            }
            emitData(text, pos);
            size_t afterOpen = tag + 2 + (sign ? 1 : 0);
            if (kind == '#') {
                pos = lexComment(tag, afterOpen, lineStarting);
            } else if (kind == '%' && isRawBegin(afterOpen)) {
                pos = lexRaw(tag, lineStarting);
            } else {
                push(kind == '{' ? TokenType::VariableBegin : TokenType::BlockBegin, "", tag);
                pos = lexTag(afterOpen, kind == '{', lineStarting);
            }
        }
        push(TokenType::Eof, "", s.size());
        return std::move(m_tokens);
    }

private:
    // Line and column (in code points) of a byte offset. Tokens arrive in order, so the column is
    // counted on from the previous token's instead of from the line start (linear, not quadratic).
    void position(size_t pos, int& line, int& col) const {
        auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), pos);
        size_t idx = static_cast<size_t>(it - m_lineStarts.begin()) - 1;
        line = static_cast<int>(idx + 1);
        size_t from = m_lineStarts[idx];
        size_t base = 0;
        if (m_colCacheLine == idx && m_colCachePos <= pos) {
            from = m_colCachePos;
            base = m_colCacheCol;
        }
        size_t count = base;
        for (size_t i = from; i < pos; ++i)
            if ((static_cast<unsigned char>(m_src[i]) & 0xC0) != 0x80) ++count;
        m_colCacheLine = idx;
        m_colCachePos = pos;
        m_colCacheCol = count;
        col = static_cast<int>(count + 1);
    }
    [[noreturn]] void fail(const std::string& msg, size_t pos) const {
        int line, col;
        position(std::min(pos, m_src.size()), line, col);
        raise("TemplateSyntaxError", msg, line, col);
    }
    Token& push(TokenType t, std::string value, size_t pos) {
        Token tok;
        tok.type = t;
        tok.value = std::move(value);
        position(pos, tok.line, tok.column);
        m_tokens.push_back(std::move(tok));
        return m_tokens.back();
    }
    void emitData(const std::string& text, size_t pos) {
        if (!text.empty()) push(TokenType::Data, text, pos);
    }
    size_t findTagStart(size_t from) const {
        for (size_t p = m_src.find('{', from); p != std::string::npos; p = m_src.find('{', p + 1)) {
            if (p + 1 < m_src.size() && (m_src[p + 1] == '{' || m_src[p + 1] == '%' || m_src[p + 1] == '#')) return p;
        }
        return std::string::npos;
    }

    // (.*?)((?:\+#}|\-#}\s*|#}\n?))
    size_t lexComment(size_t tag, size_t from, bool& lineStarting) {
        for (size_t p = from; p < m_src.size(); ++p) {
            if (startsWith(m_src, p, "+#}")) { lineStarting = false; return p + 3; }
            if (startsWith(m_src, p, "-#}")) {
                size_t end = skipSpaces(m_src, p + 3);
                lineStarting = end > p + 3 && m_src[end - 1] == '\n';
                return end;
            }
            if (startsWith(m_src, p, "#}")) {
                size_t end = p + 2;
                if (m_opt.trimBlocks && end < m_src.size() && m_src[end] == '\n') ++end;
                lineStarting = m_src[end - 1] == '\n';
                return end;
            }
        }
        fail("Missing end of comment tag", tag);
    }

    // {%(-|+|)\s*raw\s*(?:-%}\s*|%})
    size_t rawBeginEnd(size_t from) const {
        size_t p = skipSpaces(m_src, from);
        if (!startsWith(m_src, p, "raw")) return 0;
        p = skipSpaces(m_src, p + 3);
        if (startsWith(m_src, p, "-%}")) return skipSpaces(m_src, p + 3);
        if (startsWith(m_src, p, "%}")) return p + 2;
        return 0;
    }
    bool isRawBegin(size_t from) const { return rawBeginEnd(from) != 0; }

    size_t lexRaw(size_t tag, bool& lineStarting) {
        size_t bodyStart = rawBeginEnd(tag + 2 + ((m_src[tag + 2] == '-' || m_src[tag + 2] == '+') ? 1 : 0));
        for (size_t p = m_src.find("{%", bodyStart); p != std::string::npos; p = m_src.find("{%", p + 1)) {
            char sign = p + 2 < m_src.size() && (m_src[p + 2] == '-' || m_src[p + 2] == '+') ? m_src[p + 2] : 0;
            size_t q = skipSpaces(m_src, p + 2 + (sign ? 1 : 0));
            if (!startsWith(m_src, q, "endraw")) continue;
            q = skipSpaces(m_src, q + 6);
            size_t end;
            if (startsWith(m_src, q, "+%}")) end = q + 3;
            else if (startsWith(m_src, q, "-%}")) end = skipSpaces(m_src, q + 3);
            else if (startsWith(m_src, q, "%}")) {
                end = q + 2;
                if (m_opt.trimBlocks && end < m_src.size() && m_src[end] == '\n') ++end;
            } else continue;
            std::string text = m_src.substr(bodyStart, p - bodyStart);
            if (sign == '-') text = rstripSpaces(text);
            else if (sign != '+' && m_opt.lstripBlocks) {
                size_t lpos = text.rfind('\n');
                lpos = lpos == std::string::npos ? 0 : lpos + 1;
                if (lpos > 0 && allSpaces(text, lpos)) text.resize(lpos);
            }
            emitData(text, bodyStart);
            lineStarting = m_src[end - 1] == '\n';
            return end;
        }
        fail("Missing end of raw directive", tag);
    }

    size_t lexTag(size_t pos, bool variable, bool& lineStarting) {
        const std::string& s = m_src;
        std::vector<char> balance;
        while (true) {
            if (pos >= s.size()) fail("unexpected end of template inside a tag", pos);
            if (balance.empty()) {
                if (variable) {
                    if (startsWith(s, pos, "-}}")) {
                        push(TokenType::VariableEnd, "", pos);
                        size_t end = skipSpaces(s, pos + 3);
                        lineStarting = end > pos + 3 && s[end - 1] == '\n';
                        return end;
                    }
                    if (startsWith(s, pos, "}}")) {
                        push(TokenType::VariableEnd, "", pos);
                        lineStarting = false;
                        return pos + 2;
                    }
                } else {
                    if (startsWith(s, pos, "+%}")) {
                        push(TokenType::BlockEnd, "", pos);
                        lineStarting = false;
                        return pos + 3;
                    }
                    if (startsWith(s, pos, "-%}")) {
                        push(TokenType::BlockEnd, "", pos);
                        size_t end = skipSpaces(s, pos + 3);
                        lineStarting = end > pos + 3 && s[end - 1] == '\n';
                        return end;
                    }
                    if (startsWith(s, pos, "%}")) {
                        push(TokenType::BlockEnd, "", pos);
                        size_t end = pos + 2;
                        if (m_opt.trimBlocks && end < s.size() && s[end] == '\n') ++end;
                        lineStarting = s[end - 1] == '\n';
                        return end;
                    }
                }
            }
            if (size_t w = spaceWidth(s, pos)) { pos = skipSpaces(s, pos + w); continue; }
            char c = s[pos];
            if (c >= '0' && c <= '9') { pos = lexNumber(pos); continue; }
            if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
                size_t e = pos;
                while (e < s.size() && (s[e] == '_' || std::isalnum(static_cast<unsigned char>(s[e])) ||
                                        static_cast<unsigned char>(s[e]) >= 0x80))
                    ++e;
                push(TokenType::Name, s.substr(pos, e - pos), pos);
                pos = e;
                continue;
            }
            if (c == '\'' || c == '"') { pos = lexString(pos); continue; }
            static const char* const ops[] = {"//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~",
                                              "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";"};
            const char* op = nullptr;
            for (const char* o : ops)
                if (startsWith(s, pos, o)) { op = o; break; }
            if (!op) fail(std::string("unexpected char '") + c + "'", pos);
            std::string v = op;
            if (v == "(" || v == "[" || v == "{") balance.push_back(v == "(" ? ')' : v == "[" ? ']' : '}');
            else if (v == ")" || v == "]" || v == "}") {
                if (balance.empty()) fail("unexpected '" + v + "'", pos);
                if (balance.back() != v[0]) fail("unexpected '" + v + "', expected '" + std::string(1, balance.back()) + "'", pos);
                balance.pop_back();
            }
            push(TokenType::Operator, v, pos);
            pos += v.size();
        }
    }

    size_t lexNumber(size_t pos) {
        const std::string& s = m_src;
        auto digits = [&](size_t p, std::string& out) {
            size_t start = p;
            while (p < s.size() && (std::isdigit(static_cast<unsigned char>(s[p])) ||
                                    (s[p] == '_' && p > start && p + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[p + 1]))))) {
                if (s[p] != '_') out.push_back(s[p]);
                ++p;
            }
            return p;
        };
        std::string text;
        size_t p = digits(pos, text);
        bool isFloat = false;
        bool afterDot = pos > 0 && s[pos - 1] == '.';
        if (!afterDot && p + 1 < s.size() && s[p] == '.' && std::isdigit(static_cast<unsigned char>(s[p + 1]))) {
            text.push_back('.');
            p = digits(p + 1, text);
            isFloat = true;
        }
        if (!afterDot && p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
            size_t q = p + 1;
            std::string exp = "e";
            if (q < s.size() && (s[q] == '+' || s[q] == '-')) exp.push_back(s[q++]);
            if (q < s.size() && std::isdigit(static_cast<unsigned char>(s[q]))) {
                p = digits(q, exp);
                text += exp;
                isFloat = true;
            }
        }
        if (isFloat) {
            Token& t = push(TokenType::Float, text, pos);
            t.floatValue = std::strtod(text.c_str(), nullptr);
        } else {
            Token& t = push(TokenType::Integer, text, pos);
            errno = 0;
            t.intValue = std::strtoll(text.c_str(), nullptr, 10);
            if (errno == ERANGE) fail("integer literal too large for Tunebench's 64-bit Jinja: " + text, pos);
        }
        return p;
    }

    size_t lexString(size_t pos) {
        const std::string& s = m_src;
        char q = s[pos];
        size_t p = pos + 1;
        while (p < s.size() && s[p] != q) p += (s[p] == '\\' && p + 1 < s.size()) ? 2 : 1;
        if (p >= s.size()) fail(std::string("unexpected char '") + q + "'", pos);
        push(TokenType::String, unescape(s.substr(pos + 1, p - pos - 1), pos), pos);
        return p + 1;
    }

    // Python's "unicode-escape" decoding of a string literal body.
    std::string unescape(const std::string& body, size_t pos) const {
        std::string out;
        for (size_t i = 0; i < body.size(); ++i) {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.size()) { out.push_back(c); continue; }
            char e = body[++i];
            auto hex = [&](int n) {
                if (i + n >= body.size()) fail("truncated \\x/\\u escape in string literal", pos);
                char32_t v = 0;
                for (int k = 1; k <= n; ++k) {
                    char h = body[i + k];
                    int d = (h >= '0' && h <= '9') ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
                    if (d < 0) fail("truncated \\x/\\u escape in string literal", pos);
                    v = v * 16 + d;
                }
                i += n;
                if (v > 0x10FFFF) fail("illegal Unicode character in string literal", pos);
                utf8::append(out, v);
            };
            switch (e) {
            case '\n': break;
            case '\\': out.push_back('\\'); break;
            case '\'': out.push_back('\''); break;
            case '"': out.push_back('"'); break;
            case 'a': out.push_back('\a'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'v': out.push_back('\v'); break;
            case 'x': hex(2); break;
            case 'u': hex(4); break;
            case 'U': hex(8); break;
            case 'N': fail("\\N{...} escapes are not supported", pos);
            default:
                if (e >= '0' && e <= '7') {
                    char32_t v = e - '0';
                    for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                        v = v * 8 + (body[++i] - '0');
                    utf8::append(out, v);
                } else {
                    out.push_back('\\');
                    out.push_back(e);
                }
            }
        }
        return out;
    }

    LexerOptions m_opt;
    std::string m_src;
    std::vector<size_t> m_lineStarts;
    std::vector<Token> m_tokens;
    mutable size_t m_colCacheLine = SIZE_MAX;
    mutable size_t m_colCachePos = 0;
    mutable size_t m_colCacheCol = 0;
};

}  // namespace

std::vector<Token> tokenize(const std::string& source, const LexerOptions& options) {
    return Lexer(source, options).run();
}

}  // namespace tb::jinja
