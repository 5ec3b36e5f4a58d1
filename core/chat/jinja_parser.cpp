// The Jinja parser (see jinja_parser.h). Method names follow jinja2/parser.py.
#include "core/chat/jinja_parser.h"
#include "core/chat/jinja_error.h"

#include <initializer_list>

namespace tb::jinja {

namespace {

const char* describe(const Token& t) {
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

std::string tokenText(const Token& t) {
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

    // ---- statements ----
    bool atEnd(std::initializer_list<const char*> ends) const {
        for (const char* e : ends)
            if (isName(e)) return true;
        return false;
    }

    Body subparse(std::initializer_list<const char*> ends) {
        Body body;
        while (cur().type != TokenType::Eof) {
            const Token& t = cur();
            if (t.type == TokenType::Data) {
                auto s = stmt(StmtKind::Output, t);
                s->text = t.value;
                body.push_back(s);
                next();
            } else if (t.type == TokenType::VariableBegin) {
                next();
                auto s = stmt(StmtKind::Print, t);
                s->expr = parseTuple(false, true, {});
                expectType(TokenType::VariableEnd);
                body.push_back(s);
            } else if (t.type == TokenType::BlockBegin) {
                next();
                if (ends.size() && atEnd(ends)) return body;
                body.push_back(parseStatement());
                expectType(TokenType::BlockEnd);
            } else {
                fail("unexpected '" + tokenText(t) + "'");
            }
        }
        return body;
    }

    Body parseStatements(std::initializer_list<const char*> ends, bool dropNeedle) {
        DepthGuard guard(*this);
        skipOp(":");
        expectType(TokenType::BlockEnd);
        Body body = subparse(ends);
        if (cur().type == TokenType::Eof) {
            std::string want;
            for (const char* e : ends) want += (want.empty() ? "'" : " or '") + std::string(e) + "'";
            fail("Unexpected end of template. Jinja was looking for the following tags: " + want + ".");
        }
        if (dropNeedle) next();
        return body;
    }

    StmtPtr parseStatement() {
        const Token& t = cur();
        if (t.type != TokenType::Name) fail("tag name expected");
        const std::string& v = t.value;
        if (v == "for") return parseFor();
        if (v == "if") return parseIf();
        if (v == "set") return parseSet();
        if (v == "macro") return parseMacro();
        if (v == "call") return parseCallBlock();
        if (v == "filter") return parseFilterBlock();
        if (v == "with") return parseWith();
        if (v == "print") {
            next();
            auto s = stmt(StmtKind::Print, t);
            s->expr = parseTuple(false, true, {});
            return s;
        }
        if (v == "break" || v == "continue") {
            if (m_loopDepth == 0) fail("'" + v + "' outside of a for loop");
            next();
            return stmt(v == "break" ? StmtKind::Break : StmtKind::Continue, t);
        }
        if (v == "generation") {
            next();
            auto s = stmt(StmtKind::Scope, t);
            s->body = parseStatements({"endgeneration"}, true);
            return s;
        }
        if (v == "block" || v == "extends" || v == "include" || v == "import" || v == "from" || v == "autoescape")
            fail("the '" + v + "' tag is not supported in chat templates");
        fail("Encountered unknown tag '" + v + "'.");
    }

    void parseAssignNames(std::shared_ptr<Stmt>& s, std::initializer_list<const char*> extraEnd) {
        // parse_assign_target(with_tuple=True): names separated by commas (simplified tuple).
        bool paren = skipOp("(");
        while (true) {
            if (!paren && (isTupleEnd(extraEnd) || isOp("="))) break;
            if (paren && isOp(")")) break;
            const Token& n = expectName();
            if (n.value == "true" || n.value == "false" || n.value == "none" || n.value == "True" ||
                n.value == "False" || n.value == "None")
                fail("can't assign to 'const'", &n);
            s->targets.push_back(n.value);
            if (!skipOp(",")) break;
            s->tupleTarget = true;
        }
        if (paren) {
            expectOp(")");
            s->tupleTarget = true;
        }
        if (s->targets.empty()) fail("expected an assignment target");
    }

    StmtPtr parseFor() {
        const Token& t = next();
        auto s = stmt(StmtKind::For, t);
        parseAssignNames(s, {"in"});
        expectNameValue("in");
        s->expr = parseTuple(false, false, {"recursive"});
        if (skipName("if")) s->filter = parseExpression(true);
        s->recursive = skipName("recursive");
        ++m_loopDepth;
        s->body = parseStatements({"endfor", "else"}, false);
        --m_loopDepth;
        if (next().value != "endfor") s->elseBody = parseStatements({"endfor"}, true);
        return s;
    }

    StmtPtr parseIf() {
        const Token& t = next();
        auto s = stmt(StmtKind::If, t);
        while (true) {
            ExprPtr test = parseTuple(false, false, {});
            Body body = parseStatements({"elif", "else", "endif"}, false);
            s->branches.emplace_back(test, std::move(body));
            const Token& tok = next();
            if (tok.value == "elif") continue;
            if (tok.value == "else") s->branches.emplace_back(nullptr, parseStatements({"endif"}, true));
            break;
        }
        return s;
    }

    StmtPtr parseSet() {
        const Token& t = next();
        if (cur().type == TokenType::Name && look().type == TokenType::Operator && look().value == ".") {
            auto s = stmt(StmtKind::NsSet, t);
            s->targets.push_back(next().value);
            next();
            s->targets.push_back(expectName().value);
            expectOp("=");
            s->expr = parseTuple(false, true, {});
            return s;
        }
        auto s = stmt(StmtKind::Set, t);
        parseAssignNames(s, {});
        if (skipOp("=")) {
            s->expr = parseTuple(false, true, {});
            return s;
        }
        s->kind = StmtKind::SetBlock;
        if (isOp("|")) s->filter = parseFilter(nullptr, false);
        s->body = parseStatements({"endset"}, true);
        return s;
    }

    void parseSignature(std::shared_ptr<Stmt>& s) {
        expectOp("(");
        while (!isOp(")")) {
            if (!s->params.empty()) expectOp(",");
            const Token& n = expectName();
            s->params.push_back(n.value);
            if (skipOp("=")) s->defaults.push_back(parseExpression(true));
            else if (!s->defaults.empty()) fail("non-default argument follows default argument");
        }
        expectOp(")");
    }

    StmtPtr parseMacro() {
        const Token& t = next();
        auto s = stmt(StmtKind::Macro, t);
        s->name = expectName().value;
        parseSignature(s);
        int saved = m_loopDepth;
        m_loopDepth = 0;
        s->body = parseStatements({"endmacro"}, true);
        m_loopDepth = saved;
        return s;
    }

    StmtPtr parseCallBlock() {
        const Token& t = next();
        auto s = stmt(StmtKind::CallBlock, t);
        if (isOp("(")) parseSignature(s);
        s->expr = parseExpression(true);
        if (s->expr->kind != ExprKind::Call) fail("expected call", &t);
        s->body = parseStatements({"endcall"}, true);
        return s;
    }

    StmtPtr parseFilterBlock() {
        const Token& t = next();
        auto s = stmt(StmtKind::FilterBlock, t);
        s->filter = parseFilter(nullptr, true);
        s->body = parseStatements({"endfilter"}, true);
        return s;
    }

    StmtPtr parseWith() {
        const Token& t = next();
        auto s = stmt(StmtKind::With, t);
        while (cur().type != TokenType::BlockEnd) {
            if (!s->targets.empty()) expectOp(",");
            s->targets.push_back(expectName().value);
            expectOp("=");
            s->values.push_back(parseExpression(true));
        }
        s->body = parseStatements({"endwith"}, true);
        return s;
    }

    // ---- expressions ----
    bool isTupleEnd(std::initializer_list<const char*> extraEnd) const {
        const Token& t = cur();
        if (t.type == TokenType::VariableEnd || t.type == TokenType::BlockEnd || t.type == TokenType::Eof) return true;
        if (isOp(")")) return true;
        for (const char* e : extraEnd)
            if (isName(e)) return true;
        return false;
    }

    ExprPtr parseTuple(bool explicitParens, bool withCondexpr, std::initializer_list<const char*> extraEnd) {
        const Token& start = cur();
        std::vector<ExprPtr> args;
        bool isTuple = false;
        while (true) {
            if (!args.empty()) expectOp(",");
            if (isTupleEnd(extraEnd)) break;
            args.push_back(parseExpression(withCondexpr));
            if (isOp(",")) isTuple = true;
            else break;
        }
        if (!isTuple) {
            if (!args.empty()) return args[0];
            if (!explicitParens) fail("Expected an expression, got '" + tokenText(cur()) + "'");
        }
        auto e = node(ExprKind::Tuple, start);
        e->children = std::move(args);
        return e;
    }

    ExprPtr parseExpression(bool withCondexpr) {
        DepthGuard guard(*this);
        return withCondexpr ? parseCondexpr() : parseOr();
    }

    ExprPtr parseCondexpr() {
        const Token& start = cur();
        ExprPtr expr1 = parseOr();
        ChainGuard chain(*this);
        while (skipName("if")) {
            chain.step();
            ExprPtr expr2 = parseOr();
            ExprPtr expr3 = skipName("else") ? parseCondexpr() : nullptr;
            auto e = node(ExprKind::CondExpr, start);
            e->children = {expr2, expr1, expr3};
            expr1 = e;
        }
        return expr1;
    }

    ExprPtr parseOr() {
        ExprPtr left = parseAnd();
        ChainGuard chain(*this);
        while (isName("or")) {
            chain.step();
            const Token& t = next();
            auto e = node(ExprKind::Or, t);
            e->children = {left, parseAnd()};
            left = e;
        }
        return left;
    }

    ExprPtr parseAnd() {
        ExprPtr left = parseNot();
        ChainGuard chain(*this);
        while (isName("and")) {
            chain.step();
            const Token& t = next();
            auto e = node(ExprKind::And, t);
            e->children = {left, parseNot()};
            left = e;
        }
        return left;
    }

    ExprPtr parseNot() {
        if (isName("not")) {
            DepthGuard guard(*this);
            const Token& t = next();
            auto e = node(ExprKind::Not, t);
            e->children = {parseNot()};
            return e;
        }
        return parseCompare();
    }

    ExprPtr parseCompare() {
        const Token& start = cur();
        ExprPtr expr = parseMath1();
        std::shared_ptr<Expr> cmp;
        while (true) {
            std::string op;
            if (cur().type == TokenType::Operator &&
                (isOp("==") || isOp("!=") || isOp("<") || isOp("<=") || isOp(">") || isOp(">="))) {
                op = next().value;
            } else if (skipName("in")) {
                op = "in";
            } else if (isName("not") && look().type == TokenType::Name && look().value == "in") {
                next();
                next();
                op = "notin";
            } else break;
            if (!cmp) {
                cmp = node(ExprKind::Compare, start);
                cmp->children.push_back(expr);
            }
            cmp->compareOps.push_back(op);
            cmp->children.push_back(parseMath1());
        }
        return cmp ? cmp : expr;
    }

    ExprPtr binary(BinaryOp op, ExprPtr l, ExprPtr r, const Token& at) {
        auto e = node(ExprKind::Binary, at);
        e->binop = op;
        e->children = {std::move(l), std::move(r)};
        return e;
    }

    ExprPtr parseMath1() {
        const Token& start = cur();
        ExprPtr left = parseConcat();
        ChainGuard chain(*this);
        while (isOp("+") || isOp("-")) {
            chain.step();
            BinaryOp op = next().value == "+" ? BinaryOp::Add : BinaryOp::Sub;
            left = binary(op, left, parseConcat(), start);
        }
        return left;
    }

    ExprPtr parseConcat() {
        const Token& start = cur();
        std::vector<ExprPtr> args{parseMath2()};
        while (skipOp("~")) args.push_back(parseMath2());
        if (args.size() == 1) return args[0];
        auto e = node(ExprKind::Concat, start);
        e->children = std::move(args);
        return e;
    }

    ExprPtr parseMath2() {
        const Token& start = cur();
        ExprPtr left = parsePow();
        ChainGuard chain(*this);
        while (isOp("*") || isOp("/") || isOp("//") || isOp("%")) {
            chain.step();
            const std::string& v = next().value;
            BinaryOp op = v == "*" ? BinaryOp::Mul : v == "/" ? BinaryOp::Div : v == "//" ? BinaryOp::FloorDiv : BinaryOp::Mod;
            left = binary(op, left, parsePow(), start);
        }
        return left;
    }

    ExprPtr parsePow() {
        const Token& start = cur();
        ExprPtr left = parseUnary(true);
        ChainGuard chain(*this);
        while (skipOp("**")) {
            chain.step();
            left = binary(BinaryOp::Pow, left, parseUnary(true), start);
        }
        return left;
    }

    ExprPtr parseUnary(bool withFilter) {
        DepthGuard guard(*this);
        const Token& t = cur();
        ExprPtr n;
        if (isOp("-") || isOp("+")) {
            next();
            auto e = node(t.value == "-" ? ExprKind::Neg : ExprKind::Pos, t);
            e->children = {parseUnary(false)};
            n = e;
        } else {
            n = parsePrimary();
        }
        n = parsePostfix(n);
        if (withFilter) n = parseFilterExpr(n);
        return n;
    }

    ExprPtr parsePrimary() {
        const Token& t = cur();
        if (t.type == TokenType::Name) {
            next();
            auto e = node(ExprKind::Const, t);
            if (t.value == "true" || t.value == "True") e->constant = Value(true);
            else if (t.value == "false" || t.value == "False") e->constant = Value(false);
            else if (t.value == "none" || t.value == "None") e->constant = Value::none();
            else {
                e->kind = ExprKind::Name;
                e->name = t.value;
            }
            return e;
        }
        if (t.type == TokenType::String) {
            std::string s;
            while (cur().type == TokenType::String) s += next().value;
            auto e = node(ExprKind::Const, t);
            e->constant = Value(std::move(s));
            return e;
        }
        if (t.type == TokenType::Integer || t.type == TokenType::Float) {
            next();
            auto e = node(ExprKind::Const, t);
            e->constant = t.type == TokenType::Integer ? Value(t.intValue) : Value(t.floatValue);
            return e;
        }
        if (isOp("(")) {
            next();
            ExprPtr e = parseTuple(true, true, {});
            expectOp(")");
            return e;
        }
        if (isOp("[")) {
            next();
            auto e = node(ExprKind::List, t);
            while (!isOp("]")) {
                if (!e->children.empty()) expectOp(",");
                if (isOp("]")) break;
                e->children.push_back(parseExpression(true));
            }
            expectOp("]");
            return e;
        }
        if (isOp("{")) {
            next();
            auto e = node(ExprKind::Dict, t);
            while (!isOp("}")) {
                if (!e->children.empty()) expectOp(",");
                if (isOp("}")) break;
                e->children.push_back(parseExpression(true));
                expectOp(":");
                e->children.push_back(parseExpression(true));
            }
            expectOp("}");
            return e;
        }
        fail("unexpected '" + tokenText(t) + "'");
    }

    ExprPtr parsePostfix(ExprPtr n) {
        ChainGuard chain(*this);
        while (true) {
            chain.step();
            if (isOp(".") || isOp("[")) n = parseSubscript(n);
            else if (isOp("(")) n = parseCall(n);
            else break;
        }
        return n;
    }

    ExprPtr parseFilterExpr(ExprPtr n) {
        ChainGuard chain(*this);
        while (true) {
            chain.step();
            if (isOp("|")) n = parseFilter(n, false);
            else if (isName("is")) n = parseTest(n);
            else if (isOp("(")) n = parseCall(n);
            else break;
        }
        return n;
    }

    ExprPtr parseSubscript(ExprPtr n) {
        DepthGuard guard(*this);
        const Token& t = next();
        if (t.value == ".") {
            const Token& attr = next();
            if (attr.type == TokenType::Name) {
                auto e = node(ExprKind::GetAttr, t);
                e->children = {n};
                e->name = attr.value;
                return e;
            }
            if (attr.type != TokenType::Integer) fail("expected name or number", &attr);
            auto k = node(ExprKind::Const, attr);
            k->constant = Value(attr.intValue);
            auto e = node(ExprKind::GetItem, t);
            e->children = {n, k};
            return e;
        }
        std::vector<ExprPtr> args;
        while (!isOp("]")) {
            if (!args.empty()) expectOp(",");
            args.push_back(parseSubscribed());
        }
        expectOp("]");
        auto e = node(ExprKind::GetItem, t);
        if (args.size() == 1) e->children = {n, args[0]};
        else {
            auto tup = node(ExprKind::Tuple, t);
            tup->children = std::move(args);
            e->children = {n, tup};
        }
        return e;
    }

    ExprPtr parseSubscribed() {
        const Token& start = cur();
        std::vector<ExprPtr> args;
        if (isOp(":")) {
            next();
            args.push_back(nullptr);
        } else {
            ExprPtr e = parseExpression(true);
            if (!isOp(":")) return e;
            next();
            args.push_back(e);
        }
        if (isOp(":")) args.push_back(nullptr);
        else if (!isOp("]") && !isOp(",")) args.push_back(parseExpression(true));
        else args.push_back(nullptr);
        if (isOp(":")) {
            next();
            if (!isOp("]") && !isOp(",")) args.push_back(parseExpression(true));
            else args.push_back(nullptr);
        } else args.push_back(nullptr);
        auto s = node(ExprKind::Slice, start);
        s->children = std::move(args);
        return s;
    }

    void parseCallArgs(std::shared_ptr<Expr>& e) {
        const Token& open = expectOp("(");
        bool requireComma = false;
        while (!isOp(")")) {
            if (requireComma) {
                expectOp(",");
                if (isOp(")")) break;
            }
            if (isOp("*") || isOp("**")) fail("*args and **kwargs in calls are not supported", &open);
            if (cur().type == TokenType::Name && look().type == TokenType::Operator && look().value == "=") {
                e->kwNames.push_back(next().value);
                next();
                e->kwValues.push_back(parseExpression(true));
            } else {
                if (!e->kwNames.empty()) fail("invalid syntax for function call expression", &open);
                e->children.push_back(parseExpression(true));
            }
            requireComma = true;
        }
        expectOp(")");
    }

    ExprPtr parseCall(ExprPtr callee) {
        DepthGuard guard(*this);
        auto e = node(ExprKind::Call, cur());
        e->children.push_back(callee);
        parseCallArgs(e);
        return e;
    }

    ExprPtr parseFilter(ExprPtr n, bool startInline) {
        ChainGuard chain(*this);
        while (isOp("|") || startInline) {
            chain.step();
            if (!startInline) next();
            const Token& t = expectName();
            std::string name = t.value;
            while (isOp(".")) {
                next();
                name += "." + expectName().value;
            }
            if (!isKnownFilter(name)) raise("TemplateAssertionError", "No filter named '" + name + "'.", t.line, t.column);
            auto e = node(ExprKind::Filter, t);
            e->name = name;
            e->children.push_back(n);
            if (isOp("(")) parseCallArgs(e);
            n = e;
            startInline = false;
        }
        return n;
    }

    ExprPtr parseTest(ExprPtr n) {
        const Token& isTok = next();
        bool negated = skipName("not");
        const Token& t = expectName();
        std::string name = t.value;
        while (isOp(".")) {
            next();
            name += "." + expectName().value;
        }
        if (!isKnownTest(name)) raise("TemplateAssertionError", "No test named '" + name + "'.", t.line, t.column);
        auto e = node(ExprKind::Test, isTok);
        e->name = name;
        e->children.push_back(n);
        const Token& c = cur();
        if (isOp("(")) parseCallArgs(e);
        else if ((c.type == TokenType::Name || c.type == TokenType::String || c.type == TokenType::Integer ||
                  c.type == TokenType::Float || isOp("(") || isOp("[") || isOp("{")) &&
                 !isName("else") && !isName("or") && !isName("and")) {
            if (isName("is")) fail("You cannot chain multiple tests with is");
            e->children.push_back(parsePostfix(parsePrimary()));
        }
        if (!negated) return e;
        auto notE = node(ExprKind::Not, isTok);
        notE->children = {e};
        return notE;
    }

    const std::vector<Token>& m_t;
    size_t m_pos = 0;
    int m_depth = 0;
    int m_loopDepth = 0;
};

}  // namespace

Body parseTemplate(const std::vector<Token>& tokens) { return Parser(tokens).parse(); }

}  // namespace tb::jinja
