// AuditLogTableModel: a thin Qt table over the registry's audit log rows (seq, time, actor, action,
// entity, details, hash) that can mark the rows a verification found broken. It mirrors core's
// AuditLog::entries() and AuditLog::verify() results; it verifies nothing itself.
#pragma once

#include "core/registry/audit_log.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace tb::models {

class AuditLogTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeqColumn, AtColumn, ActorColumn, ActionColumn, EntityColumn, DetailsColumn, HashColumn, ColumnCount };
    enum Role {
        SeqRole = Qt::UserRole + 1,  // qint64
        ProblemRole,                 // QString: the problem kind ("edited", ...) or empty
    };

    explicit AuditLogTableModel(QObject* parent = nullptr);

    void setEntries(std::vector<tb::AuditEntry> entries);  // clears problem marks
    // Marks the rows named by a verification (a problem about a row that no longer exists is kept
    // for problemText() but marks nothing).
    void setProblems(const std::vector<tb::AuditProblem>& problems);
    void clearProblems();
    int rowOfSeq(qint64 seq) const;  // -1 when absent
    QString problemAt(int row) const;
    const std::vector<tb::AuditEntry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<tb::AuditEntry> m_entries;
    QHash<qint64, QString> m_problemKind;     // seq -> kind
    QHash<qint64, QString> m_problemMessage;  // seq -> core's message
};

}  // namespace tb::models
