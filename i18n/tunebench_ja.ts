<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>ワークスペースを開けません</translation>
    </message>
    <message>
        <source>%1

Choose another folder in Settings and restart Tunebench.</source>
        <translation>%1

設定で別のフォルダーを選び、Tunebench を再起動してください。</translation>
    </message>
    <message>
        <source>tokens (bin start)</source>
        <translation>トークン数（ビン開始）</translation>
    </message>
    <message>
        <source>%1 (largest %2 of %3)</source>
        <translation>%1（最大 %2 / %3）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>The model&apos;s own template (%1).</source>
        <translation>モデル独自のテンプレート（%1）。</translation>
    </message>
    <message>
        <source>Unknown built-in chat template &apos;%1&apos;.</source>
        <translation>不明な組み込みチャットテンプレート「%1」です。</translation>
    </message>
    <message>
        <source>Built-in template &apos;%1&apos; chosen by you.</source>
        <translation>選択した組み込みテンプレート「%1」。</translation>
    </message>
    <message>
        <source>The model&apos;s template could not be read (%1); using built-in &apos;%2&apos;.</source>
        <translation>モデルのテンプレートを読み取れませんでした（%1）。組み込みテンプレート「%2」を使用します。</translation>
    </message>
    <message>
        <source>The model ships no chat template; using built-in &apos;%1&apos;.</source>
        <translation>モデルにチャットテンプレートが含まれていないため、組み込みテンプレート「%1」を使用します。</translation>
    </message>
    <message>
        <source>Add at least one message to the conversation.</source>
        <translation>会話にメッセージを 1 件以上追加してください。</translation>
    </message>
    <message>
        <source>The chat template failed: %1</source>
        <translation>チャットテンプレートでエラーが発生しました: %1</translation>
    </message>
    <message>
        <source>%1 · %2 parameters · %3 layers · vocabulary %4 · context %5 · %6 %7</source>
        <translation>%1 · パラメーター %2 · %3 層 · 語彙 %4 · コンテキスト %5 · %6 %7</translation>
    </message>
    <message>
        <source>LoRA r=%1 · alpha %2 · targets %3</source>
        <translation>LoRA r=%1 · alpha %2 · 対象 %3</translation>
    </message>
</context>
<context>
    <name>tb::app::AboutInfo</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（%2 でビルド）</translation>
    </message>
</context>
<context>
    <name>tb::app::MainWindow</name>
    <message>
        <source>Tunebench (read-only)</source>
        <translation>Tunebench（読み取り専用）</translation>
    </message>
    <message>
        <source>Tunebench</source>
        <translation>Tunebench</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>Background jobs</source>
        <translation>バックグラウンドジョブ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Workspace Folder</source>
        <translation>ワークスペースのフォルダーを開く(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Log Panel</source>
        <translation>ログパネル(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Background Jobs</source>
        <translation>バックグラウンドジョブ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tunebench</source>
        <translation>Tunebench について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>ワークスペースが開かれていません</translation>
    </message>
    <message>
        <source>Workspace: %1 (read-only: another Tunebench is using it)</source>
        <translation>ワークスペース: %1（読み取り専用: 別の Tunebench が使用中）</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>ワークスペース: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>完了: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>キャンセル済み: %1</translation>
    </message>
    <message>
        <source>A background job</source>
        <translation>バックグラウンドジョブ</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>Job failed</source>
        <translation>ジョブが失敗しました</translation>
    </message>
    <message>
        <source>Settings saved; they take effect the next time Tunebench starts.</source>
        <translation>設定を保存しました。次回 Tunebench を起動したときに反映されます。</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>ジョブを実行中です</translation>
    </message>
    <message>
        <source>%1 background job(s) are still running. Cancel them and quit?</source>
        <translation>バックグラウンドジョブがまだ %1 件実行中です。キャンセルして終了しますか？</translation>
    </message>
</context>
<context>
    <name>tb::app::WorkspaceUnlockDialog</name>
    <message>
        <source>Unlock the workspace</source>
        <translation>ワークスペースのロック解除</translation>
    </message>
    <message>
        <source>The workspace %1 is encrypted with a key file. Choose the key file to read its datasets, predictions and adapters.</source>
        <translation>ワークスペース %1 はキーファイルで暗号化されています。データセット、予測、アダプターを読み込むには、キーファイルを選択してください。</translation>
    </message>
    <message>
        <source>The workspace %1 is encrypted. Enter its passphrase to read its datasets, predictions and adapters.</source>
        <translation>ワークスペース %1 は暗号化されています。データセット、予測、アダプターを読み込むには、パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>キーファイル:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>パスフレーズ:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Continue locked</source>
        <translation>ロックしたまま続行</translation>
    </message>
    <message>
        <source>Open the workspace without the key: encrypted datasets, predictions and adapters cannot be read until you restart and unlock it.</source>
        <translation>キーなしでワークスペースを開きます。暗号化されたデータセット、予測、アダプターは、再起動してロックを解除するまで読み込めません。</translation>
    </message>
    <message>
        <source>Choose the workspace key file</source>
        <translation>ワークスペースのキーファイルを選択</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Choose the key file.</source>
        <translation>キーファイルを選択してください。</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>ロックを解除しています…</translation>
    </message>
</context>
<context>
    <name>tb::models::ApiKeyTableModel</name>
    <message>
        <source>revoked</source>
        <translation>失効</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>SHA-256 of the secret: %1 (the secret itself is not stored)</source>
        <translation>シークレットの SHA-256: %1（シークレット自体は保存されません）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Stored hash</source>
        <translation>保存済みハッシュ</translation>
    </message>
</context>
<context>
    <name>tb::models::AuditLogTableModel</name>
    <message>
        <source>(not valid JSON)</source>
        <translation>（無効な JSON）</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>時刻 (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>ハッシュ</translation>
    </message>
</context>
<context>
    <name>tb::models::ChatMessageModel</name>
    <message>
        <source>Role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>tb::models::ComparisonTableModel</name>
    <message>
        <source>both right</source>
        <translation>両方正解</translation>
    </message>
    <message>
        <source>both wrong</source>
        <translation>両方不正解</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>悪化</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>改善</translation>
    </message>
    <message>
        <source>, differ</source>
        <translation>、相違あり</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <source>Output A</source>
        <translation>出力 A</translation>
    </message>
    <message>
        <source>Output B</source>
        <translation>出力 B</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Rating A</source>
        <translation>評価 A</translation>
    </message>
    <message>
        <source>Rating B</source>
        <translation>評価 B</translation>
    </message>
</context>
<context>
    <name>tb::models::DatasetVersionListModel</name>
    <message>
        <source>%1@%2 — train %3, validation %4, test %5</source>
        <translation>%1@%2 — 学習 %3、検証 %4、テスト %5</translation>
    </message>
    <message>
        <source>%1
created %2
%3</source>
        <translation>%1
作成日時 %2
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
        <translation>名前</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>親</translation>
    </message>
</context>
<context>
    <name>tb::models::GenerationWorker</name>
    <message>
        <source>The prompt is empty and this model adds no start token: type a prompt.</source>
        <translation>プロンプトが空で、このモデルは開始トークンを追加しません。プロンプトを入力してください。</translation>
    </message>
    <message>
        <source>The prompt has %1 tokens; this model&apos;s context holds %2. Shorten it.</source>
        <translation>プロンプトは %1 トークンですが、このモデルのコンテキストは %2 トークンまでです。短くしてください。</translation>
    </message>
</context>
<context>
    <name>tb::models::JobListModel</name>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Failed without a message</source>
        <translation>メッセージなしで失敗しました</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>ユーザーがキャンセルしました</translation>
    </message>
</context>
<context>
    <name>tb::models::MetricsDeltaModel</name>
    <message>
        <source>Accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>マクロ F1</translation>
    </message>
    <message>
        <source>Weighted F1</source>
        <translation>加重 F1</translation>
    </message>
    <message>
        <source>Invalid outputs</source>
        <translation>無効な出力</translation>
    </message>
    <message>
        <source>Exact match</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <source>JSON field accuracy</source>
        <translation>JSON フィールド正解率</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>有効な JSON</translation>
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
        <translation>トークン F1</translation>
    </message>
    <message>
        <source>Latency p50 (ms)</source>
        <translation>レイテンシ p50 (ms)</translation>
    </message>
    <message>
        <source>Latency p95 (ms)</source>
        <translation>レイテンシ p95 (ms)</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>トークン/秒</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
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
        <translation>未評価</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>ステージング</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>本番</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Approved despite the failed gate: %1</source>
        <translation>ゲート不合格のまま承認: %1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Primary metric</source>
        <translation>主要指標</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Run by</source>
        <translation>実行者</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>登録者</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登録日時</translation>
    </message>
</context>
<context>
    <name>tb::models::RecordTableModel</name>
    <message>
        <source>duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>near-duplicate</source>
        <translation>ほぼ重複</translation>
    </message>
    <message>
        <source>has duplicates</source>
        <translation>重複あり</translation>
    </message>
    <message>
        <source>PII: %1</source>
        <translation>PII: %1</translation>
    </message>
    <message>
        <source>over length</source>
        <translation>長さ超過</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>読み取り不可</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Tokens (est.)</source>
        <translation>トークン数（推定）</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン数</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出事項</translation>
    </message>
</context>
<context>
    <name>tb::models::RegisteredVersionModel</name>
    <message>
        <source>Registered version…</source>
        <translation>登録済みバージョン…</translation>
    </message>
    <message>
        <source>%1 v%2 · %3 · %4 · base %5</source>
        <translation>%1 v%2 · %3 · %4 · ベース %5</translation>
    </message>
    <message>
        <source>Base model: %1
Adapter: %2
Run: %3</source>
        <translation>ベースモデル: %1
アダプター: %2
ラン: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>tb::models::RunListModel</name>
    <message>
        <source>queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
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
        <translation>ラン</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>Best validation loss</source>
        <translation>最良の検証損失</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
</context>
<context>
    <name>tb::models::RunScheduler</name>
    <message>
        <source>the application closed during training</source>
        <translation>学習中にアプリケーションが終了しました</translation>
    </message>
    <message>
        <source>queued to resume from step %1</source>
        <translation>ステップ %1 から再開するため待機中</translation>
    </message>
    <message>
        <source>waiting for the trainer</source>
        <translation>トレーナーを待機中</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>再開済み</translation>
    </message>
    <message>
        <source>removed from the queue</source>
        <translation>キューから削除されました</translation>
    </message>
</context>
<context>
    <name>tb::models::ServeSession</name>
    <message>
        <source>Start the local endpoint</source>
        <translation>ローカルエンドポイントを起動</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Stop the local endpoint</source>
        <translation>ローカルエンドポイントを停止</translation>
    </message>
    <message>
        <source>Serve %1</source>
        <translation>%1 をサービング</translation>
    </message>
    <message>
        <source>This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to serve its adapters (they are decrypted in memory only).</source>
        <translation>このワークスペースは暗号化されていて、ロック解除されていません。アダプターを配信するには、パスフレーズまたはキーファイルで開き直してください（アダプターはメモリ上でのみ復号されます）。</translation>
    </message>
</context>
<context>
    <name>tb::models::ServedVersionTableModel</name>
    <message>
        <source>not evaluated</source>
        <translation>未評価</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>failed (overridden)</source>
        <translation>不合格（オーバーライド）</translation>
    </message>
    <message>
        <source>%1 v%2, adapter %3</source>
        <translation>%1 v%2、アダプター %3</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>サービング</translation>
    </message>
    <message>
        <source>Served as</source>
        <translation>公開名</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>tb::models::TrainingWorker</name>
    <message>
        <source>Cancelled: %1</source>
        <translation>キャンセルしました: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗しました: %1</translation>
    </message>
    <message>
        <source>Loading base model %1</source>
        <translation>ベースモデル %1 を読み込んでいます</translation>
    </message>
    <message>
        <source>Resuming from the last checkpoint</source>
        <translation>最後のチェックポイントから再開しています</translation>
    </message>
    <message>
        <source>Training started</source>
        <translation>学習を開始しました</translation>
    </message>
    <message>
        <source>step %1/%2 epoch %3 loss %4 lr %5 grad norm %6 tokens/s %7%8</source>
        <translation>ステップ %1/%2 エポック %3 損失 %4 学習率 %5 勾配ノルム %6 トークン/秒 %7%8</translation>
    </message>
    <message>
        <source> validation %1</source>
        <translation> 検証 %1</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>ステップ %1 で一時停止しました</translation>
    </message>
    <message>
        <source>Resumed at step %1</source>
        <translation>ステップ %1 で再開しました</translation>
    </message>
    <message>
        <source>cancelled at step %1; a checkpoint was kept so the run can be resumed</source>
        <translation>ステップ %1 でキャンセルされました。ランを再開できるようチェックポイントを保持しています</translation>
    </message>
    <message>
        <source>%1 steps, final train loss %2%3%4</source>
        <translation>%1 ステップ、最終学習損失 %2%3%4</translation>
    </message>
    <message>
        <source>, best validation loss %1 at step %2</source>
        <translation>、最良の検証損失 %1（ステップ %2）</translation>
    </message>
    <message>
        <source> (stopped early)</source>
        <translation>（早期終了）</translation>
    </message>
    <message>
        <source>%1 examples were truncated to the maximum sequence length</source>
        <translation>%1 件の例が最大シーケンス長に切り詰められました</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>完了しました: %1</translation>
    </message>
    <message>
        <source>Could not record the run&apos;s end in the registry: %1</source>
        <translation>実行の終了をレジストリに記録できませんでした: %1</translation>
    </message>
    <message>
        <source>Recorded in the registry as run %1, started by %2</source>
        <translation>レジストリに実行 %1 として記録されました（開始者: %2）</translation>
    </message>
    <message>
        <source>Could not record the run in the registry: %1</source>
        <translation>実行をレジストリに記録できませんでした: %1</translation>
    </message>
    <message>
        <source>This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to train (the run&apos;s adapter and checkpoints are stored encrypted).</source>
        <translation>このワークスペースは暗号化されていて、ロック解除されていません。学習するには、パスフレーズまたはキーファイルで開き直してください（実行のアダプターとチェックポイントは暗号化して保存されます）。</translation>
    </message>
    <message>
        <source>Full fine-tuning writes the tuned model as a plain model folder, which an encrypted workspace does not allow. Train a LoRA adapter here (it is stored encrypted), or run full fine-tuning in an unencrypted workspace.</source>
        <translation>フルファインチューニングは調整済みモデルを暗号化されないモデルフォルダーとして書き出しますが、暗号化されたワークスペースではそれは許可されません。ここでは LoRA アダプターを学習するか（暗号化して保存されます）、暗号化されていないワークスペースでフルファインチューニングを実行してください。</translation>
    </message>
    <message>
        <source>Saving the fine-tuned model</source>
        <translation>ファインチューニング済みモデルを保存しています</translation>
    </message>
    <message>
        <source>; model saved to %1</source>
        <translation>。モデルを %1 に保存しました</translation>
    </message>
</context>
<context>
    <name>tb::widgets::AboutDialog</name>
    <message>
        <source>About Tunebench</source>
        <translation>Tunebench について</translation>
    </message>
    <message>
        <source>Tunebench %1</source>
        <translation>Tunebench %1</translation>
    </message>
    <message>
        <source>A desktop workbench for fine-tuning open-weight language models privately, on your own computer.</source>
        <translation>オープンウェイトの言語モデルを、自分のコンピューター上で非公開のままファインチューニングするためのデスクトップ作業環境です。</translation>
    </message>
    <message>
        <source>Libraries in use:</source>
        <translation>使用しているライブラリ:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ApiKeysWidget</name>
    <message>
        <source>What the key is for, e.g. helpdesk-bot</source>
        <translation>キーの用途（例: helpdesk-bot）</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>キーを作成</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>失効…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Store this key now: it is shown only once and Tunebench keeps only its hash.</source>
        <translation>このキーを今すぐ保存してください。表示されるのは一度だけで、Tunebench はハッシュのみを保持します。</translation>
    </message>
    <message>
        <source>Could not read the API keys: %1</source>
        <translation>API キーを読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>The workspace is open read-only.</source>
        <translation>ワークスペースは読み取り専用で開かれています。</translation>
    </message>
    <message>
        <source>The key file could not be read.</source>
        <translation>キーファイルを読み取れませんでした。</translation>
    </message>
    <message>
        <source>Give the key a name first.</source>
        <translation>先にキーの名前を入力してください。</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>先にキーを選択してください。</translation>
    </message>
    <message>
        <source>This key is already revoked.</source>
        <translation>このキーはすでに失効しています。</translation>
    </message>
    <message>
        <source>Create a new key; its secret is shown once</source>
        <translation>新しいキーを作成します。シークレットは一度だけ表示されます</translation>
    </message>
    <message>
        <source>Revoke the selected key: requests with it get 401</source>
        <translation>選択したキーを失効させます。このキーを使ったリクエストには 401 が返されます</translation>
    </message>
    <message>
        <source>Key %1 created.</source>
        <translation>キー %1 を作成しました。</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API キーの失効</translation>
    </message>
    <message>
        <source>Revoke key %1? Programs using it get 401 from now on.</source>
        <translation>キー %1 を失効させますか？ このキーを使うプログラムには今後 401 が返されます。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>失効</translation>
    </message>
    <message>
        <source>Key %1 revoked.</source>
        <translation>キー %1 を失効させました。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ApprovalDialog</name>
    <message>
        <source>Approve %1</source>
        <translation>%1 を承認</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>%1 を却下</translation>
    </message>
    <message>
        <source>You are approving &lt;b&gt;%1&lt;/b&gt; (run %2, started by %3) as &lt;b&gt;%4&lt;/b&gt;. Approved versions can be promoted to Production.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（ラン %2、開始者 %3）を &lt;b&gt;%4&lt;/b&gt; として承認します。承認済みのバージョンは本番に昇格できます。</translation>
    </message>
    <message>
        <source>You are rejecting &lt;b&gt;%1&lt;/b&gt; (run %2, started by %3) as &lt;b&gt;%4&lt;/b&gt;. A rejected version can no longer be promoted.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（ラン %2、開始者 %3）を &lt;b&gt;%4&lt;/b&gt; として却下します。却下したバージョンは今後昇格できません。</translation>
    </message>
    <message>
        <source>What did you check? (required)</source>
        <translation>何を確認しましたか？（必須）</translation>
    </message>
    <message>
        <source>Why is it rejected? (required)</source>
        <translation>却下の理由は？（必須）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Why approve although the quality gate failed? (required)</source>
        <translation>品質ゲートが不合格なのに承認する理由は？（必須）</translation>
    </message>
    <message>
        <source>Gate override</source>
        <translation>ゲートのオーバーライド</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>A comment is required.</source>
        <translation>コメントは必須です。</translation>
    </message>
    <message>
        <source>This version failed its quality gate: give an override reason to approve it.</source>
        <translation>このバージョンは品質ゲートに不合格です。承認するにはオーバーライドの理由を入力してください。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::AuditLogWidget</name>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>チェーンを検証</translation>
    </message>
    <message>
        <source>Recompute every row&apos;s SHA-256 and check that each row chains to the one before it</source>
        <translation>各行の SHA-256 を再計算し、各行が直前の行と正しく連鎖しているか確認します</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>ワークスペースが開かれていません。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>監査チェーンを検証しています…</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>監査ログを読み込んでいます…</translation>
    </message>
    <message>
        <source>Verify audit log</source>
        <translation>監査ログの検証</translation>
    </message>
    <message>
        <source>Read audit log</source>
        <translation>監査ログの読み込み</translation>
    </message>
    <message>
        <source>Could not read the audit log: %1</source>
        <translation>監査ログを読み取れませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n audit row(s).</source>
        <translation>
            <numerusform>監査行 %n 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) checked: the chain is intact.</source>
        <translation>
            <numerusform>%n 行を確認しました。チェーンは改ざんされていません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation>行 %1（%2）: %3</translation>
    </message>
    <message numerus="yes">
        <source>Tampering detected in %n row(s) checked.</source>
        <translation>
            <numerusform>%n 行を確認し、改ざんを検出しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::widgets::ChatInputWidget</name>
    <message>
        <source>The conversation so far. Double-click a cell to edit it.</source>
        <translation>これまでの会話です。セルをダブルクリックすると編集できます。</translation>
    </message>
    <message>
        <source>Next message (Generate adds it to the conversation)</source>
        <translation>次のメッセージ（「生成」で会話に追加されます）</translation>
    </message>
    <message>
        <source>Add message</source>
        <translation>メッセージを追加</translation>
    </message>
    <message>
        <source>Add the typed message without generating (e.g. a system prompt or an example answer)</source>
        <translation>生成せずに入力したメッセージを追加します（例: システムプロンプトや回答例）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation>会話をクリア</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ComparePage</name>
    <message>
        <source>Evaluate the base model against your tuned versions on held-out data and see where their answers differ.</source>
        <translation>ベースモデルとチューニング済みのバージョンを検証用データで評価し、回答の違いを確認します。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>比較のエクスポート</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>What to compare</source>
        <translation>比較対象</translation>
    </message>
    <message>
        <source>Run comparison</source>
        <translation>比較を実行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Stored comparisons:</source>
        <translation>保存済みの比較:</translation>
    </message>
    <message>
        <source>Choose a dataset split (or a file) and the two models above, e.g. the base model and the base model with a run&apos;s adapter.</source>
        <translation>上でデータセットの分割（またはファイル）と 2 つのモデルを選択します。例: ベースモデルと、ランのアダプターを適用したベースモデル。</translation>
    </message>
    <message>
        <source>Run the comparison, or open a stored one.</source>
        <translation>比較を実行するか、保存済みの比較を開きます。</translation>
    </message>
    <message>
        <source>Read the scores side by side, filter regressions and fixes, rate the outputs and export a report.</source>
        <translation>スコアを並べて確認し、悪化と改善を絞り込み、出力を評価してレポートをエクスポートします。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>HTML をエクスポート…</translation>
    </message>
    <message>
        <source>Search prompts and outputs</source>
        <translation>プロンプトと出力を検索</translation>
    </message>
    <message>
        <source>Gold label:</source>
        <translation>正解ラベル:</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>ワークスペースが開かれていません。</translation>
    </message>
    <message>
        <source>No job manager is available.</source>
        <translation>ジョブマネージャーを利用できません。</translation>
    </message>
    <message>
        <source>A comparison is running.</source>
        <translation>比較を実行中です。</translation>
    </message>
    <message>
        <source>Run both models over the data and compare them</source>
        <translation>両方のモデルをデータに対して実行し、比較します</translation>
    </message>
    <message>
        <source>Stop the running comparison</source>
        <translation>実行中の比較を停止</translation>
    </message>
    <message>
        <source>Nothing is running.</source>
        <translation>実行中の処理はありません。</translation>
    </message>
    <message>
        <source>Open the chosen stored comparison</source>
        <translation>選択した保存済みの比較を開く</translation>
    </message>
    <message>
        <source>No comparison is stored in this workspace yet.</source>
        <translation>このワークスペースには保存済みの比較がまだありません。</translation>
    </message>
    <message>
        <source>Write the comparison with ratings to a file</source>
        <translation>評価付きの比較をファイルに書き出す</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>エクスポートするものがまだありません。</translation>
    </message>
    <message>
        <source>The workspace is open read-only.</source>
        <translation>ワークスペースは読み取り専用で開かれています。</translation>
    </message>
    <message>
        <source>Only a stored comparison can keep ratings.</source>
        <translation>評価を保持できるのは保存済みの比較だけです。</translation>
    </message>
    <message>
        <source>Compare %1 vs %2</source>
        <translation>%1 と %2 を比較</translation>
    </message>
    <message numerus="yes">
        <source>Compared %n examples (not stored: read-only workspace).</source>
        <translation>
            <numerusform>%n 件の例を比較しました（読み取り専用のワークスペースのため保存されていません）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compared %n examples; stored in %1.</source>
        <translation>
            <numerusform>%n 件の例を比較し、%1 に保存しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Running both models over %1…</source>
        <translation>両方のモデルで %1 を実行しています…</translation>
    </message>
    <message>
        <source>Open comparison %1</source>
        <translation>比較 %1 を開く</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 を開きました。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
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
        <translation>すべてのラベル</translation>
    </message>
    <message numerus="yes">
        <source>%n examples (%1): </source>
        <translation>
            <numerusform>%n 件の例（%1）: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 both right, %2 both wrong, &lt;span style=&apos;color:#cf222e&apos;&gt;%3 regressions&lt;/span&gt;, &lt;span style=&apos;color:#1a7f37&apos;&gt;%4 fixes&lt;/span&gt;, %5 disagreements.</source>
        <translation>両方正解 %1、両方不正解 %2、&lt;span style=&apos;color:#cf222e&apos;&gt;退行 %3&lt;/span&gt;、&lt;span style=&apos;color:#1a7f37&apos;&gt;改善 %4&lt;/span&gt;、不一致 %5。</translation>
    </message>
    <message>
        <source> %1 examples only in A, %2 only in B.</source>
        <translation> A のみの例 %1 件、B のみの例 %2 件。</translation>
    </message>
    <message>
        <source>Reviewed: %1 examples; A %2 rated (mean %3), %4 notes; B %5 rated (mean %6), %7 notes.</source>
        <translation>レビュー済み: %1 件の例。A: 評価 %2 件（平均 %3）、メモ %4 件。B: 評価 %5 件（平均 %6）、メモ %7 件。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Regressions</source>
        <translation>退行</translation>
    </message>
    <message>
        <source>Fixes</source>
        <translation>改善</translation>
    </message>
    <message>
        <source>Invalid outputs</source>
        <translation>無効な出力</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Ratings not saved: %1</source>
        <translation>評価を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Saved the rating of %1 in %2.</source>
        <translation>%1 の評価を %2 に保存しました。</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML レポート (*.html)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表 (*.csv)</translation>
    </message>
    <message>
        <source>Comparison %1</source>
        <translation>比較 %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>エクスポートに失敗しました: %1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1 にエクスポートしました。</translation>
    </message>
    <message>
        <source>%1 — %2 vs %3 (%4 examples, %5 regressions, %6 fixes)</source>
        <translation>%1 — %2 対 %3（例 %4 件、退行 %5 件、改善 %6 件）</translation>
    </message>
    <message>
        <source>Could not start the evaluation of run %1: %2</source>
        <translation>実行 %1 の評価を開始できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>tb::widgets::CompareSetupPanel</name>
    <message>
        <source>A split of a saved dataset version; it fills the data file below</source>
        <translation>保存済みデータセットバージョンの分割。下のデータファイルに入力されます</translation>
    </message>
    <message>
        <source>Dataset file (JSONL, CSV, …) with prompts and references or labels</source>
        <translation>プロンプトと参照またはラベルを含むデータセットファイル（JSONL、CSV など…）</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a dataset file</source>
        <translation>データセットファイルを選択</translation>
    </message>
    <message>
        <source>Dataset file</source>
        <translation>データセットファイル</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv);;All files (*)</source>
        <translation>データセット (*.jsonl *.json *.csv *.tsv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Dataset split:</source>
        <translation>データセット分割:</translation>
    </message>
    <message>
        <source>Data file:</source>
        <translation>データファイル:</translation>
    </message>
    <message>
        <source>Model folder or .gguf file</source>
        <translation>モデルフォルダーまたは .gguf ファイル</translation>
    </message>
    <message>
        <source>LoRA adapter folder (empty: the model alone)</source>
        <translation>LoRA アダプターフォルダー（空欄: モデルのみ）</translation>
    </message>
    <message>
        <source>Model A (base):</source>
        <translation>モデル A（ベース）:</translation>
    </message>
    <message>
        <source>Choose model A&apos;s folder</source>
        <translation>モデル A のフォルダーを選択</translation>
    </message>
    <message>
        <source>Adapter A:</source>
        <translation>アダプター A:</translation>
    </message>
    <message>
        <source>Choose adapter A&apos;s folder</source>
        <translation>アダプター A のフォルダーを選択</translation>
    </message>
    <message>
        <source>Model B (candidate):</source>
        <translation>モデル B（候補）:</translation>
    </message>
    <message>
        <source>Choose model B&apos;s folder</source>
        <translation>モデル B のフォルダーを選択</translation>
    </message>
    <message>
        <source>Adapter B:</source>
        <translation>アダプター B:</translation>
    </message>
    <message>
        <source>Choose adapter B&apos;s folder</source>
        <translation>アダプター B のフォルダーを選択</translation>
    </message>
    <message>
        <source>From the data</source>
        <translation>データから判定</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>JSON output</source>
        <translation>JSON 出力</translation>
    </message>
    <message>
        <source>Comma-separated labels (default: the gold labels)</source>
        <translation>カンマ区切りのラベル（既定: 正解ラベル）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Evaluate only the first N usable examples (0: all)</source>
        <translation>使用可能な最初の N 件の例だけを評価（0: すべて）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Most new tokens per output (auto: the longest reference + 16). A label needs only a few; a short budget keeps a model that never stops from adding noise.</source>
        <translation>出力あたりの最大新規トークン数（自動: 最長の参照 + 16）。ラベルには数トークンで十分です。上限を小さくすると、停止しないモデルが余計な出力を加えるのを防げます。</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>タスク:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>ラベル:</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>上限:</translation>
    </message>
    <message>
        <source>Max tokens:</source>
        <translation>最大トークン数:</translation>
    </message>
    <message>
        <source>A registered model version: fills the model and its adapter</source>
        <translation>登録済みのモデルバージョン。モデルとそのアダプターが入力されます</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>(no registered versions)</source>
        <translation>（登録済みのバージョンはありません）</translation>
    </message>
    <message>
        <source>(registered version)</source>
        <translation>（登録済みバージョン）</translation>
    </message>
    <message>
        <source>(choose a saved dataset split)</source>
        <translation>（保存済みのデータセット分割を選択）</translation>
    </message>
    <message numerus="yes">
        <source>%1@%2 — %3 (%n records)</source>
        <translation>
            <numerusform>%1@%2 — %3（%n 件のレコード）</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a dataset split or a data file.</source>
        <translation>データセット分割またはデータファイルを選択してください。</translation>
    </message>
    <message>
        <source>Data file %1 does not exist.</source>
        <translation>データファイル %1 が存在しません。</translation>
    </message>
    <message>
        <source>Choose model %1.</source>
        <translation>モデル %1 を選択してください。</translation>
    </message>
    <message>
        <source>Model %1: %2 does not exist.</source>
        <translation>モデル %1: %2 が存在しません。</translation>
    </message>
    <message>
        <source>Adapter %1: %2 has no adapter_config.json.</source>
        <translation>アダプター %1: %2 に adapter_config.json がありません。</translation>
    </message>
    <message>
        <source>Model A and model B are the same.</source>
        <translation>モデル A とモデル B が同じです。</translation>
    </message>
    <message>
        <source>Labels only apply to classification.</source>
        <translation>ラベルは分類にのみ適用されます。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ComparisonCharts</name>
    <message>
        <source>Run or open a comparison to see the charts.</source>
        <translation>グラフを表示するには、比較を実行するか開いてください。</translation>
    </message>
    <message>
        <source>said %1</source>
        <translation>%1 と回答</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>gold label</source>
        <translation>正解ラベル</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Confusion matrices and per-class F1 exist for classification comparisons only; this one is scored as generation (see ROUGE and BLEU in the header).</source>
        <translation>混同行列とクラス別 F1 は分類の比較でのみ表示されます。この比較は生成として評価されています（ヘッダーの ROUGE と BLEU を参照）。</translation>
    </message>
    <message>
        <source>Confusion matrix — %1</source>
        <translation>混同行列 — %1</translation>
    </message>
    <message>
        <source>Per-class F1</source>
        <translation>クラス別 F1</translation>
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
        <translation>表示:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>ラベル:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>分割:</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>比較元:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>比較先:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Select a record to see it in full.</source>
        <translation>レコードを選択すると全体が表示されます。</translation>
    </message>
    <message>
        <source>Choose two different versions</source>
        <translation>異なる 2 つのバージョンを選択してください</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed, %4 moved between splits, %5 unchanged</source>
        <translation>追加 %1、削除 %2、変更 %3、分割間の移動 %4、変更なし %5</translation>
    </message>
    <message>
        <source>added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>比較に失敗しました: %1</translation>
    </message>
    <message>
        <source>%1 @ %2 — %3</source>
        <translation>%1 @ %2 — %3</translation>
    </message>
    <message>
        <source>Indexing records</source>
        <translation>レコードをインデックス化しています</translation>
    </message>
    <message>
        <source>%1 records: %2 exact duplicates, %3 near-duplicates, %4 with personal data, %5 over %6 tokens%7.</source>
        <translation>%1 件のレコード: 完全重複 %2、類似重複 %3、個人データを含むもの %4、%6 トークン超過 %5%7。</translation>
    </message>
    <message>
        <source>not checked (too many records)</source>
        <translation>未確認（レコードが多すぎます）</translation>
    </message>
    <message>
        <source> (token counts estimated as bytes/4)</source>
        <translation> （トークン数はバイト数/4 で推定）</translation>
    </message>
    <message>
        <source>%1 lines could not be read.</source>
        <translation>%1 行を読み込めませんでした。</translation>
    </message>
    <message>
        <source>Checking records</source>
        <translation>レコードを確認しています</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>個人データ</translation>
    </message>
    <message>
        <source>Over length</source>
        <translation>長さ超過</translation>
    </message>
    <message>
        <source>Rejected on import</source>
        <translation>インポート時に除外</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>読み込み不可</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Tokens per record (estimated)</source>
        <translation>レコードあたりのトークン数（推定）</translation>
    </message>
    <message>
        <source>Tokens per record</source>
        <translation>レコードあたりのトークン数</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（ラベルなし）</translation>
    </message>
    <message>
        <source>Records per label</source>
        <translation>ラベルごとのレコード数</translation>
    </message>
    <message>
        <source>This is the only version of this dataset.</source>
        <translation>このデータセットのバージョンはこれだけです。</translation>
    </message>
    <message>
        <source>Comparing versions</source>
        <translation>バージョンを比較しています</translation>
    </message>
</context>
<context>
    <name>tb::widgets::DatasetsPage</name>
    <message>
        <source>Collect the examples your model should learn from: import prompt and response pairs, clean them, split them into training and validation sets and keep every version.</source>
        <translation>モデルに学習させる例を集めます。プロンプトと応答のペアを取り込み、クリーニングし、学習用と検証用に分割して、すべてのバージョンを保存します。</translation>
    </message>
    <message>
        <source>Split the data into training and validation sets and save it as a version.</source>
        <translation>データを学習用と検証用に分割し、バージョンとして保存します。</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Import a JSONL or CSV file of prompts and responses (Import dataset…).</source>
        <translation>プロンプトと応答を含む JSONL または CSV ファイルをインポートします（データセットをインポート…）。</translation>
    </message>
    <message>
        <source>Review the records Tunebench flags as empty, duplicated, too long or holding personal data.</source>
        <translation>Tunebench が空、重複、長すぎる、または個人データを含むと判定したレコードを確認します。</translation>
    </message>
    <message>
        <source>Import dataset…</source>
        <translation>データセットをインポート…</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>詳細を確認</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>The workspace is open read-only (another Tunebench holds it).</source>
        <translation>ワークスペースは読み取り専用で開かれています（別の Tunebench が使用中です）。</translation>
    </message>
    <message>
        <source>Select a version first</source>
        <translation>先にバージョンを選択してください</translation>
    </message>
    <message>
        <source>Some datasets could not be read: %1</source>
        <translation>一部のデータセットを読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::EmptyStateWidget</name>
    <message>
        <source>What to do first</source>
        <translation>最初にすること</translation>
    </message>
    <message>
        <source>Files for this page live in %1</source>
        <translation>このページのファイルの保存先: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ExampleDetailPanel</name>
    <message>
        <source>Note on output A</source>
        <translation>出力 A へのメモ</translation>
    </message>
    <message>
        <source>Note on output B</source>
        <translation>出力 B へのメモ</translation>
    </message>
    <message>
        <source>Output A:</source>
        <translation>出力 A:</translation>
    </message>
    <message>
        <source>Output B:</source>
        <translation>出力 B:</translation>
    </message>
    <message>
        <source>Save rating</source>
        <translation>評価を保存</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未評価</translation>
    </message>
    <message>
        <source>1 — wrong</source>
        <translation>1 — 誤り</translation>
    </message>
    <message>
        <source>2 — poor</source>
        <translation>2 — 不十分</translation>
    </message>
    <message>
        <source>3 — acceptable</source>
        <translation>3 — 許容範囲</translation>
    </message>
    <message>
        <source>4 — good</source>
        <translation>4 — 良い</translation>
    </message>
    <message>
        <source>5 — excellent</source>
        <translation>5 — 非常に良い</translation>
    </message>
    <message>
        <source>Store the ratings and notes of this example beside the comparison</source>
        <translation>この例の評価とメモを比較と一緒に保存</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an example to see it in full, with the difference between the outputs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;例を選択すると、出力間の差分とともに全体が表示されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正解</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>不正解</translation>
    </message>
    <message>
        <source>not a valid label</source>
        <translation>有効なラベルではありません</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>ラベル %1</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>出力 %1</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Gold label:</source>
        <translation>正解ラベル:</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <source>&lt;i&gt;(empty)&lt;/i&gt;</source>
        <translation>&lt;i&gt;（空）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Word diff A → B</source>
        <translation>単語差分 A → B</translation>
    </message>
</context>
<context>
    <name>tb::widgets::FinetunePage</name>
    <message>
        <source>Teach a Llama-family base model your task with LoRA adapters, on this computer&apos;s CPU. The base weights are never changed; each run produces a small adapter.</source>
        <translation>このコンピューターの CPU で、LoRA アダプターを使って Llama 系のベースモデルにタスクを学習させます。ベースの重みは変更されず、各ランは小さなアダプターを生成します。</translation>
    </message>
    <message>
        <source>Open a base model (GGUF or safetensors) from your disk.</source>
        <translation>ディスクからベースモデル（GGUF または safetensors）を開きます。</translation>
    </message>
    <message>
        <source>Start the run; its progress and loss curve appear under Runs.</source>
        <translation>ランを開始すると、進捗と損失曲線が「ラン」に表示されます。</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>ファインチューニング</translation>
    </message>
    <message>
        <source>Choose a dataset version and a task; the wizard proposes settings and estimates memory and time.</source>
        <translation>データセットのバージョンとタスクを選択してください。ウィザードが設定を提案し、必要なメモリと時間を見積もります。</translation>
    </message>
    <message>
        <source>New fine-tune…</source>
        <translation>新規ファインチューニング…</translation>
    </message>
    <message>
        <source>The workspace is open read-only (or missing): runs cannot be started.</source>
        <translation>ワークスペースが読み取り専用で開かれている（または存在しない）ため、ランを開始できません。</translation>
    </message>
    <message>
        <source>Choose a base model, a dataset version and a task, then start a run.</source>
        <translation>ベースモデル、データセットのバージョン、タスクを選択してから、ランを開始してください。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::FinetuneWizard</name>
    <message>
        <source>New fine-tune</source>
        <translation>新規ファインチューニング</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>学習を開始</translation>
    </message>
    <message>
        <source>no job manager: background work is unavailable</source>
        <translation>ジョブマネージャーがありません: バックグラウンド処理は利用できません</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
</context>
<context>
    <name>tb::widgets::GenerationPane</name>
    <message>
        <source>Choose a model: a Hugging Face folder or a .gguf file.</source>
        <translation>モデルを選択してください（Hugging Face フォルダーまたは .gguf ファイル）。</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation>%1: ファイルまたはフォルダーが存在しません。</translation>
    </message>
    <message>
        <source>%1: not a Hugging Face model folder (no config.json).</source>
        <translation>%1: Hugging Face のモデルフォルダーではありません（config.json がありません）。</translation>
    </message>
    <message>
        <source>%1: not a .gguf file; choose a .gguf file or a Hugging Face folder.</source>
        <translation>%1: .gguf ファイルではありません。.gguf ファイルまたは Hugging Face フォルダーを選択してください。</translation>
    </message>
    <message>
        <source>Model: Hugging Face folder or .gguf file</source>
        <translation>モデル: Hugging Face フォルダーまたは .gguf ファイル</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ファイル…</translation>
    </message>
    <message>
        <source>Choose a .gguf model file</source>
        <translation>.gguf モデルファイルを選択</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder (config.json, *.safetensors, tokenizer.json)</source>
        <translation>Hugging Face のモデルフォルダーを選択（config.json、*.safetensors、tokenizer.json）</translation>
    </message>
    <message>
        <source>Adapter (optional): PEFT LoRA folder</source>
        <translation>アダプター（任意）: PEFT LoRA フォルダー</translation>
    </message>
    <message>
        <source>Adapter…</source>
        <translation>アダプター…</translation>
    </message>
    <message>
        <source>A registered model version: its base model with its adapter</source>
        <translation>登録済みのモデルバージョン（ベースモデルとそのアダプター）</translation>
    </message>
    <message>
        <source>The model&apos;s answer streams here.</source>
        <translation>モデルの回答がここにストリーミング表示されます。</translation>
    </message>
    <message>
        <source>Text the model receives</source>
        <translation>モデルに渡されるテキスト</translation>
    </message>
    <message>
        <source>Show exactly the text that is tokenized and sent, with the chat template applied</source>
        <translation>チャットテンプレートを適用した、トークン化されて送信される正確なテキストを表示</translation>
    </message>
    <message>
        <source>%1: the model is still loading.</source>
        <translation>%1: モデルはまだ読み込み中です。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: choose a model.</source>
        <translation>%1: モデルを選択してください。</translation>
    </message>
    <message>
        <source>Waiting for you to finish typing…</source>
        <translation>入力の完了を待っています…</translation>
    </message>
    <message>
        <source>%1: the adapter must be a PEFT folder (adapter_config.json).</source>
        <translation>%1: アダプターは PEFT フォルダー（adapter_config.json）である必要があります。</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>Choose a GGUF model</source>
        <translation>GGUF モデルを選択</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF モデル (*.gguf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder</source>
        <translation>Hugging Face のモデルフォルダーを選択</translation>
    </message>
    <message>
        <source>Choose a LoRA adapter folder</source>
        <translation>LoRA アダプターフォルダーを選択</translation>
    </message>
    <message>
        <source>Adapter: %1</source>
        <translation>アダプター: %1</translation>
    </message>
    <message>
        <source>Ready (already in memory).</source>
        <translation>準備完了（メモリに読み込み済み）。</translation>
    </message>
    <message>
        <source>Ready (loaded in %1 s).</source>
        <translation>準備完了（%1 秒で読み込み）。</translation>
    </message>
    <message>
        <source>Cannot use this model: %1</source>
        <translation>このモデルは使用できません: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <source>Prompt: %1 tokens%2 · generating…</source>
        <translation>プロンプト: %1 トークン%2 · 生成中…</translation>
    </message>
    <message>
        <source> · model in memory</source>
        <translation> · モデルはメモリ内</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 トークン · %2 トークン/秒</translation>
    </message>
    <message>
        <source>%1 tokens in %2 s · %3 tokens/s
prompt %4 tokens · stopped: %5%6</source>
        <translation>%1 トークン（%2 秒）· %3 トークン/秒
プロンプト %4 トークン · 停止理由: %5%6</translation>
    </message>
    <message>
        <source> · model cached</source>
        <translation> · モデルはキャッシュ済み</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportCleanPage</name>
    <message>
        <source>Cleaning</source>
        <translation>クリーニング</translation>
    </message>
    <message>
        <source>Choose what to clean. Each step reports what it changed; select a row to compare the record before and after.</source>
        <translation>クリーニングする項目を選択してください。各ステップが変更内容を報告します。行を選択すると、レコードの変更前と変更後を比較できます。</translation>
    </message>
    <message>
        <source>Scrub to placeholders ([EMAIL], [PHONE], …)</source>
        <translation>プレースホルダーに置換（[EMAIL]、[PHONE] など…）</translation>
    </message>
    <message>
        <source>Flag only</source>
        <translation>フラグのみ</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Personal data:</source>
        <translation>個人データ:</translation>
    </message>
    <message>
        <source>Remove exact duplicates</source>
        <translation>完全重複を削除</translation>
    </message>
    <message>
        <source>Remove exact and near-duplicates</source>
        <translation>完全重複と類似重複を削除</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>重複:</translation>
    </message>
    <message>
        <source>Normalise whitespace and Unicode (NFC)</source>
        <translation>空白と Unicode を正規化（NFC）</translation>
    </message>
    <message>
        <source>Drop records with an empty field</source>
        <translation>空のフィールドがあるレコードを除外</translation>
    </message>
    <message>
        <source>Minimum input characters:</source>
        <translation>入力の最小文字数:</translation>
    </message>
    <message>
        <source>Maximum input characters:</source>
        <translation>入力の最大文字数:</translation>
    </message>
    <message>
        <source>Maximum tokens:</source>
        <translation>最大トークン数:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>%1 records in, %2 kept.</source>
        <translation>入力 %1 件のレコードのうち %2 件を保持しました。</translation>
    </message>
    <message>
        <source>%1: %2 changed, %3 removed — %4</source>
        <translation>%1: 変更 %2、削除 %3 — %4</translation>
    </message>
    <message>
        <source>These settings remove every record; relax them to continue.</source>
        <translation>この設定ではすべてのレコードが削除されます。続行するには条件を緩めてください。</translation>
    </message>
    <message>
        <source>Cleaning failed: %1</source>
        <translation>クリーニングに失敗しました: %1</translation>
    </message>
    <message>
        <source>Cleaning was cancelled; change a setting to run it again.</source>
        <translation>クリーニングはキャンセルされました。再実行するには設定を変更してください。</translation>
    </message>
    <message>
        <source>Records with a shorter input are dropped (0: off).</source>
        <translation>入力がこれより短いレコードは除外されます（0: オフ）。</translation>
    </message>
    <message>
        <source>Records with a longer input are dropped (0: off).</source>
        <translation>入力がこれより長いレコードは除外されます（0: オフ）。</translation>
    </message>
    <message>
        <source>Records with more tokens (input + output, counted with %1) are dropped (0: off).</source>
        <translation>トークン数（入力 + 出力、%1 でカウント）がこれを超えるレコードは除外されます（0: オフ）。</translation>
    </message>
    <message>
        <source>Records with more tokens (input + output, estimated as bytes/4) are dropped (0: off).</source>
        <translation>トークン数（入力 + 出力、バイト数/4 で推定）がこれを超えるレコードは除外されます（0: オフ）。</translation>
    </message>
    <message>
        <source>The minimum input length is larger than the maximum.</source>
        <translation>入力の最小長が最大長を超えています。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportDatasetWizard</name>
    <message>
        <source>Import Dataset</source>
        <translation>データセットのインポート</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportMappingPage</name>
    <message>
        <source>Format and mapping</source>
        <translation>形式とマッピング</translation>
    </message>
    <message>
        <source>Check what Tunebench detected. Change the format or map source fields to record fields; the preview shows the first records as they will be imported.</source>
        <translation>Tunebench が検出した内容を確認してください。形式を変更するか、ソースのフィールドをレコードのフィールドに割り当てます。プレビューには、インポートされる形で最初のレコードが表示されます。</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>検出</translation>
    </message>
    <message>
        <source>Record format:</source>
        <translation>レコード形式:</translation>
    </message>
    <message>
        <source>Prompt from:</source>
        <translation>プロンプトの取得元:</translation>
    </message>
    <message>
        <source>Completion from:</source>
        <translation>応答の取得元:</translation>
    </message>
    <message>
        <source>Label from:</source>
        <translation>ラベルの取得元:</translation>
    </message>
    <message>
        <source>Text from:</source>
        <translation>テキストの取得元:</translation>
    </message>
    <message>
        <source>e.g. Classify this ticket: {text}</source>
        <translation>例: このチケットを分類してください: {text}</translation>
    </message>
    <message>
        <source>Builds the prompt from fields: {field} is replaced by the field&apos;s value; write {{ and }} for braces.</source>
        <translation>フィールドからプロンプトを組み立てます。{field} はそのフィールドの値に置き換えられます。波かっこには {{ と }} を使用してください。</translation>
    </message>
    <message>
        <source>Prompt template:</source>
        <translation>プロンプトテンプレート:</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>(as detected)</source>
        <translation>（検出どおり）</translation>
    </message>
    <message>
        <source>Detected %1: %2</source>
        <translation>検出された%1: %2</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>除外: %1</translation>
    </message>
    <message>
        <source>No record in the first rows maps with this format and mapping.</source>
        <translation>先頭の行に、この形式とマッピングに合うレコードがありません。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportQualityPage</name>
    <message>
        <source>Quality report</source>
        <translation>品質レポート</translation>
    </message>
    <message>
        <source>Counts, duplicates, empty fields, lengths, labels and personal data found in the whole file. Token lengths are estimates (bytes/4) unless a model&apos;s tokenizer is chosen.</source>
        <translation>ファイル全体の件数、重複、空のフィールド、長さ、ラベル、個人データを示します。モデルのトークナイザーを選択しない限り、トークン長は推定値（バイト数/4）です。</translation>
    </message>
    <message>
        <source>Estimate (bytes/4) — or a model folder or .gguf file whose tokenizer counts tokens</source>
        <translation>推定（バイト数/4）、またはトークナイザーでトークンを数えるモデルフォルダーか .gguf ファイル</translation>
    </message>
    <message>
        <source>Model…</source>
        <translation>モデル…</translation>
    </message>
    <message>
        <source>Count tokens with:</source>
        <translation>トークンの計数方法:</translation>
    </message>
    <message>
        <source>Model whose tokenizer counts tokens</source>
        <translation>トークンを数えるトークナイザーのモデル</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;Hugging Face tokenizer (tokenizer.json)</source>
        <translation>GGUF モデル (*.gguf);;Hugging Face トークナイザー (tokenizer.json)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The quality report failed: %1</source>
        <translation>品質レポートの作成に失敗しました: %1</translation>
    </message>
    <message>
        <source>The quality report was cancelled. Go back and next to run it again.</source>
        <translation>品質レポートはキャンセルされました。「戻る」と「次へ」で再実行できます。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 件のレコード</numerusform>
        </translation>
    </message>
    <message>
        <source>No record was rejected on import.</source>
        <translation>インポート時に除外されたレコードはありません。</translation>
    </message>
    <message>
        <source>Rejected on import: %1 (the table lists the first %2; every one is saved beside the version).</source>
        <translation>インポート時に除外: %1 件（表には最初の %2 件を表示。すべてバージョンと一緒に保存されます）。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>検出結果</translation>
    </message>
    <message>
        <source>Exact duplicates: %1 records in %2 groups</source>
        <translation>完全な重複: %2 グループ内の %1 件のレコード</translation>
    </message>
    <message>
        <source>Near-duplicates (Jaccard ≥ %1): %2 records in %3 groups</source>
        <translation>ほぼ重複（Jaccard ≥ %1）: %3 グループ内の %2 件のレコード</translation>
    </message>
    <message>
        <source>Empty fields:</source>
        <translation>空のフィールド:</translation>
    </message>
    <message>
        <source>Tokens per record (%1): mean %2, median %3, p90 %4, p99 %5, max %6</source>
        <translation>レコードあたりのトークン数（%1）: 平均 %2、中央値 %3、p90 %4、p99 %5、最大 %6</translation>
    </message>
    <message>
        <source>Over %1 tokens: %2</source>
        <translation>%1 トークン超: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n 個のラベル</numerusform>
        </translation>
    </message>
    <message>
        <source>Imbalanced: the largest class has more than 10× the records of the smallest.</source>
        <translation>不均衡: 最大クラスのレコード数が最小クラスの 10 倍を超えています。</translation>
    </message>
    <message>
        <source>Dominant prompt template %1 (%2% of records); %3 records do not follow it.</source>
        <translation>主なプロンプトテンプレート %1（レコードの %2%）。%3 件のレコードがこれに従っていません。</translation>
    </message>
    <message>
        <source>No personal data found.</source>
        <translation>個人データは見つかりませんでした。</translation>
    </message>
    <message>
        <source>Personal data in %1 records: %2</source>
        <translation>%1 件のレコードに個人データ: %2</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Tokens per record (estimated)</source>
        <translation>レコードあたりのトークン数（推定）</translation>
    </message>
    <message>
        <source>Tokens per record</source>
        <translation>レコードあたりのトークン数</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportSavePage</name>
    <message>
        <source>Save the version</source>
        <translation>バージョンの保存</translation>
    </message>
    <message>
        <source>The version is saved in the workspace, content-addressed and read-only; runs and models point to it.</source>
        <translation>バージョンはワークスペースに、コンテンツアドレス方式の読み取り専用データとして保存されます。ランやモデルはこれを参照します。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <source>What this version is, where it came from, what was cleaned</source>
        <translation>このバージョンの内容、入手元、クリーニング内容</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>説明:</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>保存に失敗しました: %1</translation>
    </message>
    <message>
        <source>train %1, validation %2, test %3 records; %4 rejected on import (kept in a report beside the version).</source>
        <translation>学習 %1 件、検証 %2 件、テスト %3 件のレコード。インポート時に %4 件を除外（バージョンと一緒にレポートとして保存）。</translation>
    </message>
    <message>
        <source>The workspace is open read-only (another Tunebench holds it); the version cannot be saved.</source>
        <translation>ワークスペースは読み取り専用で開かれています（別の Tunebench が使用中）。バージョンを保存できません。</translation>
    </message>
    <message>
        <source>Saving dataset version</source>
        <translation>データセットのバージョンを保存中</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportSourcePage</name>
    <message>
        <source>Choose a file</source>
        <translation>ファイルの選択</translation>
    </message>
    <message>
        <source>JSON Lines (prompt/completion, Alpaca, chat messages, ShareGPT or plain text) or CSV/TSV.</source>
        <translation>JSON Lines（プロンプト/応答、Alpaca、チャットメッセージ、ShareGPT、プレーンテキスト）または CSV/TSV。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>ファイルから検出</translation>
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
        <translation>ファイルの種類:</translation>
    </message>
    <message>
        <source>Import dataset</source>
        <translation>データセットのインポート</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation>データセット (*.jsonl *.json *.csv *.tsv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>インポートするファイルを選択してください。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 は存在しません。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 はファイルではありません。</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions).</source>
        <translation>%1 を読み取れません（アクセス権限）。</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 バイト）</translation>
    </message>
    <message>
        <source>The workspace is encrypted and locked. Unlock it to import a dataset: the intermediate files and the saved version are encrypted with its key.</source>
        <translation>ワークスペースは暗号化されていてロックされています。データセットをインポートするにはロックを解除してください。中間ファイルと保存されるバージョンはそのキーで暗号化されます。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportSplitPage</name>
    <message>
        <source>Split</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>Train, validation and test sets by ratio and seed. Duplicates and near-duplicates stay in one split.</source>
        <translation>比率とシードで学習・検証・テストセットに分けます。重複とほぼ重複は同じ分割内にまとめられます。</translation>
    </message>
    <message>
        <source>Keep each label&apos;s proportions in every split</source>
        <translation>各分割でラベルの比率を維持する</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>検証の割合:</translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation>テストの割合:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <source>train %1, validation %2, test %3</source>
        <translation>学習 %1、検証 %2、テスト %3</translation>
    </message>
    <message>
        <source>Duplicate groups kept together: %1 (%2 records)</source>
        <translation>まとめて保持した重複グループ: %1（%2 件のレコード）</translation>
    </message>
    <message>
        <source>Leakage between splits: %1 exact, %2 near</source>
        <translation>分割間のリーク: 完全一致 %1、類似 %2</translation>
    </message>
    <message>
        <source>The training split is empty; lower the validation and test shares.</source>
        <translation>学習用の分割が空です。検証とテストの割合を下げてください。</translation>
    </message>
    <message>
        <source>Splitting failed: %1</source>
        <translation>分割に失敗しました: %1</translation>
    </message>
    <message>
        <source>Splitting was cancelled; change a setting to run it again.</source>
        <translation>分割はキャンセルされました。設定を変更すると再実行されます。</translation>
    </message>
    <message>
        <source>Validation and test together must be less than 1 (the rest is for training).</source>
        <translation>検証とテストの合計は 1 未満にしてください（残りが学習用です）。</translation>
    </message>
    <message>
        <source>Splitting</source>
        <translation>分割中</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobProgressBar</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobStatusWidget</name>
    <message>
        <source>Show background jobs</source>
        <translation>バックグラウンドジョブを表示</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>実行中のジョブはありません</translation>
    </message>
    <message>
        <source>Jobs running: %1</source>
        <translation>実行中のジョブ: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobsPanel</name>
    <message>
        <source>No background jobs. Long work such as imports, training and evaluation runs here, and you can keep working meanwhile.</source>
        <translation>バックグラウンドジョブはありません。取り込み、学習、評価などの時間のかかる処理はここで実行され、その間も作業を続けられます。</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>完了したものを消去</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
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
        <translation>（記録なし）</translation>
    </message>
    <message>
        <source>Dataset version</source>
        <translation>データセットのバージョン</translation>
    </message>
    <message>
        <source>Dataset version %1
SHA-256 %2
by %3 at %4</source>
        <translation>データセットのバージョン %1
SHA-256 %2
作成: %3（%4）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>ラン</translation>
    </message>
    <message>
        <source>%1 · by %2</source>
        <translation>%1 · 作成: %2</translation>
    </message>
    <message>
        <source>Run %1 (%2)
base model %3
seed %4
started by %5 at %6</source>
        <translation>ラン %1（%2）
ベースモデル %3
シード %4
開始: %5（%6）</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>モデルのバージョン</translation>
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
        <translation>アダプターの SHA-256 %1
ベースモデル %2</translation>
    </message>
    <message>
        <source>Exports: none yet</source>
        <translation>エクスポート: まだありません</translation>
    </message>
    <message>
        <source>no exports yet</source>
        <translation>エクスポートはまだありません</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>%1 export
%2
SHA-256 %3
by %4 at %5</source>
        <translation>%1 エクスポート
%2
SHA-256 %3
作成: %4（%5）</translation>
    </message>
</context>
<context>
    <name>tb::widgets::LogPanel</name>
    <message>
        <source>No log file is open.</source>
        <translation>ログファイルは開かれていません。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Clear the panel (the log file is kept)</source>
        <translation>パネルを消去します（ログファイルは残ります）</translation>
    </message>
    <message>
        <source>No log file: the workspace is read-only or not writable.</source>
        <translation>ログファイルなし: ワークスペースが読み取り専用か、書き込みできません。</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>ログファイル: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PlaygroundPage</name>
    <message>
        <source>Playground</source>
        <translation>プレイグラウンド</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>The model continues your text as it is</source>
        <translation>モデルが入力テキストをそのまま続けて書きます</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>チャット</translation>
    </message>
    <message>
        <source>Your conversation is formatted with the model&apos;s chat template</source>
        <translation>会話はモデルのチャットテンプレートで整形されます</translation>
    </message>
    <message>
        <source>Model&apos;s own template</source>
        <translation>モデル固有のテンプレート</translation>
    </message>
    <message>
        <source>Built-in: %1</source>
        <translation>組み込み: %1</translation>
    </message>
    <message>
        <source>Which chat template formats the conversation. A model without its own template falls back to a built-in one; the pane under each answer shows which.</source>
        <translation>会話の整形に使うチャットテンプレートです。固有のテンプレートを持たないモデルでは組み込みのものが使われます。どれが使われたかは各回答の下のペインに表示されます。</translation>
    </message>
    <message>
        <source>Compare two models side by side</source>
        <translation>2 つのモデルを並べて比較</translation>
    </message>
    <message>
        <source>Send the same prompt to a second model (or the same base with an adapter) at the same time</source>
        <translation>同じプロンプトを 2 つ目のモデル（またはアダプター付きの同じベース）に同時に送信します</translation>
    </message>
    <message>
        <source>Model A</source>
        <translation>モデル A</translation>
    </message>
    <message>
        <source>Model B</source>
        <translation>モデル B</translation>
    </message>
    <message>
        <source>Try a base or tuned model before you rely on it: prompt it or chat with it, watch its answer stream in, and compare two models side by side.</source>
        <translation>ベースモデルやチューニング済みモデルを使う前に試せます。プロンプトを入力したりチャットしたりして、回答がストリーミングされる様子を確認し、2 つのモデルを並べて比較できます。</translation>
    </message>
    <message>
        <source>Choose a model above: a .gguf file, a Hugging Face folder or a registered version; optionally a LoRA adapter folder.</source>
        <translation>上でモデルを選択してください: .gguf ファイル、Hugging Face フォルダー、または登録済みバージョン。必要に応じて LoRA アダプターのフォルダーも指定できます。</translation>
    </message>
    <message>
        <source>Type a prompt below, or switch to Chat and write a message; the exact text sent is shown under the answer.</source>
        <translation>下にプロンプトを入力するか、チャットに切り替えてメッセージを書いてください。実際に送信されたテキストは回答の下に表示されます。</translation>
    </message>
    <message>
        <source>Adjust the sampling on the right and press Generate; Stop ends it early.</source>
        <translation>右側でサンプリングを調整して「生成」を押してください。「停止」で途中で終了できます。</translation>
    </message>
    <message>
        <source>Type a prompt; the model continues it.</source>
        <translation>プロンプトを入力してください。モデルがその続きを書きます。</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop generating; the text so far stays</source>
        <translation>生成を停止します（それまでのテキストは残ります）</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>モード:</translation>
    </message>
    <message>
        <source>Shown once the model is loaded.</source>
        <translation>モデルの読み込み後に表示されます。</translation>
    </message>
    <message>
        <source>Plain text, tokenized as it is.</source>
        <translation>プレーンテキスト。そのままトークン化されます。</translation>
    </message>
    <message>
        <source>Plain text; the tokenizer puts %1 in front.</source>
        <translation>プレーンテキスト。トークナイザーが先頭に %1 を付加します。</translation>
    </message>
    <message>
        <source>Generating… press Stop to end early.</source>
        <translation>生成中… 途中で終了するには「停止」を押してください。</translation>
    </message>
    <message>
        <source>Type a message for the model.</source>
        <translation>モデルへのメッセージを入力してください。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Generate with the settings on the right (Ctrl+Return)</source>
        <translation>右側の設定で生成します (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Reading registered model versions</source>
        <translation>登録済みのモデルバージョンを読み込み中</translation>
    </message>
    <message>
        <source>Registered versions could not be read: %1</source>
        <translation>登録済みのバージョンを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>No private temporary folder for the adapter copy: %1</source>
        <translation>アダプターのコピー用のプライベートな一時フォルダーがありません: %1</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>Verifying the adapter of %1…</source>
        <translation>%1 のアダプターを検証中…</translation>
    </message>
    <message>
        <source>Preparing %1 for the Playground</source>
        <translation>%1 をプレイグラウンド用に準備中</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 は使用できません: %2</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RecordPane</name>
    <message>
        <source>Split:</source>
        <translation>分割:</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>行:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message numerus="yes">
        <source>%n personal data hit(s) highlighted</source>
        <translation>
            <numerusform>個人データの該当箇所 %n 件を強調表示</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected on import</source>
        <translation>インポート時に除外</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RegisterRunDialog</name>
    <message>
        <source>Register run %1</source>
        <translation>実行 %1 を登録</translation>
    </message>
    <message>
        <source>loose files</source>
        <translation>個別ファイル</translation>
    </message>
    <message>
        <source>Run &lt;b&gt;%1&lt;/b&gt;: base model %2, dataset %3, adapter %4%5</source>
        <translation>実行 &lt;b&gt;%1&lt;/b&gt;: ベースモデル %2、データセット %3、アダプター %4%5</translation>
    </message>
    <message>
        <source>, best validation loss %1</source>
        <translation>、最良の検証損失 %1</translation>
    </message>
    <message>
        <source>Choose an existing model group or type a new name</source>
        <translation>既存のモデルグループを選択するか、新しい名前を入力してください</translation>
    </message>
    <message>
        <source>Model group:</source>
        <translation>モデルグループ:</translation>
    </message>
    <message>
        <source>What the models of this group are for</source>
        <translation>このグループのモデルの用途</translation>
    </message>
    <message>
        <source>Group description:</source>
        <translation>グループの説明:</translation>
    </message>
    <message>
        <source>Notes on this version (optional)</source>
        <translation>このバージョンに関するメモ（任意）</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>メモ:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登録</translation>
    </message>
    <message>
        <source>Enter a model group name.</source>
        <translation>モデルグループ名を入力してください。</translation>
    </message>
    <message>
        <source>Not a valid group name: %1</source>
        <translation>無効なグループ名です: %1</translation>
    </message>
    <message>
        <source>Not a valid description: %1</source>
        <translation>無効な説明です: %1</translation>
    </message>
    <message>
        <source>Not valid notes: %1</source>
        <translation>無効なメモです: %1</translation>
    </message>
    <message>
        <source>Register the adapter as a new version of %1</source>
        <translation>アダプターを %1 の新しいバージョンとして登録</translation>
    </message>
    <message>
        <source>%1 already exists; its description stays.</source>
        <translation>%1 は既に存在します。説明は変更されません。</translation>
    </message>
    <message>
        <source>New group: this run becomes its version 1.</source>
        <translation>新しいグループ: この実行がバージョン 1 になります。</translation>
    </message>
    <message>
        <source>Adds version %1 to %2.</source>
        <translation>%2 にバージョン %1 を追加します。</translation>
    </message>
    <message>
        <source>None (register without an evaluation)</source>
        <translation>なし（評価なしで登録）</translation>
    </message>
    <message>
        <source>vs base model</source>
        <translation>ベースモデルと比較</translation>
    </message>
    <message>
        <source>vs adapter %1</source>
        <translation>アダプター %1 と比較</translation>
    </message>
    <message numerus="yes">
        <source>Comparison %1 (%2, %n examples, %3 regressions, %4 fixes)</source>
        <translation>
            <numerusform>比較 %1（%2、%n 件の例、悪化 %3 件、改善 %4 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>A stored comparison (Compare page) in which one side used this run&apos;s adapter: its report is registered with the version and the quality gate is judged on it</source>
        <translation>一方がこの実行のアダプターを使った保存済みの比較（比較ページ）。そのレポートがバージョンと一緒に登録され、品質ゲートはそれに基づいて判定されます</translation>
    </message>
    <message>
        <source>Evaluation:</source>
        <translation>評価:</translation>
    </message>
    <message>
        <source>The tuned model&apos;s primary metric (by task) must be at least the base model&apos;s + %1 and at most %2% below the group&apos;s Production version. A version whose gate failed can be registered, but approving it needs an override reason.</source>
        <translation>調整済みモデルの主要指標（タスクごと）は、ベースモデルの値 + %1 以上で、グループの Production バージョンより %2% を超えて低くてはなりません。ゲートに不合格のバージョンも登録できますが、承認には例外理由が必要です。</translation>
    </message>
    <message>
        <source>Gate:</source>
        <translation>ゲート:</translation>
    </message>
    <message>
        <source>no worker to load it on</source>
        <translation>読み込むためのワーカーがありません</translation>
    </message>
    <message>
        <source>Read comparison %1 for the gate</source>
        <translation>ゲートのために比較 %1 を読み込む</translation>
    </message>
    <message>
        <source>reading it was cancelled</source>
        <translation>読み込みはキャンセルされました</translation>
    </message>
    <message>
        <source>No stored comparison used this run&apos;s adapter (run &quot;Evaluate and compare&quot; first): the version is registered without an evaluation and no gate applies.</source>
        <translation>この実行のアダプターを使った保存済みの比較はありません（先に「評価して比較」を実行してください）。バージョンは評価なしで登録され、ゲートは適用されません。</translation>
    </message>
    <message>
        <source>The version is registered without an evaluation and no gate applies.</source>
        <translation>バージョンは評価なしで登録され、ゲートは適用されません。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;Cannot read this comparison: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;この比較を読み込めません: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Reading the comparison to judge the gate…</source>
        <translation>ゲートを判定するために比較を読み込んでいます…</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Gate passed&lt;/b&gt; (primary metric %1)</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;ゲート合格&lt;/b&gt;（主要指標 %1）</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;Gate failed&lt;/b&gt; (primary metric %1)</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;ゲート不合格&lt;/b&gt;（主要指標 %1）</translation>
    </message>
    <message>
        <source>You can still register it, but a reviewer must give an override reason to approve a version whose gate failed.</source>
        <translation>それでも登録はできますが、ゲートに不合格のバージョンを承認するには、レビュー担当者が例外理由を入力する必要があります。</translation>
    </message>
    <message>
        <source>The chosen evaluation cannot be read: choose another one or None.</source>
        <translation>選択した評価を読み込めません。別の評価か「なし」を選んでください。</translation>
    </message>
    <message>
        <source>Wait for the gate verdict of the chosen evaluation.</source>
        <translation>選択した評価のゲート判定を待ってください。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RegistryPage</name>
    <message>
        <source>Keep the models worth keeping: versioned records of adapters together with the data, settings and scores that produced them.</source>
        <translation>残す価値のあるモデルを保管します。アダプターを、それを生んだデータ・設定・スコアとともにバージョン管理された記録として残します。</translation>
    </message>
    <message>
        <source>Register a finished run from Runs or Compare.</source>
        <translation>「ラン」または「比較」から完了したランを登録します。</translation>
    </message>
    <message>
        <source>Promote a version to staging or production.</source>
        <translation>バージョンをステージングまたは本番に昇格させます。</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>レジストリ</translation>
    </message>
    <message>
        <source>Open a workspace to see its model registry.</source>
        <translation>モデルレジストリを表示するにはワークスペースを開いてください。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>承認…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>却下…</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>ステージング</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>本番</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Move to stage…</source>
        <translation>ステージを変更…</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>ロールバック…</translation>
    </message>
    <message>
        <source>Keep the models worth keeping: versioned records of adapters together with the data, settings and scores that produced them, approved by a second person before they reach production.</source>
        <translation>残す価値のあるモデルを管理します。アダプターを、それを生んだデータ・設定・評価とともにバージョン付きで記録し、本番に出る前に別の担当者が承認します。</translation>
    </message>
    <message>
        <source>Register a finished run from Runs or Compare (or with: tunebench registry register).</source>
        <translation>「ラン」または「比較」から完了したランを登録します（または tunebench registry register で）。</translation>
    </message>
    <message>
        <source>A reviewer other than the person who ran it approves or rejects it, with a comment.</source>
        <translation>ランを実行した人以外のレビュアーが、コメントを付けて承認または却下します。</translation>
    </message>
    <message>
        <source>Promote an approved version to staging or production; roll back in one step.</source>
        <translation>承認済みのバージョンをステージングまたは本番に昇格します。ロールバックはワンステップです。</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>This workspace is open read-only and has no registry yet.</source>
        <translation>このワークスペースは読み取り専用で開かれており、まだレジストリがありません。</translation>
    </message>
    <message>
        <source>Could not open the registry %1: %2</source>
        <translation>レジストリ %1 を開けませんでした: %2</translation>
    </message>
    <message>
        <source>Could not read the registry: %1</source>
        <translation>レジストリを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>すべてのグループ</translation>
    </message>
    <message>
        <source>Nothing registered yet.</source>
        <translation>まだ何も登録されていません。</translation>
    </message>
    <message>
        <source>Select a model version to see its lineage, evaluation and comments.</source>
        <translation>モデルバージョンを選択すると、系譜、評価、コメントが表示されます。</translation>
    </message>
    <message>
        <source>Could not read version #%1: %2</source>
        <translation>バージョン #%1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>The workspace is open read-only (another Tunebench holds it).</source>
        <translation>ワークスペースは読み取り専用で開かれています（別の Tunebench が使用中）。</translation>
    </message>
    <message>
        <source>A registry change is in progress.</source>
        <translation>レジストリの変更を処理中です。</translation>
    </message>
    <message>
        <source>Select a model version first.</source>
        <translation>先にモデルバージョンを選択してください。</translation>
    </message>
    <message>
        <source>%1 is an analyst; only reviewers and admins change a model&apos;s stage.</source>
        <translation>%1 はアナリストです。モデルのステージを変更できるのはレビュアーと管理者だけです。</translation>
    </message>
    <message>
        <source>Acting as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; として操作中</translation>
    </message>
    <message>
        <source>Acting as &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）として操作中</translation>
    </message>
    <message>
        <source>This version is already in %1.</source>
        <translation>このバージョンはすでに %1 にあります。</translation>
    </message>
    <message>
        <source>Only Approved versions can move to %1; this one is %2.</source>
        <translation>%1 に移動できるのは承認済みのバージョンだけです。このバージョンは %2 です。</translation>
    </message>
    <message>
        <source>Group %1 has no Production version to roll back.</source>
        <translation>グループ %1 にはロールバックする本番バージョンがありません。</translation>
    </message>
    <message>
        <source>Approve this version (a comment is required)</source>
        <translation>このバージョンを承認します（コメント必須）</translation>
    </message>
    <message>
        <source>Reject this version (a comment is required)</source>
        <translation>このバージョンを却下します（コメント必須）</translation>
    </message>
    <message>
        <source>Move this version to the chosen stage</source>
        <translation>このバージョンを選択したステージに移動します</translation>
    </message>
    <message>
        <source>Put the group&apos;s previous Production version back</source>
        <translation>グループの以前の本番バージョンに戻します</translation>
    </message>
    <message>
        <source>This version failed its quality gate: approving it needs an override reason.</source>
        <translation>このバージョンは品質ゲートを通過していません。承認するにはオーバーライドの理由が必要です。</translation>
    </message>
    <message>
        <source>Approve model version #%1</source>
        <translation>モデルバージョン #%1 の承認</translation>
    </message>
    <message>
        <source>Version #%1 approved by %2.</source>
        <translation>バージョン #%1 は %2 により承認されました。</translation>
    </message>
    <message>
        <source>Reject model version #%1</source>
        <translation>モデルバージョン #%1 の却下</translation>
    </message>
    <message>
        <source>Version #%1 rejected by %2.</source>
        <translation>バージョン #%1 は %2 により却下されました。</translation>
    </message>
    <message>
        <source>Move %1 from %2 to %3?</source>
        <translation>%1 を %2 から %3 に移動しますか?</translation>
    </message>
    <message>
        <source>The current Production version v%1 moves to Archived in the same step.</source>
        <translation>現在の本番バージョン v%1 は同時にアーカイブ済みに移動されます。</translation>
    </message>
    <message>
        <source>Change stage</source>
        <translation>ステージの変更</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>%1 に移動</translation>
    </message>
    <message>
        <source>Move model version #%1 to %2</source>
        <translation>モデルバージョン #%1 を %2 に移動</translation>
    </message>
    <message>
        <source>%1 is now in %2.</source>
        <translation>%1 は %2 に移動しました。</translation>
    </message>
    <message>
        <source>Roll back group %1?</source>
        <translation>グループ %1 をロールバックしますか?</translation>
    </message>
    <message>
        <source>Production version v%1 moves to Archived and the version that was in Production before it comes back.</source>
        <translation>本番バージョン v%1 はアーカイブ済みに移動され、その前に本番だったバージョンが戻ります。</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>ロールバック</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>%1 をロールバック</translation>
    </message>
    <message>
        <source>Group %1 rolled back.</source>
        <translation>グループ %1 をロールバックしました。</translation>
    </message>
    <message>
        <source>Comment on model version #%1</source>
        <translation>モデルバージョン #%1 へのコメント</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>コメントを追加しました。</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>analyst, not yet recorded</source>
        <translation>アナリスト（未記録）</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RunsPage</name>
    <message>
        <source>Follow every training run: live loss curves, progress, logs and the exact settings and data it used.</source>
        <translation>すべての学習ランを追跡します。リアルタイムの損失曲線、進捗、ログ、そして使用した設定とデータを正確に確認できます。</translation>
    </message>
    <message>
        <source>Start a fine-tune from the Fine-tune page.</source>
        <translation>「ファインチューニング」ページからファインチューニングを開始します。</translation>
    </message>
    <message>
        <source>Finished runs keep their checkpoints and adapters in the workspace.</source>
        <translation>完了したランのチェックポイントとアダプターはワークスペースに保存されます。</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>ラン</translation>
    </message>
    <message>
        <source>Watch its loss here while it trains; you can pause, resume or cancel it at any time.</source>
        <translation>学習中の損失をここで確認できます。いつでも一時停止、再開、キャンセルできます。</translation>
    </message>
    <message>
        <source>Evaluate and compare</source>
        <translation>評価して比較</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登録</translation>
    </message>
    <message>
        <source>Not listed: %1</source>
        <translation>一覧にありません: %1</translation>
    </message>
    <message>
        <source>Select a run.</source>
        <translation>ランを選択してください。</translation>
    </message>
    <message>
        <source>Available once the run has finished.</source>
        <translation>ランの完了後に利用できます。</translation>
    </message>
    <message>
        <source>The run wrote no adapter (full fine-tuning).</source>
        <translation>このランはアダプターを出力していません（フルファインチューニング）。</translation>
    </message>
    <message>
        <source>The dataset version has no test split to evaluate on.</source>
        <translation>このデータセットのバージョンには評価用のテスト分割がありません。</translation>
    </message>
    <message>
        <source>Evaluate base and tuned model on the test split and open Compare.</source>
        <translation>ベースモデルとチューニング済みモデルをテスト分割で評価し、「比較」を開きます。</translation>
    </message>
    <message>
        <source>The run wrote no adapter to register.</source>
        <translation>このランには登録できるアダプターがありません。</translation>
    </message>
    <message>
        <source>The workspace is open read-only.</source>
        <translation>ワークスペースは読み取り専用で開かれています。</translation>
    </message>
    <message>
        <source>Register the adapter in the model registry.</source>
        <translation>アダプターをモデルレジストリに登録します。</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 を開く</translation>
    </message>
    <message>
        <source>Show this version in the Registry</source>
        <translation>このバージョンをレジストリで表示</translation>
    </message>
    <message>
        <source>Registered as %1</source>
        <translation>%1 として登録済み</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>登録…</translation>
    </message>
    <message>
        <source>A registration is in progress.</source>
        <translation>登録を処理中です。</translation>
    </message>
    <message>
        <source>This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to register (the adapter is stored encrypted).</source>
        <translation>このワークスペースは暗号化されており、ロックが解除されていません。登録するには、パスフレーズまたはキーファイルを使用してワークスペースを開き直してください（アダプターは暗号化して保存されます）。</translation>
    </message>
    <message>
        <source>Register run %1 as %2</source>
        <translation>実行 %1 を %2 として登録</translation>
    </message>
    <message>
        <source>Registering %1 as a version of %2…</source>
        <translation>%1 を %2 のバージョンとして登録しています…</translation>
    </message>
    <message>
        <source>Could not register %1: %2</source>
        <translation>%1 を登録できませんでした: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SamplingPanel</name>
    <message>
        <source>0 picks the most likely token every time (greedy, reproducible). Higher values make the answer more varied; above ~1.2 it drifts into nonsense.</source>
        <translation>0 では毎回最も確率の高いトークンを選びます（greedy、再現可能）。値を大きくすると回答が多様になり、約 1.2 を超えると意味をなさなくなります。</translation>
    </message>
    <message>
        <source>Sample only among the K most likely tokens. 0 turns it off.</source>
        <translation>確率の高い上位 K 個のトークンからのみサンプリングします。0 で無効になります。</translation>
    </message>
    <message>
        <source>Nucleus sampling: keep the most likely tokens until their probabilities add up to this. 1 turns it off; must be above 0.</source>
        <translation>Nucleus サンプリング: 確率の合計がこの値に達するまで、確率の高いトークンを残します。1 で無効になります。0 より大きい値にしてください。</translation>
    </message>
    <message>
        <source>Drop tokens less likely than this fraction of the most likely one. 0 turns it off; must be below 1.</source>
        <translation>最も確率の高いトークンに対してこの割合より確率の低いトークンを除外します。0 で無効になります。1 未満にしてください。</translation>
    </message>
    <message>
        <source>Makes tokens seen in the last 64 less likely (1 = off, 1.1–1.3 is typical). Must be above 0.</source>
        <translation>直近 64 トークンに出現したトークンの確率を下げます（1 = 無効、通常は 1.1～1.3）。0 より大きい値にしてください。</translation>
    </message>
    <message>
        <source>The most tokens to generate; the model&apos;s context length also limits it.</source>
        <translation>生成するトークンの最大数です。モデルのコンテキスト長によっても制限されます。</translation>
    </message>
    <message>
        <source>Random seed for sampling: the same seed and settings give the same answer.</source>
        <translation>サンプリング用の乱数シードです。同じシードと設定では同じ回答になります。</translation>
    </message>
    <message>
        <source>One per line; \n is a line break</source>
        <translation>1 行に 1 つ。\n は改行です</translation>
    </message>
    <message>
        <source>Generation stops before the first of these texts appears; it is not included in the answer.</source>
        <translation>これらのテキストのいずれかが最初に現れる直前で生成を停止します。そのテキストは回答に含まれません。</translation>
    </message>
    <message>
        <source>Stop at end of sequence</source>
        <translation>シーケンス終端で停止</translation>
    </message>
    <message>
        <source>End when the model emits its end-of-sequence token. Turn off to see what it writes past it.</source>
        <translation>モデルが終端（end-of-sequence）トークンを出力したら終了します。無効にすると、その後に何を書くかを確認できます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sampling&lt;/b&gt;</source>
        <translation>&lt;b&gt;サンプリング&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
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
        <translation>繰り返しペナルティ</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大トークン数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Stop strings</source>
        <translation>停止文字列</translation>
    </message>
    <message>
        <source>Seed: give a whole number from 0 to 18446744073709551615 (got &apos;%1&apos;).</source>
        <translation>シード: 0～18446744073709551615 の整数を指定してください（入力値: &apos;%1&apos;）。</translation>
    </message>
    <message>
        <source>Max tokens: give at least 1.</source>
        <translation>最大トークン数: 1 以上を指定してください。</translation>
    </message>
    <message>
        <source>Stop strings: at most %1 (got %2).</source>
        <translation>停止文字列: 最大 %1 個です（入力: %2 個）。</translation>
    </message>
    <message>
        <source>Stop strings: each at most %1 characters.</source>
        <translation>停止文字列: それぞれ最大 %1 文字です。</translation>
    </message>
    <message>
        <source>Sampling: %1.</source>
        <translation>サンプリング: %1。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ServePage</name>
    <message>
        <source>Run a local HTTP endpoint so that your own programs can use a tuned model, without sending data anywhere.</source>
        <translation>ローカルの HTTP エンドポイントを起動し、データを外部に送ることなく、自分のプログラムからチューニング済みモデルを使えるようにします。</translation>
    </message>
    <message>
        <source>Pick a registered model version.</source>
        <translation>登録済みのモデルバージョンを選びます。</translation>
    </message>
    <message>
        <source>Choose a port and start the server.</source>
        <translation>ポートを選んでサーバーを起動します。</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>サービング</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>先にワークスペースを開いてください。</translation>
    </message>
    <message>
        <source>Local endpoint</source>
        <translation>ローカルエンドポイント</translation>
    </message>
    <message>
        <source>Hugging Face model folder or .gguf file</source>
        <translation>Hugging Face のモデルフォルダーまたは .gguf ファイル</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>name clients use for the base model</source>
        <translation>クライアントがベースモデルに使う名前</translation>
    </message>
    <message>
        <source>Base served as</source>
        <translation>ベースの公開名</translation>
    </message>
    <message>
        <source>The endpoint only listens on this computer.</source>
        <translation>このエンドポイントはこのコンピューター上でのみ待ち受けます。</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意の空きポート</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Require an API key (recommended)</source>
        <translation>API キーを必須にする（推奨）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>停止しました。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Served model versions (Approved, in Staging or Production)</source>
        <translation>提供中のモデルバージョン（承認済み、ステージングまたは本番）</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>Run a local OpenAI-compatible HTTP endpoint so that your own programs can use a tuned model, without sending data anywhere.</source>
        <translation>ローカルの OpenAI 互換 HTTP エンドポイントを起動し、データをどこにも送らずに自分のプログラムから調整済みモデルを使えるようにします。</translation>
    </message>
    <message>
        <source>Choose the base model and tick the approved versions to serve.</source>
        <translation>ベースモデルを選び、提供する承認済みバージョンにチェックを入れます。</translation>
    </message>
    <message>
        <source>Create an API key and start the endpoint on this computer&apos;s address.</source>
        <translation>API キーを作成し、このコンピューターのアドレスでエンドポイントを起動します。</translation>
    </message>
    <message>
        <source>Watch requests and latency here; run the drift report against the training data.</source>
        <translation>ここでリクエストとレイテンシを確認し、学習データに対するドリフトレポートを実行します。</translation>
    </message>
    <message>
        <source>Live traffic</source>
        <translation>ライブトラフィック</translation>
    </message>
    <message>
        <source>Drift report (sampled requests against the training data)</source>
        <translation>ドリフトレポート（サンプリングしたリクエストと学習データの比較）</translation>
    </message>
    <message>
        <source>Training data file (JSONL, CSV or TSV)</source>
        <translation>学習データファイル（JSONL、CSV または TSV）</translation>
    </message>
    <message>
        <source>Compute drift report</source>
        <translation>ドリフトレポートを計算</translation>
    </message>
    <message>
        <source>A share of requests (1%) is sampled to %1; the report compares their prompts with the training data.</source>
        <translation>リクエストの一部（1%）が %1 にサンプリングされます。レポートではそのプロンプトを学習データと比較します。</translation>
    </message>
    <message>
        <source>Base model folder</source>
        <translation>ベースモデルのフォルダー</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>学習データ</translation>
    </message>
    <message>
        <source>Data (*.jsonl *.csv *.tsv)</source>
        <translation>データ (*.jsonl *.csv *.tsv)</translation>
    </message>
    <message>
        <source>Serving %1 at http://127.0.0.1:%2/v1</source>
        <translation>%1 を http://127.0.0.1:%2/v1 で提供中</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>提供中</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>起動できません: %1</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Serving %1 at %2</source>
        <translation>%1 を %2 で提供中</translation>
    </message>
    <message>
        <source>Could not read the registry: %1</source>
        <translation>レジストリを読み込めません: %1</translation>
    </message>
    <message>
        <source>The endpoint is already running.</source>
        <translation>エンドポイントはすでに実行中です。</translation>
    </message>
    <message>
        <source>The workspace is open read-only (another Tunebench holds it).</source>
        <translation>ワークスペースは読み取り専用で開かれています（別の Tunebench が使用中です）。</translation>
    </message>
    <message>
        <source>Choose the base model to serve.</source>
        <translation>提供するベースモデルを選んでください。</translation>
    </message>
    <message>
        <source>The base model %1 does not exist.</source>
        <translation>ベースモデル %1 が存在しません。</translation>
    </message>
    <message>
        <source>Give the base model a served name.</source>
        <translation>ベースモデルに提供名を付けてください。</translation>
    </message>
    <message>
        <source>Create an API key first (below), or untick &quot;Require an API key&quot;.</source>
        <translation>先に API キーを作成するか（下記）、「API キーを必須にする」のチェックを外してください。</translation>
    </message>
    <message>
        <source>No job manager.</source>
        <translation>ジョブマネージャーがありません。</translation>
    </message>
    <message>
        <source>Load the base model and the checked versions, then listen</source>
        <translation>ベースモデルとチェックしたバージョンを読み込み、待ち受けを開始します</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>待ち受けを停止</translation>
    </message>
    <message>
        <source>The endpoint is not running.</source>
        <translation>エンドポイントは実行されていません。</translation>
    </message>
    <message>
        <source>Loading the base model and adapters…</source>
        <translation>ベースモデルとアダプターを読み込み中…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止中…</translation>
    </message>
    <message>
        <source>A drift report is being computed.</source>
        <translation>ドリフトレポートを計算中です。</translation>
    </message>
    <message>
        <source>Choose the training data file first.</source>
        <translation>先に学習データファイルを選んでください。</translation>
    </message>
    <message>
        <source>The training data file does not exist.</source>
        <translation>学習データファイルが存在しません。</translation>
    </message>
    <message>
        <source>Choose the base model: its tokenizer measures prompt lengths.</source>
        <translation>ベースモデルを選んでください。そのトークナイザーでプロンプトの長さを測定します。</translation>
    </message>
    <message>
        <source>Compare the sampled requests with the training data</source>
        <translation>サンプリングしたリクエストを学習データと比較します</translation>
    </message>
    <message>
        <source>&lt;i&gt;Computing…&lt;/i&gt;</source>
        <translation>&lt;i&gt;計算中…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Drift report</source>
        <translation>ドリフトレポート</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#c62828&apos;&gt;Could not compute the drift report: %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#c62828&apos;&gt;ドリフトレポートを計算できませんでした: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Verdict: %1&lt;/b&gt; — %2 sampled requests against %3 training examples.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;判定: %1&lt;/b&gt; — サンプリングしたリクエスト %2 件を学習例 %3 件と比較しました。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This workspace is encrypted and was not unlocked: reopen it with its passphrase or key file to serve its adapters.</source>
        <translation>このワークスペースは暗号化されていて、ロック解除されていません。アダプターを配信するには、パスフレーズまたはキーファイルで開き直してください。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>既定: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>ワークスペースのフォルダー:</translation>
    </message>
    <message>
        <source>How many background jobs run at the same time. This computer has %1 hardware threads.</source>
        <translation>同時に実行するバックグラウンドジョブの数です。このコンピューターのハードウェアスレッド数は %1 です。</translation>
    </message>
    <message>
        <source>Worker threads:</source>
        <translation>ワーカースレッド数:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>Changes take effect the next time Tunebench starts.</source>
        <translation>変更は次回 Tunebench を起動したときに反映されます。</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>ワークスペースのフォルダーを選択</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrafficChartWidget</name>
    <message>
        <source>requests/s</source>
        <translation>リクエスト/秒</translation>
    </message>
    <message>
        <source>mean latency (ms)</source>
        <translation>平均レイテンシ (ms)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>%1 requests in total, %2 failed, %3 tokens generated; %4 active, %5 queued</source>
        <translation>リクエスト合計 %1 件、失敗 %2 件、生成トークン %3 個、処理中 %4 件、待機中 %5 件</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrainingDashboard</name>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Pause after the current step; the run keeps its place in memory.</source>
        <translation>現在のステップの後で一時停止します。ランの状態はメモリに保持されます。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop the run after the current step; a checkpoint is kept so it can be resumed.</source>
        <translation>現在のステップの後でランを停止します。チェックポイントが保持されるため、後で再開できます。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>train</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>勾配ノルム</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>勾配ノルム</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>1 秒あたりのトークン数</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>トークン/秒</translation>
    </message>
    <message>
        <source>CPU use (%)</source>
        <translation>CPU 使用率 (%)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>メモリ (MiB)</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>常駐</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>utilisation %</source>
        <translation>使用率 %</translation>
    </message>
    <message>
        <source>memory GiB</source>
        <translation>メモリ GiB</translation>
    </message>
    <message>
        <source>No GPU figures: %1.</source>
        <translation>GPU の値がありません: %1。</translation>
    </message>
    <message>
        <source>The run&apos;s log appears here.</source>
        <translation>ランのログがここに表示されます。</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>ランが選択されていません</translation>
    </message>
    <message>
        <source>step %1 / %2 · epoch %3 / %4</source>
        <translation>ステップ %1 / %2 · エポック %3 / %4</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>残り時間 %1</translation>
    </message>
    <message>
        <source>Continue training from where it paused.</source>
        <translation>一時停止した位置から学習を再開します。</translation>
    </message>
    <message>
        <source>Continue from the last checkpoint (step %1).</source>
        <translation>最後のチェックポイント（ステップ %1）から再開します。</translation>
    </message>
    <message>
        <source>No checkpoint was written yet: train again from the beginning.</source>
        <translation>チェックポイントはまだ書き込まれていません。最初から学習し直してください。</translation>
    </message>
    <message>
        <source>Only a paused, interrupted, cancelled or failed run can resume.</source>
        <translation>再開できるのは、一時停止・中断・キャンセル・失敗したランのみです。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::VersionDetailWidget</name>
    <message>
        <source>approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>系譜</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Quality gate</source>
        <translation>品質ゲート</translation>
    </message>
    <message>
        <source>Comments and decisions</source>
        <translation>コメントと判断</translation>
    </message>
    <message>
        <source>Add a comment…</source>
        <translation>コメントを追加…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Select a model version to see its lineage, evaluation and comments.</source>
        <translation>モデルバージョンを選択すると、系譜、評価、コメントが表示されます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 v%2&lt;/b&gt; — %3, stage %4. Registered by %5 at %6; base model %7.</source>
        <translation>&lt;b&gt;%1 v%2&lt;/b&gt; — %3、ステージ %4。%5 が %6 に登録。ベースモデル %7。</translation>
    </message>
    <message>
        <source>No evaluation report was registered with this version.</source>
        <translation>このバージョンには評価レポートが登録されていません。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>マクロ F1</translation>
    </message>
    <message>
        <source>Exact match</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
    <message>
        <source>Invalid answers</source>
        <translation>無効な回答</translation>
    </message>
    <message>
        <source>No gate was evaluated for this version.</source>
        <translation>このバージョンでは品質ゲートが評価されていません。</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;Passed&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;合格&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c62828&apos;&gt;Failed&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#c62828&apos;&gt;不合格&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (primary metric %1)</source>
        <translation>（主要指標 %1）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Approved despite the failed gate: &lt;i&gt;%1&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;品質ゲート不合格にもかかわらず承認: &lt;i&gt;%1&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No comments yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;コメントはまだありません。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; %2 &lt;span style=&apos;color:gray&apos;&gt;%3&lt;/span&gt;&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; %2 &lt;span style=&apos;color:gray&apos;&gt;%3&lt;/span&gt;&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Select a model version first.</source>
        <translation>先にモデルバージョンを選択してください。</translation>
    </message>
    <message>
        <source>Type a comment first.</source>
        <translation>先にコメントを入力してください。</translation>
    </message>
    <message>
        <source>From comparison %1</source>
        <translation>比較 %1 より</translation>
    </message>
    <message>
        <source>Tuned</source>
        <translation>調整済み</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>ベース</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardAdvancedPage</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Every trainer setting, filled from the preset. Hover over a field to see what it does.</source>
        <translation>トレーナーのすべての設定です（プリセットから入力済み）。各項目にマウスを合わせると説明が表示されます。</translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation>LoRA アダプター</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>フルファインチューニング</translation>
    </message>
    <message>
        <source>LoRA trains a small adapter beside frozen weights (little memory, a small file). Full fine-tuning changes every weight: far more memory, only for small models.</source>
        <translation>LoRA は固定した重みの横に小さなアダプターを学習します（メモリ消費が少なく、ファイルも小さい）。フルファインチューニングはすべての重みを変更します。メモリを大幅に多く使うため、小さなモデル専用です。</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方式:</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>LoRA ランク:</translation>
    </message>
    <message>
        <source>Width of the adapter&apos;s low-rank update. Higher learns more and costs more memory; 8-16 is typical.</source>
        <translation>アダプターの低ランク更新の幅です。大きいほど多く学習しますが、メモリも多く使います。一般的には 8～16 です。</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>LoRA アルファ:</translation>
    </message>
    <message>
        <source>Scale of the adapter&apos;s update (alpha / rank). Usually twice the rank.</source>
        <translation>アダプター更新のスケール（アルファ / ランク）です。通常はランクの 2 倍にします。</translation>
    </message>
    <message>
        <source>LoRA dropout:</source>
        <translation>LoRA ドロップアウト:</translation>
    </message>
    <message>
        <source>Fraction of the adapter&apos;s inputs zeroed while training; helps against overfitting small data.</source>
        <translation>学習中にゼロにするアダプター入力の割合です。少ないデータでの過学習を防ぎます。</translation>
    </message>
    <message>
        <source>rank-stabilised scaling (alpha / √rank)</source>
        <translation>ランク安定化スケーリング（アルファ / √ランク）</translation>
    </message>
    <message>
        <source>rsLoRA keeps the update&apos;s size stable at high ranks.</source>
        <translation>rsLoRA は高いランクでも更新の大きさを安定させます。</translation>
    </message>
    <message>
        <source>Which projections get an adapter: q, k, v, o (attention), gate, up, down (MLP), comma-separated, or &apos;all&apos;. More targets learn more.</source>
        <translation>アダプターを付けるプロジェクション: q、k、v、o（アテンション）、gate、up、down（MLP）をカンマ区切りで指定するか、&apos;all&apos; を指定します。対象が多いほど多く学習します。</translation>
    </message>
    <message>
        <source>Target modules:</source>
        <translation>対象モジュール:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>エポック数:</translation>
    </message>
    <message>
        <source>Passes over the training split.</source>
        <translation>学習用データを何周するかです。</translation>
    </message>
    <message>
        <source>Max steps:</source>
        <translation>最大ステップ数:</translation>
    </message>
    <message>
        <source>Stop after this many optimizer steps even if epochs remain; 0: no cap.</source>
        <translation>エポックが残っていても、この数のオプティマイザーステップで停止します。0: 上限なし。</translation>
    </message>
    <message>
        <source>Peak learning rate, e.g. 2e-4. Too high diverges (the loss becomes NaN); too low learns nothing.</source>
        <translation>ピーク学習率（例: 2e-4）。高すぎると発散し（損失が NaN になります）、低すぎると何も学習しません。</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学習率:</translation>
    </message>
    <message>
        <source>How the learning rate falls after warm-up: constant, linear to the floor, or along a cosine.</source>
        <translation>ウォームアップ後の学習率の下げ方です: 一定、下限まで線形、またはコサインカーブに沿って減衰。</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>スケジュール:</translation>
    </message>
    <message>
        <source>Warm-up steps:</source>
        <translation>ウォームアップのステップ数:</translation>
    </message>
    <message>
        <source>Steps over which the learning rate rises from 0 to its peak; steadies the first updates.</source>
        <translation>学習率が 0 からピークまで上昇するステップ数です。最初の更新を安定させます。</translation>
    </message>
    <message>
        <source>Learning-rate floor:</source>
        <translation>学習率の下限:</translation>
    </message>
    <message>
        <source>Lowest learning rate of the decay, as a fraction of the peak.</source>
        <translation>減衰時の最小学習率で、ピークに対する割合で指定します。</translation>
    </message>
    <message>
        <source>Adam β1:</source>
        <translation>Adam β1:</translation>
    </message>
    <message>
        <source>Momentum of AdamW&apos;s first moment (gradient average). 0.9 is standard.</source>
        <translation>AdamW の 1 次モーメント（勾配の平均）のモメンタムです。標準は 0.9 です。</translation>
    </message>
    <message>
        <source>Adam β2:</source>
        <translation>Adam β2:</translation>
    </message>
    <message>
        <source>Momentum of AdamW&apos;s second moment (gradient scale). 0.999 is standard.</source>
        <translation>AdamW の 2 次モーメント（勾配のスケール）のモメンタムです。標準は 0.999 です。</translation>
    </message>
    <message>
        <source>AdamW&apos;s epsilon: keeps the update finite when gradients are tiny. 1e-8 is standard.</source>
        <translation>AdamW のイプシロンです。勾配が非常に小さいときも更新が有限に保たれます。標準は 1e-8 です。</translation>
    </message>
    <message>
        <source>Adam ε:</source>
        <translation>Adam ε:</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>重み減衰:</translation>
    </message>
    <message>
        <source>Pulls trained weights toward zero each step (not norms or biases); mild regularisation.</source>
        <translation>各ステップで学習対象の重みを 0 に近づけます（ノルムとバイアスは除く）。弱い正則化です。</translation>
    </message>
    <message>
        <source>Gradient clipping:</source>
        <translation>勾配クリッピング:</translation>
    </message>
    <message>
        <source>Largest gradient norm; larger gradients are scaled down. 0: no clipping.</source>
        <translation>勾配ノルムの上限です。これより大きい勾配は縮小されます。0: クリッピングなし。</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>バッチサイズ:</translation>
    </message>
    <message>
        <source>Examples per micro-batch. Memory grows with batch × sequence length.</source>
        <translation>マイクロバッチあたりの例の数です。メモリ使用量はバッチ × シーケンス長に比例して増えます。</translation>
    </message>
    <message>
        <source>Gradient accumulation:</source>
        <translation>勾配累積:</translation>
    </message>
    <message>
        <source>Micro-batches summed per optimizer step: a larger effective batch without more memory.</source>
        <translation>オプティマイザーの 1 ステップで合算するマイクロバッチ数です。メモリを増やさずに実効バッチを大きくできます。</translation>
    </message>
    <message>
        <source>Max sequence length:</source>
        <translation>最大シーケンス長:</translation>
    </message>
    <message>
        <source>Tokens per example; longer examples are truncated (and counted on the review page).</source>
        <translation>例ごとのトークン数です。これより長い例は切り詰められます（確認ページで件数が表示されます）。</translation>
    </message>
    <message>
        <source>pack several examples per row</source>
        <translation>1 行に複数の例をパッキング</translation>
    </message>
    <message>
        <source>Fills rows with several short examples (attention stays inside each): less padding, faster on short texts.</source>
        <translation>複数の短い例を 1 行に詰めます（アテンションは各例の内部に限定）。パディングが減り、短いテキストでは高速になります。</translation>
    </message>
    <message>
        <source>group examples of similar length</source>
        <translation>長さの近い例をグループ化</translation>
    </message>
    <message>
        <source>Batches examples of similar length together: less padding, same result on average.</source>
        <translation>長さの近い例をまとめてバッチにします。パディングが減り、平均的には同じ結果になります。</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <source>Seeds the adapter&apos;s initialisation, the data order and dropout: the same seed repeats the run.</source>
        <translation>アダプターの初期化、データの順序、ドロップアウトに使うシードです。同じシードならランを再現できます。</translation>
    </message>
    <message>
        <source>Validate every:</source>
        <translation>検証の間隔:</translation>
    </message>
    <message>
        <source>Steps between validation passes; 0: at the end of each epoch.</source>
        <translation>検証と検証の間のステップ数です。0: 各エポックの終了時。</translation>
    </message>
    <message>
        <source>Early-stop patience:</source>
        <translation>早期終了の許容回数:</translation>
    </message>
    <message>
        <source>Stop after this many validations without improvement; 0: never stop early. Needs a validation split.</source>
        <translation>改善のない検証がこの回数続いたら停止します。0: 早期終了しない。検証用データが必要です。</translation>
    </message>
    <message>
        <source>Early-stop min. improvement:</source>
        <translation>早期終了の最小改善幅:</translation>
    </message>
    <message>
        <source>How much lower the validation loss must be to count as an improvement.</source>
        <translation>改善とみなすために検証損失がどれだけ下がる必要があるかです。</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>チェックポイントの間隔:</translation>
    </message>
    <message>
        <source>Steps between checkpoints (for resume); 0: at the end of each epoch.</source>
        <translation>チェックポイント間のステップ数です（再開用）。0: 各エポックの終了時。</translation>
    </message>
    <message>
        <source>Checkpoints kept:</source>
        <translation>保持するチェックポイント数:</translation>
    </message>
    <message>
        <source>Older checkpoints beyond this many are deleted (the best one is always kept).</source>
        <translation>この数を超えた古いチェックポイントは削除されます（最良のものは常に保持されます）。</translation>
    </message>
    <message>
        <source>Log every:</source>
        <translation>ログの間隔:</translation>
    </message>
    <message>
        <source>Steps between lines in metrics.jsonl (the dashboard&apos;s history after a restart).</source>
        <translation>metrics.jsonl に行を書き込む間隔のステップ数です（再起動後のダッシュボードの履歴になります）。</translation>
    </message>
    <message>
        <source>completion / assistant tokens</source>
        <translation>補完／アシスタントのトークン</translation>
    </message>
    <message>
        <source>the whole text</source>
        <translation>テキスト全体</translation>
    </message>
    <message>
        <source>Which tokens the model is trained to predict: only the answer (usual for instructions and labels) or the whole text (free generation).</source>
        <translation>モデルに予測を学習させるトークンです: 回答のみ（指示やラベルでは通常こちら）、またはテキスト全体（自由生成）。</translation>
    </message>
    <message>
        <source>Loss on:</source>
        <translation>損失の対象:</translation>
    </message>
    <message>
        <source>render examples with the model&apos;s chat template</source>
        <translation>モデルのチャットテンプレートで例を整形</translation>
    </message>
    <message>
        <source>Train in exactly the format the model is served with. Without it: prompt + completion + end-of-text.</source>
        <translation>モデルを提供するときとまったく同じ形式で学習します。オフの場合: プロンプト + 補完 + テキスト終端。</translation>
    </message>
    <message>
        <source>This model has no chat template.</source>
        <translation>このモデルにはチャットテンプレートがありません。</translation>
    </message>
    <message>
        <source>Learning rate: enter a number above 0 and at most 1, e.g. 2e-4.</source>
        <translation>学習率: 0 より大きく 1 以下の数値を入力してください（例: 2e-4）。</translation>
    </message>
    <message>
        <source>Adam ε: enter a small positive number, e.g. 1e-8.</source>
        <translation>Adam ε: 小さな正の数値を入力してください（例: 1e-8）。</translation>
    </message>
    <message>
        <source>Target modules: %1</source>
        <translation>対象モジュール: %1</translation>
    </message>
    <message>
        <source>Early stopping needs a validation split: set patience to 0 or go back and use one.</source>
        <translation>早期終了には検証用データが必要です。許容回数を 0 にするか、前に戻って検証用データを使用してください。</translation>
    </message>
    <message>
        <source>Full fine-tuning of %1 parameters needs far more memory than this workbench supports; use LoRA.</source>
        <translation>%1 個のパラメーターのフルファインチューニングには、この作業環境が対応できるよりはるかに多くのメモリが必要です。LoRA を使用してください。</translation>
    </message>
    <message>
        <source>F32 (exact)</source>
        <translation>F32（正確）</translation>
    </message>
    <message>
        <source>BF16 (about twice as fast)</source>
        <translation>BF16（約 2 倍高速）</translation>
    </message>
    <message>
        <source>Arithmetic for the frozen base model in LoRA training. BF16 rounds the base weights and what they multiply to 16-bit floats (as bf16 mixed precision does) and runs about twice as fast on CPUs with AVX512-BF16; the adapter and optimizer stay 32-bit. Full fine-tuning always uses F32.</source>
        <translation>LoRA トレーニングで凍結したベースモデルに使用する演算精度です。BF16 では、ベースの重みとそれに乗算される値を 16 ビット浮動小数点数に丸め（bf16 混合精度と同様）、AVX512-BF16 対応の CPU では約 2 倍高速に動作します。アダプターとオプティマイザーは 32 ビットのままです。フルファインチューニングでは常に F32 を使用します。</translation>
    </message>
    <message>
        <source>Base arithmetic:</source>
        <translation>ベースの演算精度:</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardDataPage</name>
    <message>
        <source>Dataset version</source>
        <translation>データセットのバージョン</translation>
    </message>
    <message>
        <source>A saved, immutable dataset version, so the run can always be traced to its exact data.</source>
        <translation>保存済みで変更不可のデータセットバージョンです。ランで使った正確なデータを常にたどれます。</translation>
    </message>
    <message>
        <source>Versions are made on the Datasets page (import, clean, split, save a version).</source>
        <translation>バージョンは「データセット」ページで作成します（取り込み、クリーニング、分割、バージョンの保存）。</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>バージョン:</translation>
    </message>
    <message>
        <source>Splits:</source>
        <translation>分割:</translation>
    </message>
    <message>
        <source>Use the validation split (validation loss, early stopping, best checkpoint)</source>
        <translation>検証用データを使用（検証損失、早期終了、最良のチェックポイント）</translation>
    </message>
    <message>
        <source>Keep the test split for &quot;Evaluate and compare&quot; after training</source>
        <translation>テスト用データを学習後の「評価と比較」のために残す</translation>
    </message>
    <message>
        <source>No dataset version in this workspace yet: make one on the Datasets page.</source>
        <translation>このワークスペースにはまだデータセットのバージョンがありません。「データセット」ページで作成してください。</translation>
    </message>
    <message>
        <source>train %1 · validation %2 · test %3</source>
        <translation>学習 %1 · 検証 %2 · テスト %3</translation>
    </message>
    <message>
        <source>This version has no validation records.</source>
        <translation>このバージョンには検証用のレコードがありません。</translation>
    </message>
    <message>
        <source>This version has no test records.</source>
        <translation>このバージョンにはテスト用のレコードがありません。</translation>
    </message>
    <message>
        <source>This version has no training records: choose another one.</source>
        <translation>このバージョンには学習用のレコードがありません。別のバージョンを選んでください。</translation>
    </message>
    <message>
        <source>%1 is missing: the version folder is damaged.</source>
        <translation>%1 がありません。バージョンのフォルダーが破損しています。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardModelPage</name>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>The Llama-family model to adapt: a Hugging Face folder (config.json, *.safetensors, tokenizer.json) or a .gguf file. Its weights are never changed.</source>
        <translation>適応させる Llama 系モデルです: Hugging Face のフォルダー（config.json、*.safetensors、tokenizer.json）または .gguf ファイル。その重みが変更されることはありません。</translation>
    </message>
    <message>
        <source>Path to a model folder or .gguf file</source>
        <translation>モデルのフォルダーまたは .gguf ファイルへのパス</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ファイル…</translation>
    </message>
    <message>
        <source>Choose a .gguf model file.</source>
        <translation>.gguf モデルファイルを選択します。</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder.</source>
        <translation>Hugging Face のモデルフォルダーを選択します。</translation>
    </message>
    <message>
        <source>Choose a GGUF model</source>
        <translation>GGUF モデルを選択</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF モデル (*.gguf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder</source>
        <translation>Hugging Face のモデルフォルダーを選択</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Choose a base model to continue.</source>
        <translation>続行するにはベースモデルを選んでください。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 は存在しません。</translation>
    </message>
    <message>
        <source>Inspecting model %1</source>
        <translation>モデル %1 を検査中</translation>
    </message>
    <message>
        <source>This model cannot be used: %1</source>
        <translation>このモデルは使用できません: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardReviewPage</name>
    <message>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Check the plan, the estimate and the warnings, then start. The run is queued and trains on the Runs page; you can pause or cancel it there.</source>
        <translation>計画、見積もり、警告を確認してから開始してください。ランはキューに入り、「ラン」ページで学習が進みます。そこで一時停止やキャンセルができます。</translation>
    </message>
    <message>
        <source>The run&apos;s folder name in the workspace: letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>ワークスペース内のランのフォルダー名です: 英字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; が使えます。</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>ラン名:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Data&lt;/b&gt; %2@%3 (train%4%5)&lt;br&gt;&lt;b&gt;Task&lt;/b&gt; %6 · %7</source>
        <translation>&lt;b&gt;モデル&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;データ&lt;/b&gt; %2@%3（学習%4%5）&lt;br&gt;&lt;b&gt;タスク&lt;/b&gt; %6 · %7</translation>
    </message>
    <message>
        <source>, validation</source>
        <translation>、検証</translation>
    </message>
    <message>
        <source>, test kept for evaluation</source>
        <translation>、テストは評価用に保持</translation>
    </message>
    <message>
        <source>LoRA rank %1, alpha %2</source>
        <translation>LoRA ランク %1、アルファ %2</translation>
    </message>
    <message>
        <source>full fine-tuning</source>
        <translation>フルファインチューニング</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Schedule&lt;/b&gt; %1 epochs%2, learning rate %3 (%4), batch %5 × %6, sequence %7 tokens</source>
        <translation>&lt;br&gt;&lt;b&gt;スケジュール&lt;/b&gt; %1 エポック%2、学習率 %3（%4）、バッチ %5 × %6、シーケンス %7 トークン</translation>
    </message>
    <message>
        <source> (at most %1 steps)</source>
        <translation>（最大 %1 ステップ）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate&lt;/b&gt;: %1 steps, %2 tokens; memory about %3 (weights %4, trainable %5 values with gradients and AdamW moments %6, activations %7); time about %8 on this CPU.</source>
        <translation>&lt;b&gt;見積もり&lt;/b&gt;: %1 ステップ、%2 トークン。メモリ約 %3（重み %4、学習対象 %5 個の値と勾配・AdamW モーメント %6、アクティベーション %7）。この CPU での所要時間は約 %8。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>The estimate (%1) is close to or above this computer&apos;s memory (%2): lower the batch size or sequence length, or use LoRA.</source>
        <translation>見積もり（%1）がこのコンピューターのメモリ（%2）に近いか超えています。バッチサイズかシーケンス長を下げるか、LoRA を使用してください。</translation>
    </message>
    <message>
        <source>The plan has no training step: check the epochs, max steps and data.</source>
        <translation>計画に学習ステップがありません。エポック数、最大ステップ数、データを確認してください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No warnings.&lt;/b&gt;</source>
        <translation>&lt;b&gt;警告はありません。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warnings&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;警告&lt;/b&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>ワークスペースが開かれていません。</translation>
    </message>
    <message>
        <source>The workspace is open read-only: runs cannot be started.</source>
        <translation>ワークスペースが読み取り専用で開かれているため、ランを開始できません。</translation>
    </message>
    <message>
        <source>Enter a run name.</source>
        <translation>ラン名を入力してください。</translation>
    </message>
    <message>
        <source>Use 1-100 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (not starting with &apos;.&apos; or &apos;-&apos;).</source>
        <translation>英字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; を 1～100 文字で使用してください（&apos;.&apos; または &apos;-&apos; で始めることはできません）。</translation>
    </message>
    <message>
        <source>A run named %1 already exists.</source>
        <translation>%1 という名前のランはすでに存在します。</translation>
    </message>
    <message>
        <source>Cannot create the run: %1</source>
        <translation>ランを作成できません: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WizardTaskPage</name>
    <message>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>What should the tuned model do? The preset fills starting settings from your data; you can change every one on the next page.</source>
        <translation>チューニングしたモデルに何をさせますか？プリセットがデータに基づいて初期設定を入力します。どの設定も次のページで変更できます。</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Answer with one label from a fixed set (ticket category, sentiment). Low rank, the sequence covers the longest example so no label is cut off.</source>
        <translation>固定の選択肢から 1 つのラベルで回答します（チケットのカテゴリ、感情など）。ランクは低め。ラベルが切れないよう、シーケンスは最長の例をカバーします。</translation>
    </message>
    <message>
        <source>Structured output (JSON)</source>
        <translation>構造化出力 (JSON)</translation>
    </message>
    <message>
        <source>Fill a fixed schema. Medium rank; the sequence covers the longest example so no object is cut.</source>
        <translation>固定のスキーマを埋めます。ランクは中程度。オブジェクトが切れないよう、シーケンスは最長の例をカバーします。</translation>
    </message>
    <message>
        <source>Style and tone</source>
        <translation>スタイルとトーン</translation>
    </message>
    <message>
        <source>Answer in house style. Higher rank; the sequence covers 95% of the examples.</source>
        <translation>社内のスタイルで回答します。ランクは高め。シーケンスは例の 95% をカバーします。</translation>
    </message>
    <message>
        <source>Free generation</source>
        <translation>自由生成</translation>
    </message>
    <message>
        <source>Continue or write text. Loss on the whole text, packing on, sequence covers 95% of the examples.</source>
        <translation>テキストを続けて書く、または新たに書きます。損失はテキスト全体、パッキングはオン、シーケンスは例の 95% をカバーします。</translation>
    </message>
    <message>
        <source>Reading the splits with the model&apos;s tokenizer…</source>
        <translation>モデルのトークナイザーで分割データを読み込み中…</translation>
    </message>
    <message>
        <source>Reading the training data</source>
        <translation>学習データを読み込み中</translation>
    </message>
    <message>
        <source>The data cannot be read with this model: %1</source>
        <translation>このモデルではデータを読み込めません: %1</translation>
    </message>
    <message>
        <source>%1 training records (%2 usable), %3 validation, %4 test. Longest example %5 tokens, 95% within %6.</source>
        <translation>学習レコード %1 件（使用可能 %2 件）、検証 %3 件、テスト %4 件。最長の例は %5 トークン、95% が %6 以内です。</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>ラベル: %1</translation>
    </message>
    <message>
        <source>%1 distinct short answers.</source>
        <translation>異なる短い回答が %1 種類あります。</translation>
    </message>
</context>
</TS>
