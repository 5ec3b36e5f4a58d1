#include "widgets/finetune/wizard_data_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>

#include "models/finetune/dataset_version_list_model.h"
#include "widgets/finetune/finetune_wizard.h"

namespace tb::widgets {

using tb::models::DatasetVersionListModel;

WizardDataPage::WizardDataPage(FinetuneWizard* wizard) : QWizardPage(wizard), m_wizard(wizard) {
    setTitle(tr("Dataset version"));
    setSubTitle(tr("A saved, immutable dataset version, so the run can always be traced to its exact data."));
    m_model = new DatasetVersionListModel(this);
    auto* form = new QFormLayout(this);
    m_versions = new QComboBox(this);
    m_versions->setObjectName(QStringLiteral("datasetVersion"));
    m_versions->setModel(m_model);
    m_versions->setToolTip(tr("Versions are made on the Datasets page (import, clean, split, save a version)."));
    form->addRow(tr("Version:"), m_versions);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("splitCounts"));
    form->addRow(tr("Splits:"), m_counts);
    m_useValidation =
        new QCheckBox(tr("Use the validation split (validation loss, early stopping, best checkpoint)"), this);
    m_useValidation->setObjectName(QStringLiteral("useValidation"));
    m_useTest = new QCheckBox(tr("Keep the test split for \"Evaluate and compare\" after training"), this);
    m_useTest->setObjectName(QStringLiteral("useTest"));
    form->addRow(QString(), m_useValidation);
    form->addRow(QString(), m_useTest);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("datasetError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
    form->addRow(m_error);
    connect(m_versions, &QComboBox::currentIndexChanged, this, &WizardDataPage::updateSplits);
}

void WizardDataPage::initializePage() {
    const QString current = m_versions->currentData(DatasetVersionListModel::DirRole).toString();
    if (m_wizard->context().workspace)
        m_model->reload(QString::fromStdString(m_wizard->context().workspace->datasetsDir()));
    const int row = m_model->rowOfDir(current);
    m_versions->setCurrentIndex(row >= 0 ? row : (m_model->rowCount() > 0 ? 0 : -1));
    updateSplits();
}

bool WizardDataPage::selectVersionDir(const QString& dir) {
    const int row = m_model->rowOfDir(dir);
    if (row < 0) return false;
    m_versions->setCurrentIndex(row);
    return true;
}

void WizardDataPage::updateSplits() {
    const QModelIndex idx = m_model->index(m_versions->currentIndex(), 0);
    if (!idx.isValid()) {
        m_counts->clear();
        QString text = tr("No dataset version in this workspace yet: make one on the Datasets page.");
        if (!m_model->problems().isEmpty()) text += QLatin1Char('\n') + m_model->problems().join(QLatin1Char('\n'));
        m_error->setText(text);
        m_useValidation->setEnabled(false);
        m_useTest->setEnabled(false);
        emit completeChanged();
        return;
    }
    const qlonglong train = idx.data(DatasetVersionListModel::TrainCountRole).toLongLong();
    const qlonglong val = idx.data(DatasetVersionListModel::ValidationCountRole).toLongLong();
    const qlonglong test = idx.data(DatasetVersionListModel::TestCountRole).toLongLong();
    m_counts->setText(tr("train %1 · validation %2 · test %3").arg(train).arg(val).arg(test));
    m_useValidation->setEnabled(val > 0);
    m_useValidation->setChecked(val > 0);
    m_useValidation->setToolTip(val > 0 ? QString() : tr("This version has no validation records."));
    m_useTest->setEnabled(test > 0);
    m_useTest->setChecked(test > 0);
    m_useTest->setToolTip(test > 0 ? QString() : tr("This version has no test records."));
    m_error->setText(train > 0 ? QString() : tr("This version has no training records: choose another one."));
    emit completeChanged();
}

bool WizardDataPage::isComplete() const {
    const QModelIndex idx = m_model->index(m_versions->currentIndex(), 0);
    return idx.isValid() && idx.data(DatasetVersionListModel::TrainCountRole).toLongLong() > 0;
}

bool WizardDataPage::validatePage() {
    const QModelIndex idx = m_model->index(m_versions->currentIndex(), 0);
    if (!idx.isValid()) return false;
    WizardState& s = m_wizard->state();
    const QDir dir(idx.data(DatasetVersionListModel::DirRole).toString());
    s.datasetDir = dir.path();
    s.datasetName = idx.data(DatasetVersionListModel::NameRole).toString();
    s.datasetVersion = idx.data(DatasetVersionListModel::VersionRole).toString();
    s.trainPath = dir.filePath(QStringLiteral("train.jsonl"));
    s.valPath = m_useValidation->isChecked() ? dir.filePath(QStringLiteral("validation.jsonl")) : QString();
    s.testPath = m_useTest->isChecked() ? dir.filePath(QStringLiteral("test.jsonl")) : QString();
    if (!QFileInfo::exists(s.trainPath)) {
        m_error->setText(tr("%1 is missing: the version folder is damaged.").arg(s.trainPath));
        return false;
    }
    return true;
}

}  // namespace tb::widgets
