// MainWindow: the workbench shell. A sidebar of pages, menus with standard shortcuts, a status bar
// (workspace, read-only state, background jobs) and docks for the log and the jobs. It hosts pages and
// wires signals; features live in widgets/pages and core, not here.
#pragma once

#include <QList>
#include <QMainWindow>

#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;
class QDockWidget;

namespace tb {
class Workspace;
class WorkspaceKey;
}
namespace tb::models {
class JobListModel;
}
namespace tb::widgets {
class JobStatusWidget;
class JobsPanel;
class LogPanel;
class Page;
}  // namespace tb::widgets

namespace tb::models {
class JobManager;
}  // namespace tb::models

namespace tb::app {

class AppSettings;
using JobManager = tb::models::JobManager;
class LogBridge;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // workspace may be null (it could not be opened); settings and jobs must outlive the window. key: the
    // unlocked key of an encrypted workspace (null otherwise), handed to every page in its PageContext.
    MainWindow(std::shared_ptr<tb::Workspace> workspace, JobManager* jobs, AppSettings* settings,
               std::shared_ptr<const tb::WorkspaceKey> key = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    QStringList pageIds() const;
    QString currentPageId() const;
    bool showPage(const QString& pageId);
    tb::widgets::Page* page(const QString& pageId) const;

    tb::models::JobListModel* jobModel() const { return m_jobModel; }
    tb::widgets::LogPanel* logPanel() const { return m_logPanel; }
    tb::widgets::JobsPanel* jobsPanel() const { return m_jobsPanel; }
    tb::widgets::JobStatusWidget* jobStatus() const { return m_jobStatus; }
    QDockWidget* logDock() const { return m_logDock; }
    QDockWidget* jobsDock() const { return m_jobsDock; }
    QString workspaceStatusText() const;
    QString lastErrorMessage() const { return m_lastError; }
    bool readOnly() const;

    // Writes geometry, dock state and the current page to the settings (also done on close).
    void saveWindowSettings();

public slots:
    void showSettings();
    void showAbout();
    void showJobsPanel();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildPages();
    void buildDocks();
    void buildMenus();
    void buildStatusBar();
    void connectJobs();
    void restoreWindowSettings();
    void reportJobFailure(int jobId, const QString& message);

    std::shared_ptr<tb::Workspace> m_workspace;
    std::shared_ptr<const tb::WorkspaceKey> m_key;
    JobManager* m_jobs;
    AppSettings* m_settings;
    LogBridge* m_logBridge = nullptr;
    tb::models::JobListModel* m_jobModel = nullptr;

    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_stack = nullptr;
    QList<tb::widgets::Page*> m_pages;
    QDockWidget* m_logDock = nullptr;
    QDockWidget* m_jobsDock = nullptr;
    tb::widgets::LogPanel* m_logPanel = nullptr;
    tb::widgets::JobsPanel* m_jobsPanel = nullptr;
    tb::widgets::JobStatusWidget* m_jobStatus = nullptr;
    QLabel* m_workspaceLabel = nullptr;
    QString m_lastError;
};

}  // namespace tb::app
