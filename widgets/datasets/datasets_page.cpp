#include "widgets/datasets/datasets_page.h"

#include "models/datasets/dataset_version_table_model.h"
#include "widgets/datasets/dataset_inspector.h"
#include "widgets/datasets/import_dataset_wizard.h"
#include "widgets/empty_state_widget.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::widgets {

using tb::models::DatasetVersionTableModel;

namespace {
QString purposeText() {
    return DatasetsPage::tr("Collect the examples your model should learn from: import prompt and response pairs, "
                            "clean them, split them into training and validation sets and keep every version.");
}
QStringList firstStepsText() {
    return {DatasetsPage::tr("Import a JSONL or CSV file of prompts and responses (Import dataset…)."),
            DatasetsPage::tr("Review the records Tunebench flags as empty, duplicated, too long or holding personal data."),
            DatasetsPage::tr("Split the data into training and validation sets and save it as a version.")};
}
}  // namespace

DatasetsPage::DatasetsPage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    if (!context.workspace) {
        showEmptyState(purposeText(), firstStepsText(), QString());
        return;
    }
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_import = new QPushButton(tr("Import dataset…"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_inspect = new QPushButton(tr("Inspect"), this);
    m_inspect->setObjectName(QStringLiteral("inspectButton"));
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    bar->addWidget(m_import);
    bar->addWidget(m_inspect);
    bar->addWidget(refreshButton);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("datasetsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    // Until the first version exists the page explains itself; the list and inspector replace it then.
    m_empty = new EmptyStateWidget(icon(), title(), purposeText(), firstStepsText(),
                                   QString::fromStdString(context.workspace->datasetsDir()), this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    layout->addWidget(m_empty, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    m_content = split;
    m_model = new DatasetVersionTableModel(this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("versionTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_inspector = new DatasetInspector(context, split);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    if (context.readOnly()) {
        m_import->setEnabled(false);
        m_import->setToolTip(tr("The workspace is open read-only (another Tunebench holds it)."));
    }
    connect(m_import, &QPushButton::clicked, this, [this] { openImportWizard(); });
    connect(refreshButton, &QPushButton::clicked, this, &DatasetsPage::refresh);
    connect(m_inspect, &QPushButton::clicked, this, [this] { inspectRow(m_table->currentIndex().row()); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { inspectRow(index.row()); });
    auto updateInspect = [this] {
        const bool any = m_table->currentIndex().isValid();
        m_inspect->setEnabled(any);
        m_inspect->setToolTip(any ? QString() : tr("Select a version first"));
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, updateInspect);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateInspect);
    refresh();
}

QString DatasetsPage::title() const { return tr("Datasets"); }

void DatasetsPage::refresh() {
    if (!m_model) return;
    m_model->refresh(QString::fromStdString(context().workspace->datasetsDir()));
    m_table->resizeColumnsToContents();
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_content->setVisible(!empty);
    if (!m_model->errors().isEmpty())
        m_message->setText(tr("Some datasets could not be read: %1").arg(m_model->errors().join(QStringLiteral("; "))));
    else
        m_message->clear();
}

void DatasetsPage::activate(const QVariantMap& args) {
    const QString version = args.value(QStringLiteral("version")).toString();
    if (!version.isEmpty() && m_model) inspectRow(m_model->rowOfVersion(version));
}

void DatasetsPage::workspaceChanged(const QString& what) {
    if (what == QLatin1String("datasets")) refresh();
}

ImportDatasetWizard* DatasetsPage::openImportWizard() {
    if (!m_model || context().readOnly()) return nullptr;
    if (m_wizard) {
        m_wizard->raise();
        return m_wizard;
    }
    m_wizard = new ImportDatasetWizard(context(), this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &ImportDatasetWizard::versionSaved, this, [this](const QString& dir) {
        refresh();
        emit workspaceModified(QStringLiteral("datasets"));
        for (int row = 0; row < m_model->rowCount(); ++row)
            if (m_model->index(row, 0).data(DatasetVersionTableModel::DirRole).toString() == dir) {
                inspectRow(row);
                break;
            }
    });
    m_wizard->show();
    return m_wizard;
}

void DatasetsPage::inspectRow(int row) {
    if (!m_model || row < 0 || row >= m_model->rowCount()) return;
    m_table->selectRow(row);
    m_inspector->openVersion(m_model->index(row, 0).data(DatasetVersionTableModel::DirRole).toString());
}

}  // namespace tb::widgets
