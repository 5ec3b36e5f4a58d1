// The command line: `tunebench <verb> ...` runs headless (no display needed). Each verb lives in its own
// app/cli/verb_<name>.cpp and registers itself with a VerbRegistrar; its body is a call into core.
// Exit codes: 0 success, 1 a problem with the user's input, 2 an internal error.
#pragma once

#include "core/common/result.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <iosfwd>
#include <string>

namespace tb::cli {

enum ExitCode { ExitOk = 0, ExitInput = 1, ExitInternal = 2 };

struct Context {
    bool json = false;          // --json: print exactly one JSON document on stdout
    bool verbose = false;       // --verbose: echo the log to stderr
    std::string workspaceDir;   // --workspace (empty: TUNEBENCH_HOME / XDG default)
    std::string lang;           // --lang (GUI only; accepted everywhere)
    std::string keyFile;        // --key-file: key of an encrypted workspace (see workspace_unlock.h)
    int exitCode = ExitOk;      // set by the verb's callback
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
};

// A verb adds its options and sub-verbs to `verb` and sets verb.callback(...). Callbacks record their
// result in ctx.exitCode (see finish()).
using VerbSetup = std::function<void(CLI::App& verb, Context& ctx)>;

// name may be nested, e.g. "model info"; a group ("model") may register itself with an empty setup
// to give its description, and then requires one of its sub-verbs.
struct VerbRegistrar {
    VerbRegistrar(std::string name, std::string description, VerbSetup setup);
};

// True when argv asks for the command line (a verb, --help or --version) rather than the GUI.
bool isCliInvocation(int argc, char** argv);
// Global options the GUI also honours.
struct GlobalOptions {
    std::string workspaceDir;
    std::string lang;
    bool demo = false;  // --demo: open the demo workspace
    std::string screenshot;  // --screenshot FILE (hidden): grab the main window into FILE and quit
};
GlobalOptions parseGlobalOptions(int argc, char** argv);

int runCli(int argc, char** argv, std::ostream& out, std::ostream& err);

// Helpers for verb bodies.
// Prints a failure (as {"error": ...} with --json, else "error: ..." on stderr) and sets the exit code.
void fail(Context& ctx, const Error& error);
// Prints the JSON document (with --json) or the human text, and sets exit code 0.
void succeed(Context& ctx, const nlohmann::json& document, const std::string& humanText);
int exitCodeFor(const Error& error);

}  // namespace tb::cli
