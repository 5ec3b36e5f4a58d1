// RecordTableModel: a virtualised table over a dataset version's records (a tb::RecordIndex) for the
// inspector. Rows are read lazily from disk in blocks and kept in a small LRU window, so a million-record
// version costs the index (12 bytes/record) and the flags (~8 bytes/record), never a QString per record.
// Filters work on the compact flags. Not a loader and not a proxy: no record text is held beyond the window.
#pragma once

#include "core/data/quality_report.h"
#include "core/data/record_flags.h"
#include "core/data/record_index.h"

#include <QAbstractTableModel>
#include <QString>

#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

namespace tb::models {

class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RowColumn, SplitColumn, LineColumn, IdColumn, LabelColumn, InputColumn, OutputColumn, TokensColumn,
                  FlagsColumn, ColumnCount };
    enum Filter { AllRecords, Duplicates, Pii, OverLength, Rejected, Unreadable };
    static constexpr int kBlockRows = 64;
    static constexpr int kMaxBlocks = 48;        // at most ~3,000 rows of text in memory
    static constexpr int kPreviewChars = 240;    // text cells show this much of a field

    explicit RecordTableModel(QObject* parent = nullptr);

    // Replaces everything shown. flags may be null (no filters but "all" and "rejected" until they arrive).
    void setData(std::shared_ptr<const tb::RecordIndex> index, std::shared_ptr<const tb::RecordFlags> flags,
                 std::vector<tb::RejectedRecord> rejected);
    void setFlags(std::shared_ptr<const tb::RecordFlags> flags);
    void clear();

    // Filter: a kind, a label id (-1: any) and a split ("" any).
    void setFilter(Filter filter, int labelId = -1, const QString& split = QString());
    Filter filter() const { return m_filter; }
    // Rows the filter would show (without changing the current one).
    qint64 countFor(Filter filter, int labelId = -1, const QString& split = QString()) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Position in the index of a table row; -1 for a rejected-record row.
    qint64 recordPosition(int row) const;
    // The rejected record behind a row (null when the row is a record).
    const tb::RejectedRecord* rejectedAt(int row) const;
    std::shared_ptr<const tb::RecordIndex> recordIndex() const { return m_index; }
    std::shared_ptr<const tb::RecordFlags> flags() const { return m_flags; }
    // Blocks read from disk since setData (for tests that prove rows are read lazily).
    qint64 blocksRead() const { return m_blocksRead; }
    int cachedRows() const;

private:
    struct CachedRow {
        QString id, label, input, output, error;
    };
    struct Block {
        std::vector<CachedRow> rows;
        std::list<qint64>::iterator lru;
    };
    bool accepts(qint64 pos, Filter filter, int labelId, int splitSource) const;
    int splitSourceFor(const QString& split) const;
    void rebuildRows();
    const CachedRow& cached(qint64 pos) const;
    QString flagText(qint64 pos) const;

    std::shared_ptr<const tb::RecordIndex> m_index;
    std::shared_ptr<const tb::RecordFlags> m_flags;
    std::vector<tb::RejectedRecord> m_rejected;
    Filter m_filter = AllRecords;
    int m_labelId = -1;
    QString m_split;
    bool m_identity = true;           // all records, then all rejected: no row list needed
    std::vector<qint64> m_rows;       // filtered positions (>= index size: rejected entries)
    mutable std::unordered_map<qint64, Block> m_blocks;
    mutable std::list<qint64> m_lru;  // most recent first
    mutable qint64 m_blocksRead = 0;
};

}  // namespace tb::models
