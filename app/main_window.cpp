#include "app/main_window.h"

#include "app/about_info.h"
#include "app/app_settings.h"
#include "models/job_manager.h"
#include "app/log_bridge.h"
#include "core/common/log.h"
#include "core/registry/registry.h"
#include "core/workspace/workspace.h"
#include "models/job_list_model.h"
#include "widgets/dialogs/about_dialog.h"
#include "widgets/dialogs/settings_dialog.h"
#include "widgets/icon_factory.h"
#include "widgets/job_status_widget.h"
#include "widgets/jobs_panel.h"
#include "widgets/log_panel.h"
#include "widgets/pages/all_pages.h"
#include "widgets/pages/page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUrl>

namespace tb::app {

namespace {
QString workspaceRootOf(const std::shared_ptr<tb::Workspace>& ws) {
    return ws ? QString::fromStdString(ws->root()) : QString();
}
}  // namespace

MainWindow::MainWindow(std::shared_ptr<tb::Workspace> workspace, JobManager* jobs, AppSettings* settings,
                       std::shared_ptr<const tb::WorkspaceKey> key, QWidget* parent)
    : QMainWindow(parent), m_workspace(std::move(workspace)), m_key(std::move(key)), m_jobs(jobs), m_settings(settings) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(tb::widgets::applicationIcon());
    setWindowTitle(readOnly() ? tr("Tunebench (read-only)") : tr("Tunebench"));
    m_jobModel = new tb::models::JobListModel(this);
    buildPages();
    buildDocks();
    buildMenus();
    buildStatusBar();
    connectJobs();
    restoreWindowSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPages() {
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(24, 24));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(190);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setStyleSheet(QStringLiteral(
        "QListWidget#sidebar { background: palette(window); border-right: 1px solid palette(mid); padding-top: 8px; }"
        "QListWidget#sidebar::item { padding: 8px 10px; border-radius: 4px; margin: 0 6px; }"
        "QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    layout->addWidget(m_sidebar);

    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pageStack"));
    m_stack->setBackgroundRole(QPalette::Base);  // pages sit on the content colour, the sidebar on the window colour
    m_stack->setAutoFillBackground(true);
    layout->addWidget(m_stack, 1);

    tb::widgets::PageContext context;
    context.workspace = m_workspace;
    context.key = m_key;
    context.jobs = m_jobs;
    context.userName = QString::fromStdString(tb::Registry::osUserName());
    m_pages = tb::widgets::createAllPages(context, m_stack);
    for (tb::widgets::Page* page : m_pages) {
        connect(page, &tb::widgets::Page::navigateRequested, this, [this](const QString& id, const QVariantMap& args) {
            if (showPage(id)) this->page(id)->activate(args);
        });
        connect(page, &tb::widgets::Page::workspaceModified, this, [this](const QString& what) {
            for (tb::widgets::Page* p : m_pages) p->workspaceChanged(what);
        });
        page->setObjectName(page->pageId() + QStringLiteral("Page"));
        // Each page sits in a scroll area: a page whose controls need more room than a small screen
        // gives scrolls instead of forcing the whole window to its minimum width.
        auto* scroll = new QScrollArea(m_stack);
        scroll->setObjectName(page->pageId() + QStringLiteral("Scroll"));
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setWidget(page);
        m_stack->addWidget(scroll);
        auto* item = new QListWidgetItem(page->icon(), page->title(), m_sidebar);
        item->setData(Qt::UserRole, page->pageId());
        item->setSizeHint(QSize(0, 40));
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);
    setCentralWidget(central);
}

void MainWindow::buildDocks() {
    m_logPanel = new tb::widgets::LogPanel(this);
    const QString logPath = QString::fromStdString(tb::log::currentLogPath());
    m_logPanel->setLogPath(logPath);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logBridge = new LogBridge(this);
    if (!logPath.isEmpty()) m_logPanel->loadExisting(logPath);  // lines from before the window existed
    connect(m_logBridge, &LogBridge::lineLogged, m_logPanel, &tb::widgets::LogPanel::appendLine);

    m_jobsPanel = new tb::widgets::JobsPanel(m_jobModel, this);
    m_jobsDock = new QDockWidget(tr("Background jobs"), this);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_jobsDock);
    m_jobsDock->hide();
    connect(m_jobsPanel, &tb::widgets::JobsPanel::cancelRequested, m_jobs, &JobManager::cancel);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openFolder = file->addAction(tr("Open &Workspace Folder"), this, [this] {
        if (m_workspace) QDesktopServices::openUrl(QUrl::fromLocalFile(workspaceRootOf(m_workspace)));
    });
    openFolder->setEnabled(m_workspace != nullptr);
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    if (quit->shortcut().isEmpty()) quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_pages.size(); ++i) {
        tb::widgets::Page* page = m_pages[i];
        QAction* action = go->addAction(page->icon(), page->title());
        action->setObjectName(QStringLiteral("goTo_") + page->pageId());
        if (i < 9) action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        const QString id = page->pageId();
        connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
    }

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* logToggle = m_logDock->toggleViewAction();
    logToggle->setText(tr("&Log Panel"));
    logToggle->setObjectName(QStringLiteral("logPanelAction"));
    logToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(logToggle);
    QAction* jobsToggle = m_jobsDock->toggleViewAction();
    jobsToggle->setText(tr("&Background Jobs"));
    jobsToggle->setObjectName(QStringLiteral("jobsPanelAction"));
    jobsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    view->addAction(jobsToggle);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Tunebench"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::buildStatusBar() {
    m_workspaceLabel = new QLabel(this);
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!m_workspace) {
        m_workspaceLabel->setText(tr("No workspace is open"));
    } else {
        QString path = QDir::toNativeSeparators(workspaceRootOf(m_workspace));
        m_workspaceLabel->setText(readOnly() ? tr("Workspace: %1 (read-only: another Tunebench is using it)").arg(path)
                                             : tr("Workspace: %1").arg(path));
    }
    if (readOnly()) m_workspaceLabel->setStyleSheet(QStringLiteral("color: #b9770e; font-weight: bold;"));
    statusBar()->addWidget(m_workspaceLabel, 1);
    m_jobStatus = new tb::widgets::JobStatusWidget(m_jobModel, this);
    statusBar()->addPermanentWidget(m_jobStatus);
    connect(m_jobStatus, &tb::widgets::JobStatusWidget::jobsPanelRequested, this, &MainWindow::showJobsPanel);
}

void MainWindow::connectJobs() {
    using tb::models::JobListModel;
    connect(m_jobs, &JobManager::submitted, m_jobModel, &JobListModel::addJob);
    connect(m_jobs, &JobManager::started, m_jobModel, &JobListModel::setRunning);
    connect(m_jobs, &JobManager::progressed, m_jobModel, &JobListModel::setProgress);
    connect(m_jobs, &JobManager::finished, m_jobModel, &JobListModel::setFinished);
    connect(m_jobs, &JobManager::cancelled, m_jobModel, &JobListModel::setCancelled);
    connect(m_jobs, &JobManager::failed, m_jobModel, &JobListModel::setFailed);
    connect(m_jobs, &JobManager::failed, this, &MainWindow::reportJobFailure);
    connect(m_jobs, &JobManager::finished, this, [this](int jobId) {
        int row = m_jobModel->rowOf(jobId);
        QString title = row < 0 ? QString() : m_jobModel->index(row, 0).data().toString();
        statusBar()->showMessage(tr("Finished: %1").arg(title), 5000);
    });
    connect(m_jobs, &JobManager::cancelled, this, [this](int jobId) {
        int row = m_jobModel->rowOf(jobId);
        QString title = row < 0 ? QString() : m_jobModel->index(row, 0).data().toString();
        statusBar()->showMessage(tr("Cancelled: %1").arg(title), 5000);
    });
}

void MainWindow::reportJobFailure(int jobId, const QString& message) {
    int row = m_jobModel->rowOf(jobId);
    QString title = row < 0 ? tr("A background job") : m_jobModel->index(row, 0).data().toString();
    m_lastError = tr("%1 failed: %2").arg(title, message);
    statusBar()->showMessage(m_lastError, 15000);
    // Not modal: the work of the other pages goes on; the log panel keeps the full record.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Job failed"), m_lastError, QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("jobFailedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

QStringList MainWindow::pageIds() const {
    QStringList ids;
    for (auto* page : m_pages) ids << page->pageId();
    return ids;
}

QString MainWindow::currentPageId() const {
    auto* scroll = qobject_cast<QScrollArea*>(m_stack->currentWidget());
    auto* page = scroll ? qobject_cast<tb::widgets::Page*>(scroll->widget()) : nullptr;
    return page ? page->pageId() : QString();
}

bool MainWindow::showPage(const QString& pageId) {
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i]->pageId() != pageId) continue;
        m_sidebar->setCurrentRow(i);
        return true;
    }
    return false;
}

tb::widgets::Page* MainWindow::page(const QString& pageId) const {
    for (auto* page : m_pages)
        if (page->pageId() == pageId) return page;
    return nullptr;
}

QString MainWindow::workspaceStatusText() const { return m_workspaceLabel->text(); }

bool MainWindow::readOnly() const { return m_workspace && m_workspace->readOnly(); }

void MainWindow::showJobsPanel() {
    m_jobsDock->show();
    m_jobsDock->raise();
}

void MainWindow::showSettings() {
    tb::widgets::SettingsValues values;
    values.workspaceDir = m_settings->workspaceDir();
    values.workerThreads = m_settings->workerThreads();
    values.language = m_settings->language();
    tb::widgets::SettingsDialog dialog(values, QString::fromStdString(tb::Workspace::resolveDir("")), this);
    if (dialog.exec() != QDialog::Accepted) return;
    tb::widgets::SettingsValues chosen = dialog.values();
    m_settings->setWorkspaceDir(chosen.workspaceDir);
    m_settings->setWorkerThreads(chosen.workerThreads);
    m_settings->setLanguage(chosen.language);
    m_settings->sync();
    tb::log::info("settings saved: workspace '" + chosen.workspaceDir.toStdString() + "', " +
                  std::to_string(chosen.workerThreads) + " worker threads, language '" +
                  chosen.language.toStdString() + "'");
    statusBar()->showMessage(tr("Settings saved; they take effect the next time Tunebench starts."), 8000);
}

void MainWindow::showAbout() {
    tb::widgets::AboutDialog dialog(tunebenchVersionText(), libraryVersions(), this);
    dialog.exec();
}

void MainWindow::saveWindowSettings() {
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setLastPage(currentPageId());
    m_settings->sync();
}

void MainWindow::restoreWindowSettings() {
    QByteArray geometry = m_settings->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) resize(1200, 780);
    QByteArray state = m_settings->windowState();
    if (state.isEmpty() || !restoreState(state))
        resizeDocks({m_logDock}, {170}, Qt::Vertical);  // first start: a modest log panel
    QString last = m_settings->lastPage();
    if (!last.isEmpty()) showPage(last);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_jobs->activeCount() > 0) {
        auto answer = QMessageBox::question(
            this, tr("Jobs are running"),
            tr("%1 background job(s) are still running. Cancel them and quit?").arg(m_jobs->activeCount()));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_jobs->cancelAll();
    }
    saveWindowSettings();
    event->accept();
}

}  // namespace tb::app
