#include "widgets/jobs_panel.h"

#include "models/job_list_model.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tb::widgets {

using tb::models::JobListModel;
using tb::models::JobState;

JobsPanel::JobsPanel(JobListModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    m_rowsLayout = new QVBoxLayout(content);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_emptyLabel = new QLabel(tr("No background jobs. Long work such as imports, training and evaluation "
                                 "runs here, and you can keep working meanwhile."),
                              content);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_rowsLayout->addWidget(m_emptyLabel);
    m_rowsLayout->addStretch(1);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    auto* footer = new QHBoxLayout;
    footer->addStretch(1);
    auto* clearButton = new QPushButton(tr("Clear finished"), this);
    clearButton->setObjectName(QStringLiteral("clearFinished"));
    connect(clearButton, &QPushButton::clicked, m_model, &JobListModel::removeInactive);
    footer->addWidget(clearButton);
    layout->addLayout(footer);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsPanel::rebuild);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsPanel::rebuild);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsPanel::rebuild);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                for (int r = from.row(); r <= to.row(); ++r) refreshRow(r);
            });
    rebuild();
}

QPushButton* JobsPanel::cancelButton(int jobId) const {
    auto it = m_rows.find(jobId);
    return it == m_rows.end() ? nullptr : it->cancel;
}

QProgressBar* JobsPanel::progressBar(int jobId) const {
    auto it = m_rows.find(jobId);
    return it == m_rows.end() ? nullptr : it->progress;
}

void JobsPanel::rebuild() {
    // Keep rows of jobs still in the model, drop the others, add new ones in model order.
    QHash<int, RowWidgets> kept;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        int id = m_model->index(r, 0).data(JobListModel::JobIdRole).toInt();
        if (m_rows.contains(id)) {
            kept.insert(id, m_rows.take(id));
            continue;
        }
        RowWidgets w;
        w.frame = new QFrame(m_rowsLayout->parentWidget());
        static_cast<QFrame*>(w.frame)->setFrameShape(QFrame::StyledPanel);
        auto* grid = new QVBoxLayout(w.frame);
        auto* top = new QHBoxLayout;
        w.title = new QLabel(w.frame);
        QFont bold = w.title->font();
        bold.setBold(true);
        w.title->setFont(bold);
        top->addWidget(w.title, 1);
        w.cancel = new QPushButton(tr("Cancel"), w.frame);
        w.cancel->setObjectName(QStringLiteral("cancelJob%1").arg(id));
        connect(w.cancel, &QPushButton::clicked, this, [this, id] { emit cancelRequested(id); });
        top->addWidget(w.cancel);
        grid->addLayout(top);
        w.progress = new QProgressBar(w.frame);
        w.progress->setRange(0, 100);
        grid->addWidget(w.progress);
        w.detail = new QLabel(w.frame);
        w.detail->setWordWrap(true);
        w.detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(w.detail);
        m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, w.frame);
        kept.insert(id, w);
    }
    for (auto& gone : m_rows) delete gone.frame;
    m_rows = kept;
    for (int r = 0; r < m_model->rowCount(); ++r) refreshRow(r);
    m_emptyLabel->setVisible(m_rows.isEmpty());
}

void JobsPanel::refreshRow(int row) {
    QModelIndex index = m_model->index(row, 0);
    int id = index.data(JobListModel::JobIdRole).toInt();
    auto it = m_rows.find(id);
    if (it == m_rows.end()) return;
    auto state = JobState(index.data(JobListModel::StateRole).toInt());
    int percent = index.data(JobListModel::PercentRole).toInt();
    bool active = index.data(JobListModel::ActiveRole).toBool();
    it->title->setText(index.data(Qt::DisplayRole).toString());
    QString detail = m_model->index(row, JobListModel::MessageColumn).data().toString();
    QString stateText = JobListModel::stateName(state);
    it->detail->setText(detail.isEmpty() ? stateText : tr("%1: %2").arg(stateText, detail));
    if (state == JobState::Failed) it->detail->setStyleSheet(QStringLiteral("color: #c0392b;"));
    if (percent >= 0) {
        it->progress->setRange(0, 100);
        it->progress->setValue(percent);
    } else if (state == JobState::Running) {
        it->progress->setRange(0, 0);  // busy indicator: total unknown
    } else {
        it->progress->setRange(0, 100);
        it->progress->setValue(0);
    }
    it->cancel->setVisible(active);
}

}  // namespace tb::widgets
