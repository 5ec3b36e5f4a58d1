// `tunebench registry ...`: list, show, register, approve, reject, promote, rollback, verify, audit,
// users, user add. Each sub-verb opens the workspace's registry and calls core/registry; the acting user
// is --user or the OS user. Nobody becomes admin implicitly: `registry user add ME --role admin` on a
// registry without an admin is how a workspace's first admin is set up.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "core/workspace/workspace.h"

#include <fstream>
#include <memory>

namespace {

using tb::cli::Context;

struct RegistryOptions {
    std::string user;
};

tb::Result<std::unique_ptr<tb::Registry>> openRegistry(const Context& ctx) {
    auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), true);
    if (!ws) return ws.error();
    return tb::Registry::open((*ws)->registryPath());
}

std::string actorOf(const RegistryOptions& o) { return o.user.empty() ? tb::Registry::osUserName() : o.user; }

tb::Result<nlohmann::json> readJsonFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return tb::inputError(path + ": cannot open");
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) return tb::inputError(path + ": not valid JSON");
    return j;
}

std::string versionLine(const tb::ModelVersionRecord& v) {
    std::string gate = v.gatePassed ? (*v.gatePassed ? "passed" : "FAILED") : "-";
    return "#" + std::to_string(v.id) + "  " + v.group + " v" + std::to_string(v.version) + "  " + v.approval +
           "  " + v.stage + "  gate " + gate + "  run " + v.runId + " by " + v.runStartedBy + "  " + v.createdAt;
}

// Adds --user to a sub-verb and runs body with an open registry.
template <typename Body>
void withRegistry(CLI::App& verb, Context& ctx, std::shared_ptr<RegistryOptions> opts, Body body) {
    verb.add_option("--user", opts->user, "Acting user (default: the OS user)");
    verb.callback([&ctx, opts, body] {
        auto reg = openRegistry(ctx);
        if (!reg) return tb::cli::fail(ctx, reg.error());
        body(**reg, actorOf(*opts));
    });
}

tb::cli::VerbRegistrar list("registry list", "List model versions (optionally of one group)", [](CLI::App& verb,
                                                                                                   Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    auto group = std::make_shared<std::string>();
    verb.add_option("--group", *group, "Only this model group");
    withRegistry(verb, ctx, opts, [&ctx, group](tb::Registry& reg, const std::string&) {
        auto versions = reg.versions(*group);
        if (!versions) return tb::cli::fail(ctx, versions.error());
        nlohmann::json arr = nlohmann::json::array();
        std::string text;
        for (auto& v : *versions) {
            arr.push_back(tb::toJson(v));
            text += versionLine(v) + "\n";
        }
        if (text.empty()) text = "No model versions registered yet.\n";
        tb::cli::succeed(ctx, {{"ok", true}, {"versions", arr}}, text);
    });
});

tb::cli::VerbRegistrar show("registry show", "Show one model version with its comments", [](CLI::App& verb,
                                                                                              Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    auto id = std::make_shared<int64_t>(0);
    verb.add_option("VERSION_ID", *id, "Model version id (from registry list)")->required();
    withRegistry(verb, ctx, opts, [&ctx, id](tb::Registry& reg, const std::string& actor) {
        auto v = reg.version(*id);
        if (!v) return tb::cli::fail(ctx, v.error());
        auto comments = reg.comments(*id);
        if (!comments) return tb::cli::fail(ctx, comments.error());
        auto blocker = reg.approvalBlocker(actor, *id);
        nlohmann::json j = tb::toJson(*v);
        j["comments"] = nlohmann::json::array();
        std::string text = versionLine(*v) + "\n  base model " + v->baseModel + "\n  adapter sha256 " +
                           v->adapterSha256 + "\n  dataset version " + v->datasetVersionId + "\n";
        for (auto& c : *comments) {
            j["comments"].push_back({{"author", c.author}, {"kind", c.kind}, {"body", c.body}, {"at", c.createdAt}});
            text += "  [" + c.kind + "] " + c.author + " " + c.createdAt + ": " + c.body + "\n";
        }
        if (blocker && !blocker->empty()) text += "  " + actor + " cannot approve: " + *blocker + "\n";
        j["approval_blocker_for_user"] = blocker ? *blocker : std::string();
        tb::cli::succeed(ctx, {{"ok", true}, {"version", j}}, text);
    });
});

tb::cli::VerbRegistrar registerVerb("registry register", "Register a model version from a finished run",
                                    [](CLI::App& verb, Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    auto req = std::make_shared<tb::RegisterRequest>();
    auto evalPath = std::make_shared<std::string>();
    auto gatePath = std::make_shared<std::string>();
    auto adapterDir = std::make_shared<std::string>();
    verb.add_option("--run", req->runId, "Run id")->required();
    verb.add_option("--group", req->group, "Model group name")->required();
    verb.add_option("--adapter", *adapterDir, "Adapter folder: stored content-addressed in the workspace");
    verb.add_option("--eval", *evalPath, "Evaluation report (JSON)");
    verb.add_option("--gate", *gatePath, "Gate result (JSON with a boolean 'passed')");
    withRegistry(verb, ctx, opts, [&ctx, req, evalPath, gatePath, adapterDir](tb::Registry& reg,
                                                                             const std::string& actor) {
        tb::RegisterRequest r = *req;
        if (!evalPath->empty()) {
            auto j = readJsonFile(*evalPath);
            if (!j) return tb::cli::fail(ctx, j.error());
            r.evalReport = *j;
        }
        if (!gatePath->empty()) {
            auto j = readJsonFile(*gatePath);
            if (!j) return tb::cli::fail(ctx, j.error());
            if (!j->contains("passed") || !(*j)["passed"].is_boolean())
                return tb::cli::fail(ctx, tb::inputError(*gatePath + ": field 'passed' (boolean) is missing"));
            r.gate = *j;
            r.gatePassed = (*j)["passed"].get<bool>();
        }
        if (!adapterDir->empty()) {
            auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), true);
            if (!ws) return tb::cli::fail(ctx, ws.error());
            auto key = tb::cli::unlockWorkspaceForCli((*ws)->root(), ctx.keyFile);
            if (!key) return tb::cli::fail(ctx, key.error());
            tb::ArtifactStore store((*ws)->artifactsDir(), *key);
            auto ref = store.put(*adapterDir, "adapter");
            if (!ref) return tb::cli::fail(ctx, ref.error());
            r.adapterSha256 = ref->sha256;
            r.adapterPath = ref->storedAt;
        }
        auto v = reg.registerModel(actor, r);
        if (!v) return tb::cli::fail(ctx, v.error());
        tb::cli::succeed(ctx, {{"ok", true}, {"version", tb::toJson(*v)}}, "registered " + versionLine(*v));
    });
});

tb::cli::VerbRegistrar users("registry users", "List the registry's users and their roles", [](CLI::App& verb,
                                                                                                 Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    withRegistry(verb, ctx, opts, [&ctx](tb::Registry& reg, const std::string&) {
        auto all = reg.users();
        if (!all) return tb::cli::fail(ctx, all.error());
        nlohmann::json arr = nlohmann::json::array();
        std::string text;
        for (auto& u : *all) {
            arr.push_back({{"name", u.name}, {"role", tb::userRoleName(u.role)}});
            text += u.name + "  " + tb::userRoleName(u.role) + "\n";
        }
        if (text.empty()) text = "No users yet: a user is recorded by their first change to the registry.\n";
        tb::cli::succeed(ctx, {{"ok", true}, {"users", arr}}, text);
    });
});

tb::cli::VerbRegistrar userAdd("registry user add",
                               "Add a user or change their role (admins; on a registry without an admin, "
                               "`--role admin` for yourself sets it up)",
                               [](CLI::App& verb, Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    auto name = std::make_shared<std::string>();
    auto role = std::make_shared<std::string>("analyst");
    verb.add_option("NAME", *name, "User name")->required();
    verb.add_option("--role", *role, "analyst, reviewer or admin (default analyst)");
    withRegistry(verb, ctx, opts, [&ctx, name, role](tb::Registry& reg, const std::string& actor) {
        auto r = tb::parseUserRole(*role);
        if (!r) return tb::cli::fail(ctx, r.error());
        auto hasAdmin = reg.hasAdmin();
        if (!hasAdmin) return tb::cli::fail(ctx, hasAdmin.error());
        tb::Status s = tb::Status::success();
        if (!*hasAdmin && *r == tb::UserRole::Admin && *name == actor) {
            auto claimed = reg.claimAdmin(actor);
            if (!claimed) s = claimed.error();
        } else if (!*hasAdmin) {
            s = tb::inputError("this registry has no admin yet; set it up first with: tunebench registry user add " +
                               actor + " --role admin");
        } else {
            s = reg.setUserRole(actor, *name, *r);
        }
        if (!s) return tb::cli::fail(ctx, s.error());
        auto u = reg.findUser(*name);
        if (!u || !u->has_value()) return tb::cli::fail(ctx, tb::internalError("user " + *name + " was not recorded"));
        const std::string roleName = tb::userRoleName((*u)->role);
        tb::cli::succeed(ctx, {{"ok", true}, {"user", {{"name", *name}, {"role", roleName}}}},
                         *name + " is " + roleName + "\n");
    });
});

template <typename Action>
void decisionVerb(CLI::App& verb, Context& ctx, bool withOverride, Action action) {
    auto opts = std::make_shared<RegistryOptions>();
    auto id = std::make_shared<int64_t>(0);
    auto comment = std::make_shared<std::string>();
    auto overrideReason = std::make_shared<std::string>();
    verb.add_option("VERSION_ID", *id, "Model version id")->required();
    verb.add_option("--comment", *comment, "Why (required)")->required();
    if (withOverride) verb.add_option("--override-gate", *overrideReason, "Reason for approving despite a failed gate");
    withRegistry(verb, ctx, opts, [&ctx, id, comment, overrideReason, action](tb::Registry& reg,
                                                                             const std::string& actor) {
        tb::Status s = action(reg, actor, *id, *comment, *overrideReason);
        if (!s) return tb::cli::fail(ctx, s.error());
        auto v = reg.version(*id);
        if (!v) return tb::cli::fail(ctx, v.error());
        tb::cli::succeed(ctx, {{"ok", true}, {"version", tb::toJson(*v)}}, versionLine(*v));
    });
}

tb::cli::VerbRegistrar approve("registry approve", "Approve a model version (reviewers; not your own run)",
                               [](CLI::App& verb, Context& ctx) {
    decisionVerb(verb, ctx, true, [](tb::Registry& reg, const std::string& actor, int64_t id, const std::string& c,
                                     const std::string& o) { return reg.approve(actor, id, c, o); });
});

tb::cli::VerbRegistrar reject("registry reject", "Reject a model version (reviewers; not your own run)",
                              [](CLI::App& verb, Context& ctx) {
    decisionVerb(verb, ctx, false, [](tb::Registry& reg, const std::string& actor, int64_t id, const std::string& c,
                                      const std::string&) { return reg.reject(actor, id, c); });
});

tb::cli::VerbRegistrar promote("registry promote", "Move a version to Staging, Production or Archived",
                               [](CLI::App& verb, Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    auto id = std::make_shared<int64_t>(0);
    auto stage = std::make_shared<std::string>("Production");
    verb.add_option("VERSION_ID", *id, "Model version id")->required();
    verb.add_option("--stage", *stage, "None, Staging, Production or Archived (default Production)");
    withRegistry(verb, ctx, opts, [&ctx, id, stage](tb::Registry& reg, const std::string& actor) {
        auto s = reg.promote(actor, *id, *stage);
        if (!s) return tb::cli::fail(ctx, s.error());
        auto v = reg.version(*id);
        tb::cli::succeed(ctx, {{"ok", true}, {"version", tb::toJson(*v)}}, versionLine(*v));
    });
});

tb::cli::VerbRegistrar rollback("registry rollback", "Put a group's previous Production version back",
                                [](CLI::App& verb, Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    auto group = std::make_shared<std::string>();
    verb.add_option("GROUP", *group, "Model group")->required();
    withRegistry(verb, ctx, opts, [&ctx, group](tb::Registry& reg, const std::string& actor) {
        auto v = reg.rollback(actor, *group);
        if (!v) return tb::cli::fail(ctx, v.error());
        tb::cli::succeed(ctx, {{"ok", true}, {"version", tb::toJson(*v)}}, "now in Production: " + versionLine(*v));
    });
});

tb::cli::VerbRegistrar verify("registry verify", "Check the audit log's hash chain; names any tampered row",
                              [](CLI::App& verb, Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    withRegistry(verb, ctx, opts, [&ctx](tb::Registry& reg, const std::string&) {
        auto v = reg.audit().verify();
        if (!v) return tb::cli::fail(ctx, v.error());
        nlohmann::json problems = nlohmann::json::array();
        std::string text = std::to_string(v->rowsChecked) + " audit rows checked: " +
                           (v->ok ? "the chain is intact\n" : "TAMPERING DETECTED\n");
        for (auto& p : v->problems) {
            problems.push_back({{"seq", p.seq}, {"kind", p.kind}, {"message", p.message}});
            text += "  row " + std::to_string(p.seq) + " (" + p.kind + "): " + p.message + "\n";
        }
        nlohmann::json doc = {{"ok", v->ok}, {"rows_checked", v->rowsChecked}, {"problems", problems}};
        tb::cli::succeed(ctx, doc, text);
        if (!v->ok) ctx.exitCode = tb::cli::ExitInput;
    });
});

tb::cli::VerbRegistrar audit("registry audit", "Print the audit log", [](CLI::App& verb, Context& ctx) {
    auto opts = std::make_shared<RegistryOptions>();
    auto limit = std::make_shared<int64_t>(-1);
    verb.add_option("--limit", *limit, "At most this many rows");
    withRegistry(verb, ctx, opts, [&ctx, limit](tb::Registry& reg, const std::string&) {
        auto entries = reg.audit().entries(*limit);
        if (!entries) return tb::cli::fail(ctx, entries.error());
        nlohmann::json arr = nlohmann::json::array();
        std::string text;
        for (auto& e : *entries) {
            arr.push_back({{"seq", e.seq}, {"at", e.at}, {"actor", e.actor}, {"action", e.action},
                           {"entity", e.entity}, {"details", e.details}, {"hash", e.hash}});
            text += std::to_string(e.seq) + "  " + e.at + "  " + e.actor + "  " + e.action + "  " + e.entity + "\n";
        }
        tb::cli::succeed(ctx, {{"ok", true}, {"entries", arr}}, text);
    });
});

}  // namespace
