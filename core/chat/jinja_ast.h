// The syntax tree the Jinja parser builds and the evaluator walks: expressions (Expr) and statements
// (Stmt), each with the template line and column they came from. Plain data, no behaviour.
#pragma once

#include "core/chat/jinja_ops.h"
#include "core/chat/jinja_value.h"

#include <memory>
#include <string>
#include <vector>

namespace tb::jinja {

struct Expr;
struct Stmt;
using ExprPtr = std::shared_ptr<const Expr>;
using StmtPtr = std::shared_ptr<const Stmt>;
using Body = std::vector<StmtPtr>;

enum class ExprKind {
    Const,     // constant
    Name,      // name
    List,      // children
    Tuple,     // children
    Dict,      // children: key0, value0, key1, value1, ...
    GetAttr,   // children[0].name
    GetItem,   // children[0][children[1]]
    Slice,     // children: start, stop, step (each may be null); only inside GetItem
    Call,      // children[0](children[1..], kw...)
    Filter,    // children[0] | name(children[1..], kw...); children[0] null inside {% filter %}/{% set %} blocks
    Test,      // children[0] is name(children[1..], kw...)
    Not, Neg, Pos,  // children[0]
    Binary,    // children[0] binop children[1]
    Concat,    // children joined with ~
    Compare,   // children[0] compareOps[0] children[1] compareOps[1] children[2] ...
    And, Or,   // children[0], children[1]
    CondExpr,  // children: test, then, else (else may be null)
};

struct Expr {
    ExprKind kind = ExprKind::Const;
    int line = 0;
    int column = 0;
    Value constant;
    std::string name;
    BinaryOp binop = BinaryOp::Add;
    std::vector<std::string> compareOps;  // "==", "!=", "<", "<=", ">", ">=", "in", "notin"
    std::vector<ExprPtr> children;
    std::vector<std::string> kwNames;
    std::vector<ExprPtr> kwValues;
};

enum class StmtKind {
    Output,       // text
    Print,        // expr
    If,           // branches (test null for else)
    For,          // targets, expr (iterable), filter, body, elseBody, recursive
    Set,          // targets, expr
    NsSet,        // targets = {namespace, attribute}, expr
    SetBlock,     // targets, filter (null subject chain or null), body
    Macro,        // name, params, defaults, body
    CallBlock,    // expr (the call), params, defaults, body (the caller)
    FilterBlock,  // filter, body
    With,         // targets, values, body
    Break,
    Continue,
    Scope,        // body rendered as is ({% generation %})
};

struct Stmt {
    StmtKind kind = StmtKind::Output;
    int line = 0;
    int column = 0;
    std::string text;
    std::string name;
    ExprPtr expr;
    ExprPtr filter;
    std::vector<std::pair<ExprPtr, Body>> branches;
    std::vector<std::string> targets;
    bool tupleTarget = false;
    std::vector<std::string> params;
    std::vector<ExprPtr> defaults;  // aligned to the last params
    std::vector<ExprPtr> values;    // With
    Body body;
    Body elseBody;
    bool recursive = false;
};

}  // namespace tb::jinja
