#include "app/screenshot.h"

#include "app/about_info.h"
#include "app/main_window.h"
#include "core/common/log.h"
#include "widgets/dialogs/about_dialog.h"
#include "widgets/dialogs/settings_dialog.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>
#include <QWindow>

#include <memory>

namespace tb::app {

namespace {

bool save(QWidget* widget, const QString& path) {
    QPixmap pixmap = widget->grab();
    bool ok = !pixmap.isNull() && pixmap.save(path, "PNG");
    tb::log::info(std::string(ok ? "screenshot saved: " : "screenshot FAILED: ") + path.toStdString());
    return ok;
}

void settle(int ms) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) QApplication::processEvents(QEventLoop::AllEvents, 20);
}

void grabAll(MainWindow* window, const QString& file) {
    QFileInfo info(file);
    QDir dir = info.absoluteDir();
    dir.mkpath(QStringLiteral("."));
    QString stem = info.completeBaseName();
    bool ok = save(window, info.absoluteFilePath());
    const QString first = window->currentPageId();
    for (const QString& id : window->pageIds()) {
        window->showPage(id);
        settle(100);
        ok = save(window, dir.filePath(stem + QStringLiteral("_") + id + QStringLiteral(".png"))) && ok;
    }
    window->showPage(first);

    tb::widgets::AboutDialog about(tunebenchVersionText(), libraryVersions(), window);
    about.show();
    settle(150);
    ok = save(&about, dir.filePath(stem + QStringLiteral("_about.png"))) && ok;
    about.close();
    tb::widgets::SettingsValues values;
    values.workerThreads = 2;
    tb::widgets::SettingsDialog settings(values, QStringLiteral("~/.local/share/tunebench"), window);
    settings.show();
    settle(150);
    ok = save(&settings, dir.filePath(stem + QStringLiteral("_settings.png"))) && ok;
    settings.close();
    QApplication::exit(ok ? 0 : 2);
}

}  // namespace

void scheduleScreenshots(MainWindow* window, const QString& file) {
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto* poll = new QTimer(window);
    poll->setInterval(50);
    QObject::connect(poll, &QTimer::timeout, window, [window, file, timer, poll] {
        QWindow* handle = window->windowHandle();
        bool exposed = handle && handle->isExposed();
        if (!exposed && timer->elapsed() < 20000) return;
        poll->stop();
        poll->deleteLater();
        if (!exposed) {
            tb::log::error("screenshot: the main window was never exposed");
            QApplication::exit(2);
            return;
        }
        settle(300);  // let the first paint and layout finish
        grabAll(window, file);
    });
    poll->start();
}

}  // namespace tb::app
