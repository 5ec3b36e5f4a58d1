// Entry to the workbench GUI (QApplication, translations, main window). main() calls it when no verb
// is given.
#pragma once

#include "app/cli/cli.h"

namespace tb::app {

int runGui(int argc, char** argv, const tb::cli::GlobalOptions& options);

}  // namespace tb::app
