// RunListModel: a thin table over RunScheduler's runs for the Runs page: name, status, dataset, base model,
// best validation loss, duration and step. It mirrors what the scheduler reports (reset on a rescan,
// dataChanged on an update) and runs nothing itself.
#pragma once

#include <QAbstractTableModel>

namespace tb::models {

class RunScheduler;

class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        DatasetColumn,
        ModelColumn,
        BestValColumn,
        DurationColumn,
        ProgressColumn,
        ColumnCount
    };
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        StatusRole,     // int(tb::train::RunStatus)
        CanResumeRole,  // bool
        SortRole,       // numbers as numbers
    };

    explicit RunListModel(RunScheduler* scheduler, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString& runId) const;
    static QString statusText(int status);
    static QString durationText(double seconds);

private:
    void onRunUpdated(const QString& runId);
    RunScheduler* m_scheduler;
};

}  // namespace tb::models
