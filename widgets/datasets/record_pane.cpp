#include "widgets/datasets/record_pane.h"

#include "core/data/pii_detector.h"
#include "core/data/record_text.h"

#include <QRegularExpression>

namespace tb::widgets {

namespace {
QString escapeRun(std::string_view bytes) {
    static const QRegularExpression placeholder(QStringLiteral("\\[(EMAIL|PHONE|SSN|CREDIT_CARD|IBAN|IP|SECRET)\\]"));
    QString s = QString::fromUtf8(bytes.data(), qsizetype(bytes.size())).toHtmlEscaped();
    s.replace(placeholder, QStringLiteral("<span class=\"placeholder\" style=\"background:#cfe8fc\">[\\1]</span>"));
    s.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return s;
}
}  // namespace

QString highlightPii(const std::string& text, int* hits) {
    const auto matches = tb::PiiDetector::shared()->find(text);
    if (hits) *hits = int(matches.size());
    QString html;
    size_t at = 0;
    for (const auto& m : matches) {
        html += escapeRun(std::string_view(text).substr(at, m.begin - at));
        html += QStringLiteral("<span class=\"pii\" title=\"%1\" style=\"background:#ffd54f\">%2</span><sub>%1</sub>")
                    .arg(QString::fromLatin1(tb::piiTypeName(m.type)),
                         escapeRun(std::string_view(text).substr(m.begin, m.end - m.begin)));
        at = m.end;
    }
    html += escapeRun(std::string_view(text).substr(at));
    return html;
}

RecordPane::RecordPane(QWidget* parent) : QTextBrowser(parent) {
    setObjectName(QStringLiteral("recordPane"));
    setOpenLinks(false);
}

void RecordPane::showRecord(const tb::Record& r) {
    m_hits = 0;
    QString html = QStringLiteral("<p><b>%1</b> %2 &nbsp; <b>%3</b> %4 &nbsp; <b>%5</b> %6 &nbsp; <b>%7</b> %8</p>")
                       .arg(tr("Split:"), QString::fromStdString(r.split).toHtmlEscaped(), tr("Line:"))
                       .arg(r.sourceLine)
                       .arg(tr("Id:"), QString::fromStdString(r.id).toHtmlEscaped(), tr("Format:"),
                            QString::fromLatin1(tb::recordFormatName(r.format)));
    tb::forEachTextField(r, [&](const std::string& field, const std::string& text) {
        int hits = 0;
        html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(QString::fromStdString(field).toHtmlEscaped(), highlightPii(text, &hits));
        m_hits += hits;
    });
    if (m_hits > 0) html += QStringLiteral("<p style=\"color:#b00020\">%1</p>").arg(tr("%n personal data hit(s) highlighted", nullptr, m_hits));
    setHtml(html);
}

void RecordPane::showRejected(const tb::RejectedRecord& r) {
    m_hits = 0;
    setHtml(QStringLiteral("<p><b>%1</b></p><p>%2:%3</p><p>%4</p>")
                .arg(tr("Rejected on import"), QString::fromStdString(r.file).toHtmlEscaped())
                .arg(r.line)
                .arg(QString::fromStdString(r.reason).toHtmlEscaped()));
}

void RecordPane::showMessage(const QString& message) {
    m_hits = 0;
    setPlainText(message);
}

}  // namespace tb::widgets
