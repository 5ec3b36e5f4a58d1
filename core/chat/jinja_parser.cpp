// The Jinja parser's statements and entry point (see jinja_parser.h); expressions are in
// jinja_expr_parser.cpp. Method names follow jinja2/parser.py.
#include "core/chat/jinja_parser.h"
#include "core/chat/jinja_parser_impl.h"

namespace tb::jinja {

namespace detail {

bool Parser::atEnd(std::initializer_list<const char*> ends) const {
    for (const char* e : ends)
        if (isName(e)) return true;
    return false;
}

Body Parser::subparse(std::initializer_list<const char*> ends) {
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

Body Parser::parseStatements(std::initializer_list<const char*> ends, bool dropNeedle) {
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

StmtPtr Parser::parseStatement() {
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

void Parser::parseAssignNames(std::shared_ptr<Stmt>& s, std::initializer_list<const char*> extraEnd) {
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

StmtPtr Parser::parseFor() {
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

StmtPtr Parser::parseIf() {
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

StmtPtr Parser::parseSet() {
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

void Parser::parseSignature(std::shared_ptr<Stmt>& s) {
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

StmtPtr Parser::parseMacro() {
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

StmtPtr Parser::parseCallBlock() {
    const Token& t = next();
    auto s = stmt(StmtKind::CallBlock, t);
    if (isOp("(")) parseSignature(s);
    s->expr = parseExpression(true);
    if (s->expr->kind != ExprKind::Call) fail("expected call", &t);
    s->body = parseStatements({"endcall"}, true);
    return s;
}

StmtPtr Parser::parseFilterBlock() {
    const Token& t = next();
    auto s = stmt(StmtKind::FilterBlock, t);
    s->filter = parseFilter(nullptr, true);
    s->body = parseStatements({"endfilter"}, true);
    return s;
}

StmtPtr Parser::parseWith() {
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
}  // namespace detail

Body parseTemplate(const std::vector<Token>& tokens) { return detail::Parser(tokens).parse(); }

}  // namespace tb::jinja
