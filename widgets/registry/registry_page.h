// RegistryPage: the Registry page — model groups, their versions (metrics, approval, stage, authors),
// the selected version's lineage, evaluation, gate and comments, the approve/reject/promote/rollback
// actions (four-eyes rule shown as a disabled button with its reason) and the audit log with Verify.
// Reads the registry on the GUI thread (small queries); every write runs on a worker via the JobManager.
#pragma once

#include "widgets/pages/page.h"

#include "core/registry/registry.h"

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStringListModel;
class QTableView;
class QTabWidget;

namespace tb::models {
class ModelVersionTableModel;
}

namespace tb::widgets {

class ApprovalDialog;
class AuditLogWidget;
class EmptyStateWidget;
class VersionDetailWidget;

class RegistryPage : public Page {
    Q_OBJECT
public:
    explicit RegistryPage(const PageContext& context, QWidget* parent = nullptr);
    ~RegistryPage() override;
    QString pageId() const override { return QStringLiteral("registry"); }
    QString title() const override;

    // args: "versionId" (qint64) selects that version; "group" (string) selects that group.
    void activate(const QVariantMap& args) override;
    void workspaceChanged(const QString& what) override;

    // For tests and the shell: the pieces a person sees.
    tb::models::ModelVersionTableModel* versionModel() const { return m_versions; }
    QSortFilterProxyModel* versionProxy() const { return m_proxy; }
    QTableView* versionView() const { return m_versionView; }
    VersionDetailWidget* detail() const { return m_detail; }
    AuditLogWidget* auditLog() const { return m_audit; }
    QString actor() const { return m_actor; }
    QString statusText() const;
    bool writeInProgress() const { return m_writeBusy; }
    bool selectVersion(qint64 versionId);
    qint64 selectedVersionId() const;

public slots:
    void reload();

private:
    void buildUi();
    void openRegistry();
    void showSelected();
    void updateActions();
    void setStatus(const QString& text, bool error);
    const tb::ModelVersionRecord* selectedVersion() const;

    // Actions (registry_page_actions.cpp).
    void openDecisionDialog(bool approve);
    void confirmPromote();
    void confirmRollback();
    void addComment(qint64 versionId, const QString& body);
    void confirm(const QString& objectName, const QString& title, const QString& text, const QString& yesText,
                 std::function<void()> onYes);
    void runWrite(const QString& jobTitle, std::function<tb::Status(tb::Registry&)> write, const QString& doneText,
                  qint64 selectAfter);

    QString m_actor;
    QString m_dbPath;
    std::unique_ptr<tb::Registry> m_registry;  // GUI-thread connection for reads
    QString m_openError;
    bool m_writeBusy = false;
    QString m_selectedGroup;  // empty: all groups

    QTabWidget* m_tabs = nullptr;
    QStringListModel* m_groups = nullptr;
    QListView* m_groupView = nullptr;
    tb::models::ModelVersionTableModel* m_versions = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_versionView = nullptr;
    VersionDetailWidget* m_detail = nullptr;
    AuditLogWidget* m_audit = nullptr;
    QLabel* m_actorLabel = nullptr;
    EmptyStateWidget* m_emptyHint = nullptr;
    QLabel* m_actionHint = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QComboBox* m_stage = nullptr;
    QPushButton* m_promote = nullptr;
    QPushButton* m_rollback = nullptr;
    QPushButton* m_refresh = nullptr;
};

}  // namespace tb::widgets
