// DatasetsPage: the Datasets page of the workbench: the workspace's dataset versions (name, version,
// created, records per split, description, parent) with "Import dataset…" (ImportDatasetWizard) and an
// inspector for the selected version (DatasetInspector). Refreshes on workspaceChanged("datasets").
#pragma once

#include "widgets/pages/page.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QTableView;

namespace tb::models {
class DatasetVersionTableModel;
}

namespace tb::widgets {

class DatasetInspector;
class EmptyStateWidget;
class ImportDatasetWizard;

class DatasetsPage : public Page {
    Q_OBJECT
public:
    explicit DatasetsPage(const PageContext& context, QWidget* parent = nullptr);
    QString pageId() const override { return QStringLiteral("datasets"); }
    QString title() const override;
    void activate(const QVariantMap& args) override;
    void workspaceChanged(const QString& what) override;

    void refresh();
    // Opens the import wizard (non-modal, owned by the page) and returns it.
    ImportDatasetWizard* openImportWizard();
    // Shows the version at `row` of the list in the inspector.
    void inspectRow(int row);
    tb::models::DatasetVersionTableModel* versionModel() const { return m_model; }
    DatasetInspector* inspector() const { return m_inspector; }

private:
    tb::models::DatasetVersionTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_inspect = nullptr;
    QLabel* m_message = nullptr;
    DatasetInspector* m_inspector = nullptr;
    EmptyStateWidget* m_empty = nullptr;
    QWidget* m_content = nullptr;
    QPointer<ImportDatasetWizard> m_wizard;
};

}  // namespace tb::widgets
