// The hidden `--screenshot FILE` mode: once the main window is exposed, grab it into FILE, then one
// image per page and per dialog beside it (FILE's stem + "_<page>.png"), and quit. For the CI check and
// the docs; not a user feature.
#pragma once

#include <QString>

namespace tb::app {

class MainWindow;

// Schedules the grabs on the event loop; the application quits with 0 when every image was written,
// 2 otherwise (or after a 20 s timeout when the window is never exposed).
void scheduleScreenshots(MainWindow* window, const QString& file);

}  // namespace tb::app
