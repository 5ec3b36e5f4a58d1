// RunsPage: every run of the workspace (status, dataset, base model, best validation loss, duration) with
// the training dashboard of the selected one. Runs queue and train one at a time through its
// RunScheduler; an interrupted run offers Resume from its last checkpoint; a finished one offers
// "Evaluate and compare" and "Register" (they open those pages). The Fine-tune wizard queues runs here.
#pragma once

#include "widgets/pages/page.h"

class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QLabel;

namespace tb::models {
class RunScheduler;
class RunListModel;
}  // namespace tb::models

namespace tb::widgets {

class TrainingDashboard;

class RunsPage : public Page {
    Q_OBJECT
public:
    explicit RunsPage(const PageContext& context, QWidget* parent = nullptr);
    QString pageId() const override { return QStringLiteral("runs"); }
    QString title() const override;

    // args: "run" selects that run; with "start": true it is queued first (what the wizard sends).
    void activate(const QVariantMap& args) override;
    void workspaceChanged(const QString& what) override;

    tb::models::RunScheduler* scheduler() const { return m_scheduler; }
    tb::models::RunListModel* runModel() const { return m_model; }
    TrainingDashboard* dashboard() const { return m_dashboard; }
    QString selectedRunId() const;
    void selectRun(const QString& runId);

private:
    void updateActions();
    QString adapterDirOf(const QString& runId) const;

    tb::models::RunScheduler* m_scheduler = nullptr;
    tb::models::RunListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    TrainingDashboard* m_dashboard = nullptr;
    QPushButton* m_evaluate = nullptr;
    QPushButton* m_register = nullptr;
    QLabel* m_problems = nullptr;
    QString m_selected;
};

}  // namespace tb::widgets
