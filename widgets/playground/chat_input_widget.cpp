#include "widgets/playground/chat_input_widget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::widgets {

ChatInputWidget::ChatInputWidget(QWidget* parent) : QWidget(parent) {
    m_model = new tb::models::ChatMessageModel(this);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("messages"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(tb::models::ChatMessageModel::RoleColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("The conversation so far. Double-click a cell to edit it."));
    m_role = new QComboBox;
    m_role->setObjectName(QStringLiteral("messageRole"));
    for (const QString& role : tb::models::ChatMessageModel::knownRoles()) m_role->addItem(role, role);
    m_role->setCurrentIndex(m_role->findData(QStringLiteral("user")));
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setPlaceholderText(tr("Next message (Generate adds it to the conversation)"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(90);
    m_add = new QPushButton(tr("Add message"));
    m_add->setObjectName(QStringLiteral("addMessage"));
    m_add->setToolTip(tr("Add the typed message without generating (e.g. a system prompt or an example answer)"));
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setObjectName(QStringLiteral("removeMessage"));
    m_clear = new QPushButton(tr("Clear conversation"));
    m_clear->setObjectName(QStringLiteral("clearMessages"));

    auto* entry = new QHBoxLayout;
    entry->addWidget(m_role);
    entry->addWidget(m_text, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(entry);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &ChatInputWidget::commitPending);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const auto rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty()) m_model->removeRows(rows.first().row(), 1);
    });
    connect(m_clear, &QPushButton::clicked, m_model, &tb::models::ChatMessageModel::clear);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ChatInputWidget::changed);
    connect(m_role, &QComboBox::currentIndexChanged, this, &ChatInputWidget::changed);
    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, sig, this, &ChatInputWidget::changed);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChatInputWidget::changed);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChatInputWidget::changed);
    connect(this, &ChatInputWidget::changed, this, &ChatInputWidget::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ChatInputWidget::updateButtons);
    updateButtons();
}

QString ChatInputWidget::pendingRole() const {
    return m_role->currentData().toString();
}
QString ChatInputWidget::pendingText() const {
    return m_text->toPlainText();
}
void ChatInputWidget::setPendingText(const QString& text) {
    m_text->setPlainText(text);
}

void ChatInputWidget::commitPending() {
    if (pendingText().trimmed().isEmpty()) return;
    m_model->addMessage(pendingRole(), pendingText());
    m_text->clear();
    // After the user's turn the model answers; after a system prompt the user usually speaks.
    m_role->setCurrentIndex(m_role->findData(QStringLiteral("user")));
}

std::vector<tb::chat::ChatMessage> ChatInputWidget::messagesToSend() const {
    auto messages = m_model->messages();
    if (!pendingText().trimmed().isEmpty()) {
        tb::chat::ChatMessage m;
        m.role = pendingRole().toStdString();
        m.content = nlohmann::ordered_json(pendingText().toStdString());
        messages.push_back(std::move(m));
    }
    return messages;
}

bool ChatInputWidget::isEmpty() const {
    return m_model->rowCount() == 0 && pendingText().trimmed().isEmpty();
}

void ChatInputWidget::updateButtons() {
    m_add->setEnabled(!pendingText().trimmed().isEmpty());
    m_remove->setEnabled(m_view->selectionModel()->hasSelection());
    m_clear->setEnabled(m_model->rowCount() > 0);
}

}  // namespace tb::widgets
