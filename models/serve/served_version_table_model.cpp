#include "models/serve/served_version_table_model.h"

#include <QHash>

namespace tb::models {

ServedVersionTableModel::ServedVersionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ServedVersionTableModel::servedName(const tb::ModelVersionRecord& v) {
    return v.stage == "Production" ? QString::fromStdString(v.group)
                                   : QStringLiteral("%1-v%2").arg(QString::fromStdString(v.group)).arg(v.version);
}

bool ServedVersionTableModel::servable(const tb::ModelVersionRecord& v) {
    return v.approval == "Approved" && (v.stage == "Production" || v.stage == "Staging") && !v.adapterSha256.empty();
}

void ServedVersionTableModel::setVersions(const std::vector<tb::ModelVersionRecord>& versions) {
    QHash<QString, bool> checks;
    QHash<QString, QString> states;
    for (const Row& r : m_rows) {
        checks.insert(r.name, r.checked);
        states.insert(r.name, r.state);
    }
    beginResetModel();
    m_rows.clear();
    for (const auto& v : versions) {
        if (!servable(v)) continue;
        Row r;
        r.version = v;
        r.name = servedName(v);
        r.checked = checks.value(r.name, v.stage == "Production");
        r.state = states.value(r.name);
        m_rows.push_back(std::move(r));
    }
    endResetModel();
}

int ServedVersionTableModel::rowOfName(const QString& name) const {
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].name == name) return int(i);
    return -1;
}

bool ServedVersionTableModel::isChecked(int row) const {
    return row >= 0 && row < rowCount() && m_rows[size_t(row)].checked;
}

void ServedVersionTableModel::setChecked(int row, bool checked) {
    setData(index(row, ServeColumn), checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
}

void ServedVersionTableModel::setState(const QString& name, const QString& state) {
    const int row = rowOfName(name);
    if (row < 0) return;
    m_rows[size_t(row)].state = state;
    emit dataChanged(index(row, StateColumn), index(row, StateColumn));
}

QString ServedVersionTableModel::stateOf(const QString& name) const {
    const int row = rowOfName(name);
    return row < 0 ? QString() : m_rows[size_t(row)].state;
}

const tb::ModelVersionRecord* ServedVersionTableModel::versionAt(int row) const {
    return row >= 0 && row < rowCount() ? &m_rows[size_t(row)].version : nullptr;
}

QStringList ServedVersionTableModel::checkedNames() const {
    QStringList names;
    for (const Row& r : m_rows)
        if (r.checked) names << r.name;
    return names;
}

int ServedVersionTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ServedVersionTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ServedVersionTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
    const Row& r = m_rows[size_t(index.row())];
    if (role == VersionIdRole) return qint64(r.version.id);
    if (role == ServedNameRole) return r.name;
    if (role == AdapterShaRole) return QString::fromStdString(r.version.adapterSha256);
    if (role == Qt::CheckStateRole && index.column() == ServeColumn) return r.checked ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case ServeColumn: return {};
        case NameColumn: return r.name;
        case StageColumn: return QString::fromStdString(r.version.stage);
        case GateColumn:
            return !r.version.gatePassed ? tr("not evaluated") : *r.version.gatePassed ? tr("passed") : tr("failed (overridden)");
        case BaseModelColumn: return QString::fromStdString(r.version.baseModel);
        case StateColumn: return r.state;
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return tr("%1 v%2, adapter %3")
            .arg(QString::fromStdString(r.version.group))
            .arg(r.version.version)
            .arg(QString::fromStdString(r.version.adapterSha256));
    return {};
}

bool ServedVersionTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != ServeColumn || role != Qt::CheckStateRole || index.row() >= rowCount())
        return false;
    Row& r = m_rows[size_t(index.row())];
    const bool checked = value.toInt() == Qt::Checked;
    if (r.checked == checked) return true;
    r.checked = checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkToggled(r.name, checked);
    return true;
}

Qt::ItemFlags ServedVersionTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ServeColumn) f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ServedVersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case ServeColumn: return tr("Serve");
    case NameColumn: return tr("Served as");
    case StageColumn: return tr("Stage");
    case GateColumn: return tr("Gate");
    case BaseModelColumn: return tr("Base model");
    case StateColumn: return tr("State");
    case ColumnCount: break;
    }
    return {};
}

}  // namespace tb::models
