// AboutDialog: Tunebench's version, what it is, and the versions of the libraries in use.
// The caller gathers the versions; the dialog only shows them.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

namespace tb::widgets {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    using Libraries = QList<QPair<QString, QString>>;  // (name, version)
    AboutDialog(const QString& version, const Libraries& libraries, QWidget* parent = nullptr);
};

}  // namespace tb::widgets
