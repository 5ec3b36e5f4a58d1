// ModelVersionTableModel: a thin Qt table over the registry's model versions (group, version, metrics,
// gate, approval, stage, authors, date). It mirrors what core::Registry returned; it reads and decides
// nothing itself — the page reloads it after every registry change.
#pragma once

#include "core/registry/registry.h"

#include <QAbstractTableModel>

#include <vector>

namespace tb::models {

class ModelVersionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        GroupColumn,
        VersionColumn,
        AccuracyColumn,
        PrimaryMetricColumn,
        GateColumn,
        ApprovalColumn,
        StageColumn,
        RunByColumn,
        RegisteredByColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role {
        VersionIdRole = Qt::UserRole + 1,  // qint64 registry id
        SortRole,                          // numbers as numbers, for the proxy
    };

    explicit ModelVersionTableModel(QObject* parent = nullptr);

    // Replaces the rows (a full reset: the registry is small and reloads are rare).
    void setVersions(std::vector<tb::ModelVersionRecord> versions);
    const std::vector<tb::ModelVersionRecord>& versions() const { return m_versions; }
    const tb::ModelVersionRecord* versionAt(int row) const;
    int rowOfId(qint64 versionId) const;  // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "accuracy" from the evaluation report (nullopt when it has none).
    static std::optional<double> accuracyOf(const tb::ModelVersionRecord& v);
    // The gate's primary metric (or the task's default) and its value in the evaluation report.
    static std::pair<QString, std::optional<double>> primaryMetricOf(const tb::ModelVersionRecord& v);
    static QString gateText(const tb::ModelVersionRecord& v);
    static QString approvalText(const std::string& approval);

private:
    std::vector<tb::ModelVersionRecord> m_versions;
};

}  // namespace tb::models
