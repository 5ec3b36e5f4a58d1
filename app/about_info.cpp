#include "app/about_info.h"

#include "core/common/version.h"

#include <QCoreApplication>
#include <QtGlobal>

namespace tb::app {

QString tunebenchVersionText() { return QString::fromStdString(tb::tunebenchVersion()); }

QList<QPair<QString, QString>> libraryVersions() {
    QList<QPair<QString, QString>> libs;
    libs.append({QStringLiteral("Qt"), QCoreApplication::translate("tb::app::AboutInfo", "%1 (built with %2)").arg(QString::fromLatin1(qVersion()),
                                                                                 QStringLiteral(QT_VERSION_STR))});
    for (const auto& [name, version] : tb::coreLibraryVersions())
        libs.append({QString::fromStdString(name), QString::fromStdString(version)});
    return libs;
}

}  // namespace tb::app
