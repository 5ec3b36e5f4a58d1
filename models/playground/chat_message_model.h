// ChatMessageModel: the Playground's conversation as a table (role, content) for the chat view, editable
// in place, and its conversion to core's ChatMessage list for template rendering. A thin adapter: it
// neither renders templates nor talks to a model.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "core/chat/chat_template.h"

namespace tb::models {

class ChatMessageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RoleColumn, ContentColumn, ColumnCount };

    explicit ChatMessageModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

    // Roles the templates know; an edited role must be one of these.
    static QStringList knownRoles();
    void addMessage(const QString& role, const QString& content);
    void clear();
    QString roleAt(int row) const { return m_rows.at(row).role; }
    QString contentAt(int row) const { return m_rows.at(row).content; }
    std::vector<tb::chat::ChatMessage> messages() const;

private:
    struct Row {
        QString role;
        QString content;
    };
    std::vector<Row> m_rows;
};

}  // namespace tb::models
