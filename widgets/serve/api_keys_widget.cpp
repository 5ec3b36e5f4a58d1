#include "widgets/serve/api_keys_widget.h"

#include "models/serve/api_key_table_model.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::widgets {

ApiKeysWidget::ApiKeysWidget(std::shared_ptr<tb::ApiKeyStore> store, const QString& loadError, bool readOnly,
                             QWidget* parent)
    : QWidget(parent), m_store(std::move(store)), m_readOnly(readOnly), m_loadError(loadError) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("keyNameEdit"));
    m_name->setPlaceholderText(tr("What the key is for, e.g. helpdesk-bot"));
    m_create = new QPushButton(tr("Create key"), this);
    m_create->setObjectName(QStringLiteral("createKeyButton"));
    m_revoke = new QPushButton(tr("Revoke…"), this);
    m_revoke->setObjectName(QStringLiteral("revokeKeyButton"));
    row->addWidget(m_name, 1);
    row->addWidget(m_create);
    row->addWidget(m_revoke);
    layout->addLayout(row);

    auto* secretRow = new QHBoxLayout;
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("newKeySecret"));
    m_secret->setReadOnly(true);
    m_copy = new QPushButton(tr("Copy"), this);
    auto* copy = m_copy;
    copy->setObjectName(QStringLiteral("copyKeyButton"));
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(copy);
    m_secretNote = new QLabel(tr("Store this key now: it is shown only once and Tunebench keeps only its hash."), this);
    m_secretNote->setWordWrap(true);
    m_secretNote->setStyleSheet(QStringLiteral("color: #ef6c00;"));
    layout->addLayout(secretRow);
    layout->addWidget(m_secretNote);
    for (QWidget* w : {static_cast<QWidget*>(m_secret), static_cast<QWidget*>(copy), static_cast<QWidget*>(m_secretNote)})
        w->setVisible(false);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_secret->text()); });

    m_model = new tb::models::ApiKeyTableModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("keyView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("keyMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_name, &QLineEdit::textChanged, this, &ApiKeysWidget::updateButtons);
    connect(m_name, &QLineEdit::returnPressed, this, &ApiKeysWidget::createKey);
    connect(m_create, &QPushButton::clicked, this, &ApiKeysWidget::createKey);
    connect(m_revoke, &QPushButton::clicked, this, &ApiKeysWidget::revokeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ApiKeysWidget::updateButtons);
    if (!m_loadError.isEmpty()) showMessage(tr("Could not read the API keys: %1").arg(m_loadError), true);
    refresh();
}

QString ApiKeysWidget::lastSecret() const { return m_secret->isHidden() ? QString() : m_secret->text(); }
QString ApiKeysWidget::messageText() const { return m_message->text(); }

void ApiKeysWidget::refresh() {
    m_model->setKeys(m_store ? m_store->list() : std::vector<tb::ApiKeyInfo>{});
    m_view->resizeColumnsToContents();
    updateButtons();
}

void ApiKeysWidget::updateButtons() {
    QString createWhy, revokeWhy;
    if (m_readOnly) createWhy = revokeWhy = tr("The workspace is open read-only.");
    else if (!m_loadError.isEmpty()) createWhy = revokeWhy = tr("The key file could not be read.");
    if (createWhy.isEmpty() && m_name->text().trimmed().isEmpty()) createWhy = tr("Give the key a name first.");
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (revokeWhy.isEmpty() && rows.isEmpty()) revokeWhy = tr("Select a key first.");
    if (revokeWhy.isEmpty() && rows.first().data(tb::models::ApiKeyTableModel::RevokedRole).toBool())
        revokeWhy = tr("This key is already revoked.");
    m_create->setEnabled(createWhy.isEmpty());
    m_create->setToolTip(createWhy.isEmpty() ? tr("Create a new key; its secret is shown once") : createWhy);
    m_revoke->setEnabled(revokeWhy.isEmpty());
    m_revoke->setToolTip(revokeWhy.isEmpty() ? tr("Revoke the selected key: requests with it get 401") : revokeWhy);
}

void ApiKeysWidget::showMessage(const QString& text, bool error) {
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_message->setText(text);
}

void ApiKeysWidget::createKey() {
    if (!m_create->isEnabled()) return;
    auto key = m_store->create(m_name->text().trimmed().toStdString());
    if (!key) {
        showMessage(QString::fromStdString(key.message()), true);
        return;
    }
    m_secret->setText(QString::fromStdString(key->secret));
    for (QWidget* w : {static_cast<QWidget*>(m_secret), static_cast<QWidget*>(m_copy), static_cast<QWidget*>(m_secretNote)})
        w->setVisible(true);
    m_name->clear();
    showMessage(tr("Key %1 created.").arg(QString::fromStdString(key->info.id)), false);
    refresh();
    emit keysChanged();
}

void ApiKeysWidget::revokeSelected() {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    const QString id = rows.first().data(tb::models::ApiKeyTableModel::KeyIdRole).toString();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Revoke API key"),
                                tr("Revoke key %1? Programs using it get 401 from now on.").arg(id),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRevoke"));
    QPushButton* yes = box->addButton(tr("Revoke"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmYes"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, id] {
        if (box->clickedButton() != yes) return;
        if (auto s = m_store->revoke(id.toStdString()); !s) {
            showMessage(QString::fromStdString(s.message()), true);
            return;
        }
        // A revoked key's secret must not linger on screen either.
        m_secret->clear();
        showMessage(tr("Key %1 revoked.").arg(id), false);
        refresh();
        emit keysChanged();
    });
    box->open();
}

}  // namespace tb::widgets
