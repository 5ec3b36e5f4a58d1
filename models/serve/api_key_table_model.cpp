#include "models/serve/api_key_table_model.h"

#include <QBrush>
#include <QColor>

namespace tb::models {

ApiKeyTableModel::ApiKeyTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ApiKeyTableModel::setKeys(std::vector<tb::ApiKeyInfo> keys) {
    beginResetModel();
    m_keys = std::move(keys);
    endResetModel();
}

int ApiKeyTableModel::rowOfId(const QString& id) const {
    for (size_t i = 0; i < m_keys.size(); ++i)
        if (QString::fromStdString(m_keys[i].id) == id) return int(i);
    return -1;
}

int ApiKeyTableModel::liveCount() const {
    int n = 0;
    for (const auto& k : m_keys) n += k.revoked ? 0 : 1;
    return n;
}

int ApiKeyTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_keys.size()); }

int ApiKeyTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ApiKeyTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
    const tb::ApiKeyInfo& k = m_keys[size_t(index.row())];
    if (role == KeyIdRole) return QString::fromStdString(k.id);
    if (role == RevokedRole) return k.revoked;
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case IdColumn: return QString::fromStdString(k.id);
        case NameColumn: return QString::fromStdString(k.name);
        case CreatedColumn: return QString::fromStdString(k.createdAt);
        case StateColumn: return k.revoked ? tr("revoked") : tr("active");
        case HashColumn: return QStringLiteral("%1…").arg(QString::fromStdString(k.sha256.substr(0, 12)));
        case ColumnCount: break;
        }
    }
    if (role == Qt::ForegroundRole && k.revoked) return QBrush(QColor(0x9e, 0x9e, 0x9e));
    if (role == Qt::ToolTipRole && index.column() == HashColumn)
        return tr("SHA-256 of the secret: %1 (the secret itself is not stored)").arg(QString::fromStdString(k.sha256));
    return {};
}

QVariant ApiKeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case IdColumn: return tr("Id");
    case NameColumn: return tr("Name");
    case CreatedColumn: return tr("Created");
    case StateColumn: return tr("State");
    case HashColumn: return tr("Stored hash");
    case ColumnCount: break;
    }
    return {};
}

}  // namespace tb::models
