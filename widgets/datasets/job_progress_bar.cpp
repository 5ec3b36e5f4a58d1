#include "widgets/datasets/job_progress_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace tb::widgets {

JobProgressBar::JobProgressBar(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stage = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("jobProgress"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    layout->addWidget(m_stage);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &JobProgressBar::cancel);
    setVisible(false);
}

JobProgressBar::~JobProgressBar() {
    if (m_jobId > 0 && m_jobs) m_jobs->cancel(m_jobId);
}

int JobProgressBar::start(tb::models::JobManager* jobs, const QString& title, tb::models::JobWork work) {
    if (m_jobId > 0) cancel();
    m_jobs = jobs;
    for (const auto& c : m_connections) disconnect(c);
    m_connections.clear();
    m_bar->setRange(0, 0);
    m_stage->setText(title);
    setVisible(true);
    m_cancel->setEnabled(true);
    const int id = jobs->submit(title, std::move(work));
    m_jobId = id;
    m_connections << connect(jobs, &tb::models::JobManager::progressed, this,
                             [this, id](int job, const QString& stage, qint64 done, qint64 total) {
                                 if (job != id) return;
                                 m_stage->setText(stage);
                                 // Scale to int range: byte counts of large files exceed it.
                                 if (total > 0) {
                                     m_bar->setRange(0, 1000);
                                     m_bar->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
                                 } else {
                                     m_bar->setRange(0, 0);
                                 }
                             });
    m_connections << connect(jobs, &tb::models::JobManager::finished, this, [this, id](int job) {
        if (job != id) return;
        finish();
        emit succeeded();
    });
    m_connections << connect(jobs, &tb::models::JobManager::failed, this, [this, id](int job, const QString& message) {
        if (job != id) return;
        finish();
        emit failed(message);
    });
    m_connections << connect(jobs, &tb::models::JobManager::cancelled, this, [this, id](int job) {
        if (job != id) return;
        finish();
        emit cancelled();
    });
    return id;
}

void JobProgressBar::cancel() {
    if (m_jobId <= 0 || !m_jobs) return;
    const int id = m_jobId;
    m_cancel->setEnabled(false);
    m_stage->setText(tr("Cancelling…"));
    // The job reports cancelled() when its worker notices; until then the bar stays.
    if (!m_jobs->cancel(id)) finish();
}

void JobProgressBar::finish() {
    m_jobId = 0;
    for (const auto& c : m_connections) disconnect(c);
    m_connections.clear();
    setVisible(false);
}

}  // namespace tb::widgets
