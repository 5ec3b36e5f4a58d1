// Second wizard page: the dataset version (from the workspace's saved versions) and which of its splits
// the run uses: train always, validation (for validation loss, early stopping and the best checkpoint)
// and test (kept for "Evaluate and compare") when present. Not the data pipeline (Datasets page).
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;

namespace tb::models {
class DatasetVersionListModel;
}

namespace tb::widgets {

class FinetuneWizard;

class WizardDataPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardDataPage(FinetuneWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    bool selectVersionDir(const QString& dir);

private:
    void updateSplits();
    FinetuneWizard* m_wizard;
    tb::models::DatasetVersionListModel* m_model = nullptr;
    QComboBox* m_versions = nullptr;
    QCheckBox* m_useValidation = nullptr;
    QCheckBox* m_useTest = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_error = nullptr;
};

}  // namespace tb::widgets
