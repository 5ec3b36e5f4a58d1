// TrainingWorker: the QObject that lives on the training QThread and runs one run folder at a time:
// loads the base model, builds examples with its tokenizer and template, and calls runTrainingJob. It
// talks to the GUI only through signals (one per optimizer step, log lines, the outcome); pause and
// cancel arrive through a shared RunControl the trainer's callback polls. It records the run's start and
// end in the workspace registry (run_registration.h). Not a queue (run_scheduler.h).
#pragma once

#include "core/workspace/workspace_crypto.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

namespace tb::models {

// One optimizer step (or validation) as the dashboard plots it.
struct TrainStepReport {
    QString runId;
    qint64 step = 0, totalSteps = 0;
    int epoch = 0, epochs = 0;
    double trainLoss = 0.0, valLoss = -1.0, lr = 0.0, gradNorm = 0.0, tokensPerSecond = 0.0, etaSeconds = 0.0;
    qint64 memoryBytes = 0;
};

struct TrainOutcome {
    QString runId;
    int status = 0;   // int(tb::train::RunStatus): Finished, Failed or Cancelled
    QString message;  // failure reason or summary
    double bestValLoss = -1.0;
    qint64 steps = 0;
    QString adapterDir;
};

// Shared between the GUI (sets) and the trainer callback on the worker (polls).
struct RunControl {
    std::atomic<bool> pause{false};
    std::atomic<bool> cancel{false};
    std::atomic<bool> shutdown{false};  // with cancel: the application closes (recorded as interrupted)
};

// Where the worker records the run's lineage (start, end) and as whom; an empty path records nothing.
// key: the unlocked workspace key, used whether or not a registry is set: it decrypts a dataset version
// encrypted at rest and encrypts what the run writes of its weights (adapter/, adapter-best/,
// checkpoints/*.ckpt), which a resume decrypts again. Null: plaintext (refused in an encrypted workspace).
struct RunRegistryTarget {
    QString dbPath;
    QString actor;
    std::shared_ptr<const tb::WorkspaceKey> key;
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

public slots:
    // Runs RUN_DIR/request.json to the end (or to pause/cancel). resume: continue from the last checkpoint.
    // The run's start and end are recorded in the registry of `registry` (a failure there is logged and
    // does not stop the training).
    void train(const QString& runDir, bool resume, std::shared_ptr<tb::models::RunControl> control,
               const tb::models::RunRegistryTarget& registry = {});

signals:
    void started(const QString& runId);
    void stepReported(const tb::models::TrainStepReport& report);
    void pausedChanged(const QString& runId, bool paused);
    void logLine(const QString& runId, const QString& line);
    void ended(const tb::models::TrainOutcome& outcome);
};

}  // namespace tb::models

Q_DECLARE_METATYPE(tb::models::TrainStepReport)
Q_DECLARE_METATYPE(tb::models::TrainOutcome)
Q_DECLARE_METATYPE(std::shared_ptr<tb::models::RunControl>)
