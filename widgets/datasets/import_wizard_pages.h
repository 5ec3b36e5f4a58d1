// The pages of the Import Dataset wizard (import_dataset_wizard.h). Each page reads and writes the
// wizard's ImportWizardState; long steps run through JobProgressBar. No page holds records beyond the
// capped previews core returns.
#pragma once

#include "widgets/datasets/import_dataset_wizard.h"

#include <QWizardPage>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableView;
class QTextBrowser;
class QTimer;

class QChartView;

namespace tb::models {
class TextTableModel;
}

namespace tb::widgets {

class JobProgressBar;

class ImportWizardPage : public QWizardPage {
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;

protected:
    ImportDatasetWizard* importWizard() const { return static_cast<ImportDatasetWizard*>(wizard()); }
    ImportWizardState& state() const { return importWizard()->state(); }
    // The key of an encrypted workspace (null for a plain one). Jobs capture this shared_ptr so the key
    // outlives them; the wizard's intermediates (rejections, cleaned file, split) are written encrypted with it.
    std::shared_ptr<const tb::WorkspaceKey> workspaceKey() const { return importWizard()->context().key; }
};

class ImportSourcePage : public ImportWizardPage {
    Q_OBJECT
public:
    explicit ImportSourcePage(QWidget* parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QLineEdit* fileEdit() const { return m_file; }

private:
    void updateMessage();
    // An encrypted workspace opened without its key: importing would leave plaintext intermediates and the
    // version could not be saved, so the wizard stops here and says why.
    bool workspaceLocked() const;
    QLineEdit* m_file;
    QComboBox* m_kind;
    QLabel* m_message;
};

class ImportMappingPage : public ImportWizardPage {
    Q_OBJECT
public:
    explicit ImportMappingPage(QWidget* parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

private:
    void detect();
    QComboBox* m_format;
    QList<QComboBox*> m_maps;  // prompt, completion, label, text
    QLineEdit* m_template;
    QLabel* m_plan;
    QLabel* m_error;
    QTableView* m_preview;
    tb::models::TextTableModel* m_previewModel;
    QTimer* m_debounce;
    bool m_ok = false;
};

class ImportQualityPage : public ImportWizardPage {
    Q_OBJECT
public:
    explicit ImportQualityPage(QWidget* parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override { return m_done; }

private:
    void run();
    void show(const tb::QualityReport& report);
    QLineEdit* m_tokenizer;
    QTimer* m_debounce;
    std::shared_ptr<tb::TokenCounter> m_pendingCounter;
    JobProgressBar* m_progress;
    QTextBrowser* m_summary;
    QChartView* m_labels;
    QChartView* m_lengths;
    QTableView* m_rejected;
    tb::models::TextTableModel* m_rejectedModel;
    QLabel* m_error;
    std::shared_ptr<tb::QualityReport> m_result;
    QString m_rejectedOut;
    bool m_done = false;
};

class ImportCleanPage : public ImportWizardPage {
    Q_OBJECT
public:
    explicit ImportCleanPage(QWidget* parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override { return m_done; }

private:
    void run();
    void showSelected();
    QComboBox* m_pii;
    QComboBox* m_dedup;
    QCheckBox* m_whitespace;
    QCheckBox* m_dropEmpty;
    QSpinBox* m_minChars;
    QSpinBox* m_maxChars;
    QSpinBox* m_maxTokens;
    JobProgressBar* m_progress;
    QLabel* m_summary;
    QLabel* m_error;
    QTableView* m_previews;
    tb::models::TextTableModel* m_previewModel;
    QPlainTextEdit* m_before;
    QPlainTextEdit* m_after;
    QTimer* m_debounce;
    std::shared_ptr<tb::CleanReport> m_result;
    QString m_output;
    bool m_done = false;
};

class ImportSplitPage : public ImportWizardPage {
    Q_OBJECT
public:
    explicit ImportSplitPage(QWidget* parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override { return m_done; }

private:
    void run();
    QDoubleSpinBox* m_validation;
    QDoubleSpinBox* m_test;
    QSpinBox* m_seed;
    QCheckBox* m_stratify;
    JobProgressBar* m_progress;
    QLabel* m_summary;
    QLabel* m_error;
    QTimer* m_debounce;
    std::shared_ptr<tb::SplitResult> m_result;
    QString m_output;
    bool m_done = false;
};

class ImportSavePage : public ImportWizardPage {
    Q_OBJECT
public:
    explicit ImportSavePage(QWidget* parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void save();
    QLineEdit* m_name;
    QPlainTextEdit* m_description;
    QLabel* m_nameError;
    QLabel* m_summary;
    QLabel* m_error;
    JobProgressBar* m_progress;
    std::shared_ptr<tb::DatasetVersion> m_result;
    bool m_saved = false;
};

}  // namespace tb::widgets
