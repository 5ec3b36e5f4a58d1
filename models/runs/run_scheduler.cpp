#include "models/runs/run_scheduler.h"
#include "core/common/utc_time.h"
#include "models/runs/run_registration.h"

#include <QDir>
#include <QFileInfo>

#include "core/train/checkpoint.h"

namespace tb::models {

using tb::train::RunEntry;
using tb::train::RunStatus;

RunScheduler::RunScheduler(const QString& runsDir, bool readOnly, QObject* parent)
    : QObject(parent), m_runsDir(runsDir), m_readOnly(readOnly) {
    qRegisterMetaType<TrainStepReport>();
    qRegisterMetaType<TrainOutcome>();
    qRegisterMetaType<ResourceSample>();
    qRegisterMetaType<std::shared_ptr<RunControl>>();
    m_worker = new TrainingWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TrainingWorker::started, this, &RunScheduler::onStarted);
    connect(m_worker, &TrainingWorker::stepReported, this, &RunScheduler::onStep);
    connect(m_worker, &TrainingWorker::pausedChanged, this, &RunScheduler::onPausedChanged);
    connect(m_worker, &TrainingWorker::logLine, this, &RunScheduler::logLine);
    connect(m_worker, &TrainingWorker::ended, this, &RunScheduler::onEnded);
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
    m_sampleTimer.setInterval(1000);
    connect(&m_sampleTimer, &QTimer::timeout, this, &RunScheduler::sampleResources);
    auto gpu = tb::train::GpuMonitor::open();
    if (gpu)
        m_gpu = std::move(*gpu);
    else
        m_gpuReason = QString::fromStdString(gpu.message());
    m_sessionClock.start();
    refresh();
}

RunScheduler::~RunScheduler() {
    if (m_control) {
        m_control->shutdown = true;
        m_control->cancel = true;
    }
    m_thread.quit();
    m_thread.wait();
    // The worker's last signals are not delivered any more: record the state ourselves.
    if (RunEntry* run = findMutable(m_activeId)) {
        run->state.activeSeconds = activeSeconds(m_activeId);
        setStatus(*run, RunStatus::Interrupted, tr("the application closed during training"));
    }
}

void RunScheduler::setRegistry(const QString& dbPath, const QString& actor, std::shared_ptr<const tb::WorkspaceKey> key) {
    m_registry = {dbPath, actor, std::move(key)};
    // Looking writes nothing: without a registry database there is nothing to reconcile.
    if (m_readOnly || dbPath.isEmpty() || !QFileInfo::exists(dbPath)) return;
    std::vector<std::string> interrupted;
    for (const RunEntry& r : m_runs)
        if (r.state.status == RunStatus::Interrupted && QString::fromStdString(r.id) != m_activeId)
            interrupted.push_back(r.id);
    if (interrupted.empty()) return;
    auto registry = tb::Registry::open(dbPath.toStdString());
    if (!registry) return;
    for (const std::string& id : interrupted) {
        auto run = (*registry)->run(id);
        if (run && run->status == "running")
            (void)recordRunEnded(**registry, actor.toStdString(), id, "interrupted",
                                 {{"reason", "the application ended during training"}});
    }
}

void RunScheduler::refresh() {
    std::vector<std::string> problems;
    auto runs = tb::train::listRuns(m_runsDir.toStdString(), &problems);
    QStringList arrived;
    // Keep the in-memory state of runs this session works on (fresher than their status.json).
    for (RunEntry& fresh : runs) {
        const QString id = QString::fromStdString(fresh.id);
        if (const RunEntry* known = find(id); known && (id == m_activeId || m_queue.contains(id))) {
            fresh.state = known->state;
        } else if (m_scanned && !m_readOnly && fresh.state.status == RunStatus::Queued && !known) {
            // Queued during this session (only this process writes the locked workspace): train it.
            arrived << id;
        } else if (tb::train::runStatusIsLive(fresh.state.status)) {
            // Left queued/running/paused by a session that ended: nobody trains it now.
            fresh.state.status = RunStatus::Interrupted;
            if (fresh.state.message.empty()) fresh.state.message = "interrupted: the application closed";
            if (!m_readOnly) (void)tb::train::writeRunState(fresh.dir, fresh.state);
        }
    }
    m_scanned = true;
    m_runs = std::move(runs);
    m_problems.clear();
    for (const auto& p : problems) m_problems << QString::fromStdString(p);
    emit runsReset();
    for (const QString& id : arrived) enqueue(id, false);
}

const RunEntry* RunScheduler::find(const QString& runId) const {
    const int i = indexOf(runId);
    return i < 0 ? nullptr : &m_runs[size_t(i)];
}

RunEntry* RunScheduler::findMutable(const QString& runId) {
    const int i = indexOf(runId);
    return i < 0 ? nullptr : &m_runs[size_t(i)];
}

int RunScheduler::indexOf(const QString& runId) const {
    if (runId.isEmpty()) return -1;
    const std::string id = runId.toStdString();
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == id) return int(i);
    return -1;
}

double RunScheduler::activeSeconds(const QString& runId) const {
    const RunEntry* run = find(runId);
    if (!run) return 0.0;
    if (runId == m_activeId && m_activeClock.isValid()) return m_activeBase + m_activeClock.elapsed() / 1000.0;
    return run->state.activeSeconds;
}

bool RunScheduler::canResume(const QString& runId) const {
    const RunEntry* run = find(runId);
    if (!run || m_readOnly || runId == m_activeId || m_queue.contains(runId)) return false;
    const RunStatus s = run->state.status;
    return s == RunStatus::Interrupted || s == RunStatus::Cancelled || s == RunStatus::Failed;
}

void RunScheduler::setStatus(RunEntry& run, RunStatus status, const QString& message) {
    run.state.status = status;
    if (!message.isNull()) run.state.message = message.toStdString();
    if (status == RunStatus::Running && run.state.startedAt.empty()) run.state.startedAt = tb::utcTimestampNow();
    if (!tb::train::runStatusIsLive(status)) run.state.endedAt = tb::utcTimestampNow();
    if (!m_readOnly) (void)tb::train::writeRunState(run.dir, run.state);
    emit runUpdated(QString::fromStdString(run.id));
}

bool RunScheduler::enqueue(const QString& runId, bool resume) {
    if (m_readOnly) return false;
    RunEntry* run = findMutable(runId);
    if (!run) {
        refresh();  // written by the wizard after our last scan
        run = findMutable(runId);
    }
    if (!run || runId == m_activeId || m_queue.contains(runId)) return false;
    if (resume && !canResume(runId)) return false;
    resume = resume && run->lastCheckpointStep > 0;  // no checkpoint yet: start again from the beginning
    if (!QFileInfo::exists(QString::fromStdString(run->dir) + QStringLiteral("/request.json"))) {
        // A command-line run: record its settings the way the worker reads them.
        if (auto written = tb::train::writeRunRequest(run->dir, run->request); !written) {
            run->state.message = written.message();
            emit runUpdated(runId);
            return false;
        }
    }
    m_queue << runId;
    m_resumeFlags[runId] = resume;
    if (!resume) {
        run->state.step = 0;
        run->state.bestValLoss = -1.0;
        run->state.activeSeconds = 0.0;
    }
    setStatus(
        *run, RunStatus::Queued,
        resume ? tr("queued to resume from step %1").arg(run->lastCheckpointStep) : tr("waiting for the trainer"));
    startNext();
    return true;
}

void RunScheduler::startNext() {
    if (!m_activeId.isEmpty() || m_queue.isEmpty()) return;
    m_activeId = m_queue.takeFirst();
    RunEntry* run = findMutable(m_activeId);
    if (!run) {
        m_activeId.clear();
        return startNext();
    }
    const bool resume = m_resumeFlags.take(m_activeId);
    m_control = std::make_shared<RunControl>();
    m_activePaused = false;
    m_activeBase = run->state.activeSeconds;
    m_activeClock.start();
    m_resources[m_activeId].clear();
    m_sampler.sample();  // restart the CPU window
    setStatus(*run, RunStatus::Running, resume ? tr("resumed") : QString());
    m_sampleTimer.start();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, dir = QString::fromStdString(run->dir), resume, control = m_control,
         registry = m_registry] { worker->train(dir, resume, control, registry); },
        Qt::QueuedConnection);
    emit activeRunChanged(m_activeId);
}

bool RunScheduler::pause(const QString& runId) {
    if (runId != m_activeId || !m_control || m_control->pause) return false;
    m_control->pause = true;
    return true;
}

bool RunScheduler::unpause(const QString& runId) {
    if (runId != m_activeId || !m_control || !m_control->pause) return false;
    m_control->pause = false;
    return true;
}

bool RunScheduler::cancel(const QString& runId) {
    if (m_queue.removeOne(runId)) {
        if (RunEntry* run = findMutable(runId)) setStatus(*run, RunStatus::Cancelled, tr("removed from the queue"));
        return true;
    }
    if (runId != m_activeId || !m_control) return false;
    m_control->cancel = true;
    return true;
}

void RunScheduler::onStarted(const QString&) {}

void RunScheduler::onStep(const TrainStepReport& r) {
    RunEntry* run = findMutable(r.runId);
    if (!run) return;
    run->state.step = r.step;
    run->state.totalSteps = r.totalSteps;
    if (r.valLoss >= 0 && (run->state.bestValLoss < 0 || r.valLoss < run->state.bestValLoss))
        run->state.bestValLoss = r.valLoss;
    emit stepReported(r);
    emit runUpdated(r.runId);
}

void RunScheduler::onPausedChanged(const QString& runId, bool paused) {
    RunEntry* run = findMutable(runId);
    if (!run || runId != m_activeId) return;
    if (paused) {
        m_activeBase += m_activeClock.elapsed() / 1000.0;
        m_activeClock.invalidate();
    } else {
        m_activeClock.start();
    }
    m_activePaused = paused;
    run->state.activeSeconds = m_activeBase;
    setStatus(*run, paused ? RunStatus::Paused : RunStatus::Running, QString());
}

void RunScheduler::onEnded(const TrainOutcome& outcome) {
    m_sampleTimer.stop();
    if (RunEntry* run = findMutable(outcome.runId)) {
        run->state.activeSeconds = activeSeconds(outcome.runId);
        if (outcome.steps > 0) run->state.step = outcome.steps;
        if (outcome.bestValLoss >= 0)
            run->state.bestValLoss = outcome.bestValLoss;
        else if (run->state.bestValLoss < 0)
            run->state.bestValLoss = tb::train::bestValLossFromMetrics(run->dir);
        auto ckpts = tb::train::listCheckpoints(run->dir + "/checkpoints");
        run->lastCheckpointStep = ckpts.empty() ? -1 : ckpts.back().first;
        if (outcome.runId == m_activeId) {
            m_activeId.clear();
            m_activeClock.invalidate();
            m_control.reset();
        }
        setStatus(*run, RunStatus(outcome.status), outcome.message);
    } else if (outcome.runId == m_activeId) {
        m_activeId.clear();
        m_control.reset();
    }
    emit runEnded(outcome.runId, outcome.status);
    emit activeRunChanged(m_activeId);
    startNext();
}

void RunScheduler::sampleResources() {
    if (m_activeId.isEmpty()) return;
    const tb::train::ProcessSample p = m_sampler.sample();
    ResourceSample s;
    s.seconds = activeSeconds(m_activeId);
    s.cpuPercent = p.cpuPercent;
    s.rssBytes = p.rssBytes;
    if (m_gpu) {
        auto g = m_gpu->sample();
        if (g) {
            s.hasGpu = true;
            s.gpuPercent = g->utilisationPercent;
            s.gpuMemoryBytes = g->memoryUsedBytes;
        }
    }
    m_resources[m_activeId].append(s);
    emit resourceSampled(m_activeId, s);
    emit runUpdated(m_activeId);  // the duration column ticks
}

QVector<ResourceSample> RunScheduler::resourceHistory(const QString& runId) const {
    return m_resources.value(runId);
}

}  // namespace tb::models
