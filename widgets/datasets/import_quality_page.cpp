// The quality report page of the Import Dataset wizard: imports the whole file on a worker (streaming, every
// rejection written to the wizard's rejected-records file, encrypted in an encrypted workspace) through the
// QualityAnalyzer, as `data inspect` does.
#include "core/data/quality_analyzer.h"
#include "core/data/quality_report_json.h"
#include "core/data/rejected_sidecar.h"
#include "models/datasets/text_table_model.h"
#include "widgets/datasets/dataset_charts.h"
#include "widgets/datasets/import_wizard_pages.h"
#include "widgets/datasets/job_progress_bar.h"

#include "core/tokenizer/tokenizer_loader.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tb::widgets {

ImportQualityPage::ImportQualityPage(QWidget* parent) : ImportWizardPage(parent) {
    setTitle(tr("Quality report"));
    setSubTitle(tr("Counts, duplicates, empty fields, lengths, labels and personal data found in the whole file. "
                   "Token lengths are estimates (bytes/4) unless a model's tokenizer is chosen."));
    auto* layout = new QVBoxLayout(this);
    auto* tokRow = new QHBoxLayout;
    m_tokenizer = new QLineEdit(this);
    m_tokenizer->setObjectName(QStringLiteral("tokenizerModel"));
    m_tokenizer->setPlaceholderText(tr("Estimate (bytes/4) — or a model folder or .gguf file whose tokenizer counts tokens"));
    auto* browse = new QPushButton(tr("Model…"), this);
    tokRow->addWidget(new QLabel(tr("Count tokens with:"), this));
    tokRow->addWidget(m_tokenizer, 1);
    tokRow->addWidget(browse);
    layout->addLayout(tokRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Model whose tokenizer counts tokens"), QString(),
                                                          tr("GGUF models (*.gguf);;Hugging Face tokenizer (tokenizer.json)"));
        if (!path.isEmpty()) m_tokenizer->setText(path);
    });
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    connect(m_debounce, &QTimer::timeout, this, &ImportQualityPage::run);
    connect(m_tokenizer, &QLineEdit::textChanged, this, [this] {
        m_done = false;
        emit completeChanged();
        m_debounce->start();
    });
    m_progress = new JobProgressBar(this);
    layout->addWidget(m_progress);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("qualityError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* top = new QSplitter(Qt::Horizontal, split);
    m_summary = new QTextBrowser(top);
    m_summary->setObjectName(QStringLiteral("qualitySummary"));
    auto* charts = new QSplitter(Qt::Vertical, top);
    charts->setMinimumWidth(380);
    m_labels = makeChartView(QStringLiteral("qualityLabelChart"), charts);
    m_lengths = makeChartView(QStringLiteral("qualityLengthChart"), charts);
    m_rejectedModel = new tb::models::TextTableModel({tr("File"), tr("Line"), tr("Reason")}, this);
    m_rejected = new QTableView(split);
    m_rejected->setObjectName(QStringLiteral("rejectedTable"));
    m_rejected->setModel(m_rejectedModel);
    m_rejected->horizontalHeader()->setStretchLastSection(true);
    m_rejected->verticalHeader()->hide();
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    connect(m_progress, &JobProgressBar::failed, this, [this](const QString& message) {
        m_error->setText(tr("The quality report failed: %1").arg(message));
    });
    connect(m_progress, &JobProgressBar::succeeded, this, [this] {
        if (m_debounce->isActive()) return;  // the tokenizer changed meanwhile; a new run is due
        state().quality = *m_result;
        state().tokenizerModel = m_tokenizer->text().trimmed();
        state().tokenCounter = *m_pendingCounter;
        state().rejectedFile = m_rejectedOut;
        show(*m_result);
        m_done = true;
        emit completeChanged();
    });
    connect(m_progress, &JobProgressBar::cancelled, this, [this] {
        m_error->setText(tr("The quality report was cancelled. Go back and next to run it again."));
    });
}

void ImportQualityPage::cleanupPage() {
    m_debounce->stop();
    m_progress->cancel();
}

void ImportQualityPage::initializePage() { run(); }

void ImportQualityPage::run() {
    m_done = false;
    m_error->clear();
    m_summary->clear();
    m_rejectedModel->clear();
    emit completeChanged();
    auto result = std::make_shared<tb::QualityReport>();
    m_result = result;
    const std::string file = state().file.toStdString();
    m_rejectedOut = state().nextPath(QStringLiteral("rejected")) + QStringLiteral(".jsonl");
    const std::string rejectedPath = m_rejectedOut.toStdString();
    const tb::ImportOptions options = state().import;
    // In an encrypted workspace the rejections (whose reasons may quote record text) are written encrypted.
    const std::shared_ptr<const tb::WorkspaceKey> key = workspaceKey();
    // The tokenizer is loaded on the worker too (a GGUF can be large); the counter is kept for cleaning.
    const std::string model = m_tokenizer->text().trimmed().toStdString();
    auto counter = std::make_shared<tb::TokenCounter>();
    m_pendingCounter = counter;
    auto* bar = m_progress;
    bar->start(importWizard()->context().jobs, tr("Quality report"), [=](const tb::ProgressCallback& progress) -> tb::Status {
        tb::QualityOptions q;
        if (!model.empty()) {
            auto tok = tb::loadTokenizer(model);
            if (!tok.ok()) return tb::inputError("tokenizer: " + tok.message());
            std::shared_ptr<const tb::Tokenizer> t = *tok;
            *counter = [t](std::string_view text) { return t->encode(text, false).size(); };
            q.tokenCounter = *counter;
        }
        auto rejectedFile = tb::RejectedRecordsWriter::create(rejectedPath, key.get());
        if (!rejectedFile.ok()) return rejectedFile.error();
        tb::QualityAnalyzer analyzer{q};
        std::vector<tb::Record> batch;
        auto summary = tb::importDataset(
            file, options,
            [&](tb::Record&& r) {
                batch.push_back(std::move(r));
                if (batch.size() == 4096) analyzer.addBatch(std::exchange(batch, {}));
                return true;
            },
            [&](const tb::RejectedRecord& r) {
                analyzer.addRejected(r);
                (*rejectedFile)->add(r);
            },
            progress);
        analyzer.addBatch(std::move(batch));
        TB_TRY((*rejectedFile)->close());
        if (!summary.ok()) return summary.error();
        *result = analyzer.finish();
        return {};
    });
}

void ImportQualityPage::show(const tb::QualityReport& r) {
    auto esc = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QString html;
    html += QStringLiteral("<h3>%1</h3>").arg(tr("%n record(s)", nullptr, int(r.records)));
    html += QStringLiteral("<p>%1</p>").arg(
        r.rejected == 0 ? tr("No record was rejected on import.")
                        : tr("Rejected on import: %1 (the table lists the first %2; every one is saved beside the version).")
                              .arg(r.rejected)
                              .arg(r.rejectedExamples.size()));
    if (!r.warnings.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Findings"));
        for (const auto& w : r.warnings) html += QStringLiteral("<li>%1</li>").arg(esc(w));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p>%1<br>%2</p>")
                .arg(tr("Exact duplicates: %1 records in %2 groups").arg(r.exactDuplicateRecords).arg(r.exactDuplicateGroupCount),
                     tr("Near-duplicates (Jaccard ≥ %1): %2 records in %3 groups")
                         .arg(r.nearDuplicateThreshold)
                         .arg(r.nearDuplicateRecords)
                         .arg(r.nearDuplicateGroupCount));
    if (!r.emptyFields.empty()) {
        QStringList parts;
        for (const auto& [field, n] : r.emptyFields) parts << QStringLiteral("%1: %2").arg(esc(field)).arg(n);
        html += QStringLiteral("<p>%1 %2</p>").arg(tr("Empty fields:"), parts.join(QStringLiteral(", ")));
    }
    const auto& t = r.totalTokens;
    html += QStringLiteral("<p>%1<br>%2</p>")
                .arg(tr("Tokens per record (%1): mean %2, median %3, p90 %4, p99 %5, max %6")
                         .arg(esc(r.tokenCountMethod))
                         .arg(t.mean, 0, 'f', 1)
                         .arg(t.p50)
                         .arg(t.p90)
                         .arg(t.p99)
                         .arg(t.max),
                     tr("Over %1 tokens: %2").arg(r.maxSequenceLength).arg(r.overLength));
    if (r.classification) {
        html += QStringLiteral("<p>%1</p>").arg(tr("%n label(s)", nullptr, int(r.labels.size())));
        if (r.imbalanced)
            html += QStringLiteral("<p style='color:#b00020'><b>%1</b></p>")
                        .arg(tr("Imbalanced: the largest class has more than 10× the records of the smallest."));
    }
    if (!r.dominantTemplate.empty())
        html += QStringLiteral("<p>%1</p>").arg(tr("Dominant prompt template %1 (%2% of records); %3 records do not follow it.")
                                                    .arg(esc(r.dominantTemplate))
                                                    .arg(r.dominantTemplateShare * 100, 0, 'f', 1)
                                                    .arg(r.offTemplate));
    QStringList pii;
    for (const auto& [type, n] : r.piiByType) pii << QStringLiteral("%1 %2").arg(esc(type)).arg(n);
    html += QStringLiteral("<p>%1</p>").arg(pii.isEmpty() ? tr("No personal data found.")
                                                          : tr("Personal data in %1 records: %2")
                                                                .arg(r.recordsWithPii)
                                                                .arg(pii.join(QStringLiteral(", "))));
    m_summary->setHtml(html);

    std::vector<std::pair<QString, int64_t>> labels;
    for (const auto& [label, n] : r.labels) labels.emplace_back(QString::fromStdString(label), n);
    showLabelCounts(m_labels, tr("Labels"), std::move(labels));
    showHistogram(m_lengths, r.tokensEstimated ? tr("Tokens per record (estimated)") : tr("Tokens per record"),
                  t.histogram, t.binWidth);
    std::vector<QStringList> rows;
    for (const auto& rej : r.rejectedExamples)
        rows.push_back({QString::fromStdString(rej.file), QString::number(rej.line), QString::fromStdString(rej.reason)});
    m_rejectedModel->setRows(std::move(rows));
}

}  // namespace tb::widgets
