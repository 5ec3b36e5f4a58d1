// CompareSetupPanel: the inputs of a comparison — the data (a dataset version's split from the workspace,
// or any file), model A and model B (a model folder or .gguf, each with an optional LoRA adapter folder, or
// a registered model version that fills both), the task, labels, example limit and token budget —
// validated where they are typed. It runs nothing itself.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tb::widgets {

struct CompareRequest {
    QString modelA, adapterA, modelB, adapterB, data;
    QString task;        // "" (from the data), "classification", "generation", "json"
    QStringList labels;  // classification labels (may be empty: gold labels are used)
    int limit = 0;       // 0: every usable record
    int maxTokens = 0;   // most new tokens per output (0: longest reference + 16, as the CLI)
};

class CompareSetupPanel : public QWidget {
    Q_OBJECT
public:
    explicit CompareSetupPanel(const QString& workspaceRoot, QWidget* parent = nullptr);

    CompareRequest request() const;
    // Empty when the request can run; otherwise the first problem, naming the field.
    QString problem() const;

    void setModelA(const QString& path, const QString& adapter = {});
    void setModelB(const QString& path, const QString& adapter = {});
    void setData(const QString& file);
    void setTask(const QString& task);
    void setLabels(const QString& commaSeparated);
    void setLimit(int limit);
    void setMaxTokens(int maxTokens);

    // Re-reads dataset versions, models and run adapters of the workspace into the pickers.
    void refresh();

signals:
    void changed();

private:
    QComboBox* makeModelCombo(const QString& objectName);
    QComboBox* makeVersionCombo(const QString& objectName, QComboBox* model, QComboBox* adapter);
    void refreshVersions();
    void pickFile(QComboBox* target, bool folder, const QString& caption);
    void validate();

    QString m_root;
    QComboBox* m_splitCombo = nullptr;  // dataset versions' splits; choosing one fills the data field
    QLineEdit* m_dataEdit = nullptr;
    QComboBox *m_modelA = nullptr, *m_adapterA = nullptr, *m_modelB = nullptr, *m_adapterB = nullptr;
    QComboBox *m_versionA = nullptr, *m_versionB = nullptr;  // registered versions: data = {model, adapter}
    QComboBox* m_taskCombo = nullptr;
    QLineEdit* m_labelsEdit = nullptr;
    QSpinBox* m_limitSpin = nullptr;
    QSpinBox* m_maxTokensSpin = nullptr;
    QLabel* m_problemLabel = nullptr;
};

}  // namespace tb::widgets
