// RecordPane: shows one record of a dataset version in full (every field, its split, line and id) with
// personal data found by the PII detector highlighted by type, and scrubbed placeholders ([EMAIL], ...)
// marked. A view only: the record comes from RecordIndex; nothing is edited.
#pragma once

#include "core/data/reader_types.h"
#include "core/data/record.h"

#include <QTextBrowser>

namespace tb::widgets {

// HTML for a text with PII spans wrapped in <span class="pii" title="TYPE"> and placeholders in
// <span class="placeholder">. `hits` receives the number of PII spans.
QString highlightPii(const std::string& text, int* hits = nullptr);

class RecordPane : public QTextBrowser {
    Q_OBJECT
public:
    explicit RecordPane(QWidget* parent = nullptr);
    void showRecord(const tb::Record& record);
    void showRejected(const tb::RejectedRecord& rejected);
    void showMessage(const QString& message);
    int piiHighlights() const { return m_hits; }

private:
    int m_hits = 0;
};

}  // namespace tb::widgets
