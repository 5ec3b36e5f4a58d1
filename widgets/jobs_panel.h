// JobsPanel: a view over JobListModel listing background jobs, each with a progress bar, its current
// stage or error, and a Cancel button while it is active. It asks for cancellation by signal only.
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace tb::models {
class JobListModel;
}

namespace tb::widgets {

class JobsPanel : public QWidget {
    Q_OBJECT
public:
    explicit JobsPanel(tb::models::JobListModel* model, QWidget* parent = nullptr);

    QPushButton* cancelButton(int jobId) const;      // nullptr when the job is unknown
    QProgressBar* progressBar(int jobId) const;

signals:
    void cancelRequested(int jobId);

private:
    struct RowWidgets {
        QWidget* frame = nullptr;
        QLabel* title = nullptr;
        QLabel* detail = nullptr;
        QProgressBar* progress = nullptr;
        QPushButton* cancel = nullptr;
    };
    void rebuild();
    void refreshRow(int row);

    tb::models::JobListModel* m_model;
    QVBoxLayout* m_rowsLayout = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QHash<int, RowWidgets> m_rows;  // by job id
};

}  // namespace tb::widgets
