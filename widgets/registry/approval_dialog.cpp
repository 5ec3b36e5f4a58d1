#include "widgets/registry/approval_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tb::widgets {

ApprovalDialog::ApprovalDialog(Decision decision, const tb::ModelVersionRecord& version, const QString& actor,
                               const QString& blocker, QWidget* parent)
    : QDialog(parent), m_decision(decision), m_versionId(version.id), m_blocker(blocker) {
    const bool approve = decision == Decision::Approve;
    const QString name = QStringLiteral("%1 v%2").arg(QString::fromStdString(version.group)).arg(version.version);
    setWindowTitle(approve ? tr("Approve %1").arg(name) : tr("Reject %1").arg(name));
    setObjectName(approve ? QStringLiteral("approveDialog") : QStringLiteral("rejectDialog"));
    m_needsOverride = approve && version.gatePassed.has_value() && !*version.gatePassed;

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        (approve ? tr("You are approving <b>%1</b> (run %2, started by %3) as <b>%4</b>. Approved versions can be "
                      "promoted to Production.")
                 : tr("You are rejecting <b>%1</b> (run %2, started by %3) as <b>%4</b>. A rejected version can no "
                      "longer be promoted."))
            .arg(name.toHtmlEscaped(), QString::fromStdString(version.runId).toHtmlEscaped(),
                 QString::fromStdString(version.runStartedBy).toHtmlEscaped(), actor.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setPlaceholderText(approve ? tr("What did you check? (required)") : tr("Why is it rejected? (required)"));
    m_comment->setTabChangesFocus(true);
    form->addRow(tr("Comment"), m_comment);
    m_override = new QLineEdit(this);
    m_override->setObjectName(QStringLiteral("overrideEdit"));
    m_override->setPlaceholderText(tr("Why approve although the quality gate failed? (required)"));
    form->addRow(tr("Gate override"), m_override);
    if (!m_needsOverride) {
        m_override->hide();
        form->labelForField(m_override)->hide();
    }
    layout->addLayout(form);

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->setStyleSheet(QStringLiteral("color: #c62828;"));
    layout->addWidget(m_reason);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(approve ? tr("Approve") : tr("Reject"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_comment, &QPlainTextEdit::textChanged, this, &ApprovalDialog::validate);
    connect(m_override, &QLineEdit::textChanged, this, &ApprovalDialog::validate);
    m_comment->setEnabled(m_blocker.isEmpty());
    m_override->setEnabled(m_blocker.isEmpty());
    resize(480, sizeHint().height());
    validate();
}

QString ApprovalDialog::comment() const { return m_comment->toPlainText().trimmed(); }

QString ApprovalDialog::overrideReason() const { return m_needsOverride ? m_override->text().trimmed() : QString(); }

void ApprovalDialog::validate() {
    if (!m_blocker.isEmpty())
        m_disabledReason = m_blocker;
    else if (comment().isEmpty())
        m_disabledReason = tr("A comment is required.");
    else if (m_needsOverride && overrideReason().isEmpty())
        m_disabledReason = tr("This version failed its quality gate: give an override reason to approve it.");
    else
        m_disabledReason.clear();
    m_confirm->setEnabled(m_disabledReason.isEmpty());
    m_confirm->setToolTip(m_disabledReason);
    m_reason->setText(m_disabledReason);
    m_reason->setVisible(!m_disabledReason.isEmpty());
}

}  // namespace tb::widgets
