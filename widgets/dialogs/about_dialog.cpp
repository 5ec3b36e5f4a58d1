#include "widgets/dialogs/about_dialog.h"

#include "widgets/icon_factory.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tb::widgets {

AboutDialog::AboutDialog(const QString& version, const Libraries& libraries, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About Tunebench"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(64, 64));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setText(QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p>")
                      .arg(tr("Tunebench %1").arg(version).toHtmlEscaped(),
                           tr("A desktop workbench for fine-tuning open-weight language models privately, "
                              "on your own computer.")
                               .toHtmlEscaped(),
                           tr("Libraries in use:").toHtmlEscaped()));
    header->addWidget(text, 1);
    layout->addLayout(header);

    auto* table = new QTableWidget(int(libraries.size()), 2, this);
    table->setObjectName(QStringLiteral("librariesTable"));
    table->setHorizontalHeaderLabels({tr("Library"), tr("Version")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i < libraries.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(libraries[i].first));
        table->setItem(i, 1, new QTableWidgetItem(libraries[i].second));
    }
    layout->addWidget(table, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 420);
}

}  // namespace tb::widgets
