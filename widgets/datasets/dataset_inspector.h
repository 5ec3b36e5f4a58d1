// DatasetInspector: browses one dataset version: a virtualised record table (RecordTableModel) with
// filters (duplicates, PII, over-length, label, split, rejected), a record pane with PII highlighted,
// token-length and label charts, and the version history of the same name with a diff between two
// versions. Indexing and checks run as jobs. Not the version list (DatasetsPage) and not an editor.
#pragma once

#include "core/data/version_diff.h"
#include "widgets/pages/page_context.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QChartView;

namespace tb {
class RecordIndex;
struct RecordFlags;
}

namespace tb::models {
class RecordTableModel;
class TextTableModel;
}

namespace tb::widgets {

class JobProgressBar;
class RecordPane;

class DatasetInspector : public QWidget {
    Q_OBJECT
public:
    explicit DatasetInspector(const PageContext& context, QWidget* parent = nullptr);
    ~DatasetInspector() override;

    // Indexes the version's records (a job), then computes the per-record checks (a second job).
    void openVersion(const QString& versionDir);
    QString versionDir() const { return m_versionDir; }
    tb::models::RecordTableModel* recordModel() const { return m_model; }
    bool isReady() const { return m_ready; }  // index and checks finished

signals:
    void indexed();    // the table is filled (filters other than "all"/"rejected" wait for checksDone)
    void checksDone();
    void diffDone();
    void failed(const QString& message);

private:
    void startChecks();
    void fillFilters();
    void applyFilter();
    void showCurrent();
    void fillCharts();
    void fillHistory();
    void runDiff();

    PageContext m_context;
    QString m_versionDir;
    bool m_ready = false;
    tb::models::RecordTableModel* m_model;
    QLabel* m_title;
    QLabel* m_status;
    JobProgressBar* m_progress;
    QComboBox* m_filter;
    QComboBox* m_label;
    QComboBox* m_split;
    QTableView* m_table;
    RecordPane* m_pane;
    QChartView* m_lengthChart;
    QChartView* m_labelChart;
    QComboBox* m_diffFrom;
    QComboBox* m_diffTo;
    QPushButton* m_diffButton;
    QLabel* m_diffSummary;
    tb::models::TextTableModel* m_diffModel;
    JobProgressBar* m_diffProgress;
    std::shared_ptr<std::shared_ptr<tb::RecordIndex>> m_pendingIndex;
    std::shared_ptr<std::shared_ptr<tb::RecordFlags>> m_pendingFlags;
    std::shared_ptr<tb::VersionDiff> m_pendingDiff;
};

}  // namespace tb::widgets
