#include "widgets/finetune/finetune_page.h"

#include <QDir>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/empty_state_widget.h"
#include "widgets/finetune/finetune_wizard.h"
#include "widgets/finetune/wizard_model_page.h"

namespace tb::widgets {

FinetunePage::FinetunePage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    const QString workspaceRoot = context.workspaceRoot();
    EmptyStateWidget* empty =
        showEmptyState(tr("Teach a Llama-family base model your task with LoRA adapters, on this computer's CPU. "
                          "The base weights are never changed; each run produces a small adapter."),
                       {tr("Open a base model (GGUF or safetensors) from your disk."),
                        tr("Choose a dataset version and a task; the wizard proposes settings and estimates "
                           "memory and time."),
                        tr("Start the run; its progress and loss curve appear under Runs.")},
                       workspaceRoot.isEmpty() ? QString() : QDir(workspaceRoot).filePath(QStringLiteral("models")));
    Q_UNUSED(empty);
    m_new = new QPushButton(tr("New fine-tune…"), this);
    m_new->setObjectName(QStringLiteral("newFinetuneButton"));
    m_new->setDefault(true);
    m_new->setEnabled(!context.readOnly());
    m_new->setToolTip(context.readOnly() ? tr("The workspace is open read-only (or missing): runs cannot be started.")
                                         : tr("Choose a base model, a dataset version and a task, then start a run."));
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_new);
    row->addStretch(1);
    static_cast<QVBoxLayout*>(layout())->addLayout(row);
    connect(m_new, &QPushButton::clicked, this, [this] { openWizard(); });
}

QString FinetunePage::title() const {
    return tr("Fine-tune");
}

FinetuneWizard* FinetunePage::wizard() const {
    return m_wizard.data();
}

void FinetunePage::activate(const QVariantMap& args) {
    if (args.value(QStringLiteral("newRun")).toBool()) openWizard(args);
}

FinetuneWizard* FinetunePage::openWizard(const QVariantMap& args) {
    if (context().readOnly()) return nullptr;
    if (!m_wizard) {
        m_wizard = new FinetuneWizard(context(), this);
        m_wizard->setWindowFlag(Qt::Window);
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_wizard, &FinetuneWizard::runQueued, this, [this](const QString& runId) {
            emit workspaceModified(QStringLiteral("runs"));
            emit navigateRequested(QStringLiteral("runs"),
                                   {{QStringLiteral("run"), runId}, {QStringLiteral("start"), true}});
        });
    }
    const QString model = args.value(QStringLiteral("model")).toString();
    if (!model.isEmpty()) m_wizard->modelPage()->setModelPath(model);
    m_wizard->show();
    m_wizard->raise();
    m_wizard->activateWindow();
    return m_wizard;
}

}  // namespace tb::widgets
