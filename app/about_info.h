// The version facts shown in the About dialog: Tunebench's version and (library, version) pairs from
// core (tb::coreLibraryVersions) plus Qt's runtime and build versions.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace tb::app {

QString tunebenchVersionText();
QList<QPair<QString, QString>> libraryVersions();

}  // namespace tb::app
