// AuditLogWidget: the registry's audit log as a table, with Reload and a Verify button that checks the
// hash chain on a worker (big logs take a while) and marks the rows core reports as edited, inserted,
// deleted or reordered. Reads through core's AuditLog; never writes.
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace tb::models {
class AuditLogTableModel;
class JobManager;
}  // namespace tb::models

namespace tb::widgets {

class AuditLogWidget : public QWidget {
    Q_OBJECT
public:
    explicit AuditLogWidget(tb::models::JobManager* jobs, QWidget* parent = nullptr);

    void setRegistryPath(const QString& dbPath);
    void reload();  // reads the rows (on a worker)
    void verify();  // reads and verifies (on a worker)

    tb::models::AuditLogTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString statusText() const;
    bool busy() const { return m_busy; }

signals:
    void loaded();
    void verified(bool ok);

private:
    void run(bool withVerify);
    void setBusy(bool busy);

    tb::models::JobManager* m_jobs = nullptr;
    QString m_dbPath;
    bool m_busy = false;
    tb::models::AuditLogTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_reload = nullptr;
    QPushButton* m_verify = nullptr;
    QLabel* m_status = nullptr;
};

}  // namespace tb::widgets
