#include "widgets/compare/compare_page.h"
#include "core/common/utc_time.h"

#include "core/eval/comparison_export.h"
#include "core/eval/eval_score_file.h"
#include "core/eval/evaluator.h"
#include "core/eval/review_ratings.h"
#include "models/compare/comparison_filter_model.h"
#include "models/compare/comparison_table_model.h"
#include "models/compare/metrics_delta_model.h"
#include "models/job_manager.h"
#include "widgets/compare/compare_setup_panel.h"
#include "widgets/compare/comparison_charts.h"
#include "widgets/compare/example_detail_panel.h"
#include "widgets/compare/rich_text_delegate.h"
#include "widgets/empty_state_widget.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::widgets {

using models::ComparisonFilterModel;
using models::ComparisonTableModel;
using Filter = models::ComparisonFilterModel::Filter;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// What the worker hands back to the GUI thread.
struct CompareOutcome {
    tb::eval::StoredComparison stored;
    tb::eval::ReviewRatings ratings;
};

// Prefixes the evaluator's stage with the side, so one progress bar tells which model is running.
tb::ProgressCallback sideProgress(const tb::ProgressCallback& progress, const std::string& side) {
    return [progress, side](const tb::Progress& p) {
        return tb::reportProgress(progress, {side + ": " + p.stage, p.done, p.total, p.detail});
    };
}

}  // namespace

ComparePage::ComparePage(const PageContext& context, QWidget* parent) : Page(context, parent) {
    m_chooseSaveFile = [this](const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(this, tr("Export comparison"), suggested, filter);
    };
    buildUi();
    refreshStored();
    updateRunState();
    if (context.jobs) {
        connect(context.jobs, &models::JobManager::progressed, this,
                [this](int id, const QString& stage, qint64 done, qint64 total) {
                    if (id != m_jobId) return;
                    m_progress->setRange(0, total > 0 ? 1000 : 0);
                    if (total > 0) m_progress->setValue(int(1000 * done / total));
                    m_progress->setFormat(QStringLiteral("%1 %2/%3").arg(stage).arg(done).arg(total));
                });
        connect(context.jobs, &models::JobManager::finished, this, [this](int id) {
            if (id != m_jobId) return;
            m_jobId = 0;
            auto done = std::move(m_onJobFinished);
            m_onJobFinished = nullptr;
            if (done) done();
            updateRunState();
        });
        connect(context.jobs, &models::JobManager::failed, this, [this](int id, const QString& message) {
            if (id != m_jobId) return;
            m_jobId = 0;
            m_onJobFinished = nullptr;
            setStatus(message, true);
            updateRunState();
        });
        connect(context.jobs, &models::JobManager::cancelled, this, [this](int id) {
            if (id != m_jobId) return;
            m_jobId = 0;
            m_onJobFinished = nullptr;
            setStatus(tr("Cancelled."));
            updateRunState();
        });
    }
}

QString ComparePage::title() const { return tr("Compare"); }

void ComparePage::buildUi() {
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("compareSplitter"));
    layout->addWidget(splitter);

    auto* setupBox = new QGroupBox(tr("What to compare"), splitter);
    auto* setupLayout = new QVBoxLayout(setupBox);
    m_setup = new CompareSetupPanel(context().workspaceRoot(), setupBox);
    setupLayout->addWidget(m_setup);
    auto* runRow = new QHBoxLayout;
    m_runButton = new QPushButton(tr("Run comparison"), setupBox);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), setupBox);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_progress = new QProgressBar(setupBox);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setTextVisible(true);
    m_progress->setVisible(false);
    m_status = new QLabel(setupBox);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progress, 1);
    runRow->addStretch();  // keeps the buttons at their size while no progress bar shows
    setupLayout->addLayout(runRow);
    setupLayout->addWidget(m_status);
    auto* storedRow = new QHBoxLayout;
    m_storedCombo = new QComboBox(setupBox);
    m_storedCombo->setObjectName(QStringLiteral("storedCombo"));
    m_openButton = new QPushButton(tr("Open"), setupBox);
    m_openButton->setObjectName(QStringLiteral("openStoredButton"));
    storedRow->addWidget(new QLabel(tr("Stored comparisons:"), setupBox));
    storedRow->addWidget(m_storedCombo, 1);
    storedRow->addWidget(m_openButton);
    setupLayout->addLayout(storedRow);
    connect(m_setup, &CompareSetupPanel::changed, this, &ComparePage::updateRunState);
    connect(m_runButton, &QPushButton::clicked, this, &ComparePage::runComparison);
    connect(m_cancelButton, &QPushButton::clicked, this, &ComparePage::cancelJob);
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        QString dir = m_storedCombo->currentData().toString();
        if (!dir.isEmpty()) openComparison(dir);
    });

    m_resultsStack = new QStackedWidget(splitter);
    m_resultsStack->setObjectName(QStringLiteral("resultsStack"));
    const QString root = context().workspaceRoot();
    auto* empty = new EmptyStateWidget(
        icon(), title(),
        tr("Evaluate the base model against your tuned versions on held-out data and see where their answers "
           "differ."),
        {tr("Choose a dataset split (or a file) and the two models above, e.g. the base model and the base model "
            "with a run's adapter."),
         tr("Run the comparison, or open a stored one."),
         tr("Read the scores side by side, filter regressions and fixes, rate the outputs and export a report.")},
        root.isEmpty() ? QString() : QDir(root).filePath(QStringLiteral("evaluations")), m_resultsStack);
    empty->setObjectName(QStringLiteral("emptyState"));
    m_resultsStack->addWidget(empty);
    m_resultsStack->addWidget(buildResults());
    splitter->setStretchFactor(1, 1);
}

QWidget* ComparePage::buildResults() {
    auto* results = new QWidget(this);
    auto* layout = new QVBoxLayout(results);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* header = new QHBoxLayout;
    m_summary = new QLabel(results);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metrics = new models::MetricsDeltaModel(this);
    m_metricsView = new QTableView(results);
    m_metricsView->setObjectName(QStringLiteral("metricsView"));
    m_metricsView->setModel(m_metrics);
    m_metricsView->verticalHeader()->hide();
    m_metricsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_metricsView->setMaximumHeight(170);
    m_metricsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* exportColumn = new QVBoxLayout;
    m_exportCsvButton = new QPushButton(tr("Export CSV…"), results);
    m_exportCsvButton->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportHtmlButton = new QPushButton(tr("Export HTML…"), results);
    m_exportHtmlButton->setObjectName(QStringLiteral("exportHtmlButton"));
    exportColumn->addWidget(m_exportCsvButton);
    exportColumn->addWidget(m_exportHtmlButton);
    exportColumn->addStretch();
    header->addWidget(m_summary, 1);
    header->addWidget(m_metricsView, 2);
    header->addLayout(exportColumn);
    layout->addLayout(header);
    connect(m_exportCsvButton, &QPushButton::clicked, this, [this] { exportAs(false); });
    connect(m_exportHtmlButton, &QPushButton::clicked, this, [this] { exportAs(true); });

    auto* tabs = new QTabWidget(results);
    tabs->setObjectName(QStringLiteral("resultTabs"));
    layout->addWidget(tabs, 1);

    auto* examples = new QWidget(tabs);
    auto* exLayout = new QVBoxLayout(examples);
    auto* filterRow = new QHBoxLayout;
    m_filterButtons = new QButtonGroup(this);
    m_filterButtons->setExclusive(true);
    const std::pair<Filter, const char*> filters[] = {
        {Filter::All, "filterAll"},         {Filter::Disagreements, "filterDisagreements"},
        {Filter::Regressions, "filterRegressions"}, {Filter::Fixes, "filterFixes"},
        {Filter::Invalid, "filterInvalid"}};
    for (auto [filter, name] : filters) {
        auto* b = new QPushButton(examples);
        b->setObjectName(QLatin1String(name));
        b->setCheckable(true);
        b->setChecked(filter == Filter::All);
        m_filterButtons->addButton(b, int(filter));
        filterRow->addWidget(b);
    }
    m_labelCombo = new QComboBox(examples);
    m_labelCombo->setObjectName(QStringLiteral("labelFilterCombo"));
    m_searchEdit = new QLineEdit(examples);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search prompts and outputs"));
    m_searchEdit->setClearButtonEnabled(true);
    filterRow->addWidget(new QLabel(tr("Gold label:"), examples));
    filterRow->addWidget(m_labelCombo);
    filterRow->addWidget(m_searchEdit, 1);
    exLayout->addLayout(filterRow);

    m_table = new ComparisonTableModel(this);
    m_filter = new ComparisonFilterModel(this);
    m_filter->setSourceModel(m_table);
    auto* split = new QSplitter(Qt::Horizontal, examples);
    m_examplesView = new QTableView(split);
    m_examplesView->setObjectName(QStringLiteral("examplesView"));
    m_examplesView->setModel(m_filter);
    m_examplesView->setSortingEnabled(true);
    m_examplesView->sortByColumn(-1, Qt::AscendingOrder);  // core's order until a header is clicked
    m_examplesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_examplesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_examplesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_examplesView->setWordWrap(true);
    m_examplesView->verticalHeader()->setDefaultSectionSize(48);
    m_examplesView->horizontalHeader()->setStretchLastSection(false);
    const std::pair<int, int> widths[] = {{ComparisonTableModel::IdColumn, 60},       {ComparisonTableModel::PromptColumn, 220},
                                          {ComparisonTableModel::ReferenceColumn, 90}, {ComparisonTableModel::OutputAColumn, 200},
                                          {ComparisonTableModel::OutputBColumn, 200},  {ComparisonTableModel::KindColumn, 110},
                                          {ComparisonTableModel::RatingAColumn, 70},   {ComparisonTableModel::RatingBColumn, 70}};
    for (auto [column, width] : widths) m_examplesView->setColumnWidth(column, width);
    auto* delegate = new RichTextDelegate(ComparisonTableModel::RichTextRole, m_examplesView);
    m_examplesView->setItemDelegateForColumn(ComparisonTableModel::OutputAColumn, delegate);
    m_examplesView->setItemDelegateForColumn(ComparisonTableModel::OutputBColumn, delegate);
    m_detail = new ExampleDetailPanel(split);
    m_detail->setObjectName(QStringLiteral("detailPanel"));
    split->addWidget(m_examplesView);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({800, 380});
    exLayout->addWidget(split, 1);
    tabs->addTab(examples, tr("Examples"));

    m_charts = new ComparisonCharts(tabs);
    m_charts->setObjectName(QStringLiteral("comparisonCharts"));
    tabs->addTab(m_charts, tr("Charts"));

    connect(m_filterButtons, &QButtonGroup::idClicked, this, [this](int id) { m_filter->setFilter(Filter(id)); });
    connect(m_labelCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setLabel(m_labelCombo->currentData().toString());
        updateFilterCounts();
    });
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearchText(text);
        updateFilterCounts();
    });
    connect(m_examplesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ComparePage::showSelected);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ComparePage::showSelected);
    connect(m_detail, &ExampleDetailPanel::ratingSubmitted, this, &ComparePage::saveRatings);
    return results;
}

void ComparePage::updateRunState() {
    const bool running = m_jobId != 0;
    QString reason;
    if (!context().workspace) reason = tr("No workspace is open.");
    else if (!context().jobs) reason = tr("No job manager is available.");
    else if (running) reason = tr("A comparison is running.");
    else reason = m_setup->problem();
    m_runButton->setEnabled(reason.isEmpty());
    m_runButton->setToolTip(reason.isEmpty() ? tr("Run both models over the data and compare them") : reason);
    m_cancelButton->setEnabled(running);
    m_cancelButton->setToolTip(running ? tr("Stop the running comparison") : tr("Nothing is running."));
    m_progress->setVisible(running);
    m_openButton->setEnabled(!running && m_storedCombo->count() > 0);
    m_openButton->setToolTip(m_storedCombo->count() > 0 ? tr("Open the chosen stored comparison")
                                                        : tr("No comparison is stored in this workspace yet."));
    const bool loaded = m_table->rowCount() > 0;
    for (QPushButton* b : {m_exportCsvButton, m_exportHtmlButton}) {
        b->setEnabled(loaded);
        b->setToolTip(loaded ? tr("Write the comparison with ratings to a file") : tr("Nothing to export yet."));
    }
    const bool canRate = !m_current.dir.empty() && !context().readOnly();
    m_detail->setReadOnly(!canRate, context().readOnly() ? tr("The workspace is open read-only.")
                                                         : tr("Only a stored comparison can keep ratings."));
}

void ComparePage::runComparison() {
    if (!m_runButton->isEnabled()) return;
    const CompareRequest req = m_setup->request();
    const bool store = !context().readOnly();
    const std::string evalDir = context().workspace->evalDir();
    const std::string user = context().userName.toStdString();
    auto outcome = std::make_shared<CompareOutcome>();
    const QString title = tr("Compare %1 vs %2").arg(modelName(req.modelA.toStdString(), req.adapterA.toStdString()),
                                                     modelName(req.modelB.toStdString(), req.adapterB.toStdString()));
    m_jobId = context().jobs->submit(title, [req, store, evalDir, user, outcome, key = context().key](const tb::ProgressCallback& progress) -> tb::Status {
        tb::eval::EvalModelSpec a{req.modelA.toStdString(), req.adapterA.toStdString(), {}, true};
        tb::eval::EvalModelSpec b{req.modelB.toStdString(), req.adapterB.toStdString(), {}, true};
        tb::eval::EvaluatorOptions o;
        o.key = key.get();
        o.autoTask = req.task.isEmpty();
        if (!o.autoTask) {
            auto task = tb::eval::parseEvalTask(req.task.toStdString());
            if (!task) return task.error();
            o.score.task = *task;
        }
        for (const QString& l : req.labels) o.score.labels.push_back(l.toStdString());
        o.limit = req.limit;
        o.maxNewTokens = req.maxTokens;
        const std::string data = req.data.toStdString();
        auto runA = tb::eval::runEvaluationOnFile(a, data, o, sideProgress(progress, "A"));
        if (!runA) return tb::Error{runA.error().kind, "model A: " + runA.message()};
        // B is generated and scored exactly like A (same task and token budget), as `tunebench compare` does.
        tb::eval::EvaluatorOptions ob = o;
        ob.autoTask = false;
        ob.score.task = runA->report.task;
        ob.maxNewTokens = runA->maxNewTokens;
        auto runB = tb::eval::runEvaluationOnFile(b, data, ob, sideProgress(progress, "B"));
        if (!runB) return tb::Error{runB.error().kind, "model B: " + runB.message()};
        auto cmp = tb::eval::comparePredictions(runA->predictions, runB->predictions, ob.score, progress);
        if (!cmp) return cmp.error();
        tb::eval::ComparisonSource source{a.modelPath, a.adapterDir, b.modelPath, b.adapterDir, data, ob.score,
                                          tb::utcTimestampNow(), user};
        outcome->stored.source = source;
        if (store) {
            auto dir = tb::eval::saveComparison(evalDir, source, runA->predictions, runB->predictions, *cmp, key.get());
            if (!dir) return dir.error();
            outcome->stored.dir = *dir;
            outcome->stored.id = QFileInfo(QString::fromStdString(*dir)).fileName().toStdString();
        }
        outcome->stored.result = std::move(*cmp);
        return {};
    });
    m_onJobFinished = [this, outcome] {
        showComparison(outcome->stored, outcome->ratings);
        refreshStored();
        if (!outcome->stored.dir.empty()) emit workspaceModified(QStringLiteral("evaluations"));
        setStatus(outcome->stored.dir.empty() ? tr("Compared %n examples (not stored: read-only workspace).", nullptr,
                                                   int(outcome->stored.result.examples.size()))
                                              : tr("Compared %n examples; stored in %1.", nullptr,
                                                   int(outcome->stored.result.examples.size()))
                                                    .arg(q(outcome->stored.dir)));
    };
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Starting…"));
    setStatus(tr("Running both models over %1…").arg(QFileInfo(req.data).fileName()));
    updateRunState();
}

void ComparePage::openComparison(const QString& dir) {
    if (!context().jobs || m_jobId != 0) return;
    auto outcome = std::make_shared<CompareOutcome>();
    const std::string path = dir.toStdString();
    m_jobId = context().jobs->submit(tr("Open comparison %1").arg(QFileInfo(dir).fileName()),
                                     [path, outcome, key = context().key](const tb::ProgressCallback& progress) -> tb::Status {
                                         auto stored = tb::eval::loadComparison(path, progress, key.get());
                                         if (!stored) return stored.error();
                                         auto ratings = tb::eval::readRatingsFile(tb::eval::ratingsPathFor(path), key.get());
                                         if (!ratings) return ratings.error();
                                         outcome->stored = std::move(*stored);
                                         outcome->ratings = std::move(*ratings);
                                         return {};
                                     });
    m_onJobFinished = [this, outcome] {
        showComparison(outcome->stored, outcome->ratings);
        setStatus(tr("Opened %1.").arg(q(outcome->stored.dir)));
    };
    m_progress->setRange(0, 0);
    setStatus(tr("Opening %1…").arg(dir));
    updateRunState();
}

void ComparePage::cancelJob() {
    if (m_jobId && context().jobs) context().jobs->cancel(m_jobId);
}

QString ComparePage::modelName(const std::string& model, const std::string& adapter) const {
    QString name = QFileInfo(q(model)).fileName();
    if (name.isEmpty()) name = q(model);
    if (!adapter.empty()) {
        QFileInfo a(q(adapter));
        name += QStringLiteral(" + ") + (a.dir().dirName().isEmpty() ? a.fileName() : a.dir().dirName() + "/" + a.fileName());
    }
    return name;
}

void ComparePage::showComparison(const tb::eval::StoredComparison& stored, const tb::eval::ReviewRatings& ratings) {
    m_current = stored;
    const auto& s = stored.source;
    m_table->setComparison(stored.result, ratings);
    m_metrics->setComparison(stored.result);
    const QString nameA = tr("A: %1").arg(modelName(s.modelA, s.adapterA));
    const QString nameB = tr("B: %1").arg(modelName(s.modelB, s.adapterB));  // "A:"/"B:" tell the bars apart
    m_charts->setComparison(stored.result, nameA, nameB);
    m_labelCombo->blockSignals(true);
    m_labelCombo->clear();
    m_labelCombo->addItem(tr("All labels"), QString());
    QStringList gold;
    for (const auto& e : stored.result.examples)
        if (!e.scoreA.goldLabel.empty() && !gold.contains(q(e.scoreA.goldLabel))) gold << q(e.scoreA.goldLabel);
    gold.sort(Qt::CaseInsensitive);
    for (const QString& l : gold) m_labelCombo->addItem(l, l);
    m_labelCombo->setEnabled(!gold.isEmpty());
    m_labelCombo->blockSignals(false);
    m_filter->setLabel({});
    m_setup->setModelA(q(s.modelA), q(s.adapterA));
    m_setup->setModelB(q(s.modelB), q(s.adapterB));
    m_setup->setData(q(s.data));
    m_resultsStack->setCurrentIndex(1);
    updateSummary();
    updateFilterCounts();
    updateRunState();
    if (m_filter->rowCount() > 0) m_examplesView->selectRow(0);
    else showSelected();
}

void ComparePage::updateSummary() {
    const auto& r = m_current.result;
    const auto& s = m_current.source;
    QString text = QStringLiteral("<b>A</b> %1<br><b>B</b> %2<br>")
                       .arg(modelName(s.modelA, s.adapterA).toHtmlEscaped(), modelName(s.modelB, s.adapterB).toHtmlEscaped());
    text += tr("%n examples (%1): ", nullptr, int(r.examples.size())).arg(QString::fromLatin1(tb::eval::evalTaskName(s.score.task)));
    text += tr("%1 both right, %2 both wrong, <span style='color:#cf222e'>%3 regressions</span>, "
               "<span style='color:#1a7f37'>%4 fixes</span>, %5 disagreements.")
                .arg(r.bothRight).arg(r.bothWrong).arg(r.regressions).arg(r.fixes).arg(r.disagreements);
    if (!r.onlyInA.empty() || !r.onlyInB.empty())
        text += tr(" %1 examples only in A, %2 only in B.").arg(r.onlyInA.size()).arg(r.onlyInB.size());
    const tb::eval::RatingSummary rs = m_table->ratings().summary();
    text += QStringLiteral("<br>") + tr("Reviewed: %1 examples; A %2 rated (mean %3), %4 notes; B %5 rated (mean %6), %7 notes.")
                                         .arg(rs.examplesRated)
                                         .arg(rs.a.rated)
                                         .arg(rs.a.mean, 0, 'f', 2)
                                         .arg(rs.a.notes)
                                         .arg(rs.b.rated)
                                         .arg(rs.b.mean, 0, 'f', 2)
                                         .arg(rs.b.notes);
    m_summary->setText(text);
}

void ComparePage::updateFilterCounts() {
    const std::pair<Filter, QString> names[] = {{Filter::All, tr("All")},
                                                {Filter::Disagreements, tr("Disagreements")},
                                                {Filter::Regressions, tr("Regressions")},
                                                {Filter::Fixes, tr("Fixes")},
                                                {Filter::Invalid, tr("Invalid outputs")}};
    for (const auto& [filter, name] : names)
        if (auto* b = m_filterButtons->button(int(filter)))
            b->setText(tr("%1 (%2)").arg(name).arg(m_filter->countFor(filter)));
}

void ComparePage::showSelected() {
    const QModelIndex current = m_examplesView->selectionModel()->currentIndex();
    const int row = current.isValid() ? m_filter->mapToSource(current).row() : -1;
    const auto* e = m_table->exampleAt(row);
    m_detail->showExample(e, e ? m_table->ratings().get(e->id) : tb::eval::ExampleRatings{});
}

void ComparePage::saveRatings(const QString& exampleId, int ratingA, const QString& noteA, int ratingB, const QString& noteB) {
    if (m_current.dir.empty()) return setStatus(tr("Only a stored comparison can keep ratings."), true);
    const int row = m_table->rowOf(exampleId);
    for (auto [side, rating, note] : {std::tuple{tb::eval::ReviewSide::A, ratingA, noteA},
                                      std::tuple{tb::eval::ReviewSide::B, ratingB, noteB}}) {
        tb::Status s = m_table->setRating(row, side, rating, note, context().userName);
        if (!s.ok()) return setStatus(q(s.message()), true);
    }
    const std::string path = tb::eval::ratingsPathFor(m_current.dir);
    tb::Status written = tb::eval::writeRatingsFile(path, m_table->ratings(), context().workspaceKey());
    if (!written.ok()) return setStatus(tr("Ratings not saved: %1").arg(q(written.message())), true);
    updateSummary();
    setStatus(tr("Saved the rating of %1 in %2.").arg(exampleId, q(path)));
    emit workspaceModified(QStringLiteral("evaluations"));
}

void ComparePage::exportAs(bool html) {
    if (m_table->rowCount() == 0) return;
    const QString base = m_current.id.empty() ? QStringLiteral("comparison") : QStringLiteral("comparison-") + q(m_current.id);
    const QString suggested = QDir(QDir::homePath()).filePath(base + (html ? QStringLiteral(".html") : QStringLiteral(".csv")));
    const QString path = m_chooseSaveFile(suggested, html ? tr("HTML report (*.html)") : tr("CSV table (*.csv)"));
    if (path.isEmpty()) return;
    tb::Status s;
    if (html) {
        tb::eval::ComparisonExportInfo info;
        info.title = tr("Comparison %1").arg(q(m_current.id)).toStdString();
        info.modelA = modelName(m_current.source.modelA, m_current.source.adapterA).toStdString();
        info.modelB = modelName(m_current.source.modelB, m_current.source.adapterB).toStdString();
        info.data = m_current.source.data;
        info.createdAt = m_current.source.createdAt;
        s = tb::eval::writeComparisonHtml(path.toStdString(), m_current.result, m_table->ratings(), info);
    } else {
        s = tb::eval::writeComparisonCsv(path.toStdString(), m_current.result, m_table->ratings());
    }
    if (!s.ok()) return setStatus(tr("Export failed: %1").arg(q(s.message())), true);
    setStatus(tr("Exported to %1.").arg(path));
}

void ComparePage::refreshStored() {
    const QString keep = m_storedCombo->currentData().toString();
    m_storedCombo->clear();
    if (context().workspace) {
        for (const auto& l : tb::eval::listComparisons(context().workspace->evalDir())) {
            QString text = tr("%1 — %2 vs %3 (%4 examples, %5 regressions, %6 fixes)")
                               .arg(q(l.id), modelName(l.modelA, l.adapterA), modelName(l.modelB, l.adapterB))
                               .arg(l.examples)
                               .arg(l.regressions)
                               .arg(l.fixes);
            m_storedCombo->addItem(text, q(l.dir));
        }
    }
    int i = m_storedCombo->findData(keep);
    if (i >= 0) m_storedCombo->setCurrentIndex(i);
    updateRunState();
}

void ComparePage::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#cf222e") : QString());
}

QString ComparePage::statusText() const { return m_status->text(); }
QString ComparePage::summaryText() const { return m_summary->text(); }

void ComparePage::activate(const QVariantMap& args) {
    if (args.contains(QStringLiteral("comparison"))) return openComparison(args.value(QStringLiteral("comparison")).toString());
    if (args.contains(QStringLiteral("a")))
        m_setup->setModelA(args.value(QStringLiteral("a")).toString(), args.value(QStringLiteral("adapter_a")).toString());
    if (args.contains(QStringLiteral("b")) || args.contains(QStringLiteral("adapter_b"))) {
        // Without "b", B is the model already chosen (or A's): "adapter_b" alone means "A plus this adapter".
        QString b = args.value(QStringLiteral("b")).toString();
        if (b.isEmpty()) b = m_setup->request().modelB;
        if (b.isEmpty()) b = m_setup->request().modelA;
        m_setup->setModelB(b, args.value(QStringLiteral("adapter_b")).toString());
    }
    if (args.contains(QStringLiteral("data"))) m_setup->setData(args.value(QStringLiteral("data")).toString());
    if (args.contains(QStringLiteral("task"))) m_setup->setTask(args.value(QStringLiteral("task")).toString());
    if (args.contains(QStringLiteral("labels"))) m_setup->setLabels(args.value(QStringLiteral("labels")).toString());
    updateRunState();
    // "Evaluate and compare" on a finished run: one click runs it; if it cannot start, say why.
    if (args.value(QStringLiteral("evaluate")).toBool()) {
        if (m_runButton->isEnabled())
            runComparison();
        else
            setStatus(tr("Could not start the evaluation of run %1: %2")
                          .arg(args.value(QStringLiteral("run")).toString(), m_runButton->toolTip()),
                      true);
    }
}

void ComparePage::workspaceChanged(const QString& what) {
    if (what == QLatin1String("datasets") || what == QLatin1String("runs") || what == QLatin1String("registry"))
        m_setup->refresh();
    if (what == QLatin1String("evaluations")) refreshStored();
}

}  // namespace tb::widgets
