// `tunebench version`: Tunebench's version and the versions of the libraries it uses.
#include "app/cli/cli.h"
#include "core/common/version.h"

namespace {
tb::cli::VerbRegistrar registrar("version", "Print the versions of Tunebench and its libraries",
                                 [](CLI::App& verb, tb::cli::Context& ctx) {
    verb.callback([&ctx] {
        nlohmann::json libs = nlohmann::json::object();
        std::string text = "tunebench " + tb::tunebenchVersion() + "\n";
        for (auto& [name, version] : tb::coreLibraryVersions()) {
            libs[name] = version;
            text += "  " + name + " " + version + "\n";
        }
        tb::cli::succeed(ctx, {{"ok", true}, {"tunebench", tb::tunebenchVersion()}, {"libraries", libs}}, text);
    });
});
}  // namespace
