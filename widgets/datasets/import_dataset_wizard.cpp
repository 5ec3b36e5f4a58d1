#include "widgets/datasets/import_dataset_wizard.h"

#include "widgets/datasets/import_wizard_pages.h"
#include "widgets/datasets/job_progress_bar.h"
#include "core/data/rejected_sidecar.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace tb::widgets {

ImportDatasetWizard::ImportDatasetWizard(const PageContext& context, QWidget* parent)
    : QWizard(parent), m_context(context) {
    setObjectName(QStringLiteral("importDatasetWizard"));
    setWindowTitle(tr("Import Dataset"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    m_state.workDir = m_tmp.path();
    setPage(SourcePage, new ImportSourcePage(this));
    setPage(MappingPage, new ImportMappingPage(this));
    setPage(QualityPage, new ImportQualityPage(this));
    setPage(CleanPage, new ImportCleanPage(this));
    setPage(SplitPage, new ImportSplitPage(this));
    setPage(SavePage, new ImportSavePage(this));
    resize(980, 720);
}

void ImportDatasetWizard::setFile(const QString& path) {
    static_cast<ImportSourcePage*>(page(SourcePage))->fileEdit()->setText(path);
}

ImportSavePage::ImportSavePage(QWidget* parent) : ImportWizardPage(parent) {
    setTitle(tr("Save the version"));
    setSubTitle(tr("The version is saved in the workspace, content-addressed and read-only; runs and models point to it."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("datasetName"));
    form->addRow(tr("Name:"), m_name);
    m_nameError = new QLabel(this);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    m_nameError->setStyleSheet(QStringLiteral("color: #b00020"));
    form->addRow(m_nameError);
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("datasetDescription"));
    m_description->setPlaceholderText(tr("What this version is, where it came from, what was cleaned"));
    m_description->setMaximumHeight(100);
    form->addRow(tr("Description:"), m_description);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("saveSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_progress = new JobProgressBar(this);
    layout->addWidget(m_progress);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("saveError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    layout->addStretch(1);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        auto st = tb::validateDatasetName(m_name->text().toStdString());
        m_nameError->setText(st.ok() ? QString() : QString::fromStdString(st.error().message));
        emit completeChanged();
    });
    connect(m_progress, &JobProgressBar::succeeded, this, [this] {
        state().saved = *m_result;
        m_saved = true;
        const QString dir = QString::fromStdString(m_result->dir);
        emit importWizard()->versionSaved(dir);
        wizard()->accept();
    });
    connect(m_progress, &JobProgressBar::failed, this, [this](const QString& m) {
        m_error->setText(tr("Saving failed: %1").arg(m));
        emit completeChanged();
    });
    connect(m_progress, &JobProgressBar::cancelled, this, [this] { emit completeChanged(); });
}

void ImportSavePage::initializePage() {
    if (m_name->text().isEmpty()) {
        // A valid default from the file name: support_tickets.jsonl -> support_tickets.
        QString base = QFileInfo(state().file).completeBaseName();
        base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
        while (base.startsWith(QLatin1Char('.')) || base.startsWith(QLatin1Char('-'))) base.remove(0, 1);
        m_name->setText(base.left(64).isEmpty() ? QStringLiteral("dataset") : base.left(64));
    }
    const auto& r = state().splitResult;
    m_summary->setText(tr("train %1, validation %2, test %3 records; %4 rejected on import (kept in a report beside the version).")
                           .arg(r.counts[0])
                           .arg(r.counts[1])
                           .arg(r.counts[2])
                           .arg(state().quality.rejected));
    if (importWizard()->context().readOnly())
        m_error->setText(tr("The workspace is open read-only (another Tunebench holds it); the version cannot be saved."));
}

bool ImportSavePage::isComplete() const {
    return !m_progress->isRunning() && !importWizard()->context().readOnly() &&
           tb::validateDatasetName(m_name->text().toStdString()).ok();
}

bool ImportSavePage::validatePage() {
    if (m_saved) return true;
    save();
    return false;  // the wizard closes when the save job has finished
}

void ImportSavePage::save() {
    m_error->clear();
    auto result = std::make_shared<tb::DatasetVersion>();
    m_result = result;
    const std::string datasets = importWizard()->context().workspace->datasetsDir();
    const std::string splitDir = state().splitFolder.toStdString();
    const std::shared_ptr<const tb::WorkspaceKey> key = importWizard()->context().key;  // kept alive by the job
    const tb::CreateVersionOptions options{m_name->text().toStdString(), m_description->toPlainText().toStdString(), {},
                                          key.get()};
    const std::string rejected = state().quality.rejected > 0 ? state().rejectedFile.toStdString() : std::string();
    m_progress->start(importWizard()->context().jobs, tr("Saving dataset version"), [=](const tb::ProgressCallback&) -> tb::Status {
        auto v = tb::createDatasetVersion(datasets, splitDir, options);
        if (!v.ok()) return v.error();
        if (!rejected.empty()) TB_TRY(tb::saveRejectedSidecar(rejected, v->dir, key.get()));
        *result = std::move(*v);
        return {};
    });
    emit completeChanged();
}

}  // namespace tb::widgets
