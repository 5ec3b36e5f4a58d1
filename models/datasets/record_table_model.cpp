#include "models/datasets/record_table_model.h"

#include "core/data/record_text.h"

#include <QColor>

namespace tb::models {

namespace {
QString preview(const std::string& text) {
    QString s = QString::fromUtf8(text.data(), qsizetype(std::min<size_t>(text.size(), RecordTableModel::kPreviewChars * 4)));
    if (s.size() > RecordTableModel::kPreviewChars) s = s.left(RecordTableModel::kPreviewChars) + QChar(0x2026);
    s.replace(QLatin1Char('\n'), QChar(0x21B5));
    return s;
}
}  // namespace

RecordTableModel::RecordTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecordTableModel::setData(std::shared_ptr<const tb::RecordIndex> index, std::shared_ptr<const tb::RecordFlags> flags,
                               std::vector<tb::RejectedRecord> rejected) {
    beginResetModel();
    m_index = std::move(index);
    m_flags = std::move(flags);
    m_rejected = std::move(rejected);
    m_blocks.clear();
    m_lru.clear();
    m_blocksRead = 0;
    m_filter = AllRecords;
    m_labelId = -1;
    m_split.clear();
    rebuildRows();
    endResetModel();
}

void RecordTableModel::setFlags(std::shared_ptr<const tb::RecordFlags> flags) {
    beginResetModel();
    m_flags = std::move(flags);
    rebuildRows();
    endResetModel();
}

void RecordTableModel::clear() { setData(nullptr, nullptr, {}); }

void RecordTableModel::setFilter(Filter filter, int labelId, const QString& split) {
    beginResetModel();
    m_filter = filter;
    m_labelId = labelId;
    m_split = split;
    rebuildRows();
    endResetModel();
}

int RecordTableModel::splitSourceFor(const QString& split) const {
    if (split.isEmpty() || !m_index) return -1;
    for (int s = 0; s < m_index->sourceCount(); ++s)
        if (QString::fromStdString(m_index->source(s).split) == split) return s;
    return -2;  // no such split: nothing matches
}

bool RecordTableModel::accepts(qint64 pos, Filter filter, int labelId, int splitSource) const {
    const qint64 records = m_index ? m_index->size() : 0;
    if (pos >= records) return filter == AllRecords || filter == Rejected ? labelId < 0 && splitSource == -1 : false;
    if (filter == Rejected) return false;
    if (splitSource == -2) return false;
    if (splitSource >= 0 && m_index->sourceOf(pos) != splitSource) return false;
    if (!m_flags) return filter == AllRecords && labelId < 0;
    const size_t u = size_t(pos);
    if (labelId >= 0 && m_flags->labelIds[u] != labelId) return false;
    const uint8_t f = m_flags->flags[u];
    switch (filter) {
    case AllRecords: return true;
    case Duplicates: return f & tb::kFlagDuplicateGroup;
    case Pii: return f & tb::kFlagPii;
    case OverLength: return f & tb::kFlagOverLength;
    case Unreadable: return f & tb::kFlagUnreadable;
    case Rejected: return false;
    }
    return false;
}

qint64 RecordTableModel::countFor(Filter filter, int labelId, const QString& split) const {
    const qint64 records = m_index ? m_index->size() : 0;
    const int source = splitSourceFor(split);
    if (filter == AllRecords && labelId < 0 && source == -1) return records + qint64(m_rejected.size());
    if (filter == Rejected) return labelId < 0 && source == -1 ? qint64(m_rejected.size()) : 0;
    qint64 n = 0;
    for (qint64 p = 0; p < records; ++p) n += accepts(p, filter, labelId, source);
    return n;
}

void RecordTableModel::rebuildRows() {
    m_rows.clear();
    const int source = splitSourceFor(m_split);
    m_identity = m_filter == AllRecords && m_labelId < 0 && source == -1;
    if (m_identity) return;
    const qint64 records = m_index ? m_index->size() : 0;
    const qint64 total = records + qint64(m_rejected.size());
    for (qint64 p = 0; p < total; ++p)
        if (accepts(p, m_filter, m_labelId, source)) m_rows.push_back(p);
    m_rows.shrink_to_fit();
}

int RecordTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid()) return 0;
    if (!m_identity) return int(m_rows.size());
    return int((m_index ? m_index->size() : 0) + qint64(m_rejected.size()));
}

int RecordTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

qint64 RecordTableModel::recordPosition(int row) const {
    if (row < 0 || row >= rowCount()) return -1;
    const qint64 pos = m_identity ? row : m_rows[size_t(row)];
    return m_index && pos < m_index->size() ? pos : -1;
}

const tb::RejectedRecord* RecordTableModel::rejectedAt(int row) const {
    if (row < 0 || row >= rowCount()) return nullptr;
    const qint64 pos = m_identity ? row : m_rows[size_t(row)];
    const qint64 records = m_index ? m_index->size() : 0;
    return pos >= records ? &m_rejected[size_t(pos - records)] : nullptr;
}

int RecordTableModel::cachedRows() const {
    int n = 0;
    for (const auto& [k, b] : m_blocks) n += int(b.rows.size());
    return n;
}

const RecordTableModel::CachedRow& RecordTableModel::cached(qint64 pos) const {
    const qint64 block = pos / kBlockRows;
    auto it = m_blocks.find(block);
    if (it != m_blocks.end()) {
        m_lru.splice(m_lru.begin(), m_lru, it->second.lru);
        return it->second.rows[size_t(pos - block * kBlockRows)];
    }
    if (int(m_blocks.size()) >= kMaxBlocks) {
        m_blocks.erase(m_lru.back());
        m_lru.pop_back();
    }
    Block b;
    const qint64 first = block * kBlockRows;
    const qint64 last = std::min<qint64>(first + kBlockRows, m_index->size());
    b.rows.reserve(size_t(last - first));
    for (qint64 p = first; p < last; ++p) {
        CachedRow row;
        auto r = m_index->record(p);
        if (!r.ok()) {
            row.error = QString::fromStdString(r.message());
        } else {
            row.id = QString::fromStdString(r->id);
            row.label = QString::fromUtf8(std::string(tb::recordLabel(*r)));
            row.input = preview(r->format == tb::RecordFormat::PlainText ? r->text : tb::recordInput(*r));
            row.output = preview(tb::recordOutput(*r));
        }
        b.rows.push_back(std::move(row));
    }
    ++m_blocksRead;
    m_lru.push_front(block);
    b.lru = m_lru.begin();
    auto inserted = m_blocks.emplace(block, std::move(b)).first;
    return inserted->second.rows[size_t(pos - first)];
}

QString RecordTableModel::flagText(qint64 pos) const {
    if (!m_flags) return {};
    const uint8_t f = m_flags->flags[size_t(pos)];
    QStringList parts;
    if (f & tb::kFlagExactDuplicate) parts << tr("duplicate");
    else if (f & tb::kFlagNearDuplicate) parts << tr("near-duplicate");
    else if (f & tb::kFlagDuplicateGroup) parts << tr("has duplicates");
    if (f & tb::kFlagPii) {
        QStringList types;
        for (tb::PiiType t : tb::kAllPiiTypes)
            if (m_flags->piiTypes[size_t(pos)] & (1u << int(t))) types << QString::fromLatin1(tb::piiTypeName(t));
        parts << tr("PII: %1").arg(types.join(QLatin1Char(',')));
    }
    if (f & tb::kFlagOverLength) parts << tr("over length");
    if (f & tb::kFlagUnreadable) parts << tr("unreadable");
    return parts.join(QStringLiteral("; "));
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const qint64 pos = m_identity ? index.row() : m_rows[size_t(index.row())];
    const qint64 records = m_index ? m_index->size() : 0;
    if (pos >= records) {
        const tb::RejectedRecord& r = m_rejected[size_t(pos - records)];
        if (role == Qt::ForegroundRole) return QColor(Qt::darkRed);
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
        switch (index.column()) {
        case RowColumn: return QString();
        case SplitColumn: return tr("rejected");
        case LineColumn: return qlonglong(r.line);
        case InputColumn: return QString::fromStdString(r.reason);
        case IdColumn: return QString::fromStdString(r.file);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && m_flags && m_flags->flags[size_t(pos)] & (tb::kFlagPii | tb::kFlagUnreadable))
        return QColor(Qt::darkRed);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
    case RowColumn: return qlonglong(pos + 1);
    case SplitColumn: return QString::fromStdString(m_index->source(m_index->sourceOf(pos)).split);
    case LineColumn: return qlonglong(m_index->lineOf(pos));
    case TokensColumn: return m_flags ? QVariant(qulonglong(m_flags->tokens[size_t(pos)])) : QVariant();
    case FlagsColumn: return flagText(pos);
    default: break;
    }
    const CachedRow& row = cached(pos);
    switch (index.column()) {
    case IdColumn: return row.id;
    case LabelColumn: return row.label;
    case InputColumn: return row.error.isEmpty() ? row.input : row.error;
    case OutputColumn: return row.output;
    default: return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
    switch (section) {
    case RowColumn: return tr("#");
    case SplitColumn: return tr("Split");
    case LineColumn: return tr("Line");
    case IdColumn: return tr("Id");
    case LabelColumn: return tr("Label");
    case InputColumn: return tr("Input");
    case OutputColumn: return tr("Output");
    case TokensColumn: return m_flags && m_flags->tokensEstimated ? tr("Tokens (est.)") : tr("Tokens");
    case FlagsColumn: return tr("Findings");
    }
    return {};
}

}  // namespace tb::models
