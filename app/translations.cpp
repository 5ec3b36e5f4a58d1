#include "app/translations.h"

#include "core/common/log.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace tb::app {

namespace {
bool supported(const QString& lang) {
    return lang == QLatin1String("en") || lang == QLatin1String("de") || lang == QLatin1String("ja");
}
}  // namespace

QString resolveLanguage(const QString& requested) {
    QString lang = requested.trimmed().toLower().left(2);
    if (supported(lang)) return lang;
    if (requested.isEmpty()) {
        for (const QString& ui : QLocale::system().uiLanguages()) {
            QString candidate = ui.left(2).toLower();
            if (supported(candidate)) return candidate;
        }
    }
    return QStringLiteral("en");
}

QString installTranslations(QCoreApplication& app, const QString& requested) {
    QString lang = resolveLanguage(requested);
    if (!requested.isEmpty() && lang != requested.trimmed().toLower().left(2))
        tb::log::warning("language '" + requested.toStdString() + "' is not available; using English");
    if (lang == QLatin1String("en")) return lang;
    auto* ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/tunebench_%1.qm").arg(lang)))
        app.installTranslator(ours);
    else
        tb::log::warning("translation for '" + lang.toStdString() + "' is missing from the executable");
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    QLocale::setDefault(QLocale(lang));
    return lang;
}

}  // namespace tb::app
