#include "models/playground/registered_version_model.h"

#include <QFileInfo>

namespace tb::models {

int RegisteredVersionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_versions.size()) + 1;
}

QVariant RegisteredVersionModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    if (index.row() == 0) {
        if (role == Qt::DisplayRole) return tr("Registered version…");
        return {};
    }
    const auto* v = versionAt(index.row());
    if (!v) return {};
    switch (role) {
        case Qt::DisplayRole:
            return tr("%1 v%2 · %3 · %4 · base %5")
                .arg(QString::fromStdString(v->group))
                .arg(v->version)
                .arg(QString::fromStdString(v->stage), QString::fromStdString(v->approval),
                     QFileInfo(QString::fromStdString(v->baseModel)).fileName());
        case Qt::ToolTipRole:
            return tr("Base model: %1\nAdapter: %2\nRun: %3")
                .arg(QString::fromStdString(v->baseModel),
                     v->adapterSha256.empty() ? tr("none") : QString::fromStdString(v->adapterPath),
                     QString::fromStdString(v->runId));
        case VersionIdRole:
            return qlonglong(v->id);
        case BaseModelRole:
            return QString::fromStdString(v->baseModel);
        case AdapterShaRole:
            return QString::fromStdString(v->adapterSha256);
        default:
            return {};
    }
}

void RegisteredVersionModel::setVersions(std::vector<tb::ModelVersionRecord> versions) {
    beginResetModel();
    m_versions = std::move(versions);
    endResetModel();
}

const tb::ModelVersionRecord* RegisteredVersionModel::versionAt(int row) const {
    if (row < 1 || row > int(m_versions.size())) return nullptr;
    return &m_versions[size_t(row - 1)];
}

}  // namespace tb::models
