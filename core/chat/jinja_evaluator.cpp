// The Jinja evaluator (see jinja_evaluator.h).
#include "core/chat/jinja_evaluator.h"
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_filters.h"
#include "core/chat/jinja_ops.h"

#include <chrono>
#include <cstdio>

namespace tb::jinja {

namespace {

// Attaches a node's position to an error that has none yet.
[[noreturn]] void rethrowAt(JinjaError& e, int line, int column) {
    if (e.line == 0) {
        e.line = line;
        e.column = column;
    }
    throw;
}

struct DepthCount {
    DepthCount(int& d, int limit, const char* what) : d(d) {
        if (d >= limit) raise("RecursionError", std::string("maximum recursion depth exceeded ") + what);
        ++d;
    }
    ~DepthCount() { --d; }
    int& d;
};

}  // namespace

Renderer::Renderer(const RenderOptions& options, const std::vector<std::pair<std::string, Value>>& variables)
    : m_options(options) {
    installGlobals();
    for (auto& [k, v] : variables) m_globals[k] = v;
    m_frames.push_back(std::make_shared<Frame>());
}

std::string Renderer::render(const Body& body) {
    std::string out;
    exec(body, out);
    return out;
}

void Renderer::step() {
    if (++m_steps > m_options.maxSteps)
        raise("TemplateRuntimeError", "the template ran more than " + std::to_string(m_options.maxSteps) +
                                          " loop iterations and macro calls (limit)");
}

void Renderer::append(std::string& out, const std::string& text) {
    if (out.size() + text.size() > m_options.maxOutputBytes)
        raise("TemplateRuntimeError", "the output exceeds the limit of " + std::to_string(m_options.maxOutputBytes) + " bytes");
    out += text;
}

Value Renderer::lookup(const std::string& name) const {
    for (auto it = m_frames.rbegin(); it != m_frames.rend(); ++it) {
        auto f = (*it)->find(name);
        if (f != (*it)->end()) return f->second;
    }
    auto g = m_globals.find(name);
    if (g != m_globals.end()) return g->second;
    return Value::undefined("'" + name + "' is undefined");
}

void Renderer::assign(const std::string& name, Value v) { (*m_frames.back())[name] = std::move(v); }

Renderer::Flow Renderer::exec(const Body& body, std::string& out) {
    for (auto& s : body) {
        Flow f = execStmt(*s, out);
        if (f != Flow::Normal) return f;
    }
    return Flow::Normal;
}

void Renderer::bindTargets(const Stmt& s, const Value& item, Frame& frame) {
    if (!s.tupleTarget) {
        frame[s.targets[0]] = item;
        return;
    }
    if (item.isUndefined()) failUndefined(item);
    ValueList parts = iterate(item);
    if (parts.size() > s.targets.size())
        raise("ValueError", "too many values to unpack (expected " + std::to_string(s.targets.size()) + ")");
    if (parts.size() < s.targets.size())
        raise("ValueError", "not enough values to unpack (expected " + std::to_string(s.targets.size()) + ", got " +
                                std::to_string(parts.size()) + ")");
    for (size_t i = 0; i < parts.size(); ++i) frame[s.targets[i]] = parts[i];
}

Renderer::Flow Renderer::execStmt(const Stmt& s, std::string& out) {
    try {
        switch (s.kind) {
        case StmtKind::Output: append(out, s.text); return Flow::Normal;
        case StmtKind::Print: append(out, toStr(eval(*s.expr))); return Flow::Normal;
        case StmtKind::If:
            for (auto& [test, body] : s.branches) {
                if (!test || eval(*test).truthy()) return exec(body, out);
            }
            return Flow::Normal;
        case StmtKind::For: return execFor(s, out);
        case StmtKind::Set: {
            Value v = eval(*s.expr);
            Frame tmp;
            bindTargets(s, v, tmp);
            for (auto& [k, val] : tmp) assign(k, val);
            return Flow::Normal;
        }
        case StmtKind::NsSet: {
            Value ns = lookup(s.targets[0]);
            if (!ns.isObject() || ns.objectType() != "Namespace")
                raise("TemplateRuntimeError", "cannot assign attribute on non-namespace object");
            Value v = eval(*s.expr);
            ns.mutableDict().set(Value(s.targets[1]), std::move(v));
            return Flow::Normal;
        }
        case StmtKind::SetBlock: {
            std::string captured;
            exec(s.body, captured);
            Value v = s.filter ? evalFilterChain(s.filter.get(), Value(captured)) : Value(captured);
            Frame tmp;
            bindTargets(s, v, tmp);
            for (auto& [k, val] : tmp) assign(k, val);
            return Flow::Normal;
        }
        case StmtKind::FilterBlock: {
            std::string captured;
            exec(s.body, captured);
            append(out, toStr(evalFilterChain(s.filter.get(), Value(captured))));
            return Flow::Normal;
        }
        case StmtKind::Macro: assign(s.name, makeMacro(s, false)); return Flow::Normal;
        case StmtKind::CallBlock: {
            const Expr& c = *s.expr;
            Value callee = eval(*c.children[0]);
            CallArgs args = evalArgs(c, 1);
            args.keyword.emplace_back("caller", makeMacro(s, true));
            append(out, toStr(call(callee, args)));
            return Flow::Normal;
        }
        case StmtKind::With: {
            auto frame = std::make_shared<Frame>();
            for (size_t i = 0; i < s.targets.size(); ++i) (*frame)[s.targets[i]] = eval(*s.values[i]);
            m_frames.push_back(frame);
            Flow f = exec(s.body, out);
            m_frames.pop_back();
            return f;
        }
        case StmtKind::Break: return Flow::Break;
        case StmtKind::Continue: return Flow::Continue;
        case StmtKind::Scope: return exec(s.body, out);
        }
    } catch (JinjaError& e) {
        rethrowAt(e, s.line, s.column);
    }
    return Flow::Normal;
}

Renderer::Flow Renderer::execFor(const Stmt& s, std::string& out) {
    if (s.recursive) raise("TemplateRuntimeError", "recursive for loops are not supported by Tunebench's Jinja engine");
    Value iterable = eval(*s.expr);
    ValueList items = iterate(iterable);
    if (s.filter) {
        ValueList kept;
        for (auto& item : items) {
            step();
            auto frame = std::make_shared<Frame>();
            bindTargets(s, item, *frame);
            m_frames.push_back(frame);
            bool keep = false;
            try {
                keep = eval(*s.filter).truthy();
            } catch (...) {
                m_frames.pop_back();
                throw;
            }
            m_frames.pop_back();
            if (keep) kept.push_back(item);
        }
        items = std::move(kept);
    }
    if (items.empty()) return exec(s.elseBody, out);
    const int64_t n = static_cast<int64_t>(items.size());
    for (int64_t i = 0; i < n; ++i) {
        step();
        auto frame = std::make_shared<Frame>();
        bindTargets(s, items[static_cast<size_t>(i)], *frame);
        // Keys are built once: a loop object per iteration must stay cheap for long loops.
        static const Value kIndex("index"), kIndex0("index0"), kRevindex("revindex"), kRevindex0("revindex0"),
            kFirst("first"), kLast("last"), kLength("length"), kDepth("depth"), kDepth0("depth0"),
            kPrevitem("previtem"), kNextitem("nextitem"), kCycle("cycle");
        ValueDict loop;
        loop.items.reserve(12);
        loop.items.emplace_back(kIndex, Value(i + 1));
        loop.items.emplace_back(kIndex0, Value(i));
        loop.items.emplace_back(kRevindex, Value(n - i));
        loop.items.emplace_back(kRevindex0, Value(n - i - 1));
        loop.items.emplace_back(kFirst, Value(i == 0));
        loop.items.emplace_back(kLast, Value(i == n - 1));
        loop.items.emplace_back(kLength, Value(n));
        loop.items.emplace_back(kDepth, Value(int64_t{1}));
        loop.items.emplace_back(kDepth0, Value(int64_t{0}));
        loop.items.emplace_back(kPrevitem, i > 0 ? items[static_cast<size_t>(i - 1)] : Value::undefined("there is no previous item"));
        loop.items.emplace_back(kNextitem, i + 1 < n ? items[static_cast<size_t>(i + 1)] : Value::undefined("there is no next item"));
        loop.items.emplace_back(kCycle, Value::function("cycle", [i](CallArgs& a) {
            if (a.positional.empty()) typeError("no items for cycling given");
            return a.positional[static_cast<size_t>(i) % a.positional.size()];
        }));
        (*frame)["loop"] = Value::object("LoopContext", std::move(loop));
        m_frames.push_back(frame);
        Flow f;
        try {
            f = exec(s.body, out);
        } catch (...) {
            m_frames.pop_back();
            throw;
        }
        m_frames.pop_back();
        if (f == Flow::Break) break;
    }
    return Flow::Normal;
}

Value Renderer::makeMacro(const Stmt& s, bool isCaller) {
    const Stmt* macro = &s;
    return Value::function(isCaller ? std::string("caller") : s.name,
                           [this, macro, isCaller](CallArgs& a) { return callMacro(*macro, a, isCaller); });
}

Value Renderer::callMacro(const Stmt& m, CallArgs& args, bool isCaller) {
    DepthCount depth(m_callDepth, m_options.maxCallDepth, "in macro calls");
    step();
    auto frame = std::make_shared<Frame>();
    const std::string name = isCaller ? "caller" : m.name;
    if (args.positional.size() > m.params.size())
        typeError("macro '" + name + "' takes not more than " + std::to_string(m.params.size()) + " argument(s)");
    for (size_t i = 0; i < args.positional.size(); ++i) (*frame)[m.params[i]] = args.positional[i];
    for (auto& [k, v] : args.keyword) {
        if (k == "caller" && !isCaller) {
            (*frame)["caller"] = v;
            continue;
        }
        bool known = false;
        for (auto& p : m.params) known = known || p == k;
        if (!known) typeError("macro '" + name + "' takes no keyword argument '" + k + "'");
        (*frame)[k] = v;
    }
    auto saved = m_frames;
    m_frames = {m_frames.front(), frame};
    std::string out;
    try {
        size_t firstDefault = m.params.size() - m.defaults.size();
        for (size_t i = 0; i < m.params.size(); ++i) {
            if (frame->count(m.params[i])) continue;
            if (i >= firstDefault) (*frame)[m.params[i]] = eval(*m.defaults[i - firstDefault]);
            else (*frame)[m.params[i]] = Value::undefined("parameter '" + m.params[i] + "' was not provided");
        }
        exec(m.body, out);
    } catch (...) {
        m_frames = saved;
        throw;
    }
    m_frames = saved;
    return Value(std::move(out));
}

CallArgs Renderer::evalArgs(const Expr& e, size_t firstArg) {
    CallArgs a;
    for (size_t i = firstArg; i < e.children.size(); ++i) a.positional.push_back(eval(*e.children[i]));
    for (size_t i = 0; i < e.kwNames.size(); ++i) a.keyword.emplace_back(e.kwNames[i], eval(*e.kwValues[i]));
    return a;
}

Value Renderer::call(const Value& callee, CallArgs& args) {
    if (callee.isUndefined()) failUndefined(callee);
    if (!callee.isCallable()) typeError("'" + callee.typeName() + "' object is not callable");
    return callee.asCallable().fn(args);
}

Value Renderer::evalFilterChain(const Expr* e, const Value& subject) {
    if (!e) return subject;  // the bottom of a {% filter %} / {% set | f %} chain: the captured text
    if (e->kind != ExprKind::Filter) return eval(*e);  // the bottom of `expr | f | g`
    Value inner = evalFilterChain(e->children[0].get(), subject);
    CallArgs a = evalArgs(*e, 1);
    try {
        return applyFilter(e->name, inner, a, m_options.tojson);
    } catch (JinjaError& err) {
        rethrowAt(err, e->line, e->column);
    }
}

Value Renderer::eval(const Expr& e) {
    DepthCount depth(m_evalDepth, 400, "while evaluating an expression");
    try {
        return evalExpr(e);
    } catch (JinjaError& err) {
        rethrowAt(err, e.line, e.column);
    }
}

Value Renderer::evalExpr(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Const: return e.constant;
    case ExprKind::Name: return lookup(e.name);
    case ExprKind::List:
    case ExprKind::Tuple: {
        ValueList items;
        items.reserve(e.children.size());
        for (auto& c : e.children) items.push_back(eval(*c));
        return Value::list(std::move(items), e.kind == ExprKind::Tuple);
    }
    case ExprKind::Dict: {
        ValueDict d;
        for (size_t i = 0; i + 1 < e.children.size(); i += 2) {
            Value k = eval(*e.children[i]);
            if (k.isList() && !k.isTuple()) typeError("unhashable type: 'list'");
            if (k.isDict()) typeError("unhashable type: 'dict'");
            d.set(k, eval(*e.children[i + 1]));
        }
        return Value::dict(std::move(d));
    }
    case ExprKind::GetAttr: return getAttr(eval(*e.children[0]), e.name);
    case ExprKind::GetItem: {
        Value obj = eval(*e.children[0]);
        const Expr& key = *e.children[1];
        if (key.kind == ExprKind::Slice) {
            auto part = [&](size_t i) { return key.children[i] ? eval(*key.children[i]) : Value::none(); };
            return sliceValue(obj, part(0), part(1), part(2));
        }
        return getItem(obj, eval(key));
    }
    case ExprKind::Slice: raise("TemplateSyntaxError", "slice outside of a subscript");
    case ExprKind::Call: {
        Value callee = eval(*e.children[0]);
        CallArgs a = evalArgs(e, 1);
        return call(callee, a);
    }
    case ExprKind::Filter: return evalFilterChain(&e, Value());
    case ExprKind::Test: {
        Value subject = eval(*e.children[0]);
        CallArgs a = evalArgs(e, 1);
        return Value(applyTest(e.name, subject, a));
    }
    case ExprKind::Not: return Value(!eval(*e.children[0]).truthy());
    case ExprKind::Neg: return negate(eval(*e.children[0]));
    case ExprKind::Pos: return unaryPlus(eval(*e.children[0]));
    case ExprKind::Binary: {
        Value l = eval(*e.children[0]);
        Value r = eval(*e.children[1]);
        return binaryOp(e.binop, l, r);
    }
    case ExprKind::Concat: {
        std::string s;
        for (auto& c : e.children) {
            s += toStr(eval(*c));
            if (s.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
        }
        return Value(std::move(s));
    }
    case ExprKind::Compare: {
        Value left = eval(*e.children[0]);
        for (size_t i = 0; i < e.compareOps.size(); ++i) {
            Value right = eval(*e.children[i + 1]);
            const std::string& op = e.compareOps[i];
            bool ok;
            if (op == "==") ok = valuesEqual(left, right);
            else if (op == "!=") ok = !valuesEqual(left, right);
            else if (op == "in") ok = contains(right, left);
            else if (op == "notin") ok = !contains(right, left);
            else {
                int c = compareValues(left, right, op.c_str());
                ok = op == "<" ? c < 0 : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0;
            }
            if (!ok) return Value(false);
            left = std::move(right);
        }
        return Value(true);
    }
    case ExprKind::And: {
        Value l = eval(*e.children[0]);
        return l.truthy() ? eval(*e.children[1]) : l;
    }
    case ExprKind::Or: {
        Value l = eval(*e.children[0]);
        return l.truthy() ? l : eval(*e.children[1]);
    }
    case ExprKind::CondExpr:
        if (eval(*e.children[0]).truthy()) return eval(*e.children[1]);
        if (e.children[2]) return eval(*e.children[2]);
        return Value::undefined("the inline if-expression on line " + std::to_string(e.line) +
                                " evaluated to false and no else section was defined.");
    }
    return Value();
}

}  // namespace tb::jinja
