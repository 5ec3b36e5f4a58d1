#include "app/workspace_unlock_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tb::app {

WorkspaceUnlockDialog::WorkspaceUnlockDialog(const QString& workspaceRoot, QWidget* parent)
    : QDialog(parent), m_root(workspaceRoot) {
    setObjectName(QStringLiteral("workspaceUnlockDialog"));
    setWindowTitle(tr("Unlock the workspace"));
    m_usesKeyFile = tb::workspaceKeyKind(workspaceRoot.toStdString()) == "keyfile";
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        m_usesKeyFile
            ? tr("The workspace %1 is encrypted with a key file. Choose the key file to read its datasets, "
                 "predictions and adapters.").arg(workspaceRoot)
            : tr("The workspace %1 is encrypted. Enter its passphrase to read its datasets, predictions and "
                 "adapters.").arg(workspaceRoot),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    if (m_usesKeyFile) {
        auto* row = new QHBoxLayout;
        m_keyFile = new QLineEdit(this);
        m_keyFile->setObjectName(QStringLiteral("keyFileEdit"));
        auto* browse = new QPushButton(tr("Browse…"), this);
        browse->setObjectName(QStringLiteral("browseKeyFile"));
        connect(browse, &QPushButton::clicked, this, &WorkspaceUnlockDialog::chooseKeyFile);
        row->addWidget(m_keyFile, 1);
        row->addWidget(browse);
        form->addRow(tr("Key file:"), row);
    } else {
        m_passphrase = new QLineEdit(this);
        m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
        m_passphrase->setEchoMode(QLineEdit::Password);
        m_passphrase->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
        form->addRow(tr("Passphrase:"), m_passphrase);
    }
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(this);
    auto* unlockButton = m_buttons->addButton(tr("Unlock"), QDialogButtonBox::AcceptRole);
    unlockButton->setObjectName(QStringLiteral("unlockButton"));
    unlockButton->setDefault(true);
    auto* skip = m_buttons->addButton(tr("Continue locked"), QDialogButtonBox::RejectRole);
    skip->setObjectName(QStringLiteral("continueLockedButton"));
    skip->setToolTip(tr("Open the workspace without the key: encrypted datasets, predictions and adapters "
                        "cannot be read until you restart and unlock it."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WorkspaceUnlockDialog::tryUnlock);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(&m_watcher, &QFutureWatcher<Attempt>::finished, this, &WorkspaceUnlockDialog::attemptDone);
}

WorkspaceUnlockDialog::~WorkspaceUnlockDialog() { m_watcher.waitForFinished(); }

void WorkspaceUnlockDialog::chooseKeyFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the workspace key file"));
    if (!file.isEmpty()) m_keyFile->setText(file);
}

void WorkspaceUnlockDialog::tryUnlock() {
    if (m_watcher.isRunning()) return;
    std::string passphrase = m_passphrase ? m_passphrase->text().toStdString() : std::string();
    const std::string keyFile = m_keyFile ? m_keyFile->text().trimmed().toStdString() : std::string();
    if (m_passphrase && passphrase.empty()) {
        m_error->setText(tr("Enter the passphrase."));
        m_error->show();
        emit unlockFinished(false);
        return;
    }
    if (m_keyFile && keyFile.empty()) {
        m_error->setText(tr("Choose the key file."));
        m_error->show();
        emit unlockFinished(false);
        return;
    }
    m_buttons->setEnabled(false);
    m_error->setText(tr("Unlocking…"));
    m_error->show();
    const std::string root = m_root.toStdString();
    // scrypt takes a noticeable moment and 32 MiB: derive on a worker, never on the GUI thread.
    m_watcher.setFuture(QtConcurrent::run([root, passphrase = std::move(passphrase), keyFile]() mutable {
        Attempt a;
        auto key = tb::unlockWorkspace(root, passphrase, keyFile);
        std::fill(passphrase.begin(), passphrase.end(), '\0');
        if (key) a.key = std::make_shared<const tb::WorkspaceKey>(std::move(*key));
        else a.error = QString::fromStdString(key.message());
        return a;
    }));
}

void WorkspaceUnlockDialog::attemptDone() {
    const Attempt a = m_watcher.result();
    m_buttons->setEnabled(true);
    if (!a.key) {
        m_error->setText(a.error);
        if (m_passphrase) {
            m_passphrase->clear();
            m_passphrase->setFocus();
        }
        emit unlockFinished(false);
        return;
    }
    m_key = a.key;
    if (m_passphrase) m_passphrase->clear();
    emit unlockFinished(true);
    accept();
}

std::shared_ptr<const tb::WorkspaceKey> WorkspaceUnlockDialog::unlock(const QString& workspaceRoot, QWidget* parent) {
    if (!tb::workspaceIsEncrypted(workspaceRoot.toStdString())) return nullptr;
    WorkspaceUnlockDialog dialog(workspaceRoot, parent);
    if (dialog.exec() != QDialog::Accepted) return nullptr;
    return dialog.key();
}

}  // namespace tb::app
