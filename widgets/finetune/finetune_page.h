// FinetunePage: the Fine-tune page: what fine-tuning here means and the "New fine-tune…" button that opens
// the wizard. A run the wizard queues is announced (workspaceModified("runs")) and handed to the Runs
// page (navigateRequested("runs", {run, start})), which trains it. No training logic of its own.
#pragma once

#include <QPointer>

#include "widgets/pages/page.h"

class QPushButton;

namespace tb::widgets {

class FinetuneWizard;

class FinetunePage : public Page {
    Q_OBJECT
public:
    explicit FinetunePage(const PageContext& context, QWidget* parent = nullptr);
    QString pageId() const override { return QStringLiteral("finetune"); }
    QString title() const override;
    void activate(const QVariantMap& args) override;

    // Opens the wizard (or raises the open one). args: "model" preselects the base model.
    FinetuneWizard* openWizard(const QVariantMap& args = {});
    FinetuneWizard* wizard() const;  // the open wizard, or null

private:
    QPushButton* m_new = nullptr;
    QPointer<FinetuneWizard> m_wizard;
};

}  // namespace tb::widgets
