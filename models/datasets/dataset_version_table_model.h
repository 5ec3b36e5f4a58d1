// DatasetVersionTableModel: every saved dataset version in the workspace's datasets folder (name, version,
// created, records per split, description, parent), newest first per name. Reads the manifests only
// (quick: no record is read). Not an editor: versions are immutable.
#pragma once

#include "core/data/dataset_version.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace tb::models {

class DatasetVersionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, VersionColumn, CreatedColumn, TrainColumn, ValidationColumn, TestColumn,
                  DescriptionColumn, ParentColumn, ColumnCount };
    enum Role { DirRole = Qt::UserRole + 1, FullVersionRole };

    explicit DatasetVersionTableModel(QObject* parent = nullptr);

    // Re-reads datasetsDir; unreadable manifests are skipped and named in errors().
    void refresh(const QString& datasetsDir);
    const std::vector<tb::DatasetVersion>& versions() const { return m_versions; }
    const QStringList& errors() const { return m_errors; }
    int rowOfVersion(const QString& versionId) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<tb::DatasetVersion> m_versions;
    QStringList m_errors;
};

}  // namespace tb::models
