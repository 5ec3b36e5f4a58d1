#include "app/gui_main.h"

#include "app/app_settings.h"
#include "models/job_manager.h"
#include "app/main_window.h"
#include "app/screenshot.h"
#include "app/translations.h"
#include "app/workspace_unlock_dialog.h"
#include "core/common/log.h"
#include "core/common/version.h"
#include "core/workspace/workspace.h"
#include "widgets/icon_factory.h"

#include <QApplication>
#include <QMessageBox>

namespace tb::app {

namespace {

// --workspace wins, then --demo (the folder `tunebench demo` uses), then Settings, then
// TUNEBENCH_HOME / the XDG default.
std::string chooseWorkspaceDir(const tb::cli::GlobalOptions& options, const AppSettings& settings) {
    if (!options.workspaceDir.empty()) return options.workspaceDir;
    if (options.demo) return tb::Workspace::resolveDir("") + "-demo";
    return tb::Workspace::resolveDir(settings.workspaceDir().toStdString());
}

}  // namespace

int runGui(int argc, char** argv, const tb::cli::GlobalOptions& options) {
    QApplication qapp(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tunebench"));
    QApplication::setOrganizationName(QStringLiteral("Tunebench"));
    QApplication::setApplicationVersion(QString::fromStdString(tb::tunebenchVersion()));
    QApplication::setWindowIcon(tb::widgets::applicationIcon());

    AppSettings settings;
    QString lang = installTranslations(qapp, options.lang.empty() ? settings.language()
                                                                  : QString::fromStdString(options.lang));

    std::shared_ptr<tb::Workspace> workspace;
    auto opened = tb::Workspace::open(chooseWorkspaceDir(options, settings), true);
    QString openError;
    if (opened) {
        workspace = *opened;
        // A read-only workspace belongs to another instance: write nothing into it, not even a log.
        if (!workspace->readOnly()) tb::log::openRunLog(workspace->logsDir());
        tb::log::info("Tunebench " + tb::tunebenchVersion() + " started (GUI, language " + lang.toStdString() +
                      ") on workspace " + workspace->root() + (workspace->readOnly() ? " (read-only)" : ""));
    } else {
        openError = QString::fromStdString(opened.message());
    }

    // An encrypted workspace is unlocked before any page reads it; the key lives only in memory.
    std::shared_ptr<const tb::WorkspaceKey> key;
    if (workspace && tb::workspaceIsEncrypted(workspace->root())) {
        key = WorkspaceUnlockDialog::unlock(QString::fromStdString(workspace->root()));
        tb::log::info(std::string("encrypted workspace ") + (key ? "unlocked" : "opened locked (unlocking skipped)"));
    }

    JobManager jobs(settings.workerThreads());
    MainWindow window(workspace, &jobs, &settings, key);
    window.show();
    if (!openError.isEmpty())
        QMessageBox::critical(&window, QObject::tr("Cannot open the workspace"),
                              QObject::tr("%1\n\nChoose another folder in Settings and restart Tunebench.").arg(openError));
    if (!options.screenshot.empty()) scheduleScreenshots(&window, QString::fromStdString(options.screenshot));
    int rc = qapp.exec();
    tb::log::info("Tunebench GUI closed");
    return rc;
}

}  // namespace tb::app
