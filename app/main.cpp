// Thin main(): a verb runs the headless command line; no verb opens the workbench.
#include "app/cli/cli.h"
#include "app/gui_main.h"

#include <iostream>

int main(int argc, char** argv) {
    if (tb::cli::isCliInvocation(argc, argv)) return tb::cli::runCli(argc, argv, std::cout, std::cerr);
    return tb::app::runGui(argc, argv, tb::cli::parseGlobalOptions(argc, argv));
}
