#include "widgets/registry/version_detail_widget.h"

#include "models/registry/model_version_table_model.h"
#include "widgets/registry/lineage_graph_view.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tb::widgets {

namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString metricCell(const nlohmann::json& report, const char* key, bool percent) {
    if (!report.contains(key) || !report[key].is_number()) return QStringLiteral("—");
    const double v = report[key].get<double>();
    return percent ? QStringLiteral("%1 %").arg(v * 100.0, 0, 'f', 1) : QString::number(v, 'f', 3);
}

QString commentKind(const std::string& kind) {
    if (kind == "approval") return VersionDetailWidget::tr("approved");
    if (kind == "rejection") return VersionDetailWidget::tr("rejected");
    return VersionDetailWidget::tr("commented");
}

}  // namespace

VersionDetailWidget::VersionDetailWidget(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("detailHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_header);

    auto* lineageBox = new QGroupBox(tr("Lineage"), this);
    auto* lineageLayout = new QVBoxLayout(lineageBox);
    m_lineage = new LineageGraphView(lineageBox);
    m_lineage->setObjectName(QStringLiteral("lineageView"));
    lineageLayout->addWidget(m_lineage);
    layout->addWidget(lineageBox, 2);

    auto* row = new QHBoxLayout;
    auto* evalBox = new QGroupBox(tr("Evaluation"), this);
    auto* evalLayout = new QVBoxLayout(evalBox);
    m_evaluation = new QLabel(evalBox);
    m_evaluation->setObjectName(QStringLiteral("evaluationLabel"));
    m_evaluation->setWordWrap(true);
    m_evaluation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    evalLayout->addWidget(m_evaluation);
    row->addWidget(evalBox, 1);
    auto* gateBox = new QGroupBox(tr("Quality gate"), this);
    auto* gateLayout = new QVBoxLayout(gateBox);
    m_gate = new QLabel(gateBox);
    m_gate->setObjectName(QStringLiteral("gateLabel"));
    m_gate->setWordWrap(true);
    m_gate->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    gateLayout->addWidget(m_gate);
    row->addWidget(gateBox, 1);
    layout->addLayout(row, 1);

    auto* commentBox = new QGroupBox(tr("Comments and decisions"), this);
    auto* commentLayout = new QVBoxLayout(commentBox);
    m_comments = new QTextBrowser(commentBox);
    m_comments->setObjectName(QStringLiteral("commentsView"));
    m_comments->setOpenLinks(false);
    commentLayout->addWidget(m_comments);
    auto* addRow = new QHBoxLayout;
    m_commentEdit = new QLineEdit(commentBox);
    m_commentEdit->setObjectName(QStringLiteral("commentEdit"));
    m_commentEdit->setPlaceholderText(tr("Add a comment…"));
    m_commentButton = new QPushButton(tr("Comment"), commentBox);
    m_commentButton->setObjectName(QStringLiteral("commentButton"));
    addRow->addWidget(m_commentEdit, 1);
    addRow->addWidget(m_commentButton);
    commentLayout->addLayout(addRow);
    layout->addWidget(commentBox, 1);

    connect(m_commentEdit, &QLineEdit::textChanged, this, &VersionDetailWidget::updateCommentButton);
    auto send = [this] {
        if (!m_commentButton->isEnabled()) return;
        emit commentRequested(m_versionId, m_commentEdit->text().trimmed());
        m_commentEdit->clear();
    };
    connect(m_commentButton, &QPushButton::clicked, this, send);
    connect(m_commentEdit, &QLineEdit::returnPressed, this, send);
    showMessage(tr("Select a model version to see its lineage, evaluation and comments."));
}

void VersionDetailWidget::showVersion(const tb::ModelLineage& lineage, const std::vector<tb::CommentRecord>& comments) {
    const tb::ModelVersionRecord& v = lineage.version;
    m_versionId = v.id;
    m_header->setText(tr("<b>%1 v%2</b> — %3, stage %4. Registered by %5 at %6; base model %7.")
                          .arg(esc(v.group))
                          .arg(v.version)
                          .arg(tb::models::ModelVersionTableModel::approvalText(v.approval).toHtmlEscaped(), esc(v.stage),
                               esc(v.createdBy), esc(v.createdAt), esc(v.baseModel)));
    m_lineage->setLineage(lineage);

    const nlohmann::json& r = v.evalReport;
    if (!r.is_object() || r.empty()) {
        m_evaluation->setText(tr("No evaluation report was registered with this version."));
    } else {
        // Registered from a stored comparison (Runs page): the base side's report is shown beside the tuned one.
        const nlohmann::json* cmp = r.contains("comparison") && r["comparison"].is_object() ? &r["comparison"] : nullptr;
        const nlohmann::json* base =
            cmp && cmp->contains("base_report") && (*cmp)["base_report"].is_object() ? &(*cmp)["base_report"] : nullptr;
        QString html;
        if (cmp && cmp->contains("id") && (*cmp)["id"].is_string())
            html += tr("From comparison %1").arg(esc((*cmp)["id"].get<std::string>()));
        html += QStringLiteral("<table cellspacing='4'>");
        auto line = [&html, base](const QString& name, const QString& value, const QString& baseValue) {
            html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td>").arg(name, value);
            if (base) html += QStringLiteral("<td align='right'>%1</td>").arg(baseValue);
            html += QStringLiteral("</tr>");
        };
        auto metric = [&line, base](const QString& name, const nlohmann::json& report, const char* key, bool percent) {
            line(name, metricCell(report, key, percent), base ? metricCell(*base, key, percent) : QString());
        };
        auto rouge = [](const nlohmann::json& report) {
            return report.contains("rougeL") && report["rougeL"].is_object() ? metricCell(report["rougeL"], "fmeasure", false)
                                                                           : QStringLiteral("—");
        };
        if (base) line(QString(), tr("Tuned"), tr("Base"));
        if (r.contains("task") && r["task"].is_string()) line(tr("Task"), esc(r["task"].get<std::string>()), QString());
        if (r.contains("count") && r["count"].is_number())
            line(tr("Examples"), QString::number(r["count"].get<int64_t>()),
                 base && base->contains("count") && (*base)["count"].is_number()
                     ? QString::number((*base)["count"].get<int64_t>())
                     : QString());
        metric(tr("Accuracy"), r, "accuracy", true);
        metric(tr("Macro F1"), r, "macro_f1", false);
        metric(tr("Exact match"), r, "exact_match", true);
        line(tr("ROUGE-L"), rouge(r), base ? rouge(*base) : QString());
        if (r.contains("invalid_rate")) metric(tr("Invalid answers"), r, "invalid_rate", true);
        html += QStringLiteral("</table>");
        m_evaluation->setText(html);
    }

    if (!v.gatePassed) {
        m_gate->setText(tr("No gate was evaluated for this version."));
    } else {
        QString html = *v.gatePassed ? tr("<b style='color:#2e7d32'>Passed</b>") : tr("<b style='color:#c62828'>Failed</b>");
        if (v.gate.contains("primary_metric") && v.gate["primary_metric"].is_string())
            html += tr(" (primary metric %1)").arg(esc(v.gate["primary_metric"].get<std::string>()));
        if (v.gate.contains("checks") && v.gate["checks"].is_array()) {
            html += QStringLiteral("<ul style='margin-left:-20px'>");
            for (const auto& c : v.gate["checks"]) {
                const bool ok = c.value("passed", false);
                html += QStringLiteral("<li>%1 %2</li>")
                            .arg(ok ? QStringLiteral("✔") : QStringLiteral("✘"),
                                 esc(c.value("reason", c.value("rule", std::string()))));
            }
            html += QStringLiteral("</ul>");
        }
        if (!v.approvalOverride.empty())
            html += tr("<p>Approved despite the failed gate: <i>%1</i></p>").arg(esc(v.approvalOverride));
        m_gate->setText(html);
    }

    QString html;
    if (comments.empty()) html = tr("<i>No comments yet.</i>");
    for (const auto& c : comments)
        html += tr("<p><b>%1</b> %2 <span style='color:gray'>%3</span><br>%4</p>")
                    .arg(esc(c.author), commentKind(c.kind), esc(c.createdAt), esc(c.body));
    m_comments->setHtml(html);
    updateCommentButton();
}

void VersionDetailWidget::showMessage(const QString& message) {
    m_versionId = 0;
    m_header->setText(message);
    m_lineage->clearLineage();
    m_evaluation->clear();
    m_gate->clear();
    m_comments->clear();
    updateCommentButton();
}

void VersionDetailWidget::setCommentingAllowed(bool allowed, const QString& reason) {
    m_commentAllowed = allowed;
    m_commentBlocker = reason;
    updateCommentButton();
}

void VersionDetailWidget::updateCommentButton() {
    QString why;
    if (m_versionId <= 0) why = tr("Select a model version first.");
    else if (!m_commentAllowed) why = m_commentBlocker;
    else if (m_commentEdit->text().trimmed().isEmpty()) why = tr("Type a comment first.");
    m_commentEdit->setEnabled(m_versionId > 0 && m_commentAllowed);
    m_commentButton->setEnabled(why.isEmpty());
    m_commentButton->setToolTip(why);
}

QString VersionDetailWidget::evaluationText() const { return m_evaluation->text(); }
QString VersionDetailWidget::gateText() const { return m_gate->text(); }
QString VersionDetailWidget::commentsText() const { return m_comments->toPlainText(); }

}  // namespace tb::widgets
