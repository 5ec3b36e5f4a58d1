// ChatInputWidget: the Playground's chat mode input — the conversation (an editable role/message table),
// a role chooser and a message box for the next message. It only edits the conversation; rendering it
// with a chat template and generating belong to the page.
#pragma once

#include <QWidget>

#include "models/playground/chat_message_model.h"

class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace tb::widgets {

class ChatInputWidget : public QWidget {
    Q_OBJECT
public:
    explicit ChatInputWidget(QWidget* parent = nullptr);

    tb::models::ChatMessageModel* conversation() const { return m_model; }
    // The message typed but not yet added (its role and text).
    QString pendingRole() const;
    QString pendingText() const;
    void setPendingText(const QString& text);
    // Moves the typed message into the conversation (no-op when empty).
    void commitPending();
    // The conversation as it will be sent: the table plus the typed message, if any.
    std::vector<tb::chat::ChatMessage> messagesToSend() const;
    bool isEmpty() const;

signals:
    void changed();

private:
    void updateButtons();

    tb::models::ChatMessageModel* m_model;
    QTableView* m_view;
    QComboBox* m_role;
    QPlainTextEdit* m_text;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_clear;
};

}  // namespace tb::widgets
