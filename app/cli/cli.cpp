#include "app/cli/cli.h"

#include "core/common/log.h"

#include <iostream>
#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

namespace tb::cli {

namespace {
struct VerbEntry {
    std::string name;
    std::string description;
    VerbSetup setup;
};
std::vector<VerbEntry>& verbs() {
    static std::vector<VerbEntry> v;
    return v;
}
}  // namespace

VerbRegistrar::VerbRegistrar(std::string name, std::string description, VerbSetup setup) {
    verbs().push_back({std::move(name), std::move(description), std::move(setup)});
}

namespace {
// Global options that take their value as the next argument (so that value is not read as a verb).
bool takesValue(const std::string& a) {
    return a == "--workspace" || a == "--lang" || a == "--screenshot" || a == "--key-file";
}
}  // namespace

bool isCliInvocation(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (takesValue(a)) {
            ++i;
            continue;
        }
        if (a.rfind("--workspace=", 0) == 0 || a.rfind("--lang=", 0) == 0 || a.rfind("--screenshot=", 0) == 0 ||
            a == "--demo")
            continue;
        if (a == "--key-file" || a.rfind("--key-file=", 0) == 0) return true;  // only the command line unlocks
        if (a == "-h" || a == "--help" || a == "--version") return true;
        if (!a.empty() && a[0] != '-') return true;  // a verb (unknown verbs are reported by the CLI)
        if (a == "--json" || a == "--verbose") return true;
    }
    return false;
}

GlobalOptions parseGlobalOptions(int argc, char** argv) {
    GlobalOptions g;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if ((a == "--workspace" || a == "--lang" || a == "--screenshot") && i + 1 < argc) {
            (a == "--workspace" ? g.workspaceDir : a == "--lang" ? g.lang : g.screenshot) = argv[++i];
        } else if (a.rfind("--screenshot=", 0) == 0) {
            g.screenshot = a.substr(13);
        } else if (a.rfind("--workspace=", 0) == 0) {
            g.workspaceDir = a.substr(12);
        } else if (a.rfind("--lang=", 0) == 0) {
            g.lang = a.substr(7);
        } else if (a == "--demo") {
            g.demo = true;
        }
    }
    return g;
}

int exitCodeFor(const Error& error) {
    switch (error.kind) {
    case ErrorKind::Input: return ExitInput;
    case ErrorKind::Cancelled: return ExitInput;
    case ErrorKind::Internal: return ExitInternal;
    }
    return ExitInternal;
}

void fail(Context& ctx, const Error& error) {
    ctx.exitCode = exitCodeFor(error);
    if (ctx.json) {
        nlohmann::json doc = {{"ok", false},
                              {"error", {{"message", error.message},
                                         {"kind", error.kind == ErrorKind::Internal ? "internal" : "input"}}}};
        *ctx.out << doc.dump(2) << std::endl;
    } else {
        *ctx.err << "error: " << error.message << std::endl;
    }
}

void succeed(Context& ctx, const nlohmann::json& document, const std::string& humanText) {
    ctx.exitCode = ExitOk;
    if (ctx.json)
        *ctx.out << document.dump(2) << std::endl;
    else
        *ctx.out << humanText << (humanText.empty() || humanText.back() == '\n' ? "" : "\n") << std::flush;
}

int runCli(int argc, char** argv, std::ostream& out, std::ostream& err) {
    Context ctx;
    ctx.out = &out;
    ctx.err = &err;
    CLI::App app{"Tunebench: fine-tune open-weight LLMs privately on your own machine.\n"
                 "Run with no arguments to open the workbench; with a verb it runs headless.",
                 "tunebench"};
    app.set_version_flag("--version", "tunebench 0.1.0");
    app.add_option("--workspace", ctx.workspaceDir, "Workspace folder (default: $TUNEBENCH_HOME or the XDG data dir)");
    app.add_flag("--json", ctx.json, "Print one JSON document on stdout");
    app.add_flag("--verbose", ctx.verbose, "Echo the log to stderr");
    app.add_option("--lang", ctx.lang, "Language of the workbench (en, de, ja)");
    app.add_option("--key-file", ctx.keyFile,
                   "Key file of an encrypted workspace (else TUNEBENCH_KEY_FILE, TUNEBENCH_PASSPHRASE_FILE or a prompt)");
    bool demoFlag = false;
    app.add_flag("--demo", demoFlag, "Open the workbench on the demo workspace (GUI)");
    app.fallthrough();
    app.require_subcommand(1);
    // Verbs may be nested ("model info"): groups are created on first use; a group needs a sub-verb.
    std::vector<VerbEntry> sorted = verbs();
    std::stable_sort(sorted.begin(), sorted.end(), [](const VerbEntry& a, const VerbEntry& b) {
        return std::count(a.name.begin(), a.name.end(), ' ') < std::count(b.name.begin(), b.name.end(), ' ');
    });
    for (auto& v : sorted) {
        CLI::App* parent = &app;
        std::istringstream words(v.name);
        std::vector<std::string> path;
        for (std::string w; words >> w;) path.push_back(w);
        for (size_t i = 0; i + 1 < path.size(); ++i) {
            CLI::App* next = nullptr;
            try {
                next = parent->get_subcommand(path[i]);
            } catch (const CLI::OptionNotFound&) {
                next = parent->add_subcommand(path[i], "");
                next->fallthrough();
                next->require_subcommand(1);
            }
            parent = next;
        }
        CLI::App* sub = nullptr;
        try {
            sub = parent->get_subcommand(path.back());
            sub->description(v.description);
        } catch (const CLI::OptionNotFound&) {
            sub = parent->add_subcommand(path.back(), v.description);
            sub->fallthrough();
        }
        if (v.setup)
            v.setup(*sub, ctx);
        else
            sub->require_subcommand(1);
    }
    // Name an unknown verb instead of CLI11's generic "A subcommand is required".
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (takesValue(a)) {
            ++i;
            continue;
        }
        if (a.empty() || a[0] == '-') continue;
        bool known = false;
        for (auto& v : verbs())
            if (v.name == a || v.name.rfind(a + " ", 0) == 0) known = true;
        if (!known) {
            for (int k = 1; k < argc; ++k)
                if (std::string(argv[k]) == "--json") ctx.json = true;  // not parsed yet at this point
            std::string names;
            for (auto* sub : app.get_subcommands([](CLI::App*) { return true; }))
                names += (names.empty() ? "" : ", ") + sub->get_name();
            fail(ctx, inputError("unknown verb '" + a + "'; the verbs are: " + names));
            return ExitInput;
        }
        break;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        out << app.help();
        return ExitOk;
    } catch (const CLI::CallForAllHelp& e) {
        out << app.help("", CLI::AppFormatMode::All);
        return ExitOk;
    } catch (const CLI::CallForVersion& e) {
        out << "tunebench 0.1.0" << std::endl;
        return ExitOk;
    } catch (const CLI::ParseError& e) {
        // Help requested on a sub-verb is reported as Success by CLI11's exit().
        std::ostringstream helpOut, errOut;
        int code = app.exit(e, helpOut, errOut);
        out << helpOut.str();
        if (code == 0) return ExitOk;
        if (ctx.json) {
            nlohmann::json doc = {{"ok", false}, {"error", {{"message", e.what()}, {"kind", "input"}}}};
            out << doc.dump(2) << std::endl;
        } else {
            err << "error: " << e.what() << "\nRun 'tunebench --help' or 'tunebench <verb> --help'." << std::endl;
        }
        return ExitInput;
    } catch (const std::exception& e) {
        Error internal = internalError(std::string("internal error: ") + e.what());
        fail(ctx, internal);
        return ExitInternal;
    }
    return ctx.exitCode;
}

}  // namespace tb::cli
