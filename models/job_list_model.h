// JobListModel: a thin Qt item model listing background jobs (title, state, progress, message) for the
// jobs panel and the status bar. It only mirrors what the job manager reports; it runs nothing itself.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVector>

namespace tb::models {

enum class JobState { Queued, Running, Finished, Failed, Cancelled };

class JobListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TitleColumn, StateColumn, ProgressColumn, MessageColumn, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StateRole,     // int(JobState)
        PercentRole,   // 0..100, or -1 when the total is unknown
        ActiveRole,    // true while queued or running
    };

    explicit JobListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(int jobId) const;                 // -1 when unknown
    JobState stateOf(int jobId) const;          // Queued when unknown
    int percentOf(int jobId) const;             // -1 when unknown
    QString messageOf(int jobId) const;
    int activeCount() const;                    // queued + running
    int overallPercent() const;                 // mean over running jobs with a known total, -1 if none
    static QString stateName(JobState state);

public slots:
    void addJob(int jobId, const QString& title);
    void setRunning(int jobId);
    void setProgress(int jobId, const QString& stage, qint64 done, qint64 total);
    void setFinished(int jobId);
    void setFailed(int jobId, const QString& message);
    void setCancelled(int jobId);
    void removeInactive();  // drops finished, failed and cancelled rows

signals:
    void activeCountChanged(int count);

private:
    struct Row {
        int id = 0;
        QString title;
        JobState state = JobState::Queued;
        QString stage;
        qint64 done = 0;
        qint64 total = 0;
        QString message;
    };
    static int percent(const Row& row);
    void changeState(int jobId, JobState state, const QString& message);
    void rowChanged(int row);

    QVector<Row> m_rows;
};

}  // namespace tb::models
