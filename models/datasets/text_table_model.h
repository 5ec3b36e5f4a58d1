// TextTableModel: a read-only table of short, capped text lists the data pipeline reports (record
// previews, rejected records, cleaning before/after pairs, diff examples). Rows are set whole; the
// caller caps them. Not for records of a whole dataset: that is RecordTableModel.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace tb::models {

class TextTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TextTableModel(const QStringList& headers, QObject* parent = nullptr);
    void setRows(std::vector<QStringList> rows);
    void clear() { setRows({}); }
    QString text(int row, int column) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    std::vector<QStringList> m_rows;
};

}  // namespace tb::models
