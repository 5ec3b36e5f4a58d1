#include "models/runs/training_worker.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

#include "core/export/fine_tuned_model.h"
#include "core/model/model_loader.h"
#include "core/train/model_example_encoder.h"
#include "core/train/run_index.h"
#include "core/train/train_run.h"
#include "models/runs/run_registration.h"

namespace tb::models {

using tb::train::RunStatus;

void TrainingWorker::train(const QString& runDir, bool resume, std::shared_ptr<RunControl> control,
                           const RunRegistryTarget& registry) {
    const QString runId = QFileInfo(runDir).fileName();
    QFile logFile(QDir(runDir).filePath(QStringLiteral("log.txt")));
    (void)logFile.open(QIODevice::Append | QIODevice::Text);
    auto log = [&](const QString& text) {
        const QString line = QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss ")) + text;
        if (logFile.isOpen()) {
            logFile.write(line.toUtf8() + '\n');
            logFile.flush();
        }
        emit logLine(runId, line);
    };
    TrainOutcome out;
    out.runId = runId;
    // Lineage in the registry: recorded once the request is read, its end whatever the outcome.
    std::unique_ptr<tb::Registry> reg;
    const std::string actor = registry.actor.toStdString();
    auto recordEnd = [&](const nlohmann::json& metrics) {
        if (!reg) return;
        const bool interrupted = control->shutdown.load() && out.status == int(RunStatus::Cancelled);
        const std::string status = interrupted ? "interrupted" : tb::train::runStatusName(RunStatus(out.status));
        if (auto s = recordRunEnded(*reg, actor, runId.toStdString(), status, metrics); !s)
            log(tr("Could not record the run's end in the registry: %1").arg(QString::fromStdString(s.message())));
    };
    auto fail = [&](const tb::Error& e) {
        out.status = int(e.kind == tb::ErrorKind::Cancelled ? RunStatus::Cancelled : RunStatus::Failed);
        out.message = QString::fromStdString(e.message);
        log(out.status == int(RunStatus::Cancelled) ? tr("Cancelled: %1").arg(out.message)
                                                    : tr("Failed: %1").arg(out.message));
        recordEnd({{"message", e.message}});
        emit ended(out);
    };
    emit started(runId);
    // A run folder lives in <workspace>/runs: in an encrypted workspace the adapter and checkpoints must be
    // written encrypted, so without the key nothing is trained (it would leave the weights in plaintext).
    QDir workspaceDir = QFileInfo(runDir).absoluteDir();
    if (!registry.key && workspaceDir.cdUp() && tb::workspaceIsEncrypted(workspaceDir.absolutePath().toStdString()))
        return fail(tb::inputError(tr("This workspace is encrypted and was not unlocked: reopen it with its passphrase "
                                      "or key file to train (the run's adapter and checkpoints are stored encrypted).")
                                       .toStdString()));
    auto request = tb::train::readRunRequest(runDir.toStdString());
    if (!request) return fail(request.error());
    if (registry.key && request->config.method == tb::train::TrainMethod::Full)
        return fail(tb::inputError(tr("Full fine-tuning writes the tuned model as a plain model folder, which an "
                                      "encrypted workspace does not allow. Train a LoRA adapter here (it is stored "
                                      "encrypted), or run full fine-tuning in an unencrypted workspace.")
                                       .toStdString()));
    if (!registry.dbPath.isEmpty()) {
        auto started = [&]() -> tb::Status {
            auto sha = modelContentSha256(request->modelPath);
            if (!sha) return sha.error();
            auto opened = tb::Registry::open(registry.dbPath.toStdString());
            if (!opened) return opened.error();
            TB_TRY(recordRunStarted(**opened, actor, runLineageOf(runId.toStdString(), *request), *sha));
            reg = std::move(*opened);
            return tb::Status::success();
        }();
        if (started)
            log(tr("Recorded in the registry as run %1, started by %2").arg(runId, registry.actor));
        else
            log(tr("Could not record the run in the registry: %1").arg(QString::fromStdString(started.message())));
    }
    log(tr("Loading base model %1").arg(QString::fromStdString(request->modelPath)));
    auto cancelled = [control](const tb::Progress&) { return !control->cancel.load(); };
    auto model = tb::loadModel(request->modelPath, cancelled);
    if (!model) return fail(model.error());
    auto encoder = tb::train::makeModelExampleEncoder(request->modelPath, model->weights.config.vocabSize,
                                                      request->useChatTemplate);
    if (!encoder) return fail(encoder.error());
    tb::train::TrainJobOptions job;
    job.modelPath = request->modelPath;
    job.dataPath = request->trainPath;
    job.valPath = request->valPath;
    job.outDir = runDir.toStdString();
    job.lossOn = request->lossOn;
    job.config = request->config;
    job.config.resume = resume;
    job.key = registry.key.get();  // adapter/, adapter-best/ and checkpoints/*.ckpt encrypted at rest
    log(resume ? tr("Resuming from the last checkpoint") : tr("Training started"));
    bool paused = false;
    qint64 lastLogged = -1;
    auto callback = [&](const tb::train::TrainProgress& p) {
        if (!paused || p.step != lastLogged) {
            TrainStepReport r;
            r.runId = runId;
            r.step = p.step, r.totalSteps = p.totalSteps, r.epoch = p.epoch, r.epochs = p.epochs;
            r.trainLoss = p.trainLoss, r.valLoss = p.valLoss, r.lr = p.lr, r.gradNorm = p.gradNorm;
            r.tokensPerSecond = p.tokensPerSecond, r.etaSeconds = p.etaSeconds, r.memoryBytes = p.memoryBytes;
            if (p.step != lastLogged) emit stepReported(r);
            // A line per step for short runs, about 200 lines for long ones.
            const qint64 every = std::max<qint64>(1, p.totalSteps / 200);
            if (p.step != lastLogged && (p.step % every == 0 || p.step == p.totalSteps))
                log(tr("step %1/%2 epoch %3 loss %4 lr %5 grad norm %6 tokens/s %7%8")
                        .arg(p.step)
                        .arg(p.totalSteps)
                        .arg(p.epoch + 1)
                        .arg(p.trainLoss, 0, 'f', 4)
                        .arg(p.lr, 0, 'g', 3)
                        .arg(p.gradNorm, 0, 'f', 3)
                        .arg(p.tokensPerSecond, 0, 'f', 0)
                        .arg(p.valLoss >= 0 ? tr(" validation %1").arg(p.valLoss, 0, 'f', 4) : QString()));
            lastLogged = p.step;
        }
        if (control->cancel.load()) return tb::train::TrainControl::Cancel;
        const bool wantPause = control->pause.load();
        if (wantPause != paused) {
            paused = wantPause;
            log(paused ? tr("Paused at step %1").arg(p.step) : tr("Resumed at step %1").arg(p.step));
            emit pausedChanged(runId, paused);
        }
        return paused ? tb::train::TrainControl::Pause : tb::train::TrainControl::Continue;
    };
    auto summary = tb::train::runTrainingJob(model->weights, *encoder, job, callback);
    if (!summary) return fail(summary.error());
    const auto& result = summary->result;
    out.steps = result.steps;
    out.bestValLoss = result.bestValLoss;
    out.adapterDir =
        QString::fromStdString(summary->bestAdapterDir.empty() ? summary->adapterDir : summary->bestAdapterDir);
    if (result.cancelled) {
        out.status = int(RunStatus::Cancelled);
        out.message = tr("cancelled at step %1; a checkpoint was kept so the run can be resumed").arg(result.steps);
    } else {
        out.status = int(RunStatus::Finished);
        out.message = tr("%1 steps, final train loss %2%3%4")
                          .arg(result.steps)
                          .arg(result.lastTrainLoss, 0, 'f', 4)
                          .arg(result.bestValLoss >= 0 ? tr(", best validation loss %1 at step %2")
                                                             .arg(result.bestValLoss, 0, 'f', 4)
                                                             .arg(result.bestStep)
                                                       : QString())
                          .arg(result.stoppedEarly ? tr(" (stopped early)") : QString());
    }
    // Full fine-tuning trained the weights in place: a finished run saves them as a model the other pages
    // load (a cancelled one keeps its checkpoint to resume from instead).
    std::string fullModel;
    if (request->config.method == tb::train::TrainMethod::Full && !result.cancelled && result.steps > 0) {
        log(tr("Saving the fine-tuned model"));
        auto saved = tb::exporter::saveFullFineTunedModel(runDir.toStdString(), model->weights, *model);
        if (!saved) return fail(saved.error());
        fullModel = *saved;
        out.message += tr("; model saved to %1").arg(QString::fromStdString(fullModel));
    }
    if (summary->trainReport.truncated + summary->valReport.truncated > 0)
        log(tr("%1 examples were truncated to the maximum sequence length")
                .arg(summary->trainReport.truncated + summary->valReport.truncated));
    log(out.status == int(RunStatus::Finished) ? tr("Finished: %1").arg(out.message)
                                               : tr("Cancelled: %1").arg(out.message));
    nlohmann::json metrics = {{"steps", result.steps},
                              {"final_train_loss", result.lastTrainLoss},
                              {"stopped_early", result.stoppedEarly},
                              {"adapter", out.adapterDir.toStdString()}};
    if (!fullModel.empty()) metrics["model"] = fullModel;
    if (result.bestValLoss >= 0) {
        metrics["best_val_loss"] = result.bestValLoss;
        metrics["best_step"] = result.bestStep;
    }
    recordEnd(metrics);
    emit ended(out);
}

}  // namespace tb::models
