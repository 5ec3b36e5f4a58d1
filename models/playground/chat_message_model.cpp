#include "models/playground/chat_message_model.h"

namespace tb::models {

int ChatMessageModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChatMessageModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChatMessageModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const Row& r = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole)
        return index.column() == RoleColumn ? r.role : r.content;
    return {};
}

QVariant ChatMessageModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == RoleColumn ? tr("Role") : tr("Message");
}

Qt::ItemFlags ChatMessageModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ChatMessageModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= int(m_rows.size())) return false;
    Row& r = m_rows[size_t(index.row())];
    const QString text = value.toString();
    if (index.column() == RoleColumn) {
        if (!knownRoles().contains(text.trimmed())) return false;  // templates only know these roles
        r.role = text.trimmed();
    } else {
        r.content = text;
    }
    emit dataChanged(index, index);
    return true;
}

bool ChatMessageModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > int(m_rows.size())) return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.erase(m_rows.begin() + row, m_rows.begin() + row + count);
    endRemoveRows();
    return true;
}

QStringList ChatMessageModel::knownRoles() {
    return {QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant")};
}

void ChatMessageModel::addMessage(const QString& role, const QString& content) {
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back({role, content});
    endInsertRows();
}

void ChatMessageModel::clear() {
    if (m_rows.empty()) return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

std::vector<tb::chat::ChatMessage> ChatMessageModel::messages() const {
    std::vector<tb::chat::ChatMessage> out;
    out.reserve(m_rows.size());
    for (const Row& r : m_rows) {
        tb::chat::ChatMessage m;
        m.role = r.role.toStdString();
        m.content = nlohmann::ordered_json(r.content.toStdString());
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace tb::models
