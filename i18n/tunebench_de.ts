<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

Choose another folder in Settings and restart Tunebench.</source>
        <translation>%1

Wählen Sie in den Einstellungen einen anderen Ordner und starten Sie Tunebench neu.</translation>
    </message>
    <message>
        <source>tokens (bin start)</source>
        <translation>Token (Intervallbeginn)</translation>
    </message>
    <message>
        <source>%1 (largest %2 of %3)</source>
        <translation>%1 (größter Wert %2 von %3)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>The model&apos;s own template (%1).</source>
        <translation>Die eigene Vorlage des Modells (%1).</translation>
    </message>
    <message>
        <source>Unknown built-in chat template &apos;%1&apos;.</source>
        <translation>Unbekannte integrierte Chatvorlage „%1“.</translation>
    </message>
    <message>
        <source>Built-in template &apos;%1&apos; chosen by you.</source>
        <translation>Von Ihnen gewählte integrierte Vorlage „%1“.</translation>
    </message>
    <message>
        <source>The model&apos;s template could not be read (%1); using built-in &apos;%2&apos;.</source>
        <translation>Die Vorlage des Modells konnte nicht gelesen werden (%1); integrierte Vorlage „%2“ wird verwendet.</translation>
    </message>
    <message>
        <source>The model ships no chat template; using built-in &apos;%1&apos;.</source>
        <translation>Das Modell enthält keine Chatvorlage; integrierte Vorlage „%1“ wird verwendet.</translation>
    </message>
    <message>
        <source>Add at least one message to the conversation.</source>
        <translation>Fügen Sie der Unterhaltung mindestens eine Nachricht hinzu.</translation>
    </message>
    <message>
        <source>The chat template failed: %1</source>
        <translation>Fehler in der Chatvorlage: %1</translation>
    </message>
    <message>
        <source>%1 · %2 parameters · %3 layers · vocabulary %4 · context %5 · %6 %7</source>
        <translation>%1 · %2 Parameter · %3 Schichten · Vokabular %4 · Kontext %5 · %6 %7</translation>
    </message>
    <message>
        <source>LoRA r=%1 · alpha %2 · targets %3</source>
        <translation>LoRA r=%1 · Alpha %2 · Ziele %3</translation>
    </message>
</context>
<context>
    <name>tb::app::AboutInfo</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
</context>
<context>
    <name>tb::app::MainWindow</name>
    <message>
        <source>Tunebench (read-only)</source>
        <translation>Tunebench (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Tunebench</source>
        <translation>Tunebench</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Background jobs</source>
        <translation>Hintergrundaufgaben</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Workspace Folder</source>
        <translation>&amp;Arbeitsbereich-Ordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Log Panel</source>
        <translation>&amp;Protokollbereich</translation>
    </message>
    <message>
        <source>&amp;Background Jobs</source>
        <translation>&amp;Hintergrundaufgaben</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tunebench</source>
        <translation>&amp;Über Tunebench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Workspace: %1 (read-only: another Tunebench is using it)</source>
        <translation>Arbeitsbereich: %1 (schreibgeschützt: ein anderes Tunebench verwendet ihn)</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>A background job</source>
        <translation>Eine Hintergrundaufgabe</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Job failed</source>
        <translation>Aufgabe fehlgeschlagen</translation>
    </message>
    <message>
        <source>Settings saved; they take effect the next time Tunebench starts.</source>
        <translation>Einstellungen gespeichert; sie gelten ab dem nächsten Start von Tunebench.</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>Aufgaben laufen noch</translation>
    </message>
    <message>
        <source>%1 background job(s) are still running. Cancel them and quit?</source>
        <translation>Es laufen noch Hintergrundaufgaben: %1. Abbrechen und beenden?</translation>
    </message>
</context>
<context>
    <name>tb::app::WorkspaceUnlockDialog</name>
    <message>
        <source>Unlock the workspace</source>
        <translation>Arbeitsbereich entsperren</translation>
    </message>
    <message>
        <source>The workspace %1 is encrypted with a key file. Choose the key file to read its datasets, predictions and adapters.</source>
        <translation>Der Arbeitsbereich %1 ist mit einer Schlüsseldatei verschlüsselt. Wählen Sie die Schlüsseldatei, um seine Datensätze, Vorhersagen und Adapter zu lesen.</translation>
    </message>
    <message>
        <source>The workspace %1 is encrypted. Enter its passphrase to read its datasets, predictions and adapters.</source>
        <translation>Der Arbeitsbereich %1 ist verschlüsselt. Geben Sie die Passphrase ein, um seine Datensätze, Vorhersagen und Adapter zu lesen.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Schlüsseldatei:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Continue locked</source>
        <translation>Gesperrt fortfahren</translation>
    </message>
    <message>
        <source>Open the workspace without the key: encrypted datasets, predictions and adapters cannot be read until you restart and unlock it.</source>
        <translation>Arbeitsbereich ohne Schlüssel öffnen: Verschlüsselte Datensätze, Vorhersagen und Adapter können erst nach einem Neustart und dem Entsperren gelesen werden.</translation>
    </message>
    <message>
        <source>Choose the workspace key file</source>
        <translation>Schlüsseldatei des Arbeitsbereichs wählen</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Geben Sie die Passphrase ein.</translation>
    </message>
    <message>
        <source>Choose the key file.</source>
        <translation>Wählen Sie die Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
</context>
<context>
    <name>tb::models::ApiKeyTableModel</name>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>SHA-256 of the secret: %1 (the secret itself is not stored)</source>
        <translation>SHA-256 des Geheimnisses: %1 (das Geheimnis selbst wird nicht gespeichert)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stored hash</source>
        <translation>Gespeicherter Hash</translation>
    </message>
</context>
<context>
    <name>tb::models::AuditLogTableModel</name>
    <message>
        <source>(not valid JSON)</source>
        <translation>(kein gültiges JSON)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
</context>
<context>
    <name>tb::models::ChatMessageModel</name>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>tb::models::ComparisonTableModel</name>
    <message>
        <source>both right</source>
        <translation>beide richtig</translation>
    </message>
    <message>
        <source>both wrong</source>
        <translation>beide falsch</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>Verschlechterung</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>Verbesserung</translation>
    </message>
    <message>
        <source>, differ</source>
        <translation>, abweichend</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Output A</source>
        <translation>Ausgabe A</translation>
    </message>
    <message>
        <source>Output B</source>
        <translation>Ausgabe B</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Rating A</source>
        <translation>Bewertung A</translation>
    </message>
    <message>
        <source>Rating B</source>
        <translation>Bewertung B</translation>
    </message>
</context>
<context>
    <name>tb::models::DatasetVersionListModel</name>
    <message>
        <source>%1@%2 — train %3, validation %4, test %5</source>
        <translation>%1@%2 — Training %3, Validierung %4, Test %5</translation>
    </message>
    <message>
        <source>%1
created %2
%3</source>
        <translation>%1
erstellt %2
%3</translation>
    </message>
</context>
<context>
    <name>tb::models::DatasetVersionTableModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Vorgänger</translation>
    </message>
</context>
<context>
    <name>tb::models::GenerationWorker</name>
    <message>
        <source>The prompt is empty and this model adds no start token: type a prompt.</source>
        <translation>Der Prompt ist leer und dieses Modell fügt kein Starttoken hinzu: Geben Sie einen Prompt ein.</translation>
    </message>
    <message>
        <source>The prompt has %1 tokens; this model&apos;s context holds %2. Shorten it.</source>
        <translation>Der Prompt hat %1 Token; der Kontext dieses Modells fasst %2. Kürzen Sie ihn.</translation>
    </message>
</context>
<context>
    <name>tb::models::JobListModel</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Failed without a message</source>
        <translation>Ohne Meldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>Vom Benutzer abgebrochen</translation>
    </message>
</context>
<context>
    <name>tb::models::MetricsDeltaModel</name>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>Weighted F1</source>
        <translation>Gewichteter F1</translation>
    </message>
    <message>
        <source>Invalid outputs</source>
        <translation>Ungültige Ausgaben</translation>
    </message>
    <message>
        <source>Exact match</source>
        <translation>Exakte Übereinstimmung</translation>
    </message>
    <message>
        <source>JSON field accuracy</source>
        <translation>JSON-Feldgenauigkeit</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>Gültiges JSON</translation>
    </message>
    <message>
        <source>ROUGE-L F</source>
        <translation>ROUGE-L F</translation>
    </message>
    <message>
        <source>ROUGE-1 F</source>
        <translation>ROUGE-1 F</translation>
    </message>
    <message>
        <source>ROUGE-2 F</source>
        <translation>ROUGE-2 F</translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <source>Token F1</source>
        <translation>Token-F1</translation>
    </message>
    <message>
        <source>Latency p50 (ms)</source>
        <translation>Latenz p50 (ms)</translation>
    </message>
    <message>
        <source>Latency p95 (ms)</source>
        <translation>Latenz p95 (ms)</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Token/s</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
</context>
<context>
    <name>tb::models::ModelVersionTableModel</name>
    <message>
        <source>not evaluated</source>
        <translation>nicht evaluiert</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Freigabe ausstehend</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Approved despite the failed gate: %1</source>
        <translation>Trotz nicht bestandenem Gate freigegeben: %1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Primary metric</source>
        <translation>Primärmetrik</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Run by</source>
        <translation>Lauf von</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registriert von</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
</context>
<context>
    <name>tb::models::RecordTableModel</name>
    <message>
        <source>duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>near-duplicate</source>
        <translation>Beinahe-Duplikat</translation>
    </message>
    <message>
        <source>has duplicates</source>
        <translation>hat Duplikate</translation>
    </message>
    <message>
        <source>PII: %1</source>
        <translation>PII: %1</translation>
    </message>
    <message>
        <source>over length</source>
        <translation>zu lang</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Tokens (est.)</source>
        <translation>Token (geschätzt)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
</context>
<context>
    <name>tb::models::RegisteredVersionModel</name>
    <message>
        <source>Registered version…</source>
        <translation>Registrierte Version…</translation>
    </message>
    <message>
        <source>%1 v%2 · %3 · %4 · base %5</source>
        <translation>%1 v%2 · %3 · %4 · Basis %5</translation>
    </message>
    <message>
        <source>Base model: %1
Adapter: %2
Run: %3</source>
        <translation>Basismodell: %1
Adapter: %2
Lauf: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>tb::models::RunListModel</name>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>Best validation loss</source>
        <translation>Bester Validierungsverlust</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
</context>
<context>
    <name>tb::models::RunScheduler</name>
    <message>
        <source>the application closed during training</source>
        <translation>die Anwendung wurde während des Trainings beendet</translation>
    </message>
    <message>
        <source>queued to resume from step %1</source>
        <translation>zur Fortsetzung ab Schritt %1 eingereiht</translation>
    </message>
    <message>
        <source>waiting for the trainer</source>
        <translation>wartet auf den Trainer</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <source>removed from the queue</source>
        <translation>aus der Warteschlange entfernt</translation>
    </message>
</context>
<context>
    <name>tb::models::ServeSession</name>
    <message>
        <source>Start the local endpoint</source>
        <translation>Lokalen Endpunkt starten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Stop the local endpoint</source>
        <translation>Lokalen Endpunkt stoppen</translation>
    </message>
    <message>
        <source>Serve %1</source>
        <translation>%1 bereitstellen</translation>
    </message>
    <message>
        <source>This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to serve its adapters (they are decrypted in memory only).</source>
        <translation>Dieser Arbeitsbereich ist verschlüsselt und wurde nicht entsperrt: Öffnen Sie ihn erneut mit seiner Passphrase oder Schlüsseldatei, um seine Adapter bereitzustellen (sie werden nur im Arbeitsspeicher entschlüsselt).</translation>
    </message>
</context>
<context>
    <name>tb::models::ServedVersionTableModel</name>
    <message>
        <source>not evaluated</source>
        <translation>nicht evaluiert</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed (overridden)</source>
        <translation>nicht bestanden (übersteuert)</translation>
    </message>
    <message>
        <source>%1 v%2, adapter %3</source>
        <translation>%1 v%2, Adapter %3</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Served as</source>
        <translation>Bereitgestellt als</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>tb::models::TrainingWorker</name>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Loading base model %1</source>
        <translation>Basismodell %1 wird geladen</translation>
    </message>
    <message>
        <source>Resuming from the last checkpoint</source>
        <translation>Fortsetzung ab dem letzten Checkpoint</translation>
    </message>
    <message>
        <source>Training started</source>
        <translation>Training gestartet</translation>
    </message>
    <message>
        <source>step %1/%2 epoch %3 loss %4 lr %5 grad norm %6 tokens/s %7%8</source>
        <translation>Schritt %1/%2 Epoche %3 Verlust %4 LR %5 Gradientennorm %6 Token/s %7%8</translation>
    </message>
    <message>
        <source> validation %1</source>
        <translation> Validierung %1</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>Pausiert bei Schritt %1</translation>
    </message>
    <message>
        <source>Resumed at step %1</source>
        <translation>Fortgesetzt bei Schritt %1</translation>
    </message>
    <message>
        <source>cancelled at step %1; a checkpoint was kept so the run can be resumed</source>
        <translation>bei Schritt %1 abgebrochen; ein Checkpoint wurde behalten, damit der Lauf fortgesetzt werden kann</translation>
    </message>
    <message>
        <source>%1 steps, final train loss %2%3%4</source>
        <translation>%1 Schritte, finaler Trainingsverlust %2%3%4</translation>
    </message>
    <message>
        <source>, best validation loss %1 at step %2</source>
        <translation>, bester Validierungsverlust %1 bei Schritt %2</translation>
    </message>
    <message>
        <source> (stopped early)</source>
        <translation> (vorzeitig beendet)</translation>
    </message>
    <message>
        <source>%1 examples were truncated to the maximum sequence length</source>
        <translation>%1 Beispiele wurden auf die maximale Sequenzlänge gekürzt</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Could not record the run&apos;s end in the registry: %1</source>
        <translation>Das Ende des Laufs konnte nicht in der Registry erfasst werden: %1</translation>
    </message>
    <message>
        <source>Recorded in the registry as run %1, started by %2</source>
        <translation>In der Registry als Lauf %1 erfasst, gestartet von %2</translation>
    </message>
    <message>
        <source>Could not record the run in the registry: %1</source>
        <translation>Der Lauf konnte nicht in der Registry erfasst werden: %1</translation>
    </message>
    <message>
        <source>This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to train (the run&apos;s adapter and checkpoints are stored encrypted).</source>
        <translation>Dieser Arbeitsbereich ist verschlüsselt und wurde nicht entsperrt: Öffnen Sie ihn erneut mit seiner Passphrase oder Schlüsseldatei, um zu trainieren (Adapter und Checkpoints des Laufs werden verschlüsselt gespeichert).</translation>
    </message>
    <message>
        <source>Full fine-tuning writes the tuned model as a plain model folder, which an encrypted workspace does not allow. Train a LoRA adapter here (it is stored encrypted), or run full fine-tuning in an unencrypted workspace.</source>
        <translation>Vollständiges Fine-Tuning schreibt das angepasste Modell als unverschlüsselten Modellordner, was ein verschlüsselter Arbeitsbereich nicht erlaubt. Trainieren Sie hier einen LoRA-Adapter (er wird verschlüsselt gespeichert) oder führen Sie das vollständige Fine-Tuning in einem unverschlüsselten Arbeitsbereich aus.</translation>
    </message>
    <message>
        <source>Saving the fine-tuned model</source>
        <translation>Das angepasste Modell wird gespeichert</translation>
    </message>
    <message>
        <source>; model saved to %1</source>
        <translation>; Modell gespeichert unter %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::AboutDialog</name>
    <message>
        <source>About Tunebench</source>
        <translation>Über Tunebench</translation>
    </message>
    <message>
        <source>Tunebench %1</source>
        <translation>Tunebench %1</translation>
    </message>
    <message>
        <source>A desktop workbench for fine-tuning open-weight language models privately, on your own computer.</source>
        <translation>Eine Desktop-Werkbank, um offene Sprachmodelle vertraulich auf dem eigenen Computer feinabzustimmen.</translation>
    </message>
    <message>
        <source>Libraries in use:</source>
        <translation>Verwendete Bibliotheken:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ApiKeysWidget</name>
    <message>
        <source>What the key is for, e.g. helpdesk-bot</source>
        <translation>Wofür der Schlüssel ist, z. B. helpdesk-bot</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Store this key now: it is shown only once and Tunebench keeps only its hash.</source>
        <translation>Speichern Sie diesen Schlüssel jetzt: Er wird nur einmal angezeigt, und Tunebench speichert nur seinen Hash.</translation>
    </message>
    <message>
        <source>Could not read the API keys: %1</source>
        <translation>API-Schlüssel konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The workspace is open read-only.</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>The key file could not be read.</source>
        <translation>Die Schlüsseldatei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Give the key a name first.</source>
        <translation>Geben Sie dem Schlüssel zuerst einen Namen.</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>Wählen Sie zuerst einen Schlüssel aus.</translation>
    </message>
    <message>
        <source>This key is already revoked.</source>
        <translation>Dieser Schlüssel ist bereits widerrufen.</translation>
    </message>
    <message>
        <source>Create a new key; its secret is shown once</source>
        <translation>Neuen Schlüssel erstellen; sein Geheimnis wird einmal angezeigt</translation>
    </message>
    <message>
        <source>Revoke the selected key: requests with it get 401</source>
        <translation>Ausgewählten Schlüssel widerrufen: Anfragen damit erhalten 401</translation>
    </message>
    <message>
        <source>Key %1 created.</source>
        <translation>Schlüssel %1 erstellt.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke key %1? Programs using it get 401 from now on.</source>
        <translation>Schlüssel %1 widerrufen? Programme, die ihn verwenden, erhalten ab sofort 401.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Key %1 revoked.</source>
        <translation>Schlüssel %1 widerrufen.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ApprovalDialog</name>
    <message>
        <source>Approve %1</source>
        <translation>%1 freigeben</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>%1 ablehnen</translation>
    </message>
    <message>
        <source>You are approving &lt;b&gt;%1&lt;/b&gt; (run %2, started by %3) as &lt;b&gt;%4&lt;/b&gt;. Approved versions can be promoted to Production.</source>
        <translation>Sie geben &lt;b&gt;%1&lt;/b&gt; (Lauf %2, gestartet von %3) als &lt;b&gt;%4&lt;/b&gt; frei. Freigegebene Versionen können in die Produktion übernommen werden.</translation>
    </message>
    <message>
        <source>You are rejecting &lt;b&gt;%1&lt;/b&gt; (run %2, started by %3) as &lt;b&gt;%4&lt;/b&gt;. A rejected version can no longer be promoted.</source>
        <translation>Sie lehnen &lt;b&gt;%1&lt;/b&gt; (Lauf %2, gestartet von %3) als &lt;b&gt;%4&lt;/b&gt; ab. Eine abgelehnte Version kann nicht mehr hochgestuft werden.</translation>
    </message>
    <message>
        <source>What did you check? (required)</source>
        <translation>Was haben Sie geprüft? (erforderlich)</translation>
    </message>
    <message>
        <source>Why is it rejected? (required)</source>
        <translation>Warum wird sie abgelehnt? (erforderlich)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Why approve although the quality gate failed? (required)</source>
        <translation>Warum freigeben, obwohl das Qualitäts-Gate nicht bestanden wurde? (erforderlich)</translation>
    </message>
    <message>
        <source>Gate override</source>
        <translation>Gate-Übersteuerung</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>A comment is required.</source>
        <translation>Ein Kommentar ist erforderlich.</translation>
    </message>
    <message>
        <source>This version failed its quality gate: give an override reason to approve it.</source>
        <translation>Diese Version hat ihr Qualitäts-Gate nicht bestanden: Geben Sie zur Freigabe einen Grund für die Übersteuerung an.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::AuditLogWidget</name>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Kette prüfen</translation>
    </message>
    <message>
        <source>Recompute every row&apos;s SHA-256 and check that each row chains to the one before it</source>
        <translation>SHA-256 jeder Zeile neu berechnen und prüfen, ob jede Zeile mit der vorherigen verkettet ist</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>Audit-Kette wird geprüft…</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Audit-Protokoll wird gelesen…</translation>
    </message>
    <message>
        <source>Verify audit log</source>
        <translation>Audit-Protokoll prüfen</translation>
    </message>
    <message>
        <source>Read audit log</source>
        <translation>Audit-Protokoll lesen</translation>
    </message>
    <message>
        <source>Could not read the audit log: %1</source>
        <translation>Audit-Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n audit row(s).</source>
        <translation>
            <numerusform>%n Audit-Zeile.</numerusform>
            <numerusform>%n Audit-Zeilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) checked: the chain is intact.</source>
        <translation>
            <numerusform>%n Zeile geprüft: Die Kette ist intakt.</numerusform>
            <numerusform>%n Zeilen geprüft: Die Kette ist intakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation>Zeile %1 (%2): %3</translation>
    </message>
    <message numerus="yes">
        <source>Tampering detected in %n row(s) checked.</source>
        <translation>
            <numerusform>Manipulation erkannt (%n Zeile geprüft).</numerusform>
            <numerusform>Manipulation erkannt (%n Zeilen geprüft).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::widgets::ChatInputWidget</name>
    <message>
        <source>The conversation so far. Double-click a cell to edit it.</source>
        <translation>Die bisherige Unterhaltung. Doppelklicken Sie auf eine Zelle, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Next message (Generate adds it to the conversation)</source>
        <translation>Nächste Nachricht („Generieren“ fügt sie der Unterhaltung hinzu)</translation>
    </message>
    <message>
        <source>Add message</source>
        <translation>Nachricht hinzufügen</translation>
    </message>
    <message>
        <source>Add the typed message without generating (e.g. a system prompt or an example answer)</source>
        <translation>Eingegebene Nachricht ohne Generierung hinzufügen (z. B. einen System-Prompt oder eine Beispielantwort)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation>Unterhaltung leeren</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ComparePage</name>
    <message>
        <source>Evaluate the base model against your tuned versions on held-out data and see where their answers differ.</source>
        <translation>Bewerten Sie das Basismodell und Ihre feinabgestimmten Versionen auf zurückgehaltenen Daten und sehen Sie, wo sich ihre Antworten unterscheiden.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>What to compare</source>
        <translation>Was verglichen wird</translation>
    </message>
    <message>
        <source>Run comparison</source>
        <translation>Vergleich ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Stored comparisons:</source>
        <translation>Gespeicherte Vergleiche:</translation>
    </message>
    <message>
        <source>Choose a dataset split (or a file) and the two models above, e.g. the base model and the base model with a run&apos;s adapter.</source>
        <translation>Wählen Sie oben eine Datensatz-Aufteilung (oder eine Datei) und die beiden Modelle, z. B. das Basismodell und das Basismodell mit dem Adapter eines Laufs.</translation>
    </message>
    <message>
        <source>Run the comparison, or open a stored one.</source>
        <translation>Führen Sie den Vergleich aus oder öffnen Sie einen gespeicherten.</translation>
    </message>
    <message>
        <source>Read the scores side by side, filter regressions and fixes, rate the outputs and export a report.</source>
        <translation>Lesen Sie die Werte nebeneinander, filtern Sie Verschlechterungen und Verbesserungen, bewerten Sie die Ausgaben und exportieren Sie einen Bericht.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>HTML exportieren…</translation>
    </message>
    <message>
        <source>Search prompts and outputs</source>
        <translation>Prompts und Ausgaben durchsuchen</translation>
    </message>
    <message>
        <source>Gold label:</source>
        <translation>Gold-Label:</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>No job manager is available.</source>
        <translation>Keine Aufgabenverwaltung verfügbar.</translation>
    </message>
    <message>
        <source>A comparison is running.</source>
        <translation>Ein Vergleich läuft.</translation>
    </message>
    <message>
        <source>Run both models over the data and compare them</source>
        <translation>Beide Modelle über die Daten laufen lassen und vergleichen</translation>
    </message>
    <message>
        <source>Stop the running comparison</source>
        <translation>Laufenden Vergleich anhalten</translation>
    </message>
    <message>
        <source>Nothing is running.</source>
        <translation>Es läuft nichts.</translation>
    </message>
    <message>
        <source>Open the chosen stored comparison</source>
        <translation>Ausgewählten gespeicherten Vergleich öffnen</translation>
    </message>
    <message>
        <source>No comparison is stored in this workspace yet.</source>
        <translation>In diesem Arbeitsbereich ist noch kein Vergleich gespeichert.</translation>
    </message>
    <message>
        <source>Write the comparison with ratings to a file</source>
        <translation>Vergleich mit Bewertungen in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>Noch nichts zu exportieren.</translation>
    </message>
    <message>
        <source>The workspace is open read-only.</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>Only a stored comparison can keep ratings.</source>
        <translation>Nur ein gespeicherter Vergleich kann Bewertungen behalten.</translation>
    </message>
    <message>
        <source>Compare %1 vs %2</source>
        <translation>%1 mit %2 vergleichen</translation>
    </message>
    <message numerus="yes">
        <source>Compared %n examples (not stored: read-only workspace).</source>
        <translation>
            <numerusform>%n Beispiel verglichen (nicht gespeichert: schreibgeschützter Arbeitsbereich).</numerusform>
            <numerusform>%n Beispiele verglichen (nicht gespeichert: schreibgeschützter Arbeitsbereich).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compared %n examples; stored in %1.</source>
        <translation>
            <numerusform>%n Beispiel verglichen; gespeichert in %1.</numerusform>
            <numerusform>%n Beispiele verglichen; gespeichert in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Running both models over %1…</source>
        <translation>Beide Modelle werden auf %1 ausgeführt…</translation>
    </message>
    <message>
        <source>Open comparison %1</source>
        <translation>Vergleich %1 öffnen</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Alle Labels</translation>
    </message>
    <message numerus="yes">
        <source>%n examples (%1): </source>
        <translation>
            <numerusform>%n Beispiel (%1): </numerusform>
            <numerusform>%n Beispiele (%1): </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 both right, %2 both wrong, &lt;span style=&apos;color:#cf222e&apos;&gt;%3 regressions&lt;/span&gt;, &lt;span style=&apos;color:#1a7f37&apos;&gt;%4 fixes&lt;/span&gt;, %5 disagreements.</source>
        <translation>%1 beide richtig, %2 beide falsch, &lt;span style=&apos;color:#cf222e&apos;&gt;%3 Verschlechterungen&lt;/span&gt;, &lt;span style=&apos;color:#1a7f37&apos;&gt;%4 Korrekturen&lt;/span&gt;, %5 Abweichungen.</translation>
    </message>
    <message>
        <source> %1 examples only in A, %2 only in B.</source>
        <translation> %1 Beispiele nur in A, %2 nur in B.</translation>
    </message>
    <message>
        <source>Reviewed: %1 examples; A %2 rated (mean %3), %4 notes; B %5 rated (mean %6), %7 notes.</source>
        <translation>Geprüft: %1 Beispiele; A %2 bewertet (Mittel %3), %4 Notizen; B %5 bewertet (Mittel %6), %7 Notizen.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Abweichungen</translation>
    </message>
    <message>
        <source>Regressions</source>
        <translation>Verschlechterungen</translation>
    </message>
    <message>
        <source>Fixes</source>
        <translation>Korrekturen</translation>
    </message>
    <message>
        <source>Invalid outputs</source>
        <translation>Ungültige Ausgaben</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Ratings not saved: %1</source>
        <translation>Bewertungen nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved the rating of %1 in %2.</source>
        <translation>Bewertung von %1 in %2 gespeichert.</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Comparison %1</source>
        <translation>Vergleich %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>%1 — %2 vs %3 (%4 examples, %5 regressions, %6 fixes)</source>
        <translation>%1 — %2 vs. %3 (%4 Beispiele, %5 Verschlechterungen, %6 Korrekturen)</translation>
    </message>
    <message>
        <source>Could not start the evaluation of run %1: %2</source>
        <translation>Die Evaluierung von Lauf %1 konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>tb::widgets::CompareSetupPanel</name>
    <message>
        <source>A split of a saved dataset version; it fills the data file below</source>
        <translation>Ein Split einer gespeicherten Datensatzversion; füllt die Datendatei unten aus</translation>
    </message>
    <message>
        <source>Dataset file (JSONL, CSV, …) with prompts and references or labels</source>
        <translation>Datensatzdatei (JSONL, CSV, …) mit Prompts und Referenzen oder Labels</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>Datensatzdatei auswählen</translation>
    </message>
    <message>
        <source>Dataset file</source>
        <translation>Datensatzdatei</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv);;All files (*)</source>
        <translation>Datensätze (*.jsonl *.json *.csv *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Dataset split:</source>
        <translation>Datensatz-Split:</translation>
    </message>
    <message>
        <source>Data file:</source>
        <translation>Datendatei:</translation>
    </message>
    <message>
        <source>Model folder or .gguf file</source>
        <translation>Modellordner oder .gguf-Datei</translation>
    </message>
    <message>
        <source>LoRA adapter folder (empty: the model alone)</source>
        <translation>LoRA-Adapterordner (leer: nur das Modell)</translation>
    </message>
    <message>
        <source>Model A (base):</source>
        <translation>Modell A (Basis):</translation>
    </message>
    <message>
        <source>Choose model A&apos;s folder</source>
        <translation>Ordner von Modell A auswählen</translation>
    </message>
    <message>
        <source>Adapter A:</source>
        <translation>Adapter A:</translation>
    </message>
    <message>
        <source>Choose adapter A&apos;s folder</source>
        <translation>Ordner von Adapter A auswählen</translation>
    </message>
    <message>
        <source>Model B (candidate):</source>
        <translation>Modell B (Kandidat):</translation>
    </message>
    <message>
        <source>Choose model B&apos;s folder</source>
        <translation>Ordner von Modell B auswählen</translation>
    </message>
    <message>
        <source>Adapter B:</source>
        <translation>Adapter B:</translation>
    </message>
    <message>
        <source>Choose adapter B&apos;s folder</source>
        <translation>Ordner von Adapter B auswählen</translation>
    </message>
    <message>
        <source>From the data</source>
        <translation>Aus den Daten</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generierung</translation>
    </message>
    <message>
        <source>JSON output</source>
        <translation>JSON-Ausgabe</translation>
    </message>
    <message>
        <source>Comma-separated labels (default: the gold labels)</source>
        <translation>Kommagetrennte Labels (Standard: die Gold-Labels)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Evaluate only the first N usable examples (0: all)</source>
        <translation>Nur die ersten N verwendbaren Beispiele auswerten (0: alle)</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Most new tokens per output (auto: the longest reference + 16). A label needs only a few; a short budget keeps a model that never stops from adding noise.</source>
        <translation>Höchstzahl neuer Token pro Ausgabe (auto: längste Referenz + 16). Ein Label braucht nur wenige; ein knappes Budget verhindert, dass ein Modell, das nie aufhört, Rauschen hinzufügt.</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Limit:</translation>
    </message>
    <message>
        <source>Max tokens:</source>
        <translation>Max. Token:</translation>
    </message>
    <message>
        <source>A registered model version: fills the model and its adapter</source>
        <translation>Eine registrierte Modellversion: füllt das Modell und seinen Adapter aus</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>(no registered versions)</source>
        <translation>(keine registrierten Versionen)</translation>
    </message>
    <message>
        <source>(registered version)</source>
        <translation>(registrierte Version)</translation>
    </message>
    <message>
        <source>(choose a saved dataset split)</source>
        <translation>(gespeicherten Datensatz-Split auswählen)</translation>
    </message>
    <message numerus="yes">
        <source>%1@%2 — %3 (%n records)</source>
        <translation>
            <numerusform>%1@%2 — %3 (%n Eintrag)</numerusform>
            <numerusform>%1@%2 — %3 (%n Einträge)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a dataset split or a data file.</source>
        <translation>Wählen Sie einen Datensatz-Split oder eine Datendatei.</translation>
    </message>
    <message>
        <source>Data file %1 does not exist.</source>
        <translation>Die Datendatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Choose model %1.</source>
        <translation>Wählen Sie Modell %1.</translation>
    </message>
    <message>
        <source>Model %1: %2 does not exist.</source>
        <translation>Modell %1: %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Adapter %1: %2 has no adapter_config.json.</source>
        <translation>Adapter %1: %2 hat keine adapter_config.json.</translation>
    </message>
    <message>
        <source>Model A and model B are the same.</source>
        <translation>Modell A und Modell B sind identisch.</translation>
    </message>
    <message>
        <source>Labels only apply to classification.</source>
        <translation>Labels gelten nur für Klassifikation.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ComparisonCharts</name>
    <message>
        <source>Run or open a comparison to see the charts.</source>
        <translation>Führen Sie einen Vergleich aus oder öffnen Sie einen, um die Diagramme zu sehen.</translation>
    </message>
    <message>
        <source>said %1</source>
        <translation>sagte %1</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>gold label</source>
        <translation>Gold-Label</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Confusion matrices and per-class F1 exist for classification comparisons only; this one is scored as generation (see ROUGE and BLEU in the header).</source>
        <translation>Konfusionsmatrizen und F1 pro Klasse gibt es nur bei Klassifikationsvergleichen; dieser wird als Generierung bewertet (siehe ROUGE und BLEU in der Kopfzeile).</translation>
    </message>
    <message>
        <source>Confusion matrix — %1</source>
        <translation>Konfusionsmatrix — %1</translation>
    </message>
    <message>
        <source>Per-class F1</source>
        <translation>F1 pro Klasse</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::DatasetInspector</name>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Select a record to see it in full.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn vollständig zu sehen.</translation>
    </message>
    <message>
        <source>Choose two different versions</source>
        <translation>Wählen Sie zwei verschiedene Versionen</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed, %4 moved between splits, %5 unchanged</source>
        <translation>%1 hinzugefügt, %2 entfernt, %3 geändert, %4 zwischen Splits verschoben, %5 unverändert</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 @ %2 — %3</source>
        <translation>%1 @ %2 — %3</translation>
    </message>
    <message>
        <source>Indexing records</source>
        <translation>Einträge werden indiziert</translation>
    </message>
    <message>
        <source>%1 records: %2 exact duplicates, %3 near-duplicates, %4 with personal data, %5 over %6 tokens%7.</source>
        <translation>%1 Einträge: %2 exakte Duplikate, %3 Beinahe-Duplikate, %4 mit personenbezogenen Daten, %5 über %6 Token%7.</translation>
    </message>
    <message>
        <source>not checked (too many records)</source>
        <translation>nicht geprüft (zu viele Einträge)</translation>
    </message>
    <message>
        <source> (token counts estimated as bytes/4)</source>
        <translation> (Tokenanzahl geschätzt als Bytes/4)</translation>
    </message>
    <message>
        <source>%1 lines could not be read.</source>
        <translation>%1 Zeilen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Checking records</source>
        <translation>Einträge werden geprüft</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personenbezogene Daten</translation>
    </message>
    <message>
        <source>Over length</source>
        <translation>Überlänge</translation>
    </message>
    <message>
        <source>Rejected on import</source>
        <translation>Beim Import abgelehnt</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Tokens per record (estimated)</source>
        <translation>Token pro Eintrag (geschätzt)</translation>
    </message>
    <message>
        <source>Tokens per record</source>
        <translation>Token pro Eintrag</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(kein Label)</translation>
    </message>
    <message>
        <source>Records per label</source>
        <translation>Einträge pro Label</translation>
    </message>
    <message>
        <source>This is the only version of this dataset.</source>
        <translation>Dies ist die einzige Version dieses Datensatzes.</translation>
    </message>
    <message>
        <source>Comparing versions</source>
        <translation>Versionen werden verglichen</translation>
    </message>
</context>
<context>
    <name>tb::widgets::DatasetsPage</name>
    <message>
        <source>Collect the examples your model should learn from: import prompt and response pairs, clean them, split them into training and validation sets and keep every version.</source>
        <translation>Sammeln Sie die Beispiele, aus denen Ihr Modell lernen soll: Importieren Sie Paare aus Prompt und Antwort, bereinigen Sie sie, teilen Sie sie in Trainings- und Validierungsdaten auf und bewahren Sie jede Version auf.</translation>
    </message>
    <message>
        <source>Split the data into training and validation sets and save it as a version.</source>
        <translation>Teilen Sie die Daten in Trainings- und Validierungsdaten auf und speichern Sie sie als Version.</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Import a JSONL or CSV file of prompts and responses (Import dataset…).</source>
        <translation>Importieren Sie eine JSONL- oder CSV-Datei mit Prompts und Antworten (Datensatz importieren…).</translation>
    </message>
    <message>
        <source>Review the records Tunebench flags as empty, duplicated, too long or holding personal data.</source>
        <translation>Prüfen Sie die Einträge, die Tunebench als leer, doppelt, zu lang oder mit personenbezogenen Daten markiert.</translation>
    </message>
    <message>
        <source>Import dataset…</source>
        <translation>Datensatz importieren…</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>The workspace is open read-only (another Tunebench holds it).</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet (eine andere Tunebench-Instanz verwendet ihn).</translation>
    </message>
    <message>
        <source>Select a version first</source>
        <translation>Wählen Sie zuerst eine Version aus</translation>
    </message>
    <message>
        <source>Some datasets could not be read: %1</source>
        <translation>Einige Datensätze konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::EmptyStateWidget</name>
    <message>
        <source>What to do first</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Files for this page live in %1</source>
        <translation>Die Dateien dieser Seite liegen in %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ExampleDetailPanel</name>
    <message>
        <source>Note on output A</source>
        <translation>Notiz zu Ausgabe A</translation>
    </message>
    <message>
        <source>Note on output B</source>
        <translation>Notiz zu Ausgabe B</translation>
    </message>
    <message>
        <source>Output A:</source>
        <translation>Ausgabe A:</translation>
    </message>
    <message>
        <source>Output B:</source>
        <translation>Ausgabe B:</translation>
    </message>
    <message>
        <source>Save rating</source>
        <translation>Bewertung speichern</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>1 — wrong</source>
        <translation>1 — falsch</translation>
    </message>
    <message>
        <source>2 — poor</source>
        <translation>2 — schwach</translation>
    </message>
    <message>
        <source>3 — acceptable</source>
        <translation>3 — akzeptabel</translation>
    </message>
    <message>
        <source>4 — good</source>
        <translation>4 — gut</translation>
    </message>
    <message>
        <source>5 — excellent</source>
        <translation>5 — ausgezeichnet</translation>
    </message>
    <message>
        <source>Store the ratings and notes of this example beside the comparison</source>
        <translation>Bewertungen und Notizen dieses Beispiels neben dem Vergleich speichern</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an example to see it in full, with the difference between the outputs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie ein Beispiel aus, um es vollständig mit dem Unterschied zwischen den Ausgaben zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>right</source>
        <translation>richtig</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>not a valid label</source>
        <translation>kein gültiges Label</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>Label %1</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Gold label:</source>
        <translation>Gold-Label:</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>&lt;i&gt;(empty)&lt;/i&gt;</source>
        <translation>&lt;i&gt;(leer)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Word diff A → B</source>
        <translation>Wortdiff A → B</translation>
    </message>
</context>
<context>
    <name>tb::widgets::FinetunePage</name>
    <message>
        <source>Teach a Llama-family base model your task with LoRA adapters, on this computer&apos;s CPU. The base weights are never changed; each run produces a small adapter.</source>
        <translation>Bringen Sie einem Basismodell der Llama-Familie mit LoRA-Adaptern Ihre Aufgabe bei – auf der CPU dieses Computers. Die Basisgewichte bleiben unverändert; jeder Lauf erzeugt einen kleinen Adapter.</translation>
    </message>
    <message>
        <source>Open a base model (GGUF or safetensors) from your disk.</source>
        <translation>Öffnen Sie ein Basismodell (GGUF oder safetensors) von Ihrem Datenträger.</translation>
    </message>
    <message>
        <source>Start the run; its progress and loss curve appear under Runs.</source>
        <translation>Starten Sie den Lauf; Fortschritt und Verlustkurve erscheinen unter „Läufe“.</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Choose a dataset version and a task; the wizard proposes settings and estimates memory and time.</source>
        <translation>Wählen Sie eine Datensatzversion und eine Aufgabe; der Assistent schlägt Einstellungen vor und schätzt Speicherbedarf und Dauer.</translation>
    </message>
    <message>
        <source>New fine-tune…</source>
        <translation>Neue Feinabstimmung…</translation>
    </message>
    <message>
        <source>The workspace is open read-only (or missing): runs cannot be started.</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet (oder fehlt): Es können keine Läufe gestartet werden.</translation>
    </message>
    <message>
        <source>Choose a base model, a dataset version and a task, then start a run.</source>
        <translation>Wählen Sie ein Basismodell, eine Datensatzversion und eine Aufgabe und starten Sie dann einen Lauf.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::FinetuneWizard</name>
    <message>
        <source>New fine-tune</source>
        <translation>Neue Feinabstimmung</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>no job manager: background work is unavailable</source>
        <translation>kein Job-Manager: Hintergrundarbeiten sind nicht verfügbar</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>tb::widgets::GenerationPane</name>
    <message>
        <source>Choose a model: a Hugging Face folder or a .gguf file.</source>
        <translation>Wählen Sie ein Modell: einen Hugging-Face-Ordner oder eine .gguf-Datei.</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation>%1: Datei oder Ordner nicht vorhanden.</translation>
    </message>
    <message>
        <source>%1: not a Hugging Face model folder (no config.json).</source>
        <translation>%1: kein Hugging-Face-Modellordner (keine config.json).</translation>
    </message>
    <message>
        <source>%1: not a .gguf file; choose a .gguf file or a Hugging Face folder.</source>
        <translation>%1: keine .gguf-Datei; wählen Sie eine .gguf-Datei oder einen Hugging-Face-Ordner.</translation>
    </message>
    <message>
        <source>Model: Hugging Face folder or .gguf file</source>
        <translation>Modell: Hugging-Face-Ordner oder .gguf-Datei</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>Choose a .gguf model file</source>
        <translation>Eine .gguf-Modelldatei auswählen</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder (config.json, *.safetensors, tokenizer.json)</source>
        <translation>Einen Hugging-Face-Modellordner auswählen (config.json, *.safetensors, tokenizer.json)</translation>
    </message>
    <message>
        <source>Adapter (optional): PEFT LoRA folder</source>
        <translation>Adapter (optional): PEFT-LoRA-Ordner</translation>
    </message>
    <message>
        <source>Adapter…</source>
        <translation>Adapter…</translation>
    </message>
    <message>
        <source>A registered model version: its base model with its adapter</source>
        <translation>Eine registrierte Modellversion: ihr Basismodell mit ihrem Adapter</translation>
    </message>
    <message>
        <source>The model&apos;s answer streams here.</source>
        <translation>Die Antwort des Modells erscheint hier fortlaufend.</translation>
    </message>
    <message>
        <source>Text the model receives</source>
        <translation>Text, den das Modell erhält</translation>
    </message>
    <message>
        <source>Show exactly the text that is tokenized and sent, with the chat template applied</source>
        <translation>Genau den Text anzeigen, der tokenisiert und gesendet wird, mit angewendeter Chatvorlage</translation>
    </message>
    <message>
        <source>%1: the model is still loading.</source>
        <translation>%1: Das Modell wird noch geladen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: choose a model.</source>
        <translation>%1: Wählen Sie ein Modell.</translation>
    </message>
    <message>
        <source>Waiting for you to finish typing…</source>
        <translation>Warten, bis Sie die Eingabe beendet haben…</translation>
    </message>
    <message>
        <source>%1: the adapter must be a PEFT folder (adapter_config.json).</source>
        <translation>%1: Der Adapter muss ein PEFT-Ordner sein (adapter_config.json).</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Choose a GGUF model</source>
        <translation>GGUF-Modell auswählen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder</source>
        <translation>Hugging-Face-Modellordner auswählen</translation>
    </message>
    <message>
        <source>Choose a LoRA adapter folder</source>
        <translation>LoRA-Adapterordner auswählen</translation>
    </message>
    <message>
        <source>Adapter: %1</source>
        <translation>Adapter: %1</translation>
    </message>
    <message>
        <source>Ready (already in memory).</source>
        <translation>Bereit (bereits im Speicher).</translation>
    </message>
    <message>
        <source>Ready (loaded in %1 s).</source>
        <translation>Bereit (in %1 s geladen).</translation>
    </message>
    <message>
        <source>Cannot use this model: %1</source>
        <translation>Dieses Modell kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Prompt: %1 tokens%2 · generating…</source>
        <translation>Prompt: %1 Token%2 · wird generiert…</translation>
    </message>
    <message>
        <source> · model in memory</source>
        <translation> · Modell im Speicher</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 Token · %2 Token/s</translation>
    </message>
    <message>
        <source>%1 tokens in %2 s · %3 tokens/s
prompt %4 tokens · stopped: %5%6</source>
        <translation>%1 Token in %2 s · %3 Token/s
Prompt %4 Token · angehalten: %5%6</translation>
    </message>
    <message>
        <source> · model cached</source>
        <translation> · Modell zwischengespeichert</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportCleanPage</name>
    <message>
        <source>Cleaning</source>
        <translation>Bereinigung</translation>
    </message>
    <message>
        <source>Choose what to clean. Each step reports what it changed; select a row to compare the record before and after.</source>
        <translation>Wählen Sie aus, was bereinigt werden soll. Jeder Schritt meldet seine Änderungen; wählen Sie eine Zeile aus, um den Eintrag vorher und nachher zu vergleichen.</translation>
    </message>
    <message>
        <source>Scrub to placeholders ([EMAIL], [PHONE], …)</source>
        <translation>Durch Platzhalter ersetzen ([EMAIL], [PHONE], …)</translation>
    </message>
    <message>
        <source>Flag only</source>
        <translation>Nur markieren</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Personal data:</source>
        <translation>Personenbezogene Daten:</translation>
    </message>
    <message>
        <source>Remove exact duplicates</source>
        <translation>Exakte Duplikate entfernen</translation>
    </message>
    <message>
        <source>Remove exact and near-duplicates</source>
        <translation>Exakte und Beinahe-Duplikate entfernen</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>Duplikate:</translation>
    </message>
    <message>
        <source>Normalise whitespace and Unicode (NFC)</source>
        <translation>Leerraum und Unicode normalisieren (NFC)</translation>
    </message>
    <message>
        <source>Drop records with an empty field</source>
        <translation>Einträge mit leerem Feld verwerfen</translation>
    </message>
    <message>
        <source>Minimum input characters:</source>
        <translation>Minimale Eingabezeichen:</translation>
    </message>
    <message>
        <source>Maximum input characters:</source>
        <translation>Maximale Eingabezeichen:</translation>
    </message>
    <message>
        <source>Maximum tokens:</source>
        <translation>Maximale Token:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 records in, %2 kept.</source>
        <translation>%1 Einträge eingelesen, %2 behalten.</translation>
    </message>
    <message>
        <source>%1: %2 changed, %3 removed — %4</source>
        <translation>%1: %2 geändert, %3 entfernt — %4</translation>
    </message>
    <message>
        <source>These settings remove every record; relax them to continue.</source>
        <translation>Diese Einstellungen entfernen alle Einträge; lockern Sie sie, um fortzufahren.</translation>
    </message>
    <message>
        <source>Cleaning failed: %1</source>
        <translation>Bereinigung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cleaning was cancelled; change a setting to run it again.</source>
        <translation>Die Bereinigung wurde abgebrochen; ändern Sie eine Einstellung, um sie erneut auszuführen.</translation>
    </message>
    <message>
        <source>Records with a shorter input are dropped (0: off).</source>
        <translation>Einträge mit kürzerer Eingabe werden verworfen (0: aus).</translation>
    </message>
    <message>
        <source>Records with a longer input are dropped (0: off).</source>
        <translation>Einträge mit längerer Eingabe werden verworfen (0: aus).</translation>
    </message>
    <message>
        <source>Records with more tokens (input + output, counted with %1) are dropped (0: off).</source>
        <translation>Einträge mit mehr Token (Eingabe + Ausgabe, gezählt mit %1) werden verworfen (0: aus).</translation>
    </message>
    <message>
        <source>Records with more tokens (input + output, estimated as bytes/4) are dropped (0: off).</source>
        <translation>Einträge mit mehr Token (Eingabe + Ausgabe, geschätzt als Bytes/4) werden verworfen (0: aus).</translation>
    </message>
    <message>
        <source>The minimum input length is larger than the maximum.</source>
        <translation>Die minimale Eingabelänge ist größer als die maximale.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportDatasetWizard</name>
    <message>
        <source>Import Dataset</source>
        <translation>Datensatz importieren</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportMappingPage</name>
    <message>
        <source>Format and mapping</source>
        <translation>Format und Zuordnung</translation>
    </message>
    <message>
        <source>Check what Tunebench detected. Change the format or map source fields to record fields; the preview shows the first records as they will be imported.</source>
        <translation>Prüfen Sie, was Tunebench erkannt hat. Ändern Sie das Format oder ordnen Sie Quellfelder den Eintragsfeldern zu; die Vorschau zeigt die ersten Einträge so, wie sie importiert werden.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Record format:</source>
        <translation>Datensatzformat:</translation>
    </message>
    <message>
        <source>Prompt from:</source>
        <translation>Prompt aus:</translation>
    </message>
    <message>
        <source>Completion from:</source>
        <translation>Antwort aus:</translation>
    </message>
    <message>
        <source>Label from:</source>
        <translation>Label aus:</translation>
    </message>
    <message>
        <source>Text from:</source>
        <translation>Text aus:</translation>
    </message>
    <message>
        <source>e.g. Classify this ticket: {text}</source>
        <translation>z. B. Klassifizieren Sie dieses Ticket: {text}</translation>
    </message>
    <message>
        <source>Builds the prompt from fields: {field} is replaced by the field&apos;s value; write {{ and }} for braces.</source>
        <translation>Erstellt den Prompt aus Feldern: {field} wird durch den Wert des Felds ersetzt; schreiben Sie {{ und }} für geschweifte Klammern.</translation>
    </message>
    <message>
        <source>Prompt template:</source>
        <translation>Prompt-Vorlage:</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>(as detected)</source>
        <translation>(wie erkannt)</translation>
    </message>
    <message>
        <source>Detected %1: %2</source>
        <translation>%1 erkannt: %2</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>No record in the first rows maps with this format and mapping.</source>
        <translation>Kein Datensatz in den ersten Zeilen passt zu diesem Format und dieser Zuordnung.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportQualityPage</name>
    <message>
        <source>Quality report</source>
        <translation>Qualitätsbericht</translation>
    </message>
    <message>
        <source>Counts, duplicates, empty fields, lengths, labels and personal data found in the whole file. Token lengths are estimates (bytes/4) unless a model&apos;s tokenizer is chosen.</source>
        <translation>Anzahlen, Duplikate, leere Felder, Längen, Labels und personenbezogene Daten in der gesamten Datei. Token-Längen sind Schätzungen (Bytes/4), sofern kein Tokenizer eines Modells gewählt ist.</translation>
    </message>
    <message>
        <source>Estimate (bytes/4) — or a model folder or .gguf file whose tokenizer counts tokens</source>
        <translation>Schätzung (Bytes/4) – oder ein Modellordner bzw. eine .gguf-Datei, deren Tokenizer die Token zählt</translation>
    </message>
    <message>
        <source>Model…</source>
        <translation>Modell…</translation>
    </message>
    <message>
        <source>Count tokens with:</source>
        <translation>Token zählen mit:</translation>
    </message>
    <message>
        <source>Model whose tokenizer counts tokens</source>
        <translation>Modell, dessen Tokenizer die Token zählt</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;Hugging Face tokenizer (tokenizer.json)</source>
        <translation>GGUF-Modelle (*.gguf);;Hugging Face-Tokenizer (tokenizer.json)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>The quality report failed: %1</source>
        <translation>Der Qualitätsbericht ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The quality report was cancelled. Go back and next to run it again.</source>
        <translation>Der Qualitätsbericht wurde abgebrochen. Gehen Sie zurück und wieder weiter, um ihn erneut auszuführen.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>No record was rejected on import.</source>
        <translation>Beim Import wurde kein Datensatz abgelehnt.</translation>
    </message>
    <message>
        <source>Rejected on import: %1 (the table lists the first %2; every one is saved beside the version).</source>
        <translation>Beim Import abgelehnt: %1 (die Tabelle zeigt die ersten %2; alle werden neben der Version gespeichert).</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Exact duplicates: %1 records in %2 groups</source>
        <translation>Exakte Duplikate: %1 Datensätze in %2 Gruppen</translation>
    </message>
    <message>
        <source>Near-duplicates (Jaccard ≥ %1): %2 records in %3 groups</source>
        <translation>Beinahe-Duplikate (Jaccard ≥ %1): %2 Datensätze in %3 Gruppen</translation>
    </message>
    <message>
        <source>Empty fields:</source>
        <translation>Leere Felder:</translation>
    </message>
    <message>
        <source>Tokens per record (%1): mean %2, median %3, p90 %4, p99 %5, max %6</source>
        <translation>Token pro Datensatz (%1): Mittelwert %2, Median %3, p90 %4, p99 %5, Max. %6</translation>
    </message>
    <message>
        <source>Over %1 tokens: %2</source>
        <translation>Über %1 Token: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n Label</numerusform>
            <numerusform>%n Labels</numerusform>
        </translation>
    </message>
    <message>
        <source>Imbalanced: the largest class has more than 10× the records of the smallest.</source>
        <translation>Unausgewogen: Die größte Klasse hat mehr als 10× so viele Datensätze wie die kleinste.</translation>
    </message>
    <message>
        <source>Dominant prompt template %1 (%2% of records); %3 records do not follow it.</source>
        <translation>Vorherrschende Prompt-Vorlage %1 (%2 % der Datensätze); %3 Datensätze folgen ihr nicht.</translation>
    </message>
    <message>
        <source>No personal data found.</source>
        <translation>Keine personenbezogenen Daten gefunden.</translation>
    </message>
    <message>
        <source>Personal data in %1 records: %2</source>
        <translation>Personenbezogene Daten in %1 Datensätzen: %2</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Tokens per record (estimated)</source>
        <translation>Token pro Datensatz (geschätzt)</translation>
    </message>
    <message>
        <source>Tokens per record</source>
        <translation>Token pro Datensatz</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportSavePage</name>
    <message>
        <source>Save the version</source>
        <translation>Version speichern</translation>
    </message>
    <message>
        <source>The version is saved in the workspace, content-addressed and read-only; runs and models point to it.</source>
        <translation>Die Version wird im Arbeitsbereich gespeichert, inhaltsadressiert und schreibgeschützt; Läufe und Modelle verweisen darauf.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>What this version is, where it came from, what was cleaned</source>
        <translation>Was diese Version ist, woher sie stammt, was bereinigt wurde</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>train %1, validation %2, test %3 records; %4 rejected on import (kept in a report beside the version).</source>
        <translation>Training %1, Validierung %2, Test %3 Datensätze; %4 beim Import abgelehnt (in einem Bericht neben der Version aufbewahrt).</translation>
    </message>
    <message>
        <source>The workspace is open read-only (another Tunebench holds it); the version cannot be saved.</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet (eine andere Tunebench-Instanz verwendet ihn); die Version kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Saving dataset version</source>
        <translation>Datensatzversion wird gespeichert</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportSourcePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>JSON Lines (prompt/completion, Alpaca, chat messages, ShareGPT or plain text) or CSV/TSV.</source>
        <translation>JSON Lines (Prompt/Antwort, Alpaca, Chat-Nachrichten, ShareGPT oder Klartext) oder CSV/TSV.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>Aus der Datei erkennen</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <source>File kind:</source>
        <translation>Dateiart:</translation>
    </message>
    <message>
        <source>Import dataset</source>
        <translation>Datensatz importieren</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>Datensätze (*.jsonl *.json *.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Wählen Sie die zu importierende Datei.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions).</source>
        <translation>%1 kann nicht gelesen werden (Berechtigungen).</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>The workspace is encrypted and locked. Unlock it to import a dataset: the intermediate files and the saved version are encrypted with its key.</source>
        <translation>Der Arbeitsbereich ist verschlüsselt und gesperrt. Entsperren Sie ihn, um einen Datensatz zu importieren: Die Zwischendateien und die gespeicherte Version werden mit seinem Schlüssel verschlüsselt.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportSplitPage</name>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Train, validation and test sets by ratio and seed. Duplicates and near-duplicates stay in one split.</source>
        <translation>Trainings-, Validierungs- und Testdaten nach Anteil und Seed. Duplikate und Beinahe-Duplikate bleiben in derselben Teilmenge.</translation>
    </message>
    <message>
        <source>Keep each label&apos;s proportions in every split</source>
        <translation>Label-Anteile in jeder Teilmenge beibehalten</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>Validierungsanteil:</translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation>Testanteil:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>train %1, validation %2, test %3</source>
        <translation>Training %1, Validierung %2, Test %3</translation>
    </message>
    <message>
        <source>Duplicate groups kept together: %1 (%2 records)</source>
        <translation>Zusammengehaltene Duplikatgruppen: %1 (%2 Datensätze)</translation>
    </message>
    <message>
        <source>Leakage between splits: %1 exact, %2 near</source>
        <translation>Überschneidung zwischen Teilmengen: %1 exakt, %2 ähnlich</translation>
    </message>
    <message>
        <source>The training split is empty; lower the validation and test shares.</source>
        <translation>Die Trainingsmenge ist leer; verringern Sie den Validierungs- und Testanteil.</translation>
    </message>
    <message>
        <source>Splitting failed: %1</source>
        <translation>Aufteilen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Splitting was cancelled; change a setting to run it again.</source>
        <translation>Das Aufteilen wurde abgebrochen; ändern Sie eine Einstellung, um es erneut auszuführen.</translation>
    </message>
    <message>
        <source>Validation and test together must be less than 1 (the rest is for training).</source>
        <translation>Validierung und Test zusammen müssen kleiner als 1 sein (der Rest dient dem Training).</translation>
    </message>
    <message>
        <source>Splitting</source>
        <translation>Aufteilung läuft</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobProgressBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobStatusWidget</name>
    <message>
        <source>Show background jobs</source>
        <translation>Hintergrundaufgaben anzeigen</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Keine Aufgaben aktiv</translation>
    </message>
    <message>
        <source>Jobs running: %1</source>
        <translation>Laufende Aufgaben: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobsPanel</name>
    <message>
        <source>No background jobs. Long work such as imports, training and evaluation runs here, and you can keep working meanwhile.</source>
        <translation>Keine Hintergrundaufgaben. Langwierige Arbeiten wie Importe, Training und Evaluation laufen hier, und Sie können währenddessen weiterarbeiten.</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Abgeschlossene entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>tb::widgets::LineageGraphView</name>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht erfasst)</translation>
    </message>
    <message>
        <source>Dataset version</source>
        <translation>Datensatzversion</translation>
    </message>
    <message>
        <source>Dataset version %1
SHA-256 %2
by %3 at %4</source>
        <translation>Datensatzversion %1
SHA-256 %2
von %3 am %4</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>%1 · by %2</source>
        <translation>%1 · von %2</translation>
    </message>
    <message>
        <source>Run %1 (%2)
base model %3
seed %4
started by %5 at %6</source>
        <translation>Lauf %1 (%2)
Basismodell %3
Seed %4
gestartet von %5 am %6</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>Modellversion</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Adapter SHA-256 %1
base model %2</source>
        <translation>Adapter-SHA-256 %1
Basismodell %2</translation>
    </message>
    <message>
        <source>Exports: none yet</source>
        <translation>Exporte: noch keine</translation>
    </message>
    <message>
        <source>no exports yet</source>
        <translation>noch keine Exporte</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>%1 export
%2
SHA-256 %3
by %4 at %5</source>
        <translation>%1-Export
%2
SHA-256 %3
von %4 am %5</translation>
    </message>
</context>
<context>
    <name>tb::widgets::LogPanel</name>
    <message>
        <source>No log file is open.</source>
        <translation>Keine Protokolldatei geöffnet.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the panel (the log file is kept)</source>
        <translation>Bereich leeren (die Protokolldatei bleibt erhalten)</translation>
    </message>
    <message>
        <source>No log file: the workspace is read-only or not writable.</source>
        <translation>Keine Protokolldatei: Der Arbeitsbereich ist schreibgeschützt oder nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Protokolldatei: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PlaygroundPage</name>
    <message>
        <source>Playground</source>
        <translation>Spielwiese</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>The model continues your text as it is</source>
        <translation>Das Modell setzt Ihren Text unverändert fort</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Your conversation is formatted with the model&apos;s chat template</source>
        <translation>Ihre Unterhaltung wird mit der Chat-Vorlage des Modells formatiert</translation>
    </message>
    <message>
        <source>Model&apos;s own template</source>
        <translation>Eigene Vorlage des Modells</translation>
    </message>
    <message>
        <source>Built-in: %1</source>
        <translation>Integriert: %1</translation>
    </message>
    <message>
        <source>Which chat template formats the conversation. A model without its own template falls back to a built-in one; the pane under each answer shows which.</source>
        <translation>Welche Chat-Vorlage die Unterhaltung formatiert. Ein Modell ohne eigene Vorlage greift auf eine integrierte zurück; der Bereich unter jeder Antwort zeigt, welche.</translation>
    </message>
    <message>
        <source>Compare two models side by side</source>
        <translation>Zwei Modelle nebeneinander vergleichen</translation>
    </message>
    <message>
        <source>Send the same prompt to a second model (or the same base with an adapter) at the same time</source>
        <translation>Denselben Prompt gleichzeitig an ein zweites Modell (oder dieselbe Basis mit Adapter) senden</translation>
    </message>
    <message>
        <source>Model A</source>
        <translation>Modell A</translation>
    </message>
    <message>
        <source>Model B</source>
        <translation>Modell B</translation>
    </message>
    <message>
        <source>Try a base or tuned model before you rely on it: prompt it or chat with it, watch its answer stream in, and compare two models side by side.</source>
        <translation>Testen Sie ein Basis- oder abgestimmtes Modell, bevor Sie sich darauf verlassen: Geben Sie einen Prompt ein oder chatten Sie, verfolgen Sie die Antwort beim Entstehen und vergleichen Sie zwei Modelle nebeneinander.</translation>
    </message>
    <message>
        <source>Choose a model above: a .gguf file, a Hugging Face folder or a registered version; optionally a LoRA adapter folder.</source>
        <translation>Wählen Sie oben ein Modell: eine .gguf-Datei, einen Hugging Face-Ordner oder eine registrierte Version; optional einen LoRA-Adapterordner.</translation>
    </message>
    <message>
        <source>Type a prompt below, or switch to Chat and write a message; the exact text sent is shown under the answer.</source>
        <translation>Geben Sie unten einen Prompt ein oder wechseln Sie zu Chat und schreiben Sie eine Nachricht; der exakt gesendete Text wird unter der Antwort angezeigt.</translation>
    </message>
    <message>
        <source>Adjust the sampling on the right and press Generate; Stop ends it early.</source>
        <translation>Passen Sie rechts das Sampling an und klicken Sie auf Generieren; Stopp beendet vorzeitig.</translation>
    </message>
    <message>
        <source>Type a prompt; the model continues it.</source>
        <translation>Geben Sie einen Prompt ein; das Modell setzt ihn fort.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop generating; the text so far stays</source>
        <translation>Generierung beenden; der bisherige Text bleibt erhalten</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>Shown once the model is loaded.</source>
        <translation>Wird angezeigt, sobald das Modell geladen ist.</translation>
    </message>
    <message>
        <source>Plain text, tokenized as it is.</source>
        <translation>Klartext, unverändert tokenisiert.</translation>
    </message>
    <message>
        <source>Plain text; the tokenizer puts %1 in front.</source>
        <translation>Klartext; der Tokenizer stellt %1 voran.</translation>
    </message>
    <message>
        <source>Generating… press Stop to end early.</source>
        <translation>Generierung läuft… Klicken Sie auf Stopp, um vorzeitig zu beenden.</translation>
    </message>
    <message>
        <source>Type a message for the model.</source>
        <translation>Geben Sie eine Nachricht für das Modell ein.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Generate with the settings on the right (Ctrl+Return)</source>
        <translation>Mit den Einstellungen rechts generieren (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Reading registered model versions</source>
        <translation>Registrierte Modellversionen werden gelesen</translation>
    </message>
    <message>
        <source>Registered versions could not be read: %1</source>
        <translation>Registrierte Versionen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No private temporary folder for the adapter copy: %1</source>
        <translation>Kein privater temporärer Ordner für die Adapterkopie: %1</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>Verifying the adapter of %1…</source>
        <translation>Adapter von %1 wird überprüft…</translation>
    </message>
    <message>
        <source>Preparing %1 for the Playground</source>
        <translation>%1 wird für die Spielwiese vorbereitet</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RecordPane</name>
    <message>
        <source>Split:</source>
        <translation>Teilmenge:</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Zeile:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message numerus="yes">
        <source>%n personal data hit(s) highlighted</source>
        <translation>
            <numerusform>%n Treffer für personenbezogene Daten hervorgehoben</numerusform>
            <numerusform>%n Treffer für personenbezogene Daten hervorgehoben</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected on import</source>
        <translation>Beim Import abgelehnt</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RegisterRunDialog</name>
    <message>
        <source>Register run %1</source>
        <translation>Lauf %1 registrieren</translation>
    </message>
    <message>
        <source>loose files</source>
        <translation>einzelne Dateien</translation>
    </message>
    <message>
        <source>Run &lt;b&gt;%1&lt;/b&gt;: base model %2, dataset %3, adapter %4%5</source>
        <translation>Lauf &lt;b&gt;%1&lt;/b&gt;: Basismodell %2, Datensatz %3, Adapter %4%5</translation>
    </message>
    <message>
        <source>, best validation loss %1</source>
        <translation>, bester Validierungsverlust %1</translation>
    </message>
    <message>
        <source>Choose an existing model group or type a new name</source>
        <translation>Wählen Sie eine vorhandene Modellgruppe oder geben Sie einen neuen Namen ein</translation>
    </message>
    <message>
        <source>Model group:</source>
        <translation>Modellgruppe:</translation>
    </message>
    <message>
        <source>What the models of this group are for</source>
        <translation>Wofür die Modelle dieser Gruppe bestimmt sind</translation>
    </message>
    <message>
        <source>Group description:</source>
        <translation>Gruppenbeschreibung:</translation>
    </message>
    <message>
        <source>Notes on this version (optional)</source>
        <translation>Anmerkungen zu dieser Version (optional)</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Anmerkungen:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Enter a model group name.</source>
        <translation>Geben Sie einen Namen für die Modellgruppe ein.</translation>
    </message>
    <message>
        <source>Not a valid group name: %1</source>
        <translation>Ungültiger Gruppenname: %1</translation>
    </message>
    <message>
        <source>Not a valid description: %1</source>
        <translation>Ungültige Beschreibung: %1</translation>
    </message>
    <message>
        <source>Not valid notes: %1</source>
        <translation>Ungültige Anmerkungen: %1</translation>
    </message>
    <message>
        <source>Register the adapter as a new version of %1</source>
        <translation>Adapter als neue Version von %1 registrieren</translation>
    </message>
    <message>
        <source>%1 already exists; its description stays.</source>
        <translation>%1 ist bereits vorhanden; die Beschreibung bleibt unverändert.</translation>
    </message>
    <message>
        <source>New group: this run becomes its version 1.</source>
        <translation>Neue Gruppe: Dieser Lauf wird ihre Version 1.</translation>
    </message>
    <message>
        <source>Adds version %1 to %2.</source>
        <translation>Fügt Version %1 zu %2 hinzu.</translation>
    </message>
    <message>
        <source>None (register without an evaluation)</source>
        <translation>Keine (ohne Auswertung registrieren)</translation>
    </message>
    <message>
        <source>vs base model</source>
        <translation>gegen Basismodell</translation>
    </message>
    <message>
        <source>vs adapter %1</source>
        <translation>gegen Adapter %1</translation>
    </message>
    <message numerus="yes">
        <source>Comparison %1 (%2, %n examples, %3 regressions, %4 fixes)</source>
        <translation>
            <numerusform>Vergleich %1 (%2, %n Beispiel, %3 Verschlechterungen, %4 Verbesserungen)</numerusform>
            <numerusform>Vergleich %1 (%2, %n Beispiele, %3 Verschlechterungen, %4 Verbesserungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>A stored comparison (Compare page) in which one side used this run&apos;s adapter: its report is registered with the version and the quality gate is judged on it</source>
        <translation>Ein gespeicherter Vergleich (Seite „Vergleichen“), in dem eine Seite den Adapter dieses Laufs verwendet hat: Sein Bericht wird mit der Version registriert und das Qualitäts-Gate daran beurteilt</translation>
    </message>
    <message>
        <source>Evaluation:</source>
        <translation>Auswertung:</translation>
    </message>
    <message>
        <source>The tuned model&apos;s primary metric (by task) must be at least the base model&apos;s + %1 and at most %2% below the group&apos;s Production version. A version whose gate failed can be registered, but approving it needs an override reason.</source>
        <translation>Die Hauptmetrik des angepassten Modells (je nach Aufgabe) muss mindestens die des Basismodells + %1 erreichen und darf höchstens %2 % unter der Production-Version der Gruppe liegen. Eine Version, deren Gate fehlgeschlagen ist, kann registriert werden, ihre Freigabe erfordert aber eine Begründung für die Ausnahme.</translation>
    </message>
    <message>
        <source>Gate:</source>
        <translation>Gate:</translation>
    </message>
    <message>
        <source>no worker to load it on</source>
        <translation>kein Worker zum Laden verfügbar</translation>
    </message>
    <message>
        <source>Read comparison %1 for the gate</source>
        <translation>Vergleich %1 für das Gate lesen</translation>
    </message>
    <message>
        <source>reading it was cancelled</source>
        <translation>das Lesen wurde abgebrochen</translation>
    </message>
    <message>
        <source>No stored comparison used this run&apos;s adapter (run &quot;Evaluate and compare&quot; first): the version is registered without an evaluation and no gate applies.</source>
        <translation>Kein gespeicherter Vergleich hat den Adapter dieses Laufs verwendet (führen Sie zuerst „Auswerten und vergleichen“ aus): Die Version wird ohne Auswertung registriert, und es gilt kein Gate.</translation>
    </message>
    <message>
        <source>The version is registered without an evaluation and no gate applies.</source>
        <translation>Die Version wird ohne Auswertung registriert, und es gilt kein Gate.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;Cannot read this comparison: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;Dieser Vergleich kann nicht gelesen werden: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Reading the comparison to judge the gate…</source>
        <translation>Vergleich wird gelesen, um das Gate zu beurteilen…</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Gate passed&lt;/b&gt; (primary metric %1)</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;Gate bestanden&lt;/b&gt; (Hauptmetrik %1)</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;Gate failed&lt;/b&gt; (primary metric %1)</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;Gate nicht bestanden&lt;/b&gt; (Hauptmetrik %1)</translation>
    </message>
    <message>
        <source>You can still register it, but a reviewer must give an override reason to approve a version whose gate failed.</source>
        <translation>Sie können sie trotzdem registrieren, aber ein Prüfer muss eine Begründung für die Ausnahme angeben, um eine Version freizugeben, deren Gate fehlgeschlagen ist.</translation>
    </message>
    <message>
        <source>The chosen evaluation cannot be read: choose another one or None.</source>
        <translation>Die gewählte Auswertung kann nicht gelesen werden: Wählen Sie eine andere oder „Keine“.</translation>
    </message>
    <message>
        <source>Wait for the gate verdict of the chosen evaluation.</source>
        <translation>Warten Sie auf das Gate-Ergebnis der gewählten Auswertung.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RegistryPage</name>
    <message>
        <source>Keep the models worth keeping: versioned records of adapters together with the data, settings and scores that produced them.</source>
        <translation>Bewahren Sie die Modelle auf, die es wert sind: versionierte Einträge von Adaptern mitsamt den Daten, Einstellungen und Ergebnissen, aus denen sie entstanden sind.</translation>
    </message>
    <message>
        <source>Register a finished run from Runs or Compare.</source>
        <translation>Registrieren Sie einen abgeschlossenen Lauf unter „Läufe“ oder „Vergleichen“.</translation>
    </message>
    <message>
        <source>Promote a version to staging or production.</source>
        <translation>Stufen Sie eine Version zu Staging oder Produktion hoch.</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Open a workspace to see its model registry.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine Modell-Registry zu sehen.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Genehmigen…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Move to stage…</source>
        <translation>In Stufe verschieben…</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Zurückrollen…</translation>
    </message>
    <message>
        <source>Keep the models worth keeping: versioned records of adapters together with the data, settings and scores that produced them, approved by a second person before they reach production.</source>
        <translation>Behalten Sie die Modelle, die es wert sind: versionierte Einträge von Adaptern zusammen mit den Daten, Einstellungen und Bewertungen, aus denen sie entstanden sind, von einer zweiten Person freigegeben, bevor sie in die Produktion gehen.</translation>
    </message>
    <message>
        <source>Register a finished run from Runs or Compare (or with: tunebench registry register).</source>
        <translation>Registrieren Sie einen abgeschlossenen Lauf unter „Läufe“ oder „Vergleichen“ (oder mit: tunebench registry register).</translation>
    </message>
    <message>
        <source>A reviewer other than the person who ran it approves or rejects it, with a comment.</source>
        <translation>Eine andere prüfende Person als die, die den Lauf gestartet hat, gibt ihn mit einem Kommentar frei oder lehnt ihn ab.</translation>
    </message>
    <message>
        <source>Promote an approved version to staging or production; roll back in one step.</source>
        <translation>Befördern Sie eine freigegebene Version nach Staging oder Produktion; ein Rollback ist ein Schritt.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>This workspace is open read-only and has no registry yet.</source>
        <translation>Dieser Arbeitsbereich ist schreibgeschützt geöffnet und hat noch keine Registry.</translation>
    </message>
    <message>
        <source>Could not open the registry %1: %2</source>
        <translation>Die Registry %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not read the registry: %1</source>
        <translation>Die Registry konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <source>Nothing registered yet.</source>
        <translation>Noch nichts registriert.</translation>
    </message>
    <message>
        <source>Select a model version to see its lineage, evaluation and comments.</source>
        <translation>Wählen Sie eine Modellversion, um ihre Herkunft, Bewertung und Kommentare zu sehen.</translation>
    </message>
    <message>
        <source>Could not read version #%1: %2</source>
        <translation>Version #%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The workspace is open read-only (another Tunebench holds it).</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet (eine andere Tunebench-Instanz verwendet ihn).</translation>
    </message>
    <message>
        <source>A registry change is in progress.</source>
        <translation>Eine Registry-Änderung läuft bereits.</translation>
    </message>
    <message>
        <source>Select a model version first.</source>
        <translation>Wählen Sie zuerst eine Modellversion.</translation>
    </message>
    <message>
        <source>%1 is an analyst; only reviewers and admins change a model&apos;s stage.</source>
        <translation>%1 ist Analyst; nur Prüfer und Administratoren ändern die Stufe eines Modells.</translation>
    </message>
    <message>
        <source>Acting as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Aktueller Benutzer: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Acting as &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Aktueller Benutzer: &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>This version is already in %1.</source>
        <translation>Diese Version ist bereits in %1.</translation>
    </message>
    <message>
        <source>Only Approved versions can move to %1; this one is %2.</source>
        <translation>Nur genehmigte Versionen können nach %1 verschoben werden; diese ist %2.</translation>
    </message>
    <message>
        <source>Group %1 has no Production version to roll back.</source>
        <translation>Gruppe %1 hat keine Produktionsversion zum Zurückrollen.</translation>
    </message>
    <message>
        <source>Approve this version (a comment is required)</source>
        <translation>Diese Version genehmigen (Kommentar erforderlich)</translation>
    </message>
    <message>
        <source>Reject this version (a comment is required)</source>
        <translation>Diese Version ablehnen (Kommentar erforderlich)</translation>
    </message>
    <message>
        <source>Move this version to the chosen stage</source>
        <translation>Diese Version in die gewählte Stufe verschieben</translation>
    </message>
    <message>
        <source>Put the group&apos;s previous Production version back</source>
        <translation>Die vorherige Produktionsversion der Gruppe wiederherstellen</translation>
    </message>
    <message>
        <source>This version failed its quality gate: approving it needs an override reason.</source>
        <translation>Diese Version hat ihre Qualitätsprüfung nicht bestanden: Für die Genehmigung ist eine Begründung erforderlich.</translation>
    </message>
    <message>
        <source>Approve model version #%1</source>
        <translation>Modellversion #%1 genehmigen</translation>
    </message>
    <message>
        <source>Version #%1 approved by %2.</source>
        <translation>Version #%1 von %2 genehmigt.</translation>
    </message>
    <message>
        <source>Reject model version #%1</source>
        <translation>Modellversion #%1 ablehnen</translation>
    </message>
    <message>
        <source>Version #%1 rejected by %2.</source>
        <translation>Version #%1 von %2 abgelehnt.</translation>
    </message>
    <message>
        <source>Move %1 from %2 to %3?</source>
        <translation>%1 von %2 nach %3 verschieben?</translation>
    </message>
    <message>
        <source>The current Production version v%1 moves to Archived in the same step.</source>
        <translation>Die aktuelle Produktionsversion v%1 wird im selben Schritt archiviert.</translation>
    </message>
    <message>
        <source>Change stage</source>
        <translation>Stufe ändern</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Nach %1 verschieben</translation>
    </message>
    <message>
        <source>Move model version #%1 to %2</source>
        <translation>Modellversion #%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>%1 is now in %2.</source>
        <translation>%1 ist jetzt in %2.</translation>
    </message>
    <message>
        <source>Roll back group %1?</source>
        <translation>Gruppe %1 zurückrollen?</translation>
    </message>
    <message>
        <source>Production version v%1 moves to Archived and the version that was in Production before it comes back.</source>
        <translation>Die Produktionsversion v%1 wird archiviert, und die Version, die zuvor in Produktion war, kehrt zurück.</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>%1 zurückrollen</translation>
    </message>
    <message>
        <source>Group %1 rolled back.</source>
        <translation>Gruppe %1 zurückgerollt.</translation>
    </message>
    <message>
        <source>Comment on model version #%1</source>
        <translation>Kommentar zu Modellversion #%1</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Kommentar hinzugefügt.</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>analyst, not yet recorded</source>
        <translation>Analyst, noch nicht erfasst</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RunsPage</name>
    <message>
        <source>Follow every training run: live loss curves, progress, logs and the exact settings and data it used.</source>
        <translation>Verfolgen Sie jeden Trainingslauf: Verlustkurven in Echtzeit, Fortschritt, Protokolle und genau die Einstellungen und Daten, die er verwendet hat.</translation>
    </message>
    <message>
        <source>Start a fine-tune from the Fine-tune page.</source>
        <translation>Starten Sie eine Feinabstimmung auf der Seite „Feinabstimmung“.</translation>
    </message>
    <message>
        <source>Finished runs keep their checkpoints and adapters in the workspace.</source>
        <translation>Abgeschlossene Läufe behalten ihre Checkpoints und Adapter im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Watch its loss here while it trains; you can pause, resume or cancel it at any time.</source>
        <translation>Verfolgen Sie hier den Loss während des Trainings; Sie können es jederzeit pausieren, fortsetzen oder abbrechen.</translation>
    </message>
    <message>
        <source>Evaluate and compare</source>
        <translation>Bewerten und vergleichen</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Not listed: %1</source>
        <translation>Nicht aufgeführt: %1</translation>
    </message>
    <message>
        <source>Select a run.</source>
        <translation>Wählen Sie einen Lauf.</translation>
    </message>
    <message>
        <source>Available once the run has finished.</source>
        <translation>Verfügbar, sobald der Lauf abgeschlossen ist.</translation>
    </message>
    <message>
        <source>The run wrote no adapter (full fine-tuning).</source>
        <translation>Der Lauf hat keinen Adapter geschrieben (vollständige Feinabstimmung).</translation>
    </message>
    <message>
        <source>The dataset version has no test split to evaluate on.</source>
        <translation>Die Datensatzversion hat keine Testmenge für die Bewertung.</translation>
    </message>
    <message>
        <source>Evaluate base and tuned model on the test split and open Compare.</source>
        <translation>Basis- und abgestimmtes Modell auf der Testmenge bewerten und Vergleichen öffnen.</translation>
    </message>
    <message>
        <source>The run wrote no adapter to register.</source>
        <translation>Der Lauf hat keinen Adapter zum Registrieren geschrieben.</translation>
    </message>
    <message>
        <source>The workspace is open read-only.</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>Register the adapter in the model registry.</source>
        <translation>Adapter in der Modell-Registry registrieren.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Show this version in the Registry</source>
        <translation>Diese Version in der Registry anzeigen</translation>
    </message>
    <message>
        <source>Registered as %1</source>
        <translation>Registriert als %1</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>Registrieren…</translation>
    </message>
    <message>
        <source>A registration is in progress.</source>
        <translation>Eine Registrierung läuft bereits.</translation>
    </message>
    <message>
        <source>This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to register (the adapter is stored encrypted).</source>
        <translation>Dieser Arbeitsbereich ist verschlüsselt und wurde nicht entsperrt: Öffnen Sie ihn erneut mit seiner Passphrase oder Schlüsseldatei, um zu registrieren (der Adapter wird verschlüsselt gespeichert).</translation>
    </message>
    <message>
        <source>Register run %1 as %2</source>
        <translation>Lauf %1 als %2 registrieren</translation>
    </message>
    <message>
        <source>Registering %1 as a version of %2…</source>
        <translation>%1 wird als Version von %2 registriert…</translation>
    </message>
    <message>
        <source>Could not register %1: %2</source>
        <translation>%1 konnte nicht registriert werden: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SamplingPanel</name>
    <message>
        <source>0 picks the most likely token every time (greedy, reproducible). Higher values make the answer more varied; above ~1.2 it drifts into nonsense.</source>
        <translation>0 wählt jedes Mal das wahrscheinlichste Token (greedy, reproduzierbar). Höhere Werte machen die Antwort vielfältiger; über ~1,2 wird sie unsinnig.</translation>
    </message>
    <message>
        <source>Sample only among the K most likely tokens. 0 turns it off.</source>
        <translation>Nur unter den K wahrscheinlichsten Token auswählen. 0 schaltet dies aus.</translation>
    </message>
    <message>
        <source>Nucleus sampling: keep the most likely tokens until their probabilities add up to this. 1 turns it off; must be above 0.</source>
        <translation>Nucleus-Sampling: die wahrscheinlichsten Token behalten, bis ihre Wahrscheinlichkeiten zusammen diesen Wert erreichen. 1 schaltet dies aus; muss größer als 0 sein.</translation>
    </message>
    <message>
        <source>Drop tokens less likely than this fraction of the most likely one. 0 turns it off; must be below 1.</source>
        <translation>Token verwerfen, die weniger wahrscheinlich sind als dieser Anteil des wahrscheinlichsten. 0 schaltet dies aus; muss kleiner als 1 sein.</translation>
    </message>
    <message>
        <source>Makes tokens seen in the last 64 less likely (1 = off, 1.1–1.3 is typical). Must be above 0.</source>
        <translation>Macht Token, die in den letzten 64 vorkamen, unwahrscheinlicher (1 = aus, 1,1–1,3 ist üblich). Muss größer als 0 sein.</translation>
    </message>
    <message>
        <source>The most tokens to generate; the model&apos;s context length also limits it.</source>
        <translation>Höchstzahl der zu generierenden Token; auch die Kontextlänge des Modells begrenzt sie.</translation>
    </message>
    <message>
        <source>Random seed for sampling: the same seed and settings give the same answer.</source>
        <translation>Zufalls-Seed für das Sampling: Derselbe Seed und dieselben Einstellungen ergeben dieselbe Antwort.</translation>
    </message>
    <message>
        <source>One per line; \n is a line break</source>
        <translation>Eine pro Zeile; \n ist ein Zeilenumbruch</translation>
    </message>
    <message>
        <source>Generation stops before the first of these texts appears; it is not included in the answer.</source>
        <translation>Die Generierung stoppt vor dem ersten Auftreten eines dieser Texte; er ist nicht in der Antwort enthalten.</translation>
    </message>
    <message>
        <source>Stop at end of sequence</source>
        <translation>Am Sequenzende stoppen</translation>
    </message>
    <message>
        <source>End when the model emits its end-of-sequence token. Turn off to see what it writes past it.</source>
        <translation>Beenden, wenn das Modell sein End-of-Sequence-Token ausgibt. Deaktivieren Sie dies, um zu sehen, was es danach schreibt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sampling&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sampling&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Token</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Stop strings</source>
        <translation>Stopp-Zeichenfolgen</translation>
    </message>
    <message>
        <source>Seed: give a whole number from 0 to 18446744073709551615 (got &apos;%1&apos;).</source>
        <translation>Seed: Geben Sie eine ganze Zahl von 0 bis 18446744073709551615 ein (erhalten: „%1“).</translation>
    </message>
    <message>
        <source>Max tokens: give at least 1.</source>
        <translation>Max. Token: Geben Sie mindestens 1 an.</translation>
    </message>
    <message>
        <source>Stop strings: at most %1 (got %2).</source>
        <translation>Stopp-Zeichenfolgen: höchstens %1 (erhalten: %2).</translation>
    </message>
    <message>
        <source>Stop strings: each at most %1 characters.</source>
        <translation>Stopp-Zeichenfolgen: jeweils höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Sampling: %1.</source>
        <translation>Sampling: %1.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ServePage</name>
    <message>
        <source>Run a local HTTP endpoint so that your own programs can use a tuned model, without sending data anywhere.</source>
        <translation>Betreiben Sie einen lokalen HTTP-Endpunkt, damit Ihre eigenen Programme ein feinabgestimmtes Modell nutzen können, ohne Daten irgendwohin zu senden.</translation>
    </message>
    <message>
        <source>Pick a registered model version.</source>
        <translation>Wählen Sie eine registrierte Modellversion.</translation>
    </message>
    <message>
        <source>Choose a port and start the server.</source>
        <translation>Wählen Sie einen Port und starten Sie den Server.</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Local endpoint</source>
        <translation>Lokaler Endpunkt</translation>
    </message>
    <message>
        <source>Hugging Face model folder or .gguf file</source>
        <translation>Hugging Face-Modellordner oder .gguf-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>name clients use for the base model</source>
        <translation>Name, den Clients für das Basismodell verwenden</translation>
    </message>
    <message>
        <source>Base served as</source>
        <translation>Basis bereitgestellt als</translation>
    </message>
    <message>
        <source>The endpoint only listens on this computer.</source>
        <translation>Der Endpunkt lauscht nur auf diesem Computer.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Require an API key (recommended)</source>
        <translation>API-Schlüssel verlangen (empfohlen)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Served model versions (Approved, in Staging or Production)</source>
        <translation>Bereitgestellte Modellversionen (freigegeben, in Staging oder Produktion)</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Run a local OpenAI-compatible HTTP endpoint so that your own programs can use a tuned model, without sending data anywhere.</source>
        <translation>Betreiben Sie einen lokalen OpenAI-kompatiblen HTTP-Endpunkt, damit Ihre eigenen Programme ein abgestimmtes Modell nutzen können, ohne Daten irgendwohin zu senden.</translation>
    </message>
    <message>
        <source>Choose the base model and tick the approved versions to serve.</source>
        <translation>Wählen Sie das Basismodell und haken Sie die freigegebenen Versionen an, die bereitgestellt werden sollen.</translation>
    </message>
    <message>
        <source>Create an API key and start the endpoint on this computer&apos;s address.</source>
        <translation>Erstellen Sie einen API-Schlüssel und starten Sie den Endpunkt unter der Adresse dieses Computers.</translation>
    </message>
    <message>
        <source>Watch requests and latency here; run the drift report against the training data.</source>
        <translation>Verfolgen Sie hier Anfragen und Latenz; erstellen Sie den Drift-Bericht gegen die Trainingsdaten.</translation>
    </message>
    <message>
        <source>Live traffic</source>
        <translation>Live-Datenverkehr</translation>
    </message>
    <message>
        <source>Drift report (sampled requests against the training data)</source>
        <translation>Drift-Bericht (Stichprobe der Anfragen im Vergleich zu den Trainingsdaten)</translation>
    </message>
    <message>
        <source>Training data file (JSONL, CSV or TSV)</source>
        <translation>Trainingsdatendatei (JSONL, CSV oder TSV)</translation>
    </message>
    <message>
        <source>Compute drift report</source>
        <translation>Drift-Bericht berechnen</translation>
    </message>
    <message>
        <source>A share of requests (1%) is sampled to %1; the report compares their prompts with the training data.</source>
        <translation>Ein Anteil der Anfragen (1 %) wird in %1 als Stichprobe gespeichert; der Bericht vergleicht deren Prompts mit den Trainingsdaten.</translation>
    </message>
    <message>
        <source>Base model folder</source>
        <translation>Basismodell-Ordner</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>Data (*.jsonl *.csv *.tsv)</source>
        <translation>Daten (*.jsonl *.csv *.tsv)</translation>
    </message>
    <message>
        <source>Serving %1 at http://127.0.0.1:%2/v1</source>
        <translation>%1 wird unter http://127.0.0.1:%2/v1 bereitgestellt</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>in Betrieb</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Serving %1 at %2</source>
        <translation>%1 wird unter %2 bereitgestellt</translation>
    </message>
    <message>
        <source>Could not read the registry: %1</source>
        <translation>Registry kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The endpoint is already running.</source>
        <translation>Der Endpunkt läuft bereits.</translation>
    </message>
    <message>
        <source>The workspace is open read-only (another Tunebench holds it).</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet (ein anderes Tunebench verwendet ihn).</translation>
    </message>
    <message>
        <source>Choose the base model to serve.</source>
        <translation>Wählen Sie das bereitzustellende Basismodell.</translation>
    </message>
    <message>
        <source>The base model %1 does not exist.</source>
        <translation>Das Basismodell %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Give the base model a served name.</source>
        <translation>Geben Sie dem Basismodell einen Bereitstellungsnamen.</translation>
    </message>
    <message>
        <source>Create an API key first (below), or untick &quot;Require an API key&quot;.</source>
        <translation>Erstellen Sie zuerst einen API-Schlüssel (unten) oder deaktivieren Sie „API-Schlüssel erforderlich“.</translation>
    </message>
    <message>
        <source>No job manager.</source>
        <translation>Keine Aufgabenverwaltung.</translation>
    </message>
    <message>
        <source>Load the base model and the checked versions, then listen</source>
        <translation>Basismodell und ausgewählte Versionen laden, dann Anfragen annehmen</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>Annahme beenden</translation>
    </message>
    <message>
        <source>The endpoint is not running.</source>
        <translation>Der Endpunkt läuft nicht.</translation>
    </message>
    <message>
        <source>Loading the base model and adapters…</source>
        <translation>Basismodell und Adapter werden geladen…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird beendet…</translation>
    </message>
    <message>
        <source>A drift report is being computed.</source>
        <translation>Ein Drift-Bericht wird gerade berechnet.</translation>
    </message>
    <message>
        <source>Choose the training data file first.</source>
        <translation>Wählen Sie zuerst die Trainingsdatendatei.</translation>
    </message>
    <message>
        <source>The training data file does not exist.</source>
        <translation>Die Trainingsdatendatei existiert nicht.</translation>
    </message>
    <message>
        <source>Choose the base model: its tokenizer measures prompt lengths.</source>
        <translation>Wählen Sie das Basismodell: Sein Tokenizer misst die Prompt-Längen.</translation>
    </message>
    <message>
        <source>Compare the sampled requests with the training data</source>
        <translation>Stichprobe der Anfragen mit den Trainingsdaten vergleichen</translation>
    </message>
    <message>
        <source>&lt;i&gt;Computing…&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wird berechnet…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Drift report</source>
        <translation>Drift-Bericht</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#c62828&apos;&gt;Could not compute the drift report: %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#c62828&apos;&gt;Drift-Bericht konnte nicht berechnet werden: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Verdict: %1&lt;/b&gt; — %2 sampled requests against %3 training examples.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Ergebnis: %1&lt;/b&gt; – %2 Anfragen aus der Stichprobe im Vergleich zu %3 Trainingsbeispielen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to serve its adapters.</source>
        <translation>Dieser Arbeitsbereich ist verschlüsselt und wurde nicht entsperrt: Öffnen Sie ihn erneut mit seiner Passphrase oder Schlüsseldatei, um seine Adapter bereitzustellen.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>Arbeitsbereich-Ordner:</translation>
    </message>
    <message>
        <source>How many background jobs run at the same time. This computer has %1 hardware threads.</source>
        <translation>Wie viele Hintergrundaufgaben gleichzeitig laufen. Dieser Computer hat %1 Hardware-Threads.</translation>
    </message>
    <message>
        <source>Worker threads:</source>
        <translation>Worker-Threads:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Changes take effect the next time Tunebench starts.</source>
        <translation>Änderungen gelten ab dem nächsten Start von Tunebench.</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>Arbeitsbereich-Ordner auswählen</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrafficChartWidget</name>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>mean latency (ms)</source>
        <translation>mittlere Latenz (ms)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>%1 requests in total, %2 failed, %3 tokens generated; %4 active, %5 queued</source>
        <translation>%1 Anfragen insgesamt, %2 fehlgeschlagen, %3 Token erzeugt; %4 aktiv, %5 in Warteschlange</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrainingDashboard</name>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Pause after the current step; the run keeps its place in memory.</source>
        <translation>Nach dem aktuellen Schritt pausieren; der Lauf bleibt im Speicher an seiner Stelle.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the run after the current step; a checkpoint is kept so it can be resumed.</source>
        <translation>Lauf nach dem aktuellen Schritt anhalten; ein Checkpoint bleibt erhalten, damit er fortgesetzt werden kann.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>Token pro Sekunde</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>Token/s</translation>
    </message>
    <message>
        <source>CPU use (%)</source>
        <translation>CPU-Auslastung (%)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>Speicher (MiB)</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>resident</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>utilisation %</source>
        <translation>Auslastung %</translation>
    </message>
    <message>
        <source>memory GiB</source>
        <translation>Speicher GiB</translation>
    </message>
    <message>
        <source>No GPU figures: %1.</source>
        <translation>Keine GPU-Werte: %1.</translation>
    </message>
    <message>
        <source>The run&apos;s log appears here.</source>
        <translation>Hier erscheint das Protokoll des Laufs.</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <source>step %1 / %2 · epoch %3 / %4</source>
        <translation>Schritt %1 / %2 · Epoche %3 / %4</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>Continue training from where it paused.</source>
        <translation>Training an der pausierten Stelle fortsetzen.</translation>
    </message>
    <message>
        <source>Continue from the last checkpoint (step %1).</source>
        <translation>Vom letzten Checkpoint fortsetzen (Schritt %1).</translation>
    </message>
    <message>
        <source>No checkpoint was written yet: train again from the beginning.</source>
        <translation>Es wurde noch kein Checkpoint geschrieben: Trainieren Sie erneut von vorn.</translation>
    </message>
    <message>
        <source>Only a paused, interrupted, cancelled or failed run can resume.</source>
        <translation>Nur ein pausierter, unterbrochener, abgebrochener oder fehlgeschlagener Lauf kann fortgesetzt werden.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::VersionDetailWidget</name>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>kommentiert</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Quality gate</source>
        <translation>Qualitätsschwelle</translation>
    </message>
    <message>
        <source>Comments and decisions</source>
        <translation>Kommentare und Entscheidungen</translation>
    </message>
    <message>
        <source>Add a comment…</source>
        <translation>Kommentar hinzufügen…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentieren</translation>
    </message>
    <message>
        <source>Select a model version to see its lineage, evaluation and comments.</source>
        <translation>Wählen Sie eine Modellversion, um Herkunft, Evaluation und Kommentare zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 v%2&lt;/b&gt; — %3, stage %4. Registered by %5 at %6; base model %7.</source>
        <translation>&lt;b&gt;%1 v%2&lt;/b&gt; – %3, Stufe %4. Registriert von %5 am %6; Basismodell %7.</translation>
    </message>
    <message>
        <source>No evaluation report was registered with this version.</source>
        <translation>Mit dieser Version wurde kein Evaluationsbericht registriert.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>Exact match</source>
        <translation>Exakte Übereinstimmung</translation>
    </message>
    <message>
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
    <message>
        <source>Invalid answers</source>
        <translation>Ungültige Antworten</translation>
    </message>
    <message>
        <source>No gate was evaluated for this version.</source>
        <translation>Für diese Version wurde keine Qualitätsschwelle geprüft.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Passed&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;Bestanden&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;Failed&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;Nicht bestanden&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (primary metric %1)</source>
        <translation> (Hauptmetrik %1)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Approved despite the failed gate: &lt;i&gt;%1&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Trotz nicht bestandener Qualitätsschwelle freigegeben: &lt;i&gt;%1&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No comments yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Noch keine Kommentare.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; %2 &lt;span style=&apos;color:gray&apos;&gt;%3&lt;/span&gt;&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; %2 &lt;span style=&apos;color:gray&apos;&gt;%3&lt;/span&gt;&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Select a model version first.</source>
        <translation>Wählen Sie zuerst eine Modellversion.</translation>
    </message>
    <message>
        <source>Type a comment first.</source>
        <translation>Geben Sie zuerst einen Kommentar ein.</translation>
    </message>
    <message>
        <source>From comparison %1</source>
        <translation>Aus Vergleich %1</translation>
    </message>
    <message>
        <source>Tuned</source>
        <translation>Angepasst</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardAdvancedPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Every trainer setting, filled from the preset. Hover over a field to see what it does.</source>
        <translation>Alle Trainer-Einstellungen, aus der Voreinstellung übernommen. Zeigen Sie auf ein Feld, um zu sehen, was es bewirkt.</translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation>LoRA-Adapter</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>Vollständige Feinabstimmung</translation>
    </message>
    <message>
        <source>LoRA trains a small adapter beside frozen weights (little memory, a small file). Full fine-tuning changes every weight: far more memory, only for small models.</source>
        <translation>LoRA trainiert einen kleinen Adapter neben eingefrorenen Gewichten (wenig Speicher, kleine Datei). Die vollständige Feinabstimmung ändert alle Gewichte: weit mehr Speicher, nur für kleine Modelle.</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>LoRA-Rang:</translation>
    </message>
    <message>
        <source>Width of the adapter&apos;s low-rank update. Higher learns more and costs more memory; 8-16 is typical.</source>
        <translation>Breite der Low-Rank-Aktualisierung des Adapters. Höher lernt mehr und braucht mehr Speicher; üblich sind 8–16.</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>LoRA-Alpha:</translation>
    </message>
    <message>
        <source>Scale of the adapter&apos;s update (alpha / rank). Usually twice the rank.</source>
        <translation>Skalierung der Adapter-Aktualisierung (Alpha / Rang). Meist das Doppelte des Rangs.</translation>
    </message>
    <message>
        <source>LoRA dropout:</source>
        <translation>LoRA-Dropout:</translation>
    </message>
    <message>
        <source>Fraction of the adapter&apos;s inputs zeroed while training; helps against overfitting small data.</source>
        <translation>Anteil der Adapter-Eingaben, die beim Training auf null gesetzt werden; hilft gegen Überanpassung bei wenig Daten.</translation>
    </message>
    <message>
        <source>rank-stabilised scaling (alpha / √rank)</source>
        <translation>rangstabilisierte Skalierung (Alpha / √Rang)</translation>
    </message>
    <message>
        <source>rsLoRA keeps the update&apos;s size stable at high ranks.</source>
        <translation>rsLoRA hält die Größe der Aktualisierung bei hohen Rängen stabil.</translation>
    </message>
    <message>
        <source>Which projections get an adapter: q, k, v, o (attention), gate, up, down (MLP), comma-separated, or &apos;all&apos;. More targets learn more.</source>
        <translation>Welche Projektionen einen Adapter erhalten: q, k, v, o (Attention), gate, up, down (MLP), durch Kommas getrennt, oder &apos;all&apos;. Mehr Ziele lernen mehr.</translation>
    </message>
    <message>
        <source>Target modules:</source>
        <translation>Zielmodule:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Passes over the training split.</source>
        <translation>Durchläufe über den Trainingsanteil.</translation>
    </message>
    <message>
        <source>Max steps:</source>
        <translation>Max. Schritte:</translation>
    </message>
    <message>
        <source>Stop after this many optimizer steps even if epochs remain; 0: no cap.</source>
        <translation>Nach so vielen Optimierungsschritten anhalten, auch wenn Epochen übrig sind; 0: keine Grenze.</translation>
    </message>
    <message>
        <source>Peak learning rate, e.g. 2e-4. Too high diverges (the loss becomes NaN); too low learns nothing.</source>
        <translation>Maximale Lernrate, z. B. 2e-4. Zu hoch divergiert (der Verlust wird NaN); zu niedrig lernt nichts.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>How the learning rate falls after warm-up: constant, linear to the floor, or along a cosine.</source>
        <translation>Wie die Lernrate nach dem Warm-up sinkt: konstant, linear bis zur Untergrenze oder entlang einer Kosinuskurve.</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <source>Warm-up steps:</source>
        <translation>Warm-up-Schritte:</translation>
    </message>
    <message>
        <source>Steps over which the learning rate rises from 0 to its peak; steadies the first updates.</source>
        <translation>Schritte, in denen die Lernrate von 0 auf ihren Höchstwert steigt; stabilisiert die ersten Aktualisierungen.</translation>
    </message>
    <message>
        <source>Learning-rate floor:</source>
        <translation>Lernraten-Untergrenze:</translation>
    </message>
    <message>
        <source>Lowest learning rate of the decay, as a fraction of the peak.</source>
        <translation>Niedrigste Lernrate beim Abfall, als Anteil des Höchstwerts.</translation>
    </message>
    <message>
        <source>Adam β1:</source>
        <translation>Adam β1:</translation>
    </message>
    <message>
        <source>Momentum of AdamW&apos;s first moment (gradient average). 0.9 is standard.</source>
        <translation>Momentum des ersten Moments von AdamW (Gradientenmittel). Standard ist 0,9.</translation>
    </message>
    <message>
        <source>Adam β2:</source>
        <translation>Adam β2:</translation>
    </message>
    <message>
        <source>Momentum of AdamW&apos;s second moment (gradient scale). 0.999 is standard.</source>
        <translation>Momentum des zweiten Moments von AdamW (Gradientenskala). Standard ist 0,999.</translation>
    </message>
    <message>
        <source>AdamW&apos;s epsilon: keeps the update finite when gradients are tiny. 1e-8 is standard.</source>
        <translation>Epsilon von AdamW: hält die Aktualisierung endlich, wenn Gradienten winzig sind. Standard ist 1e-8.</translation>
    </message>
    <message>
        <source>Adam ε:</source>
        <translation>Adam ε:</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>Gewichtsabnahme:</translation>
    </message>
    <message>
        <source>Pulls trained weights toward zero each step (not norms or biases); mild regularisation.</source>
        <translation>Zieht trainierte Gewichte bei jedem Schritt in Richtung null (nicht Normen oder Biases); leichte Regularisierung.</translation>
    </message>
    <message>
        <source>Gradient clipping:</source>
        <translation>Gradient-Clipping:</translation>
    </message>
    <message>
        <source>Largest gradient norm; larger gradients are scaled down. 0: no clipping.</source>
        <translation>Größte Gradientennorm; größere Gradienten werden herunterskaliert. 0: kein Clipping.</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Examples per micro-batch. Memory grows with batch × sequence length.</source>
        <translation>Beispiele pro Micro-Batch. Der Speicherbedarf wächst mit Batch × Sequenzlänge.</translation>
    </message>
    <message>
        <source>Gradient accumulation:</source>
        <translation>Gradientenakkumulation:</translation>
    </message>
    <message>
        <source>Micro-batches summed per optimizer step: a larger effective batch without more memory.</source>
        <translation>Pro Optimierungsschritt summierte Micro-Batches: ein größerer effektiver Batch ohne mehr Speicher.</translation>
    </message>
    <message>
        <source>Max sequence length:</source>
        <translation>Max. Sequenzlänge:</translation>
    </message>
    <message>
        <source>Tokens per example; longer examples are truncated (and counted on the review page).</source>
        <translation>Token pro Beispiel; längere Beispiele werden gekürzt (und auf der Prüfseite gezählt).</translation>
    </message>
    <message>
        <source>pack several examples per row</source>
        <translation>mehrere Beispiele pro Zeile packen</translation>
    </message>
    <message>
        <source>Fills rows with several short examples (attention stays inside each): less padding, faster on short texts.</source>
        <translation>Füllt Zeilen mit mehreren kurzen Beispielen (die Attention bleibt jeweils innerhalb): weniger Padding, schneller bei kurzen Texten.</translation>
    </message>
    <message>
        <source>group examples of similar length</source>
        <translation>Beispiele ähnlicher Länge gruppieren</translation>
    </message>
    <message>
        <source>Batches examples of similar length together: less padding, same result on average.</source>
        <translation>Fasst Beispiele ähnlicher Länge in Batches zusammen: weniger Padding, im Mittel dasselbe Ergebnis.</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Seeds the adapter&apos;s initialisation, the data order and dropout: the same seed repeats the run.</source>
        <translation>Bestimmt die Initialisierung des Adapters, die Datenreihenfolge und das Dropout: Derselbe Seed wiederholt den Lauf.</translation>
    </message>
    <message>
        <source>Validate every:</source>
        <translation>Validieren alle:</translation>
    </message>
    <message>
        <source>Steps between validation passes; 0: at the end of each epoch.</source>
        <translation>Schritte zwischen Validierungsdurchläufen; 0: am Ende jeder Epoche.</translation>
    </message>
    <message>
        <source>Early-stop patience:</source>
        <translation>Geduld für frühes Stoppen:</translation>
    </message>
    <message>
        <source>Stop after this many validations without improvement; 0: never stop early. Needs a validation split.</source>
        <translation>Nach so vielen Validierungen ohne Verbesserung anhalten; 0: nie vorzeitig anhalten. Erfordert einen Validierungsanteil.</translation>
    </message>
    <message>
        <source>Early-stop min. improvement:</source>
        <translation>Min. Verbesserung für frühes Stoppen:</translation>
    </message>
    <message>
        <source>How much lower the validation loss must be to count as an improvement.</source>
        <translation>Um wie viel der Validierungsverlust sinken muss, um als Verbesserung zu zählen.</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>Checkpoint alle:</translation>
    </message>
    <message>
        <source>Steps between checkpoints (for resume); 0: at the end of each epoch.</source>
        <translation>Schritte zwischen Checkpoints (zum Fortsetzen); 0: am Ende jeder Epoche.</translation>
    </message>
    <message>
        <source>Checkpoints kept:</source>
        <translation>Behaltene Checkpoints:</translation>
    </message>
    <message>
        <source>Older checkpoints beyond this many are deleted (the best one is always kept).</source>
        <translation>Ältere Checkpoints über diese Anzahl hinaus werden gelöscht (der beste bleibt immer erhalten).</translation>
    </message>
    <message>
        <source>Log every:</source>
        <translation>Protokollieren alle:</translation>
    </message>
    <message>
        <source>Steps between lines in metrics.jsonl (the dashboard&apos;s history after a restart).</source>
        <translation>Schritte zwischen Zeilen in metrics.jsonl (der Verlauf des Dashboards nach einem Neustart).</translation>
    </message>
    <message>
        <source>completion / assistant tokens</source>
        <translation>Completion-/Assistant-Token</translation>
    </message>
    <message>
        <source>the whole text</source>
        <translation>der gesamte Text</translation>
    </message>
    <message>
        <source>Which tokens the model is trained to predict: only the answer (usual for instructions and labels) or the whole text (free generation).</source>
        <translation>Welche Token das Modell vorhersagen lernt: nur die Antwort (üblich für Anweisungen und Labels) oder den gesamten Text (freie Generierung).</translation>
    </message>
    <message>
        <source>Loss on:</source>
        <translation>Verlust auf:</translation>
    </message>
    <message>
        <source>render examples with the model&apos;s chat template</source>
        <translation>Beispiele mit der Chat-Vorlage des Modells darstellen</translation>
    </message>
    <message>
        <source>Train in exactly the format the model is served with. Without it: prompt + completion + end-of-text.</source>
        <translation>Im genau gleichen Format trainieren, in dem das Modell bereitgestellt wird. Ohne diese Option: Prompt + Completion + Textende.</translation>
    </message>
    <message>
        <source>This model has no chat template.</source>
        <translation>Dieses Modell hat keine Chat-Vorlage.</translation>
    </message>
    <message>
        <source>Learning rate: enter a number above 0 and at most 1, e.g. 2e-4.</source>
        <translation>Lernrate: Geben Sie eine Zahl größer als 0 und höchstens 1 ein, z. B. 2e-4.</translation>
    </message>
    <message>
        <source>Adam ε: enter a small positive number, e.g. 1e-8.</source>
        <translation>Adam ε: Geben Sie eine kleine positive Zahl ein, z. B. 1e-8.</translation>
    </message>
    <message>
        <source>Target modules: %1</source>
        <translation>Zielmodule: %1</translation>
    </message>
    <message>
        <source>Early stopping needs a validation split: set patience to 0 or go back and use one.</source>
        <translation>Frühes Stoppen erfordert einen Validierungsanteil: Setzen Sie die Geduld auf 0 oder gehen Sie zurück und verwenden Sie einen.</translation>
    </message>
    <message>
        <source>Full fine-tuning of %1 parameters needs far more memory than this workbench supports; use LoRA.</source>
        <translation>Eine vollständige Feinabstimmung von %1 Parametern braucht weit mehr Speicher, als diese Werkbank unterstützt; verwenden Sie LoRA.</translation>
    </message>
    <message>
        <source>F32 (exact)</source>
        <translation>F32 (exakt)</translation>
    </message>
    <message>
        <source>BF16 (about twice as fast)</source>
        <translation>BF16 (etwa doppelt so schnell)</translation>
    </message>
    <message>
        <source>Arithmetic for the frozen base model in LoRA training. BF16 rounds the base weights and what they multiply to 16-bit floats (as bf16 mixed precision does) and runs about twice as fast on CPUs with AVX512-BF16; the adapter and optimizer stay 32-bit. Full fine-tuning always uses F32.</source>
        <translation>Arithmetik für das eingefrorene Basismodell beim LoRA-Training. BF16 rundet die Basisgewichte und die damit multiplizierten Werte auf 16-Bit-Gleitkommazahlen (wie bei bf16-Mixed-Precision) und läuft auf CPUs mit AVX512-BF16 etwa doppelt so schnell; Adapter und Optimierer bleiben bei 32 Bit. Vollständiges Fine-Tuning verwendet immer F32.</translation>
    </message>
    <message>
        <source>Base arithmetic:</source>
        <translation>Basis-Arithmetik:</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardDataPage</name>
    <message>
        <source>Dataset version</source>
        <translation>Datensatzversion</translation>
    </message>
    <message>
        <source>A saved, immutable dataset version, so the run can always be traced to its exact data.</source>
        <translation>Eine gespeicherte, unveränderliche Datensatzversion, damit sich der Lauf immer auf seine genauen Daten zurückführen lässt.</translation>
    </message>
    <message>
        <source>Versions are made on the Datasets page (import, clean, split, save a version).</source>
        <translation>Versionen werden auf der Seite „Datensätze“ erstellt (importieren, bereinigen, aufteilen, Version speichern).</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Splits:</source>
        <translation>Aufteilungen:</translation>
    </message>
    <message>
        <source>Use the validation split (validation loss, early stopping, best checkpoint)</source>
        <translation>Validierungsanteil verwenden (Validierungsverlust, frühes Stoppen, bester Checkpoint)</translation>
    </message>
    <message>
        <source>Keep the test split for &quot;Evaluate and compare&quot; after training</source>
        <translation>Testanteil nach dem Training für „Bewerten und vergleichen“ aufbewahren</translation>
    </message>
    <message>
        <source>No dataset version in this workspace yet: make one on the Datasets page.</source>
        <translation>In diesem Arbeitsbereich gibt es noch keine Datensatzversion: Erstellen Sie eine auf der Seite „Datensätze“.</translation>
    </message>
    <message>
        <source>train %1 · validation %2 · test %3</source>
        <translation>Training %1 · Validierung %2 · Test %3</translation>
    </message>
    <message>
        <source>This version has no validation records.</source>
        <translation>Diese Version hat keine Validierungsdatensätze.</translation>
    </message>
    <message>
        <source>This version has no test records.</source>
        <translation>Diese Version hat keine Testdatensätze.</translation>
    </message>
    <message>
        <source>This version has no training records: choose another one.</source>
        <translation>Diese Version hat keine Trainingsdatensätze: Wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>%1 is missing: the version folder is damaged.</source>
        <translation>%1 fehlt: Der Versionsordner ist beschädigt.</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardModelPage</name>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>The Llama-family model to adapt: a Hugging Face folder (config.json, *.safetensors, tokenizer.json) or a .gguf file. Its weights are never changed.</source>
        <translation>Das anzupassende Modell der Llama-Familie: ein Hugging-Face-Ordner (config.json, *.safetensors, tokenizer.json) oder eine .gguf-Datei. Seine Gewichte werden nie verändert.</translation>
    </message>
    <message>
        <source>Path to a model folder or .gguf file</source>
        <translation>Pfad zu einem Modellordner oder einer .gguf-Datei</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>Choose a .gguf model file.</source>
        <translation>Wählen Sie eine .gguf-Modelldatei.</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder.</source>
        <translation>Wählen Sie einen Hugging-Face-Modellordner.</translation>
    </message>
    <message>
        <source>Choose a GGUF model</source>
        <translation>GGUF-Modell auswählen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder</source>
        <translation>Hugging-Face-Modellordner auswählen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Choose a base model to continue.</source>
        <translation>Wählen Sie ein Basismodell, um fortzufahren.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Inspecting model %1</source>
        <translation>Modell %1 wird untersucht</translation>
    </message>
    <message>
        <source>This model cannot be used: %1</source>
        <translation>Dieses Modell kann nicht verwendet werden: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Check the plan, the estimate and the warnings, then start. The run is queued and trains on the Runs page; you can pause or cancel it there.</source>
        <translation>Prüfen Sie den Plan, die Schätzung und die Warnungen, dann starten Sie. Der Lauf wird eingereiht und trainiert auf der Seite „Läufe“; dort können Sie ihn pausieren oder abbrechen.</translation>
    </message>
    <message>
        <source>The run&apos;s folder name in the workspace: letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Ordnername des Laufs im Arbeitsbereich: Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Name des Laufs:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Data&lt;/b&gt; %2@%3 (train%4%5)&lt;br&gt;&lt;b&gt;Task&lt;/b&gt; %6 · %7</source>
        <translation>&lt;b&gt;Modell&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Daten&lt;/b&gt; %2@%3 (Training%4%5)&lt;br&gt;&lt;b&gt;Aufgabe&lt;/b&gt; %6 · %7</translation>
    </message>
    <message>
        <source>, validation</source>
        <translation>, Validierung</translation>
    </message>
    <message>
        <source>, test kept for evaluation</source>
        <translation>, Test für die Evaluation aufbewahrt</translation>
    </message>
    <message>
        <source>LoRA rank %1, alpha %2</source>
        <translation>LoRA-Rang %1, Alpha %2</translation>
    </message>
    <message>
        <source>full fine-tuning</source>
        <translation>vollständige Feinabstimmung</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Schedule&lt;/b&gt; %1 epochs%2, learning rate %3 (%4), batch %5 × %6, sequence %7 tokens</source>
        <translation>&lt;br&gt;&lt;b&gt;Zeitplan&lt;/b&gt; %1 Epochen%2, Lernrate %3 (%4), Batch %5 × %6, Sequenz %7 Token</translation>
    </message>
    <message>
        <source> (at most %1 steps)</source>
        <translation> (höchstens %1 Schritte)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate&lt;/b&gt;: %1 steps, %2 tokens; memory about %3 (weights %4, trainable %5 values with gradients and AdamW moments %6, activations %7); time about %8 on this CPU.</source>
        <translation>&lt;b&gt;Schätzung&lt;/b&gt;: %1 Schritte, %2 Token; Speicher ca. %3 (Gewichte %4, %5 trainierbare Werte mit Gradienten und AdamW-Momenten %6, Aktivierungen %7); Zeit ca. %8 auf dieser CPU.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>The estimate (%1) is close to or above this computer&apos;s memory (%2): lower the batch size or sequence length, or use LoRA.</source>
        <translation>Die Schätzung (%1) liegt nahe an oder über dem Arbeitsspeicher dieses Computers (%2): Verringern Sie die Batchgröße oder Sequenzlänge oder verwenden Sie LoRA.</translation>
    </message>
    <message>
        <source>The plan has no training step: check the epochs, max steps and data.</source>
        <translation>Der Plan enthält keinen Trainingsschritt: Prüfen Sie Epochen, max. Schritte und Daten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No warnings.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Keine Warnungen.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warnings&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Warnungen&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>The workspace is open read-only: runs cannot be started.</source>
        <translation>Der Arbeitsbereich ist schreibgeschützt geöffnet: Läufe können nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Enter a run name.</source>
        <translation>Geben Sie einen Namen für den Lauf ein.</translation>
    </message>
    <message>
        <source>Use 1-100 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (not starting with &apos;.&apos; or &apos;-&apos;).</source>
        <translation>Verwenden Sie 1–100 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; (nicht mit &apos;.&apos; oder &apos;-&apos; beginnend).</translation>
    </message>
    <message>
        <source>A run named %1 already exists.</source>
        <translation>Ein Lauf namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot create the run: %1</source>
        <translation>Lauf kann nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardTaskPage</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>What should the tuned model do? The preset fills starting settings from your data; you can change every one on the next page.</source>
        <translation>Was soll das feinabgestimmte Modell tun? Die Voreinstellung füllt Starteinstellungen anhand Ihrer Daten aus; Sie können jede davon auf der nächsten Seite ändern.</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>Answer with one label from a fixed set (ticket category, sentiment). Low rank, the sequence covers the longest example so no label is cut off.</source>
        <translation>Mit einem Label aus einer festen Menge antworten (Ticketkategorie, Stimmung). Niedriger Rang; die Sequenz umfasst das längste Beispiel, damit kein Label abgeschnitten wird.</translation>
    </message>
    <message>
        <source>Structured output (JSON)</source>
        <translation>Strukturierte Ausgabe (JSON)</translation>
    </message>
    <message>
        <source>Fill a fixed schema. Medium rank; the sequence covers the longest example so no object is cut.</source>
        <translation>Ein festes Schema ausfüllen. Mittlerer Rang; die Sequenz umfasst das längste Beispiel, damit kein Objekt abgeschnitten wird.</translation>
    </message>
    <message>
        <source>Style and tone</source>
        <translation>Stil und Ton</translation>
    </message>
    <message>
        <source>Answer in house style. Higher rank; the sequence covers 95% of the examples.</source>
        <translation>Im Hausstil antworten. Höherer Rang; die Sequenz umfasst 95 % der Beispiele.</translation>
    </message>
    <message>
        <source>Free generation</source>
        <translation>Freie Generierung</translation>
    </message>
    <message>
        <source>Continue or write text. Loss on the whole text, packing on, sequence covers 95% of the examples.</source>
        <translation>Text fortsetzen oder schreiben. Verlust auf dem gesamten Text, Packen aktiviert, die Sequenz umfasst 95 % der Beispiele.</translation>
    </message>
    <message>
        <source>Reading the splits with the model&apos;s tokenizer…</source>
        <translation>Aufteilungen werden mit dem Tokenizer des Modells gelesen…</translation>
    </message>
    <message>
        <source>Reading the training data</source>
        <translation>Trainingsdaten werden gelesen</translation>
    </message>
    <message>
        <source>The data cannot be read with this model: %1</source>
        <translation>Die Daten können mit diesem Modell nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 training records (%2 usable), %3 validation, %4 test. Longest example %5 tokens, 95% within %6.</source>
        <translation>%1 Trainingsdatensätze (%2 verwendbar), %3 Validierung, %4 Test. Längstes Beispiel %5 Token, 95 % innerhalb von %6.</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>%1 distinct short answers.</source>
        <translation>%1 verschiedene kurze Antworten.</translation>
    </message>
</context>
</TS>
