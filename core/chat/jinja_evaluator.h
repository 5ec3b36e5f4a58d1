// The Jinja evaluator: walks the syntax tree with jinja2's scoping (a fresh scope per loop iteration,
// `if` adds none, namespace() for state across iterations), its globals (range, namespace, dict,
// raise_exception, strftime_now) and the render limits of RenderOptions. Internal to the engine:
// it throws JinjaError, which JinjaTemplate turns into a tb::Result.
#pragma once

#include "core/chat/jinja_ast.h"
#include "core/chat/jinja_template.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace tb::jinja {

class Renderer {
public:
    Renderer(const RenderOptions& options, const std::vector<std::pair<std::string, Value>>& variables);
    std::string render(const Body& body);

private:
    enum class Flow { Normal, Break, Continue };
    using Frame = std::unordered_map<std::string, Value>;

    Flow exec(const Body& body, std::string& out);
    Flow execStmt(const Stmt& s, std::string& out);
    Flow execFor(const Stmt& s, std::string& out);
    Value eval(const Expr& e);
    Value evalExpr(const Expr& e);
    Value evalFilterChain(const Expr* e, const Value& subject);
    CallArgs evalArgs(const Expr& e, size_t firstArg);
    Value call(const Value& callee, CallArgs& args);
    Value callMacro(const Stmt& macro, CallArgs& args, bool isCaller);
    Value makeMacro(const Stmt& s, bool isCaller);

    Value lookup(const std::string& name) const;
    void assign(const std::string& name, Value v);
    void bindTargets(const Stmt& s, const Value& item, Frame& frame);
    void append(std::string& out, const std::string& text);
    void step();
    void installGlobals();
    std::string strftimeNow(const std::string& format) const;

    RenderOptions m_options;
    std::vector<std::shared_ptr<Frame>> m_frames;
    Frame m_globals;
    int64_t m_steps = 0;
    int m_callDepth = 0;
    int m_evalDepth = 0;
};

}  // namespace tb::jinja
