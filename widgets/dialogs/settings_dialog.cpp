#include "widgets/dialogs/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace tb::widgets {

SettingsDialog::SettingsDialog(const SettingsValues& values, const QString& defaultWorkspace, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    auto* workspaceRow = new QHBoxLayout;
    m_workspace = new QLineEdit(values.workspaceDir, this);
    m_workspace->setObjectName(QStringLiteral("workspaceEdit"));
    m_workspace->setPlaceholderText(tr("Default: %1").arg(defaultWorkspace));
    m_workspace->setClearButtonEnabled(true);
    workspaceRow->addWidget(m_workspace, 1);
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseWorkspace);
    workspaceRow->addWidget(browse);
    form->addRow(tr("Workspace folder:"), workspaceRow);

    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_threads->setRange(1, 64);
    m_threads->setValue(values.workerThreads);
    m_threads->setToolTip(tr("How many background jobs run at the same time. This computer has %1 "
                             "hardware threads.")
                              .arg(QThread::idealThreadCount()));
    form->addRow(tr("Worker threads:"), m_threads);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    // Language names are written in their own language so everyone can find theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    int current = m_language->findData(values.language);
    m_language->setCurrentIndex(current < 0 ? 0 : current);
    form->addRow(tr("Language:"), m_language);
    layout->addLayout(form);

    auto* note = new QLabel(tr("Changes take effect the next time Tunebench starts."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

SettingsValues SettingsDialog::values() const {
    SettingsValues v;
    v.workspaceDir = m_workspace->text().trimmed();
    v.workerThreads = m_threads->value();
    v.language = m_language->currentData().toString();
    return v;
}

void SettingsDialog::browseWorkspace() {
    QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the workspace folder"), m_workspace->text());
    if (!dir.isEmpty()) m_workspace->setText(dir);
}

}  // namespace tb::widgets
