#include "models/finetune/dataset_version_list_model.h"

#include <QDir>
#include <algorithm>

namespace tb::models {

DatasetVersionListModel::DatasetVersionListModel(QObject* parent) : QAbstractListModel(parent) {}

void DatasetVersionListModel::reload(const QString& datasetsDir) {
    beginResetModel();
    m_versions.clear();
    m_problems.clear();
    const QDir root(datasetsDir);
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir nameDir(root.filePath(name));
        for (const QString& id : nameDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString dir = nameDir.filePath(id);
            if (!QFileInfo::exists(dir + QStringLiteral("/manifest.json"))) continue;
            auto v = tb::readDatasetVersion(dir.toStdString());
            if (v) {
                v->dir = dir.toStdString();
                m_versions.push_back(std::move(*v));
            } else {
                m_problems << QString::fromStdString(v.message());
            }
        }
    }
    std::stable_sort(
        m_versions.begin(), m_versions.end(),
        [](const tb::DatasetVersion& a, const tb::DatasetVersion& b) { return a.createdAt > b.createdAt; });
    endResetModel();
}

int DatasetVersionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_versions.size());
}

const tb::DatasetVersion* DatasetVersionListModel::versionAt(int row) const {
    return row >= 0 && row < int(m_versions.size()) ? &m_versions[size_t(row)] : nullptr;
}

int DatasetVersionListModel::rowOfDir(const QString& dir) const {
    const QString clean = QDir::cleanPath(dir);
    for (size_t i = 0; i < m_versions.size(); ++i)
        if (QDir::cleanPath(QString::fromStdString(m_versions[i].dir)) == clean) return int(i);
    return -1;
}

QVariant DatasetVersionListModel::data(const QModelIndex& index, int role) const {
    const tb::DatasetVersion* v = versionAt(index.row());
    if (!v || index.column() != 0) return {};
    auto count = [&](const char* split) -> qlonglong {
        auto it = v->counts.find(split);
        return it == v->counts.end() ? 0 : it->second;
    };
    switch (role) {
        case Qt::DisplayRole:
            return tr("%1@%2 — train %3, validation %4, test %5")
                .arg(QString::fromStdString(v->name), QString::fromStdString(v->version.substr(0, 12)))
                .arg(count("train"))
                .arg(count("validation"))
                .arg(count("test"));
        case Qt::ToolTipRole:
            return tr("%1\ncreated %2\n%3")
                .arg(QString::fromStdString(v->dir), QString::fromStdString(v->createdAt),
                     QString::fromStdString(v->description));
        case DirRole:
            return QString::fromStdString(v->dir);
        case NameRole:
            return QString::fromStdString(v->name);
        case VersionRole:
            return QString::fromStdString(v->version);
        case TrainCountRole:
            return count("train");
        case ValidationCountRole:
            return count("validation");
        case TestCountRole:
            return count("test");
    }
    return {};
}

}  // namespace tb::models
