#include "widgets/datasets/dataset_inspector.h"

#include "core/data/dataset_version.h"
#include "core/data/record_flags.h"
#include "core/data/record_index.h"
#include "core/data/rejected_sidecar.h"
#include "models/datasets/record_table_model.h"
#include "models/datasets/text_table_model.h"
#include "widgets/datasets/dataset_charts.h"
#include "widgets/datasets/job_progress_bar.h"
#include "widgets/datasets/record_pane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace tb::widgets {

using tb::models::RecordTableModel;

DatasetInspector::DatasetInspector(const PageContext& context, QWidget* parent) : QWidget(parent), m_context(context) {
    setObjectName(QStringLiteral("datasetInspector"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_progress = new JobProgressBar(this);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("inspectorStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("inspectorTabs"));
    layout->addWidget(tabs, 1);

    // Records: filters, the virtualised table and the record pane.
    auto* records = new QWidget(tabs);
    auto* rl = new QVBoxLayout(records);
    auto* filters = new QHBoxLayout;
    m_filter = new QComboBox(records);
    m_filter->setObjectName(QStringLiteral("filterCombo"));
    m_label = new QComboBox(records);
    m_label->setObjectName(QStringLiteral("labelFilter"));
    m_split = new QComboBox(records);
    m_split->setObjectName(QStringLiteral("splitFilter"));
    for (auto* combo : {m_filter, m_label, m_split}) combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filters->addWidget(new QLabel(tr("Show:"), records));
    filters->addWidget(m_filter);
    filters->addWidget(new QLabel(tr("Label:"), records));
    filters->addWidget(m_label);
    filters->addWidget(new QLabel(tr("Split:"), records));
    filters->addWidget(m_split);
    filters->addStretch(1);
    rl->addLayout(filters);
    auto* split = new QSplitter(Qt::Horizontal, records);
    m_model = new RecordTableModel(this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("recordTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    // Fixed row heights: the view never asks every row for its size, which keeps a million rows smooth.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const std::pair<int, int> widths[] = {{RecordTableModel::RowColumn, 64},    {RecordTableModel::SplitColumn, 80},
                                          {RecordTableModel::LineColumn, 56},   {RecordTableModel::IdColumn, 100},
                                          {RecordTableModel::LabelColumn, 110}, {RecordTableModel::InputColumn, 360},
                                          {RecordTableModel::OutputColumn, 160}, {RecordTableModel::TokensColumn, 80}};
    for (auto [column, width] : widths) m_table->setColumnWidth(column, width);
    m_pane = new RecordPane(split);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    rl->addWidget(split, 1);
    tabs->addTab(records, tr("Records"));

    // Charts.
    auto* charts = new QWidget(tabs);
    auto* cl = new QHBoxLayout(charts);
    m_lengthChart = makeChartView(QStringLiteral("tokenLengthChart"), charts);
    m_labelChart = makeChartView(QStringLiteral("labelCountChart"), charts);
    cl->addWidget(m_lengthChart, 1);
    cl->addWidget(m_labelChart, 1);
    tabs->addTab(charts, tr("Charts"));

    // History and diff.
    auto* history = new QWidget(tabs);
    auto* hl = new QVBoxLayout(history);
    auto* pick = new QHBoxLayout;
    m_diffFrom = new QComboBox(history);
    m_diffFrom->setObjectName(QStringLiteral("diffFrom"));
    m_diffTo = new QComboBox(history);
    m_diffTo->setObjectName(QStringLiteral("diffTo"));
    m_diffButton = new QPushButton(tr("Compare"), history);
    m_diffButton->setObjectName(QStringLiteral("diffButton"));
    pick->addWidget(new QLabel(tr("From:"), history));
    pick->addWidget(m_diffFrom, 1);
    pick->addWidget(new QLabel(tr("To:"), history));
    pick->addWidget(m_diffTo, 1);
    pick->addWidget(m_diffButton);
    hl->addLayout(pick);
    m_diffProgress = new JobProgressBar(history);
    hl->addWidget(m_diffProgress);
    m_diffSummary = new QLabel(history);
    m_diffSummary->setObjectName(QStringLiteral("diffSummary"));
    m_diffSummary->setWordWrap(true);
    hl->addWidget(m_diffSummary);
    m_diffModel = new tb::models::TextTableModel({tr("Change"), tr("Id"), tr("Split"), tr("Before"), tr("After")}, this);
    auto* diffTable = new QTableView(history);
    diffTable->setObjectName(QStringLiteral("diffTable"));
    diffTable->setModel(m_diffModel);
    diffTable->verticalHeader()->hide();
    diffTable->horizontalHeader()->setStretchLastSection(true);
    diffTable->setWordWrap(false);
    const int diffWidths[] = {80, 120, 150, 420};
    for (int c = 0; c < 4; ++c) diffTable->setColumnWidth(c, diffWidths[c]);
    hl->addWidget(diffTable, 1);
    tabs->addTab(history, tr("History"));

    connect(m_filter, &QComboBox::currentIndexChanged, this, &DatasetInspector::applyFilter);
    connect(m_label, &QComboBox::currentIndexChanged, this, &DatasetInspector::applyFilter);
    connect(m_split, &QComboBox::currentIndexChanged, this, &DatasetInspector::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DatasetInspector::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // The selection model survives resets; reconnecting is not needed, but the pane must follow.
        m_pane->showMessage(tr("Select a record to see it in full."));
    });
    connect(m_diffButton, &QPushButton::clicked, this, &DatasetInspector::runDiff);
    auto updateDiffButton = [this] {
        const bool same = m_diffFrom->currentData() == m_diffTo->currentData();
        m_diffButton->setEnabled(m_diffFrom->count() > 0 && !same);
        m_diffButton->setToolTip(same ? tr("Choose two different versions") : QString());
    };
    connect(m_diffFrom, &QComboBox::currentIndexChanged, this, updateDiffButton);
    connect(m_diffTo, &QComboBox::currentIndexChanged, this, updateDiffButton);
    m_diffButton->setEnabled(false);

    connect(m_progress, &JobProgressBar::failed, this, [this](const QString& message) {
        m_status->setText(tr("Could not read %1: %2").arg(m_versionDir, message));
        emit failed(message);
    });
    connect(m_progress, &JobProgressBar::cancelled, this, [this] { m_status->setText(tr("Cancelled.")); });
    connect(m_diffProgress, &JobProgressBar::succeeded, this, [this] {
        const tb::VersionDiff& d = *m_pendingDiff;
        m_diffSummary->setText(tr("%1 added, %2 removed, %3 changed, %4 moved between splits, %5 unchanged")
                                   .arg(d.added)
                                   .arg(d.removed)
                                   .arg(d.changed)
                                   .arg(d.moved)
                                   .arg(d.unchanged));
        std::vector<QStringList> rows;
        auto add = [&](const QString& kind, const std::vector<tb::RecordDiffEntry>& list) {
            for (const auto& e : list)
                rows.push_back({kind, QString::fromStdString(e.id),
                                QStringLiteral("%1 → %2").arg(QString::fromStdString(e.splitBefore), QString::fromStdString(e.splitAfter)),
                                QString::fromStdString(e.before), QString::fromStdString(e.after)});
        };
        add(tr("added"), d.addedExamples);
        add(tr("removed"), d.removedExamples);
        add(tr("changed"), d.changedExamples);
        add(tr("moved"), d.movedExamples);
        m_diffModel->setRows(std::move(rows));
        emit diffDone();
    });
    connect(m_diffProgress, &JobProgressBar::failed, this,
            [this](const QString& message) { m_diffSummary->setText(tr("The comparison failed: %1").arg(message)); });
}

DatasetInspector::~DatasetInspector() {
    m_progress->cancel();
    m_diffProgress->cancel();
}

void DatasetInspector::openVersion(const QString& versionDir) {
    m_versionDir = versionDir;
    m_ready = false;
    m_model->clear();
    m_status->clear();
    auto version = tb::readDatasetVersion(versionDir.toStdString());
    m_title->setText(version.ok() ? tr("%1 @ %2 — %3").arg(QString::fromStdString(version->name),
                                                            QString::fromStdString(version->version.substr(0, 12)),
                                                            QString::fromStdString(version->description))
                                  : versionDir);
    fillHistory();
    auto out = std::make_shared<std::shared_ptr<tb::RecordIndex>>();
    m_pendingIndex = out;
    const std::string dir = versionDir.toStdString();
    disconnect(m_progress, &JobProgressBar::succeeded, this, nullptr);
    connect(m_progress, &JobProgressBar::succeeded, this, [this, out] {
        if (out != m_pendingIndex) return;
        std::vector<tb::RejectedRecord> rejected;
        auto loaded = tb::loadRejectedSidecar(m_versionDir.toStdString(), 100000, m_context.workspaceKey());
        if (loaded.ok()) rejected = std::move(*loaded);
        else m_status->setText(QString::fromStdString(loaded.message()));
        m_model->setData(*out, nullptr, std::move(rejected));
        fillFilters();
        emit indexed();
        startChecks();
    });
    m_progress->start(m_context.jobs, tr("Indexing records"), [out, dir, key = m_context.key](const tb::ProgressCallback& progress) -> tb::Status {
        auto index = tb::RecordIndex::buildForVersion(dir, progress, key.get());
        if (!index.ok()) return index.error();
        *out = std::move(*index);
        return {};
    });
}

void DatasetInspector::startChecks() {
    auto index = m_model->recordIndex();
    auto out = std::make_shared<std::shared_ptr<tb::RecordFlags>>();
    m_pendingFlags = out;
    disconnect(m_progress, &JobProgressBar::succeeded, this, nullptr);
    connect(m_progress, &JobProgressBar::succeeded, this, [this, out] {
        if (out != m_pendingFlags) return;
        m_model->setFlags(*out);
        const tb::RecordFlags& f = **out;
        QString status = tr("%1 records: %2 exact duplicates, %3 near-duplicates, %4 with personal data, %5 over %6 tokens%7.")
                             .arg(m_model->recordIndex()->size())
                             .arg(f.exactDuplicates)
                             .arg(f.nearChecked ? QString::number(f.nearDuplicates) : tr("not checked (too many records)"))
                             .arg(f.withPii)
                             .arg(f.overLength)
                             .arg(tb::RecordFlagOptions{}.maxSequenceLength)
                             .arg(f.tokensEstimated ? tr(" (token counts estimated as bytes/4)") : QString());
        if (f.unreadable > 0) status += QLatin1Char(' ') + tr("%1 lines could not be read.").arg(f.unreadable);
        m_status->setText(status);
        fillFilters();
        fillCharts();
        m_ready = true;
        emit checksDone();
    });
    m_progress->start(m_context.jobs, tr("Checking records"), [out, index](const tb::ProgressCallback& progress) -> tb::Status {
        auto flags = tb::computeRecordFlags(*index, {}, progress);
        if (!flags.ok()) return flags.error();
        *out = std::make_shared<tb::RecordFlags>(std::move(*flags));
        return {};
    });
}

void DatasetInspector::fillFilters() {
    const QSignalBlocker b1(m_filter), b2(m_label), b3(m_split);
    const bool checked = m_model->flags() != nullptr;
    const QList<std::pair<RecordTableModel::Filter, QString>> kinds = {
        {RecordTableModel::AllRecords, tr("All")},          {RecordTableModel::Duplicates, tr("Duplicates")},
        {RecordTableModel::Pii, tr("Personal data")},       {RecordTableModel::OverLength, tr("Over length")},
        {RecordTableModel::Rejected, tr("Rejected on import")}, {RecordTableModel::Unreadable, tr("Unreadable")}};
    m_filter->clear();
    for (const auto& [kind, name] : kinds) {
        const bool needsChecks = kind != RecordTableModel::AllRecords && kind != RecordTableModel::Rejected;
        if (needsChecks && !checked) continue;
        m_filter->addItem(QStringLiteral("%1 (%2)").arg(name).arg(m_model->countFor(kind)), int(kind));
    }
    m_label->clear();
    m_label->addItem(tr("Any"), -1);
    if (checked) {
        const auto& f = *m_model->flags();
        for (size_t i = 1; i < f.labels.size(); ++i)
            m_label->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(f.labels[i])).arg(f.labelCounts[i]), int(i));
    }
    m_split->clear();
    m_split->addItem(tr("Any"), QString());
    if (auto index = m_model->recordIndex())
        for (int s = 0; s < index->sourceCount(); ++s) {
            const QString name = QString::fromStdString(index->source(s).split);
            m_split->addItem(QStringLiteral("%1 (%2)").arg(name).arg(m_model->countFor(RecordTableModel::AllRecords, -1, name)), name);
        }
    applyFilter();  // the combos were reset: show what they say
}

void DatasetInspector::applyFilter() {
    m_model->setFilter(RecordTableModel::Filter(m_filter->currentData().toInt()), m_label->currentData().toInt(),
                       m_split->currentData().toString());
}

void DatasetInspector::showCurrent() {
    const int row = m_table->currentIndex().row();
    if (const tb::RejectedRecord* rej = m_model->rejectedAt(row)) return m_pane->showRejected(*rej);
    const qint64 pos = m_model->recordPosition(row);
    if (pos < 0) return m_pane->showMessage(tr("Select a record to see it in full."));
    auto r = m_model->recordIndex()->record(pos);
    if (!r.ok()) return m_pane->showMessage(QString::fromStdString(r.message()));
    m_pane->showRecord(*r);
}

void DatasetInspector::fillCharts() {
    const auto& f = *m_model->flags();
    uint32_t top = 0;
    for (uint32_t t : f.tokens) top = std::max(top, t);
    const int64_t bins = 30;
    const int64_t width = std::max<int64_t>(1, (int64_t(top) + bins) / bins);
    std::vector<int64_t> hist(size_t((int64_t(top) / width) + 1), 0);
    for (uint32_t t : f.tokens) ++hist[size_t(t / width)];
    showHistogram(m_lengthChart, f.tokensEstimated ? tr("Tokens per record (estimated)") : tr("Tokens per record"), hist, width);
    std::vector<std::pair<QString, int64_t>> labels;
    for (size_t i = 1; i < f.labels.size(); ++i) labels.emplace_back(QString::fromStdString(f.labels[i]), f.labelCounts[i]);
    if (f.labelCounts[0] > 0) labels.emplace_back(tr("(no label)"), f.labelCounts[0]);
    showLabelCounts(m_labelChart, tr("Records per label"), std::move(labels), 25);
}

void DatasetInspector::fillHistory() {
    const QSignalBlocker b1(m_diffFrom), b2(m_diffTo);
    m_diffFrom->clear();
    m_diffTo->clear();
    m_diffModel->clear();
    m_diffSummary->clear();
    auto current = tb::readDatasetVersion(m_versionDir.toStdString());
    if (!current.ok() || !m_context.workspace) return;
    auto versions = tb::listDatasetVersions(m_context.workspace->datasetsDir(), current->name);
    if (!versions.ok()) return m_diffSummary->setText(QString::fromStdString(versions.message()));
    for (const auto& v : *versions) {
        const QString text = QStringLiteral("%1 — %2 (%3)").arg(QString::fromStdString(v.version.substr(0, 12)),
                                                               QString::fromStdString(v.createdAt),
                                                               QString::fromStdString(v.description));
        m_diffFrom->addItem(text, QString::fromStdString(v.dir));
        m_diffTo->addItem(text, QString::fromStdString(v.dir));
    }
    const int to = m_diffTo->findData(QString::fromStdString(current->dir));
    m_diffTo->setCurrentIndex(std::max(0, to));
    int from = -1;
    for (int i = 0; i < m_diffFrom->count(); ++i)
        if (QString::fromStdString((*versions)[size_t(i)].version) == QString::fromStdString(current->parent)) from = i;
    m_diffFrom->setCurrentIndex(from >= 0 ? from : std::max(0, to - 1));
    const bool same = m_diffFrom->currentData() == m_diffTo->currentData();
    m_diffButton->setEnabled(m_diffFrom->count() > 1 && !same);
    if (m_diffFrom->count() < 2) m_diffSummary->setText(tr("This is the only version of this dataset."));
}

void DatasetInspector::runDiff() {
    auto out = std::make_shared<tb::VersionDiff>();
    m_pendingDiff = out;
    const std::string a = m_diffFrom->currentData().toString().toStdString();
    const std::string b = m_diffTo->currentData().toString().toStdString();
    m_diffProgress->start(m_context.jobs, tr("Comparing versions"), [out, a, b, key = m_context.key](const tb::ProgressCallback&) -> tb::Status {
        auto d = tb::diffDatasetVersions(a, b, 20, key.get());
        if (!d.ok()) return d.error();
        *out = std::move(*d);
        return {};
    });
}

}  // namespace tb::widgets
