#include "models/datasets/dataset_version_table_model.h"

#include <QDateTime>
#include <QDir>

#include <algorithm>
#include <map>

namespace tb::models {

DatasetVersionTableModel::DatasetVersionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatasetVersionTableModel::refresh(const QString& datasetsDir) {
    beginResetModel();
    m_versions.clear();
    m_errors.clear();
    const QStringList names = datasetsDir.isEmpty()
                                  ? QStringList()
                                  : QDir(datasetsDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : names) {
        if (!tb::validateDatasetName(name.toStdString()).ok()) continue;
        auto list = tb::listDatasetVersions(datasetsDir.toStdString(), name.toStdString());
        if (!list.ok()) {
            m_errors << QString::fromStdString(list.message());
            continue;
        }
        // Newest first within a name. Versions saved within one second tie on createdAt: the deeper one in
        // the parent chain is the newer.
        std::map<std::string, const tb::DatasetVersion*> byId;
        for (const auto& v : *list) byId[v.version] = &v;
        auto depth = [&](const tb::DatasetVersion& v) {
            int d = 0;
            for (const tb::DatasetVersion* p = &v; d < int(list->size());) {
                auto it = byId.find(p->parent);
                if (it == byId.end()) break;
                p = it->second;
                ++d;
            }
            return d;
        };
        std::vector<std::pair<int, tb::DatasetVersion>> ordered;
        for (auto& v : *list) ordered.emplace_back(depth(v), v);
        std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
            return a.second.createdAt != b.second.createdAt ? a.second.createdAt > b.second.createdAt : a.first > b.first;
        });
        for (auto& [d, v] : ordered) m_versions.push_back(std::move(v));
    }
    endResetModel();
}

int DatasetVersionTableModel::rowOfVersion(const QString& versionId) const {
    for (size_t i = 0; i < m_versions.size(); ++i)
        if (QString::fromStdString(m_versions[i].version) == versionId) return int(i);
    return -1;
}

int DatasetVersionTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_versions.size()); }
int DatasetVersionTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DatasetVersionTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const tb::DatasetVersion& v = m_versions[size_t(index.row())];
    if (role == DirRole) return QString::fromStdString(v.dir);
    if (role == FullVersionRole) return QString::fromStdString(v.version);
    auto count = [&](const char* split) -> QVariant {
        auto it = v.counts.find(split);
        return qlonglong(it == v.counts.end() ? 0 : it->second);
    };
    if (role == Qt::TextAlignmentRole && index.column() >= TrainColumn && index.column() <= TestColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && (index.column() == VersionColumn || index.column() == ParentColumn))
        return QString::fromStdString(index.column() == VersionColumn ? v.version : v.parent);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case NameColumn: return QString::fromStdString(v.name);
    case VersionColumn: return QString::fromStdString(v.version.substr(0, 12));
    case CreatedColumn: {
        QDateTime t = QDateTime::fromString(QString::fromStdString(v.createdAt), Qt::ISODate);
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString::fromStdString(v.createdAt);
    }
    case TrainColumn: return count("train");
    case ValidationColumn: return count("validation");
    case TestColumn: return count("test");
    case DescriptionColumn: return QString::fromStdString(v.description);
    case ParentColumn: return v.parent.empty() ? tr("—") : QString::fromStdString(v.parent.substr(0, 12));
    }
    return {};
}

QVariant DatasetVersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case VersionColumn: return tr("Version");
    case CreatedColumn: return tr("Created");
    case TrainColumn: return tr("Train");
    case ValidationColumn: return tr("Validation");
    case TestColumn: return tr("Test");
    case DescriptionColumn: return tr("Description");
    case ParentColumn: return tr("Parent");
    }
    return {};
}

}  // namespace tb::models
