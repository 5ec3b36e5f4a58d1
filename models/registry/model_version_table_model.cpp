#include "models/registry/model_version_table_model.h"

#include "core/eval/eval_report.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace tb::models {

ModelVersionTableModel::ModelVersionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelVersionTableModel::setVersions(std::vector<tb::ModelVersionRecord> versions) {
    beginResetModel();
    m_versions = std::move(versions);
    endResetModel();
}

const tb::ModelVersionRecord* ModelVersionTableModel::versionAt(int row) const {
    if (row < 0 || row >= int(m_versions.size())) return nullptr;
    return &m_versions[size_t(row)];
}

int ModelVersionTableModel::rowOfId(qint64 versionId) const {
    for (size_t i = 0; i < m_versions.size(); ++i)
        if (m_versions[i].id == versionId) return int(i);
    return -1;
}

int ModelVersionTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_versions.size());
}

int ModelVersionTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

std::optional<double> ModelVersionTableModel::accuracyOf(const tb::ModelVersionRecord& v) {
    if (!v.evalReport.is_object() || v.evalReport.empty()) return std::nullopt;
    return tb::eval::reportMetric(v.evalReport, "accuracy");
}

std::pair<QString, std::optional<double>> ModelVersionTableModel::primaryMetricOf(const tb::ModelVersionRecord& v) {
    std::string name;
    if (v.gate.is_object() && v.gate.contains("primary_metric") && v.gate["primary_metric"].is_string())
        name = v.gate["primary_metric"].get<std::string>();
    if (name.empty() && v.evalReport.is_object() && v.evalReport.contains("task") && v.evalReport["task"].is_string()) {
        auto task = tb::eval::parseEvalTask(v.evalReport["task"].get<std::string>());
        if (task) name = tb::eval::defaultPrimaryMetric(*task);
    }
    if (name.empty() || !v.evalReport.is_object() || v.evalReport.empty()) return {QString::fromStdString(name), {}};
    return {QString::fromStdString(name), tb::eval::reportMetric(v.evalReport, name)};
}

QString ModelVersionTableModel::gateText(const tb::ModelVersionRecord& v) {
    if (!v.gatePassed) return tr("not evaluated");
    return *v.gatePassed ? tr("passed") : tr("failed");
}

QString ModelVersionTableModel::approvalText(const std::string& approval) {
    if (approval == "PendingManualApproval") return tr("Pending approval");
    if (approval == "Approved") return tr("Approved");
    if (approval == "Rejected") return tr("Rejected");
    return QString::fromStdString(approval);
}

namespace {

QString stageText(const std::string& stage) {
    if (stage == "None") return ModelVersionTableModel::tr("None");
    if (stage == "Staging") return ModelVersionTableModel::tr("Staging");
    if (stage == "Production") return ModelVersionTableModel::tr("Production");
    if (stage == "Archived") return ModelVersionTableModel::tr("Archived");
    return QString::fromStdString(stage);
}

QString localTime(const std::string& iso) {
    QDateTime t = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODateWithMs);
    if (!t.isValid()) t = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString::fromStdString(iso);
}

QString percent(std::optional<double> value) {
    return value ? QStringLiteral("%1 %").arg(*value * 100.0, 0, 'f', 1) : QStringLiteral("—");
}

}  // namespace

QVariant ModelVersionTableModel::data(const QModelIndex& index, int role) const {
    const tb::ModelVersionRecord* v = versionAt(index.row());
    if (!v || index.column() < 0 || index.column() >= ColumnCount) return {};
    if (role == VersionIdRole) return qint64(v->id);
    const auto column = Column(index.column());
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (column) {
        case GroupColumn: return QString::fromStdString(v->group);
        case VersionColumn: return sort ? QVariant(qint64(v->version)) : QVariant(tr("v%1").arg(v->version));
        case AccuracyColumn: {
            auto a = accuracyOf(*v);
            return sort ? QVariant(a.value_or(-1.0)) : QVariant(percent(a));
        }
        case PrimaryMetricColumn: {
            auto [name, value] = primaryMetricOf(*v);
            if (sort) return value.value_or(-1.0);
            if (!value) return QStringLiteral("—");
            return QStringLiteral("%1 %2").arg(name).arg(*value, 0, 'f', 3);
        }
        case GateColumn: return gateText(*v);
        case ApprovalColumn: return approvalText(v->approval);
        case StageColumn: return stageText(v->stage);
        case RunByColumn: return QString::fromStdString(v->runStartedBy);
        case RegisteredByColumn: return QString::fromStdString(v->createdBy);
        case CreatedColumn: return sort ? QVariant(QString::fromStdString(v->createdAt)) : QVariant(localTime(v->createdAt));
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::ForegroundRole) {
        if (column == GateColumn && v->gatePassed && !*v->gatePassed) return QBrush(QColor(0xc6, 0x28, 0x28));
        if (column == ApprovalColumn && v->approval == "Rejected") return QBrush(QColor(0xc6, 0x28, 0x28));
        if (column == ApprovalColumn && v->approval == "Approved") return QBrush(QColor(0x2e, 0x7d, 0x32));
        if (column == StageColumn && v->stage == "Production") return QBrush(QColor(0x15, 0x65, 0xc0));
    }
    if (role == Qt::ToolTipRole) {
        if (column == CreatedColumn) return QString::fromStdString(v->createdAt);
        if (column == ApprovalColumn && !v->approvalOverride.empty())
            return tr("Approved despite the failed gate: %1").arg(QString::fromStdString(v->approvalOverride));
    }
    if (role == Qt::TextAlignmentRole &&
        (column == VersionColumn || column == AccuracyColumn || column == PrimaryMetricColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ModelVersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case GroupColumn: return tr("Group");
    case VersionColumn: return tr("Version");
    case AccuracyColumn: return tr("Accuracy");
    case PrimaryMetricColumn: return tr("Primary metric");
    case GateColumn: return tr("Gate");
    case ApprovalColumn: return tr("Approval");
    case StageColumn: return tr("Stage");
    case RunByColumn: return tr("Run by");
    case RegisteredByColumn: return tr("Registered by");
    case CreatedColumn: return tr("Registered");
    case ColumnCount: break;
    }
    return {};
}

}  // namespace tb::models
