// Settings persist: AppSettings round-trips through its file, the Settings dialog edits exactly those
// values, and the main window restores its geometry and last page from them.
#include "app/app_settings.h"
#include "models/job_manager.h"
#include "app/main_window.h"
#include "core/workspace/workspace.h"
#include "widgets/dialogs/settings_dialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using tb::app::AppSettings;

class SettingsTest : public QObject {
    Q_OBJECT
private slots:
    void valuesSurviveARestart() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("tunebench.ini"));
        {
            AppSettings s(ini);
            QCOMPARE(s.workerThreads(), AppSettings::defaultWorkerThreads());
            QCOMPARE(s.language(), QString());
            s.setWorkspaceDir(QStringLiteral("/data/my-workspace"));
            s.setWorkerThreads(3);
            s.setLanguage(QStringLiteral("ja"));
            s.setLastPage(QStringLiteral("runs"));
            s.sync();
        }
        AppSettings again(ini);
        QCOMPARE(again.workspaceDir(), QStringLiteral("/data/my-workspace"));
        QCOMPARE(again.workerThreads(), 3);
        QCOMPARE(again.language(), QStringLiteral("ja"));
        QCOMPARE(again.lastPage(), QStringLiteral("runs"));
        again.setLanguage(QStringLiteral("klingon"));  // unsupported values read back as "system"
        QCOMPARE(again.language(), QString());
        again.setWorkerThreads(0);
        QCOMPARE(again.workerThreads(), 1);
    }

    void dialogEditsTheValues() {
        tb::widgets::SettingsValues in;
        in.workspaceDir = QStringLiteral("/tmp/a");
        in.workerThreads = 2;
        in.language = QStringLiteral("de");
        tb::widgets::SettingsDialog dialog(in, QStringLiteral("/home/me/.local/share/tunebench"));
        QCOMPARE(dialog.values().workspaceDir, in.workspaceDir);
        QCOMPARE(dialog.values().workerThreads, 2);
        QCOMPARE(dialog.values().language, QStringLiteral("de"));
        auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("workspaceEdit"));
        auto* spin = dialog.findChild<QSpinBox*>(QStringLiteral("threadsSpin"));
        auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
        QVERIFY(edit && spin && combo);
        edit->setText(QStringLiteral("  /tmp/b  "));
        spin->setValue(5);
        combo->setCurrentIndex(combo->findData(QStringLiteral("ja")));
        QCOMPARE(dialog.values().workspaceDir, QStringLiteral("/tmp/b"));
        QCOMPARE(dialog.values().workerThreads, 5);
        QCOMPARE(dialog.values().language, QStringLiteral("ja"));
    }

    void windowRestoresGeometryAndLastPage() {
        QTemporaryDir dir;
        auto ws = tb::Workspace::open(dir.filePath(QStringLiteral("ws")).toStdString(), false);
        QVERIFY(ws.ok());
        const QString ini = dir.filePath(QStringLiteral("tunebench.ini"));
        tb::models::JobManager jobs(1);
        QSize size;
        {
            AppSettings settings(ini);
            tb::app::MainWindow window(*ws, &jobs, &settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(720, 520);  // fits the offscreen 800x600 screen
            QTRY_COMPARE(window.width(), 720);  // the height may grow to the minimum size hint
            QVERIFY(window.showPage(QStringLiteral("compare")));
            size = window.size();
            window.close();  // saves on close
        }
        AppSettings settings(ini);
        QCOMPARE(settings.lastPage(), QStringLiteral("compare"));
        tb::app::MainWindow restored(*ws, &jobs, &settings);
        QCOMPARE(restored.currentPageId(), QStringLiteral("compare"));
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QTRY_COMPARE(restored.size(), size);
    }
};

QTEST_MAIN(SettingsTest)
#include "settings_test.moc"
