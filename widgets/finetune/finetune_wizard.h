// FinetuneWizard: the "New fine-tune" wizard: base model → dataset version and splits → task preset →
// every trainer setting → review (estimate and warnings) → Start, which writes the run folder
// (request.json, status.json "queued") and announces it; the Runs page trains it. Holds the choices the
// pages share (WizardState) and runs their core work (inspecting, tokenizing) on the job manager.
#pragma once

#include <QWizard>
#include <functional>
#include <optional>

#include "core/model/model_loader.h"
#include "core/train/run_request.h"
#include "core/train/train_preflight.h"
#include "models/job_worker.h"
#include "widgets/pages/page_context.h"

namespace tb::widgets {

class WizardModelPage;
class WizardDataPage;
class WizardTaskPage;
class WizardAdvancedPage;
class WizardReviewPage;

struct WizardState {
    QString modelPath;
    std::optional<tb::ModelInfo> model;  // set when modelPath was inspected and is usable
    bool modelHasChatTemplate = false;
    QString datasetDir, datasetName, datasetVersion;
    QString trainPath, valPath, testPath;            // chosen split files (val/test empty when not used)
    std::optional<tb::train::TrainDataFacts> facts;  // of the chosen model + splits
    QString factsKey;                                // what `facts` was computed for
    tb::train::TaskPreset preset = tb::train::TaskPreset::Classification;
    QString presetRationale;
    tb::train::RunRequest request;  // the settings as they will be written
    QString queuedRunId;            // set by Start
};

class FinetuneWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { ModelPageId, DataPageId, TaskPageId, AdvancedPageId, ReviewPageId };

    FinetuneWizard(const PageContext& context, QWidget* parent = nullptr);

    WizardState& state() { return m_state; }
    const PageContext& context() const { return m_context; }
    // Runs `work` on the job manager; `done(error)` runs on the GUI thread (error empty on success).
    void runJob(const QString& title, tb::models::JobWork work, std::function<void(const QString& error)> done);
    bool busy() const { return m_running > 0; }

    WizardModelPage* modelPage() const { return m_modelPage; }
    WizardDataPage* dataPage() const { return m_dataPage; }
    WizardTaskPage* taskPage() const { return m_taskPage; }
    WizardAdvancedPage* advancedPage() const { return m_advancedPage; }
    WizardReviewPage* reviewPage() const { return m_reviewPage; }

signals:
    void runQueued(const QString& runId);
    void jobsIdle();

private:
    PageContext m_context;
    WizardState m_state;
    int m_running = 0;
    WizardModelPage* m_modelPage = nullptr;
    WizardDataPage* m_dataPage = nullptr;
    WizardTaskPage* m_taskPage = nullptr;
    WizardAdvancedPage* m_advancedPage = nullptr;
    WizardReviewPage* m_reviewPage = nullptr;
};

}  // namespace tb::widgets
