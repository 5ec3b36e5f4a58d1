// The workbench shell: every page is reachable from the sidebar and by Ctrl+1..7, each explains itself,
// a job's progress and cancellation reach the model, jobs panel and status bar, failures surface as a
// readable message, and the log panel receives lines written on other threads.
#include "app/app_settings.h"
#include "models/job_manager.h"
#include "app/main_window.h"
#include "core/common/log.h"
#include "core/workspace/workspace.h"
#include "models/job_list_model.h"
#include "widgets/empty_state_widget.h"
#include "widgets/job_status_widget.h"
#include "widgets/jobs_panel.h"
#include "widgets/log_panel.h"
#include "widgets/pages/page.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <thread>

using tb::app::AppSettings;
using tb::models::JobManager;
using tb::app::MainWindow;
using tb::models::JobState;

namespace {

tb::Status loopUntilCancelled(const tb::ProgressCallback& progress) {
    for (int64_t i = 0;; ++i) {
        if (!tb::reportProgress(progress, {"Looping", 1 + i % 999, 1000, {}})) return tb::cancelledError();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<tb::Workspace> m_workspace;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        auto ws = tb::Workspace::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        m_workspace = *ws;
        tb::log::openRunLog(m_workspace->logsDir());
        tb::log::warning("written before the window existed");
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_jobs = std::make_unique<JobManager>(2);
        m_window = std::make_unique<MainWindow>(m_workspace, m_jobs.get(), m_settings.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() {
        m_jobs->cancelAll();
        QTRY_COMPARE(m_jobs->activeCount(), 0);
        m_window.reset();
        m_jobs.reset();
        tb::log::closeRunLog();
        m_workspace.reset();
    }

    void hasAllSevenPages() {
        QCOMPARE(m_window->pageIds(), (QStringList{"datasets", "finetune", "runs", "compare", "registry",
                                                   "playground", "serve"}));
    }

    void everyPageReachableFromSidebar() {
        auto* sidebar = m_window->findChild<QListWidget*>(QStringLiteral("sidebar"));
        auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("pageStack"));
        QVERIFY(sidebar && stack);
        QCOMPARE(sidebar->count(), 7);
        const QStringList ids = m_window->pageIds();
        for (int i = ids.size() - 1; i >= 0; --i) {
            QListWidgetItem* item = sidebar->item(i);
            QVERIFY(!item->text().isEmpty());
            QVERIFY(!item->icon().isNull());
            QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(item).center());
            QCOMPARE(m_window->currentPageId(), ids[i]);
            QVERIFY(stack->currentWidget()->isVisible());
        }
    }

    void everyPageReachableByShortcut() {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        const QStringList ids = m_window->pageIds();
        for (int i = ids.size() - 1; i >= 0; --i) {
            QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(m_window->currentPageId(), ids[i]);
        }
    }

    void everyPageExplainsItself() {
        for (const QString& id : m_window->pageIds()) {
            auto* page = m_window->page(id);
            QVERIFY(page);
            auto* empty = page->findChild<tb::widgets::EmptyStateWidget*>();
            QVERIFY2(empty, qPrintable(id));
            QCOMPARE(empty->title(), page->title());
            QVERIFY(empty->purpose().size() > 40);
            QVERIFY(empty->firstSteps().size() >= 2);
        }
    }

    void standardShortcutsAreSet() {
        auto shortcutOf = [&](const char* name) {
            auto* action = m_window->findChild<QAction*>(QLatin1String(name));
            return action ? action->shortcut() : QKeySequence();
        };
        QCOMPARE(shortcutOf("quitAction"), QKeySequence(Qt::CTRL | Qt::Key_Q));
        QCOMPARE(shortcutOf("settingsAction"), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("aboutAction")));
        QAction* logToggle = m_window->findChild<QAction*>(QStringLiteral("logPanelAction"));
        QVERIFY(logToggle);
        bool visible = m_window->logDock()->isVisible();
        logToggle->trigger();
        QCOMPARE(m_window->logDock()->isVisible(), !visible);
    }

    void jobProgressAndCancelReachTheUi() {
        auto* model = m_window->jobModel();
        auto* status = m_window->jobStatus();
        QVERIFY(status->summaryText().contains(QStringLiteral("No jobs")));
        int id = m_jobs->submit(QStringLiteral("Loop until cancelled"), loopUntilCancelled);
        QTRY_COMPARE_WITH_TIMEOUT(model->stateOf(id), JobState::Running, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(model->percentOf(id) > 0, 5000);
        QVERIFY(status->summaryText().contains(QStringLiteral("1")));
        QVERIFY(status->progressBar()->isVisible());

        // The status bar button opens the jobs panel; its Cancel button stops the job.
        auto* button = status->findChild<QAbstractButton*>(QStringLiteral("jobsButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(m_window->jobsDock()->isVisible());
        QPushButton* cancel = m_window->jobsPanel()->cancelButton(id);
        QVERIFY(cancel);
        QTRY_VERIFY(cancel->isVisible());
        QTRY_VERIFY(m_window->jobsPanel()->progressBar(id)->value() > 0);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model->stateOf(id), JobState::Cancelled, 5000);
        QTRY_VERIFY(!cancel->isVisible());
        QTRY_VERIFY(status->summaryText().contains(QStringLiteral("No jobs")));
        QVERIFY(!status->progressBar()->isVisible());
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Loop until cancelled")));
    }

    void jobFailureIsReadableAndLogged() {
        const QString reason = QStringLiteral("data.jsonl:3: field 'prompt' is missing");
        int id = m_jobs->submit(QStringLiteral("Import data.jsonl"), [reason](const tb::ProgressCallback&) {
            return tb::Status(tb::inputError(reason.toStdString()));
        });
        QTRY_COMPARE_WITH_TIMEOUT(m_window->jobModel()->stateOf(id), JobState::Failed, 5000);
        QCOMPARE(m_window->jobModel()->messageOf(id), reason);
        QVERIFY(m_window->lastErrorMessage().contains(reason));
        QVERIFY(m_window->lastErrorMessage().contains(QStringLiteral("Import data.jsonl")));
        QVERIFY(m_window->statusBar()->currentMessage().contains(reason));
        QTRY_VERIFY(m_window->logPanel()->text().contains(reason));
        QWidget* box = m_window->findChild<QWidget*>(QStringLiteral("jobFailedBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        box->close();
    }

    void logPanelReceivesLinesFromOtherThreads() {
        auto* panel = m_window->logPanel();
        QCOMPARE(panel->logPath(), QString::fromStdString(tb::log::currentLogPath()));
        QVERIFY(!panel->logPath().isEmpty());
        std::thread writer([] {
            for (int i = 0; i < 20; ++i) tb::log::info("line from a worker " + std::to_string(i));
            tb::log::error("a worker error");
        });
        writer.join();
        QTRY_VERIFY(panel->text().contains(QStringLiteral("line from a worker 19")));
        QVERIFY(panel->text().contains(QStringLiteral("[error] a worker error")));
        QVERIFY(panel->lineCount() >= 21);
    }

    void logPanelShowsLinesFromBeforeTheWindow() {
        QVERIFY(m_window->logPanel()->text().contains(QStringLiteral("[warning] written before the window existed")));
    }

    void statusBarShowsWorkspace() {
        QVERIFY(m_window->workspaceStatusText().contains(QString::fromStdString(m_workspace->root())));
        QVERIFY(!m_window->workspaceStatusText().contains(QStringLiteral("read-only")));
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
