// ServedVersionTableModel: the registered model versions the endpoint may serve (Approved, in Staging or
// Production, with an adapter) with a checkbox for "serve it" and the state the session reports
// (serving, loading, error). Mirrors the registry and the session; starts nothing itself.
#pragma once

#include "core/registry/registry.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace tb::models {

class ServedVersionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ServeColumn, NameColumn, StageColumn, GateColumn, BaseModelColumn, StateColumn, ColumnCount };
    enum Role { VersionIdRole = Qt::UserRole + 1, ServedNameRole, AdapterShaRole };

    explicit ServedVersionTableModel(QObject* parent = nullptr);

    // Keeps the servable ones; Production versions are checked by default, and checks of versions
    // already listed are kept.
    void setVersions(const std::vector<tb::ModelVersionRecord>& versions);
    // "group" for the Production version, "group-vN" otherwise (as `tunebench serve --group` names them).
    static QString servedName(const tb::ModelVersionRecord& v);
    static bool servable(const tb::ModelVersionRecord& v);

    int rowOfName(const QString& servedName) const;
    bool isChecked(int row) const;
    void setChecked(int row, bool checked);
    void setState(const QString& servedName, const QString& state);
    QString stateOf(const QString& servedName) const;
    const tb::ModelVersionRecord* versionAt(int row) const;
    QStringList checkedNames() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The user ticked or unticked a version (not emitted for setVersions).
    void checkToggled(const QString& servedName, bool checked);

private:
    struct Row {
        tb::ModelVersionRecord version;
        QString name;
        bool checked = false;
        QString state;
    };
    std::vector<Row> m_rows;
};

}  // namespace tb::models
