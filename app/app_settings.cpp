#include "app/app_settings.h"

#include <QThread>

namespace tb::app {

namespace {
const char* kWorkspace = "workspace/dir";
const char* kThreads = "jobs/workerThreads";
const char* kLanguage = "ui/language";
const char* kGeometry = "window/geometry";
const char* kState = "window/state";
const char* kLastPage = "window/lastPage";
}  // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

QString AppSettings::workspaceDir() const { return m_settings->value(kWorkspace).toString(); }
void AppSettings::setWorkspaceDir(const QString& dir) { m_settings->setValue(kWorkspace, dir); }

int AppSettings::defaultWorkerThreads() { return qMax(1, QThread::idealThreadCount() / 2); }

int AppSettings::workerThreads() const {
    bool ok = false;
    int n = m_settings->value(kThreads).toInt(&ok);
    return ok && n >= 1 ? qMin(n, 64) : defaultWorkerThreads();
}
void AppSettings::setWorkerThreads(int n) { m_settings->setValue(kThreads, qBound(1, n, 64)); }

QString AppSettings::language() const {
    QString lang = m_settings->value(kLanguage).toString();
    return lang == QLatin1String("en") || lang == QLatin1String("de") || lang == QLatin1String("ja") ? lang : QString();
}
void AppSettings::setLanguage(const QString& lang) { m_settings->setValue(kLanguage, lang); }

QByteArray AppSettings::windowGeometry() const { return m_settings->value(kGeometry).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray& geometry) { m_settings->setValue(kGeometry, geometry); }
QByteArray AppSettings::windowState() const { return m_settings->value(kState).toByteArray(); }
void AppSettings::setWindowState(const QByteArray& state) { m_settings->setValue(kState, state); }
QString AppSettings::lastPage() const { return m_settings->value(kLastPage).toString(); }
void AppSettings::setLastPage(const QString& pageId) { m_settings->setValue(kLastPage, pageId); }

void AppSettings::sync() { m_settings->sync(); }

}  // namespace tb::app
