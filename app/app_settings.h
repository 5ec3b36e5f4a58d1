// AppSettings: the workbench's persistent preferences (QSettings): workspace folder, worker threads,
// language, window geometry/state and the last page. A typed wrapper only; no UI.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

#include <memory>

namespace tb::app {

class AppSettings {
public:
    // Uses the application's default QSettings (organisation/application names).
    AppSettings();
    // Uses an explicit INI file (tests).
    explicit AppSettings(const QString& iniPath);

    QString workspaceDir() const;   // empty: TUNEBENCH_HOME / XDG default
    void setWorkspaceDir(const QString& dir);
    int workerThreads() const;      // >= 1; default: half the cores, at least 1
    void setWorkerThreads(int n);
    QString language() const;       // "" (system), "en", "de" or "ja"
    void setLanguage(const QString& lang);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QString lastPage() const;       // page id, e.g. "datasets"
    void setLastPage(const QString& pageId);

    static int defaultWorkerThreads();
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace tb::app
