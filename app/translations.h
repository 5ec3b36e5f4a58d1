// Installs the workbench's translations (compiled .qm files embedded as resources under :/i18n) and
// Qt's own for standard dialogs. Languages: en (the source), de, ja; empty means the system language.
#pragma once

#include <QString>

class QCoreApplication;

namespace tb::app {

// Returns the language actually in use ("en", "de" or "ja").
QString installTranslations(QCoreApplication& app, const QString& requested);
// The language for `requested` ("" = system locale), falling back to "en" for unsupported ones.
QString resolveLanguage(const QString& requested);

}  // namespace tb::app
