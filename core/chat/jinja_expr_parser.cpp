// The Jinja parser's expressions (see jinja_parser.h), with jinja2's precedence:
// condexpr < or < and < not < compare < +,- < ~ < *,/,//,% < ** < unary < postfix/filters/tests.
#include "core/chat/jinja_parser_impl.h"

namespace tb::jinja::detail {

bool Parser::isTupleEnd(std::initializer_list<const char*> extraEnd) const {
    const Token& t = cur();
    if (t.type == TokenType::VariableEnd || t.type == TokenType::BlockEnd || t.type == TokenType::Eof) return true;
    if (isOp(")")) return true;
    for (const char* e : extraEnd)
        if (isName(e)) return true;
    return false;
}

ExprPtr Parser::parseTuple(bool explicitParens, bool withCondexpr, std::initializer_list<const char*> extraEnd) {
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

ExprPtr Parser::parseExpression(bool withCondexpr) {
    DepthGuard guard(*this);
    return withCondexpr ? parseCondexpr() : parseOr();
}

ExprPtr Parser::parseCondexpr() {
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

ExprPtr Parser::parseOr() {
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

ExprPtr Parser::parseAnd() {
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

ExprPtr Parser::parseNot() {
    if (isName("not")) {
        DepthGuard guard(*this);
        const Token& t = next();
        auto e = node(ExprKind::Not, t);
        e->children = {parseNot()};
        return e;
    }
    return parseCompare();
}

ExprPtr Parser::parseCompare() {
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

ExprPtr Parser::binary(BinaryOp op, ExprPtr l, ExprPtr r, const Token& at) {
    auto e = node(ExprKind::Binary, at);
    e->binop = op;
    e->children = {std::move(l), std::move(r)};
    return e;
}

ExprPtr Parser::parseMath1() {
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

ExprPtr Parser::parseConcat() {
    const Token& start = cur();
    std::vector<ExprPtr> args{parseMath2()};
    while (skipOp("~")) args.push_back(parseMath2());
    if (args.size() == 1) return args[0];
    auto e = node(ExprKind::Concat, start);
    e->children = std::move(args);
    return e;
}

ExprPtr Parser::parseMath2() {
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

ExprPtr Parser::parsePow() {
    const Token& start = cur();
    ExprPtr left = parseUnary(true);
    ChainGuard chain(*this);
    while (skipOp("**")) {
        chain.step();
        left = binary(BinaryOp::Pow, left, parseUnary(true), start);
    }
    return left;
}

ExprPtr Parser::parseUnary(bool withFilter) {
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

ExprPtr Parser::parsePrimary() {
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

ExprPtr Parser::parsePostfix(ExprPtr n) {
    ChainGuard chain(*this);
    while (true) {
        chain.step();
        if (isOp(".") || isOp("[")) n = parseSubscript(n);
        else if (isOp("(")) n = parseCall(n);
        else break;
    }
    return n;
}

ExprPtr Parser::parseFilterExpr(ExprPtr n) {
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

ExprPtr Parser::parseSubscript(ExprPtr n) {
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

ExprPtr Parser::parseSubscribed() {
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

void Parser::parseCallArgs(std::shared_ptr<Expr>& e) {
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

ExprPtr Parser::parseCall(ExprPtr callee) {
    DepthGuard guard(*this);
    auto e = node(ExprKind::Call, cur());
    e->children.push_back(callee);
    parseCallArgs(e);
    return e;
}

ExprPtr Parser::parseFilter(ExprPtr n, bool startInline) {
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

ExprPtr Parser::parseTest(ExprPtr n) {
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
}  // namespace tb::jinja::detail
