#include "models/job_list_model.h"

namespace tb::models {

JobListModel::JobListModel(QObject* parent) : QAbstractTableModel(parent) {}

int JobListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int JobListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString JobListModel::stateName(JobState state) {
    switch (state) {
    case JobState::Queued: return tr("Queued");
    case JobState::Running: return tr("Running");
    case JobState::Finished: return tr("Finished");
    case JobState::Failed: return tr("Failed");
    case JobState::Cancelled: return tr("Cancelled");
    }
    return {};
}

int JobListModel::percent(const Row& row) {
    if (row.state == JobState::Finished) return 100;
    if (row.total <= 0) return -1;
    qint64 done = qBound<qint64>(0, row.done, row.total);
    return int(done * 100 / row.total);
}

QVariant JobListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = m_rows[index.row()];
    switch (role) {
    case JobIdRole: return row.id;
    case StateRole: return int(row.state);
    case PercentRole: return percent(row);
    case ActiveRole: return row.state == JobState::Queued || row.state == JobState::Running;
    case Qt::ToolTipRole:
        return row.message.isEmpty() ? row.title : row.title + QStringLiteral("\n") + row.message;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn: return row.title;
        case StateColumn: return stateName(row.state);
        case ProgressColumn: {
            int p = percent(row);
            if (p >= 0) return tr("%1%").arg(p);
            return row.state == JobState::Running && row.done > 0 ? QString::number(row.done) : QString();
        }
        case MessageColumn: return row.message.isEmpty() ? row.stage : row.message;
        default: return {};
        }
    default: return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case TitleColumn: return tr("Job");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case MessageColumn: return tr("Details");
    default: return {};
    }
}

int JobListModel::rowOf(int jobId) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == jobId) return i;
    return -1;
}

JobState JobListModel::stateOf(int jobId) const {
    int r = rowOf(jobId);
    return r < 0 ? JobState::Queued : m_rows[r].state;
}

int JobListModel::percentOf(int jobId) const {
    int r = rowOf(jobId);
    return r < 0 ? -1 : percent(m_rows[r]);
}

QString JobListModel::messageOf(int jobId) const {
    int r = rowOf(jobId);
    return r < 0 ? QString() : m_rows[r].message;
}

int JobListModel::activeCount() const {
    int n = 0;
    for (const Row& row : m_rows) n += row.state == JobState::Queued || row.state == JobState::Running;
    return n;
}

int JobListModel::overallPercent() const {
    int sum = 0, n = 0;
    for (const Row& row : m_rows) {
        if (row.state != JobState::Running) continue;
        int p = percent(row);
        if (p < 0) continue;
        sum += p;
        ++n;
    }
    return n ? sum / n : -1;
}

void JobListModel::addJob(int jobId, const QString& title) {
    if (rowOf(jobId) >= 0) return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    Row row;
    row.id = jobId;
    row.title = title;
    m_rows.push_back(row);
    endInsertRows();
    emit activeCountChanged(activeCount());
}

void JobListModel::rowChanged(int row) {
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobListModel::changeState(int jobId, JobState state, const QString& message) {
    int r = rowOf(jobId);
    if (r < 0) return;
    int before = activeCount();
    m_rows[r].state = state;
    if (!message.isNull()) m_rows[r].message = message;
    rowChanged(r);
    if (activeCount() != before) emit activeCountChanged(activeCount());
}

void JobListModel::setRunning(int jobId) { changeState(jobId, JobState::Running, QString()); }

void JobListModel::setProgress(int jobId, const QString& stage, qint64 done, qint64 total) {
    int r = rowOf(jobId);
    if (r < 0) return;
    Row& row = m_rows[r];
    if (row.state == JobState::Queued) row.state = JobState::Running;
    row.stage = stage;
    row.done = done;
    row.total = total;
    rowChanged(r);
}

void JobListModel::setFinished(int jobId) { changeState(jobId, JobState::Finished, QString()); }

void JobListModel::setFailed(int jobId, const QString& message) {
    changeState(jobId, JobState::Failed, message.isEmpty() ? tr("Failed without a message") : message);
}

void JobListModel::setCancelled(int jobId) { changeState(jobId, JobState::Cancelled, tr("Cancelled by the user")); }

void JobListModel::removeInactive() {
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        JobState s = m_rows[i].state;
        if (s == JobState::Queued || s == JobState::Running) continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
}

}  // namespace tb::models
