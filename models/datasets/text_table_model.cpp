#include "models/datasets/text_table_model.h"

namespace tb::models {

TextTableModel::TextTableModel(const QStringList& headers, QObject* parent) : QAbstractTableModel(parent), m_headers(headers) {}

void TextTableModel::setRows(std::vector<QStringList> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QString TextTableModel::text(int row, int column) const {
    if (row < 0 || row >= rowCount() || column < 0 || column >= m_rows[size_t(row)].size()) return {};
    return m_rows[size_t(row)].at(column);
}

int TextTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int TextTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_headers.size()); }

QVariant TextTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
    QString t = text(index.row(), index.column());
    if (role == Qt::DisplayRole) t.replace(QLatin1Char('\n'), QChar(0x21B5));
    return t;
}

QVariant TextTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= m_headers.size()) return {};
    return m_headers.at(section);
}

}  // namespace tb::models
