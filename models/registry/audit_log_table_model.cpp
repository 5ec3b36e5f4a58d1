#include "models/registry/audit_log_table_model.h"

#include <QBrush>
#include <QColor>

namespace tb::models {

AuditLogTableModel::AuditLogTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AuditLogTableModel::setEntries(std::vector<tb::AuditEntry> entries) {
    beginResetModel();
    m_entries = std::move(entries);
    m_problemKind.clear();
    m_problemMessage.clear();
    endResetModel();
}

void AuditLogTableModel::setProblems(const std::vector<tb::AuditProblem>& problems) {
    m_problemKind.clear();
    m_problemMessage.clear();
    for (const tb::AuditProblem& p : problems) {
        if (m_problemKind.contains(p.seq)) continue;  // the first problem per row is the one to read
        m_problemKind.insert(p.seq, QString::fromStdString(p.kind));
        m_problemMessage.insert(p.seq, QString::fromStdString(p.message));
    }
    if (!m_entries.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void AuditLogTableModel::clearProblems() { setProblems({}); }

int AuditLogTableModel::rowOfSeq(qint64 seq) const {
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].seq == seq) return int(i);
    return -1;
}

QString AuditLogTableModel::problemAt(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    return m_problemKind.value(m_entries[size_t(row)].seq);
}

int AuditLogTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }

int AuditLogTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditLogTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
    const tb::AuditEntry& e = m_entries[size_t(index.row())];
    if (role == SeqRole) return qint64(e.seq);
    if (role == ProblemRole) return m_problemKind.value(e.seq);
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case SeqColumn: return qint64(e.seq);
        case AtColumn: return QString::fromStdString(e.at);
        case ActorColumn: return QString::fromStdString(e.actor);
        case ActionColumn: return QString::fromStdString(e.action);
        case EntityColumn: return QString::fromStdString(e.entity);
        case DetailsColumn:
            return e.details.is_discarded() ? tr("(not valid JSON)") : QString::fromStdString(e.details.dump());
        case HashColumn: return QString::fromStdString(e.hash.substr(0, 12));
        case ColumnCount: break;
        }
        return {};
    }
    const bool broken = m_problemKind.contains(e.seq);
    if (role == Qt::BackgroundRole && broken) return QBrush(QColor(0xff, 0xcd, 0xd2));
    if (role == Qt::ToolTipRole) {
        if (broken) return m_problemMessage.value(e.seq);
        if (index.column() == HashColumn) return QString::fromStdString(e.hash);
        if (index.column() == DetailsColumn) return QString::fromStdString(e.details.dump(2));
    }
    return {};
}

QVariant AuditLogTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case SeqColumn: return tr("#");
    case AtColumn: return tr("Time (UTC)");
    case ActorColumn: return tr("User");
    case ActionColumn: return tr("Action");
    case EntityColumn: return tr("Entity");
    case DetailsColumn: return tr("Details");
    case HashColumn: return tr("Hash");
    case ColumnCount: break;
    }
    return {};
}

}  // namespace tb::models
