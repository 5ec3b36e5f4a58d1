// Fourth wizard page: every trainer setting (LoRA, schedule, optimizer, batching, validation, checkpoints,
// loss and template), filled from the preset, each with a tooltip saying what it does. Values are checked
// as they are typed against what the trainer accepts (and the model allows); Next is disabled with the
// reason shown. Not the preset logic (core/train/train_preset.h).
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tb::widgets {

class FinetuneWizard;

class WizardAdvancedPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardAdvancedPage(FinetuneWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QString problem() const;  // empty when every value is acceptable

private:
    void load();
    void store();
    void recheck();
    QSpinBox* spin(const char* name, int min, int max, const QString& tip);
    QDoubleSpinBox* dspin(const char* name, double min, double max, int decimals, const QString& tip);

    FinetuneWizard* m_wizard;
    QComboBox* m_method = nullptr;
    QComboBox* m_compute = nullptr;  // frozen-base arithmetic (LoRA only)
    QSpinBox* m_rank = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    QDoubleSpinBox* m_dropout = nullptr;
    QCheckBox* m_rsLora = nullptr;
    QLineEdit* m_targets = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_maxSteps = nullptr;
    QLineEdit* m_lr = nullptr;
    QComboBox* m_schedule = nullptr;
    QSpinBox* m_warmup = nullptr;
    QDoubleSpinBox* m_lrMin = nullptr;
    QDoubleSpinBox* m_beta1 = nullptr;
    QDoubleSpinBox* m_beta2 = nullptr;
    QLineEdit* m_eps = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    QDoubleSpinBox* m_clip = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_accum = nullptr;
    QSpinBox* m_seqLen = nullptr;
    QCheckBox* m_packing = nullptr;
    QCheckBox* m_groupByLength = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_evalEvery = nullptr;
    QSpinBox* m_patience = nullptr;
    QDoubleSpinBox* m_minDelta = nullptr;
    QSpinBox* m_ckptEvery = nullptr;
    QSpinBox* m_keepCkpts = nullptr;
    QSpinBox* m_logEvery = nullptr;
    QComboBox* m_lossOn = nullptr;
    QCheckBox* m_chatTemplate = nullptr;
    QLabel* m_error = nullptr;
    QString m_problem;
    bool m_loading = false;
};

}  // namespace tb::widgets
