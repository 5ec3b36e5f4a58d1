// The dialog that unlocks an encrypted workspace when the app opens it: a passphrase field with echo off
// (scrypt workspaces) or a key file chooser (key-file workspaces). The key is derived on a worker thread;
// a wrong passphrase or key is said in the dialog, which stays open. Nothing typed is stored or logged.
// Not the crypto (core/workspace/workspace_crypto.h) nor the command line's unlocking (cli/workspace_unlock.h).
#pragma once

#include "core/workspace/workspace_crypto.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>
#include <string>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tb::app {

class WorkspaceUnlockDialog : public QDialog {
    Q_OBJECT
public:
    explicit WorkspaceUnlockDialog(const QString& workspaceRoot, QWidget* parent = nullptr);
    ~WorkspaceUnlockDialog() override;

    // The key once the dialog was accepted; null when it was cancelled (the workspace stays locked).
    std::shared_ptr<const tb::WorkspaceKey> key() const { return m_key; }
    bool usesKeyFile() const { return m_usesKeyFile; }

    QLineEdit* passphraseEdit() const { return m_passphrase; }
    QLineEdit* keyFileEdit() const { return m_keyFile; }
    QLabel* errorLabel() const { return m_error; }

    // Shows the dialog for an encrypted workspace and returns its key, or null when the workspace is not
    // encrypted or the user chose to continue without unlocking.
    static std::shared_ptr<const tb::WorkspaceKey> unlock(const QString& workspaceRoot, QWidget* parent = nullptr);

signals:
    void unlockFinished(bool ok);  // after each attempt (tests wait on it)

private:
    struct Attempt {
        std::shared_ptr<const tb::WorkspaceKey> key;
        QString error;
    };
    void tryUnlock();
    void chooseKeyFile();
    void attemptDone();

    QString m_root;
    bool m_usesKeyFile = false;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QFutureWatcher<Attempt> m_watcher;
    std::shared_ptr<const tb::WorkspaceKey> m_key;
};

}  // namespace tb::app
