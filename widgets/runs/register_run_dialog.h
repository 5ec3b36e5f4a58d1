// RegisterRunDialog: asks which model group a finished run's adapter joins (an existing group from the
// combo or a new name), a description for a new group and notes for the version, prefilled from the run
// and validated as typed (Register stays disabled and says why), and which stored comparison of this run's
// adapter to attach as its evaluation, showing the quality gate's verdict before confirming (the comparison
// is loaded and re-scored on a worker). Collects input only: the Runs page registers on a worker once it
// is accepted.
#pragma once

#include <QDialog>
#include <QMap>
#include <QString>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/eval/comparison_store.h"
#include "core/workspace/workspace_crypto.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace tb::models {
class JobManager;
struct RunComparison;
}  // namespace tb::models

namespace tb::widgets {

struct RegisterRunInfo {
    QString runId;
    QString modelPath;
    QString datasetName;
    QString datasetVersion;
    QString adapterDir;
    double bestValLoss = -1.0;
};

// What the dialog needs to offer an evaluation: the run's stored comparisons and how to load one.
struct RegisterRunEvaluation {
    std::vector<tb::eval::ComparisonListing> comparisons;  // of this run's adapter, newest first
    QString runDir;                                         // the run folder (identifies the tuned side)
    QMap<QString, nlohmann::json> productionReports;        // group -> its Production version's evalReport
    tb::models::JobManager* jobs = nullptr;                 // loads the chosen comparison on a worker
    std::shared_ptr<const tb::WorkspaceKey> key;            // encrypted workspace
};

class RegisterRunDialog : public QDialog {
    Q_OBJECT
public:
    // groups: existing group -> its newest version number.
    RegisterRunDialog(const RegisterRunInfo& run, const QMap<QString, qint64>& groups, QWidget* parent = nullptr);
    RegisterRunDialog(const RegisterRunInfo& run, const QMap<QString, qint64>& groups,
                      const RegisterRunEvaluation& evaluation, QWidget* parent = nullptr);
    ~RegisterRunDialog() override;

    QString group() const;
    bool isNewGroup() const;
    QString groupDescription() const;
    QString notes() const;
    // The chosen stored comparison's folder; empty for "None".
    QString comparisonDir() const;
    // The gate verdict for the chosen comparison and group: nullopt while loading, for "None" or on error.
    std::optional<bool> gatePassed() const;
    QString gateText() const;
    // Why Register is disabled (empty when the input is valid).
    QString problem() const;

    // A group name suggested for a run: its dataset's name when that is a valid group name, else the run id.
    static QString suggestedGroup(const RegisterRunInfo& run, const QMap<QString, qint64>& groups);

private:
    void validate();
    void buildEvaluation(QWidget* parent, QFormLayout* form);
    void onComparisonChosen();
    void updateVerdict();

    RegisterRunEvaluation m_evaluation;
    QComboBox* m_comparison = nullptr;
    QLabel* m_gateRules = nullptr;
    QLabel* m_verdict = nullptr;
    std::map<QString, std::shared_ptr<const tb::models::RunComparison>> m_loaded;  // by comparison folder
    QMap<QString, QString> m_loadErrors;                                             // by comparison folder
    QString m_loadingDir;  // the comparison a preview job is loading
    int m_previewJob = 0;
    std::optional<bool> m_gatePassed;

    QMap<QString, qint64> m_groups;
    QComboBox* m_group = nullptr;
    QLabel* m_groupHint = nullptr;
    QLineEdit* m_description = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_ok = nullptr;
};

}  // namespace tb::widgets
