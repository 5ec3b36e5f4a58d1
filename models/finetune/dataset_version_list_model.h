// DatasetVersionListModel: the saved dataset versions of a workspace (every <datasets>/<name>/<id>/ with a
// manifest), newest first, for the fine-tune wizard's chooser: "name@id — train/validation/test counts".
// A thin list over core's readDatasetVersion; it creates nothing.
#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <vector>

#include "core/data/dataset_version.h"

namespace tb::models {

class DatasetVersionListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { DirRole = Qt::UserRole + 1, NameRole, VersionRole, TrainCountRole, ValidationCountRole, TestCountRole };

    explicit DatasetVersionListModel(QObject* parent = nullptr);
    void reload(const QString& datasetsDir);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    const tb::DatasetVersion* versionAt(int row) const;
    int rowOfDir(const QString& dir) const;
    QStringList problems() const { return m_problems; }  // folders that could not be read, with why

private:
    std::vector<tb::DatasetVersion> m_versions;
    QStringList m_problems;
};

}  // namespace tb::models
