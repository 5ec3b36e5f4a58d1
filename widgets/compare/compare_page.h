// ComparePage: the Compare page — choose data and two models, run both over the data on a worker (progress,
// Cancel) or reopen a stored comparison, then read the metrics and deltas, filter the examples (disagreements,
// regressions, fixes, invalid outputs, by label), inspect one with its word diff, rate outputs 1-5 with a note,
// see the confusion matrices and per-class F1, and export CSV or HTML. The work itself is core/eval.
#pragma once

#include "core/eval/comparison_store.h"
#include "core/eval/review_ratings.h"
#include "widgets/pages/page.h"

#include <functional>
#include <memory>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace tb::models {
class ComparisonFilterModel;
class ComparisonTableModel;
class MetricsDeltaModel;
}  // namespace tb::models

namespace tb::widgets {

class CompareSetupPanel;
class ComparisonCharts;
class ExampleDetailPanel;

class ComparePage : public Page {
    Q_OBJECT
public:
    explicit ComparePage(const PageContext& context, QWidget* parent = nullptr);
    QString pageId() const override { return QStringLiteral("compare"); }
    QString title() const override;

    // args: "a", "adapter_a", "b", "adapter_b", "data", "task", "labels" prefill the setup;
    // "comparison" (a stored comparison folder) opens it.
    void activate(const QVariantMap& args) override;
    void workspaceChanged(const QString& what) override;

    // Where Export writes: asks the user by default; tests give a function returning a path.
    using SaveFileChooser = std::function<QString(const QString& suggestedName, const QString& filter)>;
    void setSaveFileChooser(SaveFileChooser chooser) { m_chooseSaveFile = std::move(chooser); }

    CompareSetupPanel* setupPanel() const { return m_setup; }
    models::ComparisonTableModel* tableModel() const { return m_table; }
    models::ComparisonFilterModel* filterModel() const { return m_filter; }
    models::MetricsDeltaModel* metricsModel() const { return m_metrics; }
    ComparisonCharts* charts() const { return m_charts; }
    ExampleDetailPanel* detailPanel() const { return m_detail; }
    QString comparisonDir() const { return QString::fromStdString(m_current.dir); }
    QString statusText() const;
    QString summaryText() const;
    bool isRunning() const { return m_jobId != 0; }

    // Opens a stored comparison (re-scored on a worker).
    void openComparison(const QString& dir);

private:
    void buildUi();
    QWidget* buildResults();
    void updateRunState();
    void runComparison();
    void cancelJob();
    void showComparison(const tb::eval::StoredComparison& stored, const tb::eval::ReviewRatings& ratings);
    void refreshStored();
    void updateSummary();
    void updateFilterCounts();
    void showSelected();
    void saveRatings(const QString& exampleId, int ratingA, const QString& noteA, int ratingB, const QString& noteB);
    void exportAs(bool html);
    void setStatus(const QString& text, bool error = false);
    QString modelName(const std::string& model, const std::string& adapter) const;

    CompareSetupPanel* m_setup = nullptr;
    QPushButton *m_runButton = nullptr, *m_cancelButton = nullptr, *m_openButton = nullptr;
    QPushButton *m_exportCsvButton = nullptr, *m_exportHtmlButton = nullptr;
    QComboBox* m_storedCombo = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QStackedWidget* m_resultsStack = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_metricsView = nullptr;
    QTableView* m_examplesView = nullptr;
    QButtonGroup* m_filterButtons = nullptr;
    QComboBox* m_labelCombo = nullptr;
    QLineEdit* m_searchEdit = nullptr;
    ExampleDetailPanel* m_detail = nullptr;
    ComparisonCharts* m_charts = nullptr;

    models::ComparisonTableModel* m_table = nullptr;
    models::ComparisonFilterModel* m_filter = nullptr;
    models::MetricsDeltaModel* m_metrics = nullptr;

    tb::eval::StoredComparison m_current;  // dir empty: not stored (ratings cannot be saved)
    int m_jobId = 0;                       // the running job (0: none)
    std::function<void()> m_onJobFinished;  // what to show when it succeeds (on the GUI thread)
    SaveFileChooser m_chooseSaveFile;
};

}  // namespace tb::widgets
