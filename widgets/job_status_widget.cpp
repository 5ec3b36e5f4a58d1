#include "widgets/job_status_widget.h"

#include "models/job_list_model.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace tb::widgets {

JobStatusWidget::JobStatusWidget(tb::models::JobListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(16);
    m_progress->setTextVisible(false);
    m_progress->setObjectName(QStringLiteral("jobsProgress"));
    layout->addWidget(m_progress);
    m_button = new QToolButton(this);
    m_button->setAutoRaise(true);
    m_button->setObjectName(QStringLiteral("jobsButton"));
    m_button->setToolTip(tr("Show background jobs"));
    connect(m_button, &QToolButton::clicked, this, &JobStatusWidget::jobsPanelRequested);
    layout->addWidget(m_button);

    connect(m_model, &tb::models::JobListModel::activeCountChanged, this, &JobStatusWidget::refresh);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobStatusWidget::refresh);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobStatusWidget::refresh);
    refresh();
}

QString JobStatusWidget::summaryText() const { return m_button->text(); }

void JobStatusWidget::refresh() {
    int active = m_model->activeCount();
    m_button->setText(active == 0 ? tr("No jobs running") : tr("Jobs running: %1").arg(active));
    m_progress->setVisible(active > 0);
    int percent = m_model->overallPercent();
    if (percent >= 0) {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
    } else {
        m_progress->setRange(0, 0);
    }
}

}  // namespace tb::widgets
