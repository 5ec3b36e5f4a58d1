// A second instance never corrupts a workspace: while another process holds its lock, the workbench
// opens it read-only and says so in the window title and the status bar.
#include "app/app_settings.h"
#include "models/job_manager.h"
#include "app/main_window.h"
#include "core/workspace/workspace.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class ReadOnlyWorkspaceTest : public QObject {
    Q_OBJECT
private slots:
    void opensReadOnlyWhileAnotherProcessHoldsTheLock() {
        const QString flock = QStandardPaths::findExecutable(QStringLiteral("flock"));
        if (flock.isEmpty()) QSKIP("flock(1) from util-linux is not installed");
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("ws"));
        std::string lockPath;
        {
            auto first = tb::Workspace::open(root.toStdString(), false);  // creates the layout, then unlocks
            QVERIFY(first.ok());
            lockPath = (*first)->lockPath();
        }
        // Another process takes the same flock(2) lock Tunebench uses and keeps it.
        // `cat` keeps it until we close its stdin; --close keeps the lock out of the child.
        QProcess holder;
        holder.start(flock, {QStringLiteral("--exclusive"), QStringLiteral("--close"), QString::fromStdString(lockPath),
                             QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo locked; exec cat")});
        QVERIFY(holder.waitForStarted(5000));
        QVERIFY(holder.waitForReadyRead(5000));
        QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("locked"));

        auto refused = tb::Workspace::open(root.toStdString(), false);
        QVERIFY(!refused.ok());
        QVERIFY(refused.message().find("in use") != std::string::npos);

        auto ws = tb::Workspace::open(root.toStdString(), true);
        QVERIFY(ws.ok());
        QVERIFY((*ws)->readOnly());
        QTemporaryDir settingsDir;
        tb::app::AppSettings settings(settingsDir.filePath(QStringLiteral("s.ini")));
        tb::models::JobManager jobs(1);
        tb::app::MainWindow window(*ws, &jobs, &settings);
        QVERIFY(window.readOnly());
        QVERIFY(window.windowTitle().contains(QStringLiteral("read-only")));
        QVERIFY(window.workspaceStatusText().contains(QStringLiteral("read-only")));
        QVERIFY(window.workspaceStatusText().contains(QString::fromStdString((*ws)->root())));

        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(5000));
        auto afterwards = tb::Workspace::open(root.toStdString(), false);
        QVERIFY(afterwards.ok());
        QVERIFY(!(*afterwards)->readOnly());
    }
};

QTEST_MAIN(ReadOnlyWorkspaceTest)
#include "read_only_workspace_test.moc"
