#include "app/gui_main.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

namespace tb::app {

int runGui(int argc, char** argv, const tb::cli::GlobalOptions& options) {
    QApplication qapp(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tunebench"));
    QApplication::setOrganizationName(QStringLiteral("Tunebench"));
    QMainWindow window;
    window.setWindowTitle(QObject::tr("Tunebench"));
    window.setCentralWidget(new QLabel(QObject::tr("Tunebench workbench")));
    window.resize(1200, 800);
    window.show();
    return qapp.exec();
}

}  // namespace tb::app
