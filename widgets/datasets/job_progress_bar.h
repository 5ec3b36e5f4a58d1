// JobProgressBar: a progress bar, a stage label and a Cancel button bound to one job of the JobManager at
// a time; emits done/failed/cancelled for that job only. The wizard pages and the inspector use it for
// every long step. Not a job list (JobListModel is).
#pragma once

#include "models/job_manager.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tb::widgets {

class JobProgressBar : public QWidget {
    Q_OBJECT
public:
    explicit JobProgressBar(QWidget* parent = nullptr);
    // A job still running is cancelled: nobody is left to show its result (e.g. the wizard was closed).
    ~JobProgressBar() override;
    // Starts `work` through jobs and follows it. A job still followed is cancelled first.
    int start(tb::models::JobManager* jobs, const QString& title, tb::models::JobWork work);
    void cancel();
    bool isRunning() const { return m_jobId > 0; }
    int jobId() const { return m_jobId; }

signals:
    void succeeded();
    void failed(const QString& message);
    void cancelled();

private:
    void finish();
    QPointer<tb::models::JobManager> m_jobs;  // the shell's; guarded all the same
    int m_jobId = 0;
    QProgressBar* m_bar;
    QLabel* m_stage;
    QPushButton* m_cancel;
    QList<QMetaObject::Connection> m_connections;
};

}  // namespace tb::widgets
