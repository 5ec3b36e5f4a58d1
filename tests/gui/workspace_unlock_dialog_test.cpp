// The unlock dialog the app shows for an encrypted workspace: the passphrase field hides what is typed, a
// wrong passphrase is said in the dialog (which stays open and clears the field), the right one yields the
// workspace key; a key-file workspace asks for the key file instead; a plain workspace shows nothing.
#include "app/workspace_unlock_dialog.h"

#include "core/workspace/workspace_crypto.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class WorkspaceUnlockDialogTest : public QObject {
    Q_OBJECT
private slots:
    void passphraseWorkspace() {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("ws"));
        QVERIFY(QDir().mkpath(root));
        QVERIFY(tb::enableWorkspaceEncryption(root.toStdString(), "correct horse battery").ok());
        tb::app::WorkspaceUnlockDialog dialog(root);
        QVERIFY(dialog.passphraseEdit());
        QVERIFY(!dialog.keyFileEdit());
        QCOMPARE(dialog.passphraseEdit()->echoMode(), QLineEdit::Password);
        auto* unlock = dialog.findChild<QPushButton*>(QStringLiteral("unlockButton"));
        QVERIFY(unlock);
        QSignalSpy finished(&dialog, &tb::app::WorkspaceUnlockDialog::unlockFinished);

        unlock->click();  // empty: said at once, nothing derived
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);

        dialog.passphraseEdit()->setText(QStringLiteral("wrong horse battery"));
        unlock->click();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("wrong passphrase")));
        QVERIFY(dialog.passphraseEdit()->text().isEmpty());
        QVERIFY(!dialog.key());

        dialog.passphraseEdit()->setText(QStringLiteral("correct horse battery"));
        unlock->click();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.key());
        QVERIFY(dialog.passphraseEdit()->text().isEmpty());
        auto expected = tb::unlockWorkspace(root.toStdString(), "correct horse battery", "");
        QVERIFY(expected.ok());
        QVERIFY(dialog.key()->bytes() == expected->bytes());
    }

    void keyFileWorkspace() {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("ws"));
        QVERIFY(QDir().mkpath(root));
        const QString keyPath = dir.filePath(QStringLiteral("ws.key"));
        {
            QFile f(keyPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(64, 'a'));
        }
        QVERIFY(tb::enableWorkspaceEncryptionWithKeyFile(root.toStdString(), keyPath.toStdString()).ok());
        tb::app::WorkspaceUnlockDialog dialog(root);
        QVERIFY(dialog.usesKeyFile());
        QVERIFY(dialog.keyFileEdit());
        QVERIFY(!dialog.passphraseEdit());
        QSignalSpy finished(&dialog, &tb::app::WorkspaceUnlockDialog::unlockFinished);
        dialog.keyFileEdit()->setText(keyPath);
        dialog.findChild<QPushButton*>(QStringLiteral("unlockButton"))->click();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QVERIFY(dialog.key());
    }

    void plainWorkspaceNeedsNoDialog() {
        QTemporaryDir dir;
        QVERIFY(!tb::app::WorkspaceUnlockDialog::unlock(dir.path()));
    }
};

QTEST_MAIN(WorkspaceUnlockDialogTest)
#include "workspace_unlock_dialog_test.moc"
