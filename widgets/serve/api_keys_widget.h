// ApiKeysWidget: the endpoint's API keys — the list (public id, name, state, start of the stored
// hash), Create (the secret is shown once, here, and never again) and Revoke with confirmation. Calls
// the shared ApiKeyStore that the running server authenticates against, so changes apply at once.
#pragma once

#include "core/serve/api_keys.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tb::models {
class ApiKeyTableModel;
}

namespace tb::widgets {

class ApiKeysWidget : public QWidget {
    Q_OBJECT
public:
    ApiKeysWidget(std::shared_ptr<tb::ApiKeyStore> store, const QString& loadError, bool readOnly,
                  QWidget* parent = nullptr);

    tb::models::ApiKeyTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString lastSecret() const;  // what the secret field shows right after Create ("" otherwise)
    QString messageText() const;
    void refresh();

signals:
    void keysChanged();

private:
    void createKey();
    void revokeSelected();
    void updateButtons();
    void showMessage(const QString& text, bool error);

    std::shared_ptr<tb::ApiKeyStore> m_store;
    bool m_readOnly = false;
    QString m_loadError;
    tb::models::ApiKeyTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_name = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_revoke = nullptr;
    QLineEdit* m_secret = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_secretNote = nullptr;
    QLabel* m_message = nullptr;
};

}  // namespace tb::widgets
