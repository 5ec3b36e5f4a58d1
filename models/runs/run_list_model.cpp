#include "models/runs/run_list_model.h"

#include <QColor>
#include <QFileInfo>

#include "models/runs/run_scheduler.h"

namespace tb::models {

using tb::train::RunStatus;

RunListModel::RunListModel(RunScheduler* scheduler, QObject* parent)
    : QAbstractTableModel(parent), m_scheduler(scheduler) {
    connect(scheduler, &RunScheduler::runsReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(scheduler, &RunScheduler::runUpdated, this, &RunListModel::onRunUpdated);
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_scheduler->runs().size());
}

int RunListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int RunListModel::rowOf(const QString& runId) const {
    return m_scheduler->indexOf(runId);
}

QString RunListModel::statusText(int status) {
    switch (RunStatus(status)) {
        case RunStatus::Queued:
            return tr("queued");
        case RunStatus::Running:
            return tr("running");
        case RunStatus::Paused:
            return tr("paused");
        case RunStatus::Finished:
            return tr("finished");
        case RunStatus::Failed:
            return tr("failed");
        case RunStatus::Cancelled:
            return tr("cancelled");
        case RunStatus::Interrupted:
            return tr("interrupted");
    }
    return {};
}

QString RunListModel::durationText(double seconds) {
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60) return tr("%1 s").arg(s);
    if (s < 3600) return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const tb::train::RunEntry& run = m_scheduler->runs()[size_t(index.row())];
    const QString id = QString::fromStdString(run.id);
    const int status = int(run.state.status);
    switch (role) {
        case RunIdRole:
            return id;
        case StatusRole:
            return status;
        case CanResumeRole:
            return m_scheduler->canResume(id);
        case Qt::ToolTipRole:
            if (index.column() == StatusColumn && !run.state.message.empty())
                return QString::fromStdString(run.state.message);
            if (index.column() == ModelColumn) return QString::fromStdString(run.request.modelPath);
            return {};
        case Qt::ForegroundRole:
            if (index.column() != StatusColumn) return {};
            if (run.state.status == RunStatus::Failed) return QColor(0xb0, 0x20, 0x20);
            if (run.state.status == RunStatus::Finished) return QColor(0x1b, 0x7a, 0x35);
            return {};
        case Qt::DisplayRole:
        case SortRole:
            break;
        default:
            return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
        case NameColumn:
            return id;
        case StatusColumn:
            return sort ? QVariant(status) : QVariant(statusText(status));
        case DatasetColumn: {
            QString name = QString::fromStdString(run.request.datasetName);
            if (!run.request.datasetVersion.empty())
                name += QLatin1Char('@') + QString::fromStdString(run.request.datasetVersion.substr(0, 8));
            return name;
        }
        case ModelColumn:
            return QFileInfo(QString::fromStdString(run.request.modelPath)).fileName();
        case BestValColumn:
            if (sort) return run.state.bestValLoss;
            return run.state.bestValLoss < 0 ? tr("—") : QString::number(run.state.bestValLoss, 'f', 4);
        case DurationColumn: {
            const double secs = m_scheduler->activeSeconds(id);
            return sort ? QVariant(secs) : QVariant(run.state.startedAt.empty() ? tr("—") : durationText(secs));
        }
        case ProgressColumn:
            if (sort) return run.state.totalSteps ? double(run.state.step) / double(run.state.totalSteps) : 0.0;
            return run.state.totalSteps ? tr("%1 / %2").arg(run.state.step).arg(run.state.totalSteps) : tr("—");
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case NameColumn:
            return tr("Run");
        case StatusColumn:
            return tr("Status");
        case DatasetColumn:
            return tr("Dataset");
        case ModelColumn:
            return tr("Base model");
        case BestValColumn:
            return tr("Best validation loss");
        case DurationColumn:
            return tr("Duration");
        case ProgressColumn:
            return tr("Steps");
    }
    return {};
}

void RunListModel::onRunUpdated(const QString& runId) {
    const int row = rowOf(runId);
    if (row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

}  // namespace tb::models
