// JobStatusWidget: the status bar's summary of background jobs: how many are running, their overall
// progress, and a button that opens the jobs panel. Reads JobListModel; runs nothing.
#pragma once

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace tb::models {
class JobListModel;
}

namespace tb::widgets {

class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobStatusWidget(tb::models::JobListModel* model, QWidget* parent = nullptr);

    QString summaryText() const;
    QProgressBar* progressBar() const { return m_progress; }

signals:
    void jobsPanelRequested();

private:
    void refresh();

    tb::models::JobListModel* m_model;
    QToolButton* m_button = nullptr;
    QProgressBar* m_progress = nullptr;
};

}  // namespace tb::widgets
