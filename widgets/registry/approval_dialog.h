// ApprovalDialog: asks for the decision on one model version — approve or reject — with the mandatory
// comment and, when the version failed its quality gate, the override reason. The confirm button stays
// disabled with the reason shown inline (and as its tooltip) while the decision is not allowed. It
// collects input only; the page calls the registry.
#pragma once

#include "core/registry/registry.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace tb::widgets {

class ApprovalDialog : public QDialog {
    Q_OBJECT
public:
    enum class Decision { Approve, Reject };

    // blocker: why the acting user may not decide at all (core's approvalBlocker; empty when allowed).
    ApprovalDialog(Decision decision, const tb::ModelVersionRecord& version, const QString& actor,
                   const QString& blocker, QWidget* parent = nullptr);

    Decision decision() const { return m_decision; }
    qint64 versionId() const { return m_versionId; }
    QString comment() const;
    QString overrideReason() const;  // empty unless the gate failed
    bool needsOverride() const { return m_needsOverride; }
    // Why the confirm button is disabled (empty when it is enabled).
    QString disabledReason() const { return m_disabledReason; }

private:
    void validate();

    Decision m_decision;
    qint64 m_versionId = 0;
    bool m_needsOverride = false;
    QString m_blocker;
    QString m_disabledReason;
    QPlainTextEdit* m_comment = nullptr;
    QLineEdit* m_override = nullptr;
    QLabel* m_reason = nullptr;
    QPushButton* m_confirm = nullptr;
};

}  // namespace tb::widgets
