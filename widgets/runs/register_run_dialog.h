// RegisterRunDialog: asks which model group a finished run's adapter joins (an existing group from the
// combo or a new name), a description for a new group and notes for the version, prefilled from the run
// and validated as typed (Register stays disabled and says why). Collects input only: the Runs page
// registers on a worker once it is accepted.
#pragma once

#include <QDialog>
#include <QMap>
#include <QString>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace tb::widgets {

struct RegisterRunInfo {
    QString runId;
    QString modelPath;
    QString datasetName;
    QString datasetVersion;
    QString adapterDir;
    double bestValLoss = -1.0;
};

class RegisterRunDialog : public QDialog {
    Q_OBJECT
public:
    // groups: existing group -> its newest version number.
    RegisterRunDialog(const RegisterRunInfo& run, const QMap<QString, qint64>& groups, QWidget* parent = nullptr);

    QString group() const;
    bool isNewGroup() const;
    QString groupDescription() const;
    QString notes() const;
    // Why Register is disabled (empty when the input is valid).
    QString problem() const;

    // A group name suggested for a run: its dataset's name when that is a valid group name, else the run id.
    static QString suggestedGroup(const RegisterRunInfo& run, const QMap<QString, qint64>& groups);

private:
    void validate();

    QMap<QString, qint64> m_groups;
    QComboBox* m_group = nullptr;
    QLabel* m_groupHint = nullptr;
    QLineEdit* m_description = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_ok = nullptr;
};

}  // namespace tb::widgets
