// ServePage's drift report: reads the training file and the sampled requests, measures both with the
// base model's tokenizer and runs core's drift report on a worker; the page shows the verdict.
#include "widgets/serve/serve_page.h"

#include "core/serve/drift_run.h"
#include "models/job_manager.h"
#include "models/serve/serve_session.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>

#include <memory>

namespace tb::widgets {

namespace {

QString levelColor(const std::string& level) {
    if (level == "alert") return QStringLiteral("#c62828");
    if (level == "warn") return QStringLiteral("#ef6c00");
    return QStringLiteral("#2e7d32");
}

}  // namespace

void ServePage::computeDrift() {
    if (!m_driftButton->isEnabled()) return;
    struct Outcome {
        tb::serve::DriftReport report;
        int64_t trainingRecords = 0;
    };
    auto out = std::make_shared<Outcome>();
    const std::string training = m_driftTraining->text().trimmed().toStdString();
    const std::string samples = m_session->samplesPath().toStdString();
    const std::string base = m_baseModel->text().trimmed().toStdString();
    auto work = [out, training, samples, base, key = context().key](const tb::ProgressCallback& progress) -> tb::Status {
        auto run = tb::serve::driftReportFromFiles(base, training, samples, key.get(), {}, progress);
        if (!run) return run.error();
        out->report = std::move(run->report);
        out->trainingRecords = run->trainingRecords;
        return tb::Status::success();
    };
    m_driftBusy = true;
    updateControls();
    m_drift->setHtml(tr("<i>Computing…</i>"));
    const int id = context().jobs->submit(tr("Drift report"), work);
    auto* watcher = new QObject(this);
    auto over = [this, id, out, watcher](int jobId, const QString& error) {
        if (jobId != id) return;
        watcher->deleteLater();
        m_driftBusy = false;
        updateControls();
        if (!error.isEmpty()) {
            m_drift->setHtml(tr("<p style='color:#c62828'>Could not compute the drift report: %1</p>")
                                 .arg(error.toHtmlEscaped()));
            return;
        }
        const tb::serve::DriftReport& r = out->report;
        QString html = tr("<p><b>Verdict: %1</b> — %2 sampled requests against %3 training examples.</p>")
                           .arg(QString::fromStdString(r.verdict).toHtmlEscaped())
                           .arg(r.servedSamples)
                           .arg(out->trainingRecords);
        html += QStringLiteral("<table cellspacing='6'>");
        for (const auto& m : r.metrics)
            html += QStringLiteral("<tr><td>%1</td><td align='right' style='color:%2'><b>%3</b></td><td>%4</td></tr>")
                        .arg(QString::fromStdString(m.name).toHtmlEscaped(), levelColor(m.level))
                        .arg(m.value, 0, 'f', 3)
                        .arg(QString::fromStdString(m.explanation).toHtmlEscaped());
        html += QStringLiteral("</table>");
        for (const auto& reason : r.reasons) html += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(reason).toHtmlEscaped());
        m_drift->setHtml(html);
    };
    connect(context().jobs, &tb::models::JobManager::finished, watcher, [over](int jobId) { over(jobId, QString()); });
    connect(context().jobs, &tb::models::JobManager::failed, watcher, over);
    connect(context().jobs, &tb::models::JobManager::cancelled, watcher,
            [over](int jobId) { over(jobId, QObject::tr("cancelled")); });
}

}  // namespace tb::widgets
