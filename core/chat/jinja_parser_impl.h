// Internal to the Jinja parser: the Parser class shared by jinja_parser.cpp (statements) and
// jinja_expr_parser.cpp (expressions), with its token-stream helpers and nesting guards.
// Not a public header; use parseTemplate() from jinja_parser.h.
#pragma once

#include "core/chat/jinja_error.h"
#include "core/chat/jinja_parser.h"

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace tb::jinja::detail {

inline const char* describe(const Token& t) {
    switch (t.type) {
    case TokenType::Data: return "template data";
    case TokenType::VariableBegin: return "begin of print statement";
    case TokenType::VariableEnd: return "end of print statement";
    case TokenType::BlockBegin: return "begin of statement block";
    case TokenType::BlockEnd: return "end of statement block";
    case TokenType::Eof: return "end of template";
    default: return nullptr;
    }
}

inline std::string tokenText(const Token& t) {
    const char* d = describe(t);
    return d ? std::string(d) : t.value;
}

class Parser {
public:
    explicit Parser(const std::vector<Token>& tokens) : m_t(tokens) {}

    Body parse() {
        Body body = subparse({});
        if (cur().type != TokenType::Eof) fail("unexpected '" + tokenText(cur()) + "'");
        return body;
    }

private:
    // ---- token stream ----
    const Token& cur() const { return m_t[m_pos]; }
    const Token& look() const { return m_t[m_pos + 1 < m_t.size() ? m_pos + 1 : m_pos]; }
    const Token& next() {
        const Token& t = m_t[m_pos];
        if (m_pos + 1 < m_t.size()) ++m_pos;
        return t;
    }
    bool isName(const char* v) const { return cur().type == TokenType::Name && cur().value == v; }
    bool isOp(const char* v) const { return cur().type == TokenType::Operator && cur().value == v; }
    bool skipName(const char* v) {
        if (!isName(v)) return false;
        next();
        return true;
    }
    bool skipOp(const char* v) {
        if (!isOp(v)) return false;
        next();
        return true;
    }
    [[noreturn]] void fail(const std::string& msg, const Token* at = nullptr) const {
        const Token& t = at ? *at : cur();
        raise("TemplateSyntaxError", msg, t.line, t.column);
    }
    const Token& expectOp(const char* v) {
        if (!isOp(v)) fail(std::string("expected token '") + v + "', got '" + tokenText(cur()) + "'");
        return next();
    }
    const Token& expectType(TokenType type) {
        if (cur().type != type) {
            Token want;
            want.type = type;
            const char* d = describe(want);
            fail(std::string("expected token '") + (d ? d : "name") + "', got '" + tokenText(cur()) + "'");
        }
        return next();
    }
    const Token& expectName() {
        if (cur().type != TokenType::Name) fail("expected token 'name', got '" + tokenText(cur()) + "'");
        return next();
    }
    void expectNameValue(const char* v) {
        if (!isName(v)) fail(std::string("expected token '") + v + "', got '" + tokenText(cur()) + "'");
        next();
    }

    struct DepthGuard {
        explicit DepthGuard(Parser& p) : p(p) {
            if (++p.m_depth > kMaxParseDepth) p.fail("template nesting is too deep (limit " + std::to_string(kMaxParseDepth) + ")");
        }
        ~DepthGuard() { --p.m_depth; }
        Parser& p;
    };

    // Each link of a left-deep chain (a + b + c, x.y.z, v|f|g) deepens the tree like a nesting level.
    struct ChainGuard {
        explicit ChainGuard(Parser& p) : p(p) {}
        void step() {
            ++n;
            if (++p.m_depth > kMaxParseDepth) p.fail("expression is too deeply nested or chained (limit " + std::to_string(kMaxParseDepth) + ")");
        }
        ~ChainGuard() { p.m_depth -= n; }
        Parser& p;
        int n = 0;
    };

    std::shared_ptr<Expr> node(ExprKind k, const Token& at) {
        auto e = std::make_shared<Expr>();
        e->kind = k;
        e->line = at.line;
        e->column = at.column;
        return e;
    }
    std::shared_ptr<Stmt> stmt(StmtKind k, const Token& at) {
        auto s = std::make_shared<Stmt>();
        s->kind = k;
        s->line = at.line;
        s->column = at.column;
        return s;
    }

    // ---- statements (jinja_parser.cpp) ----
    bool atEnd(std::initializer_list<const char*> ends) const;
    Body subparse(std::initializer_list<const char*> ends);
    Body parseStatements(std::initializer_list<const char*> ends, bool dropNeedle);
    StmtPtr parseStatement();
    void parseAssignNames(std::shared_ptr<Stmt>& s, std::initializer_list<const char*> extraEnd);
    StmtPtr parseFor();
    StmtPtr parseIf();
    StmtPtr parseSet();
    void parseSignature(std::shared_ptr<Stmt>& s);
    StmtPtr parseMacro();
    StmtPtr parseCallBlock();
    StmtPtr parseFilterBlock();
    StmtPtr parseWith();

    // ---- expressions (jinja_expr_parser.cpp) ----
    bool isTupleEnd(std::initializer_list<const char*> extraEnd) const;
    ExprPtr parseTuple(bool explicitParens, bool withCondexpr, std::initializer_list<const char*> extraEnd);
    ExprPtr parseExpression(bool withCondexpr);
    ExprPtr parseCondexpr();
    ExprPtr parseOr();
    ExprPtr parseAnd();
    ExprPtr parseNot();
    ExprPtr parseCompare();
    ExprPtr binary(BinaryOp op, ExprPtr l, ExprPtr r, const Token& at);
    ExprPtr parseMath1();
    ExprPtr parseConcat();
    ExprPtr parseMath2();
    ExprPtr parsePow();
    ExprPtr parseUnary(bool withFilter);
    ExprPtr parsePrimary();
    ExprPtr parsePostfix(ExprPtr n);
    ExprPtr parseFilterExpr(ExprPtr n);
    ExprPtr parseSubscript(ExprPtr n);
    ExprPtr parseSubscribed();
    void parseCallArgs(std::shared_ptr<Expr>& e);
    ExprPtr parseCall(ExprPtr callee);
    ExprPtr parseFilter(ExprPtr n, bool startInline);
    ExprPtr parseTest(ExprPtr n);

    const std::vector<Token>& m_t;
    size_t m_pos = 0;
    int m_depth = 0;
    int m_loopDepth = 0;
};

}  // namespace tb::jinja::detail
