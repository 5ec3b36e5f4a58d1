#include "widgets/finetune/finetune_wizard.h"

#include "models/job_manager.h"
#include "widgets/finetune/wizard_advanced_page.h"
#include "widgets/finetune/wizard_data_page.h"
#include "widgets/finetune/wizard_model_page.h"
#include "widgets/finetune/wizard_review_page.h"
#include "widgets/finetune/wizard_task_page.h"

namespace tb::widgets {

FinetuneWizard::FinetuneWizard(const PageContext& context, QWidget* parent) : QWizard(parent), m_context(context) {
    setObjectName(QStringLiteral("finetuneWizard"));
    setWindowTitle(tr("New fine-tune"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("Start training"));
    m_modelPage = new WizardModelPage(this);
    m_dataPage = new WizardDataPage(this);
    m_taskPage = new WizardTaskPage(this);
    m_advancedPage = new WizardAdvancedPage(this);
    m_reviewPage = new WizardReviewPage(this);
    setPage(ModelPageId, m_modelPage);
    setPage(DataPageId, m_dataPage);
    setPage(TaskPageId, m_taskPage);
    setPage(AdvancedPageId, m_advancedPage);
    setPage(ReviewPageId, m_reviewPage);
    resize(760, 620);
    connect(this, &QWizard::accepted, this, [this] {
        if (!m_state.queuedRunId.isEmpty()) emit runQueued(m_state.queuedRunId);
    });
}

void FinetuneWizard::runJob(const QString& title, tb::models::JobWork work,
                            std::function<void(const QString& error)> done) {
    auto* jobs = m_context.jobs;
    if (!jobs) {
        done(tr("no job manager: background work is unavailable"));
        return;
    }
    ++m_running;
    auto* scope = new QObject(this);  // owns the connections of this one job
    const int id = jobs->submit(title, std::move(work));
    auto finish = [this, scope, done](const QString& error) {
        scope->deleteLater();
        --m_running;
        done(error);
        if (m_running == 0) emit jobsIdle();
    };
    connect(jobs, &tb::models::JobManager::finished, scope, [id, finish](int j) {
        if (j == id) finish({});
    });
    connect(jobs, &tb::models::JobManager::failed, scope, [id, finish](int j, const QString& message) {
        if (j == id) finish(message.isEmpty() ? tr("failed") : message);
    });
    connect(jobs, &tb::models::JobManager::cancelled, scope, [id, finish](int j) {
        if (j == id) finish(tr("cancelled"));
    });
}

}  // namespace tb::widgets
