// RegisteredVersionModel: the registry's model versions as a list for the Playground's version chooser
// (row 0 is a "choose…" placeholder), each naming its group, version, stage and approval. A thin adapter
// over core's ModelVersionRecord; loading the registry and materialising adapters happen elsewhere.
#pragma once

#include <QAbstractListModel>
#include <vector>

#include "core/registry/registry.h"

namespace tb::models {

class RegisteredVersionModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { VersionIdRole = Qt::UserRole + 1, BaseModelRole, AdapterShaRole };

    explicit RegisteredVersionModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setVersions(std::vector<tb::ModelVersionRecord> versions);
    // The version shown at `row` (row >= 1), or null for the placeholder.
    const tb::ModelVersionRecord* versionAt(int row) const;
    int versionCount() const { return int(m_versions.size()); }

private:
    std::vector<tb::ModelVersionRecord> m_versions;
};

}  // namespace tb::models
