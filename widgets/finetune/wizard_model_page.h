// First wizard page: the base model (a Hugging Face folder or a .gguf file, typed or chosen in a dialog).
// Each path is inspected on a worker (config and tensor headers, tokenizer, chat template); its facts are
// shown, and a file the trainer cannot use is refused with the reason. Not the loading itself.
#pragma once

#include <QTimer>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tb::widgets {

class FinetuneWizard;

class WizardModelPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardModelPage(FinetuneWizard* wizard);
    bool isComplete() const override;
    void setModelPath(const QString& path);  // as if typed
    QString error() const;

private:
    void inspect();
    FinetuneWizard* m_wizard;
    QLineEdit* m_path = nullptr;
    QLabel* m_facts = nullptr;
    QLabel* m_error = nullptr;
    QTimer m_debounce;
    int m_generation = 0;
    bool m_usable = false;
};

}  // namespace tb::widgets
