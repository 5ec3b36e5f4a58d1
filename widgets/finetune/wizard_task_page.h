// Third wizard page: the task preset (classification, structured output/JSON, style/tone, free generation).
// On entry it tokenizes the chosen splits with the model's tokenizer and template on a worker, shows what
// it found (records, lengths, labels) and fills the trainer settings from the preset and the data size.
#pragma once

#include <QWizardPage>

#include "core/train/train_preflight.h"

class QButtonGroup;
class QLabel;
class QProgressBar;

namespace tb::widgets {

class FinetuneWizard;

class WizardTaskPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardTaskPage(FinetuneWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    void setPreset(tb::train::TaskPreset preset);
    bool analysing() const { return m_analysing; }

private:
    void analyse();
    void applyPreset();
    void showFacts();
    FinetuneWizard* m_wizard;
    QButtonGroup* m_group = nullptr;
    QLabel* m_facts = nullptr;
    QLabel* m_rationale = nullptr;
    QLabel* m_error = nullptr;
    QProgressBar* m_busy = nullptr;
    bool m_analysing = false;
    int m_generation = 0;
};

}  // namespace tb::widgets
