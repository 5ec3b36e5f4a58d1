// RegistryPage's writes: the approve/reject dialog, promote and rollback with confirmation, comments.
// Each write runs on a worker with its own registry connection; the page reloads when it is over.
#include "widgets/registry/registry_page.h"

#include "models/registry/model_version_table_model.h"
#include "widgets/registry/approval_dialog.h"
#include "widgets/registry/registry_job.h"

#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>

namespace tb::widgets {

void RegistryPage::openDecisionDialog(bool approve) {
    const tb::ModelVersionRecord* v = selectedVersion();
    if (!v || !m_registry) return;
    auto blocker = m_registry->approvalBlocker(m_actor.toStdString(), v->id);
    const QString why = blocker ? QString::fromStdString(*blocker) : QString::fromStdString(blocker.message());
    auto* dialog = new ApprovalDialog(approve ? ApprovalDialog::Decision::Approve : ApprovalDialog::Decision::Reject,
                                      *v, m_actor, why, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const qint64 id = dialog->versionId();
        const std::string comment = dialog->comment().toStdString();
        const std::string overrideReason = dialog->overrideReason().toStdString();
        const std::string actor = m_actor.toStdString();
        if (dialog->decision() == ApprovalDialog::Decision::Approve)
            runWrite(tr("Approve model version #%1").arg(id),
                     [=](tb::Registry& r) { return r.approve(actor, id, comment, overrideReason); },
                     tr("Version #%1 approved by %2.").arg(id).arg(m_actor), id);
        else
            runWrite(tr("Reject model version #%1").arg(id),
                     [=](tb::Registry& r) { return r.reject(actor, id, comment); },
                     tr("Version #%1 rejected by %2.").arg(id).arg(m_actor), id);
    });
    dialog->open();  // window-modal without a nested event loop
}

void RegistryPage::confirmPromote() {
    const tb::ModelVersionRecord* v = selectedVersion();
    if (!v || !m_registry) return;
    const QString stage = m_stage->currentData().toString();
    const QString name = QStringLiteral("%1 v%2").arg(QString::fromStdString(v->group)).arg(v->version);
    QString text = tr("Move %1 from %2 to %3?").arg(name, QString::fromStdString(v->stage), m_stage->currentText());
    if (stage == QLatin1String("Production")) {
        auto current = m_registry->production(v->group);
        if (current && current->has_value())
            text += QLatin1Char('\n') + tr("The current Production version v%1 moves to Archived in the same step.")
                                            .arg((*current)->version);
    }
    const qint64 id = v->id;
    const std::string actor = m_actor.toStdString();
    confirm(QStringLiteral("confirmPromote"), tr("Change stage"), text, tr("Move to %1").arg(m_stage->currentText()),
            [this, id, actor, stage, name] {
        const std::string target = stage.toStdString();
        runWrite(tr("Move model version #%1 to %2").arg(id).arg(stage),
                 [=](tb::Registry& r) { return r.promote(actor, id, target); },
                 tr("%1 is now in %2.").arg(name, stage), id);
    });
}

void RegistryPage::confirmRollback() {
    const tb::ModelVersionRecord* v = selectedVersion();
    if (!v || !m_registry) return;
    const std::string group = v->group;
    auto current = m_registry->production(group);
    QString text = tr("Roll back group %1?").arg(QString::fromStdString(group));
    if (current && current->has_value())
        text += QLatin1Char('\n') + tr("Production version v%1 moves to Archived and the version that was in "
                                       "Production before it comes back.")
                                        .arg((*current)->version);
    const std::string actor = m_actor.toStdString();
    const qint64 selected = v->id;
    confirm(QStringLiteral("confirmRollback"), tr("Roll back"), text, tr("Roll back"), [this, group, actor, selected] {
        runWrite(tr("Roll back %1").arg(QString::fromStdString(group)),
                 [=](tb::Registry& r) -> tb::Status {
                     auto restored = r.rollback(actor, group);
                     return restored ? tb::Status::success() : tb::Status(restored.error());
                 },
                 tr("Group %1 rolled back.").arg(QString::fromStdString(group)), selected);
    });
}

void RegistryPage::addComment(qint64 versionId, const QString& body) {
    const std::string actor = m_actor.toStdString();
    const std::string text = body.toStdString();
    runWrite(tr("Comment on model version #%1").arg(versionId),
             [=](tb::Registry& r) { return r.addComment(actor, versionId, text); }, tr("Comment added."), versionId);
}

void RegistryPage::confirm(const QString& objectName, const QString& title, const QString& text, const QString& yesText,
                           std::function<void()> onYes) {
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
    box->setObjectName(objectName);
    QPushButton* yes = box->addButton(yesText, QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmYes"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [box, yes, onYes = std::move(onYes)] {
        if (box->clickedButton() == yes) onYes();
    });
    box->open();
}

void RegistryPage::runWrite(const QString& jobTitle, std::function<tb::Status(tb::Registry&)> write,
                            const QString& doneText, qint64 selectAfter) {
    if (m_writeBusy || !context().jobs) return;
    m_writeBusy = true;
    updateActions();
    setStatus(tr("%1…").arg(jobTitle), false);
    const std::string path = m_dbPath.toStdString();
    // The worker opens its own connection; SQLite's busy timeout makes a second writer wait, then fail cleanly.
    auto work = [path, write = std::move(write)](const tb::ProgressCallback&) -> tb::Status {
        auto reg = tb::Registry::open(path);
        if (!reg) return reg.error();
        return write(**reg);
    };
    runRegistryJob(context().jobs, this, jobTitle, work, [this, doneText, selectAfter](const QString& error) {
        m_writeBusy = false;
        reload();
        if (selectAfter > 0) selectVersion(selectAfter);
        if (!error.isEmpty()) {
            setStatus(error, true);
            updateActions();
            return;
        }
        setStatus(doneText, false);
        updateActions();
        emit workspaceModified(QStringLiteral("registry"));
    });
}

}  // namespace tb::widgets
