// RunsPage: every run of the workspace (status, dataset, base model, best validation loss, duration) with
// the training dashboard of the selected one. Runs queue and train one at a time through its
// RunScheduler, which records each run's start and end in the registry as the acting user; an
// interrupted run offers Resume from its last checkpoint; a finished one offers "Evaluate and compare"
// (opens Compare and starts it) and "Register" (a dialog, then the registration on a worker, then the
// Registry page on the new version; a registered run opens its version). The Fine-tune wizard queues runs.
#pragma once

#include "widgets/pages/page.h"

#include "core/registry/registry.h"

#include <memory>
#include <optional>

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
    ~RunsPage() override;
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
    QString actor() const { return m_actor; }
    // The newest model version registered from the selected run (read from the registry), if any.
    std::optional<tb::ModelVersionRecord> registeredVersion() const { return m_registered; }
    bool registrationInProgress() const { return m_registerJob != 0; }
    QString registerStatusText() const;

private:
    void updateActions();
    QString adapterDirOf(const QString& runId) const;
    tb::Registry* registryReader();
    void onRegisterClicked();
    void startRegistration(const QString& runId, const QString& group, const QString& description,
                           const QString& notes, const QString& comparisonDir = QString());
    void setRegisterStatus(const QString& text, bool error);

    tb::models::RunScheduler* m_scheduler = nullptr;
    tb::models::RunListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    TrainingDashboard* m_dashboard = nullptr;
    QPushButton* m_evaluate = nullptr;
    QPushButton* m_register = nullptr;
    QLabel* m_problems = nullptr;
    QLabel* m_registerStatus = nullptr;
    QString m_selected;
    QString m_actor;
    QString m_registryPath;
    std::unique_ptr<tb::Registry> m_reader;  // GUI-thread reads (small queries); writes run on workers
    std::optional<tb::ModelVersionRecord> m_registered;
    int m_registerJob = 0;
    QString m_registerError;     // the last registration failure ...
    QString m_registerErrorRun;  // ... and the run it was for
};

}  // namespace tb::widgets
