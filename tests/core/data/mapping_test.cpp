// Format detection, user column mapping and prompt templates, record ids.
#include "core/data/dataset_import.h"
#include "core/data/record_id.h"
#include "core/data/record_mapping.h"
#include "core/data/record_text.h"
#include "test_files.h"

#include <gtest/gtest.h>

using namespace tb;

namespace {

LoadedDataset loadText(const std::string& name, const std::string& content, ImportOptions o = {}) {
    static tbtest::TempDir dir;
    std::string path = dir.file(name);
    tbtest::writeBytes(path, content);
    auto d = loadDataset(path, o);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.message());
    return d.ok() ? std::move(*d) : LoadedDataset{};
}

}  // namespace

TEST(Detection, KnownFormats) {
    auto pc = planMapping({"prompt", "completion"}, std::nullopt, {}, "");
    ASSERT_TRUE(pc.ok());
    EXPECT_EQ(pc->format, RecordFormat::PromptCompletion);
    auto alpaca = planMapping({"instruction", "input", "output"}, std::nullopt, {}, "");
    ASSERT_TRUE(alpaca.ok());
    EXPECT_EQ(alpaca->format, RecordFormat::Alpaca);
    EXPECT_EQ(alpaca->inputKey, "input");
    EXPECT_EQ(planMapping({"messages"}, std::nullopt, {}, "")->format, RecordFormat::ChatMessages);
    EXPECT_EQ(planMapping({"id", "conversations"}, std::nullopt, {}, "")->format, RecordFormat::ShareGpt);
    EXPECT_EQ(planMapping({"text"}, std::nullopt, {}, "")->format, RecordFormat::PlainText);
    auto cat = planMapping({"text", "category"}, std::nullopt, {}, "");
    ASSERT_TRUE(cat.ok());
    EXPECT_EQ(cat->format, RecordFormat::PromptCompletion);
    EXPECT_EQ(cat->promptKey, "text");
    EXPECT_EQ(cat->completionKey, "category");
    EXPECT_TRUE(cat->labelFromCompletion);
    auto none = planMapping({"foo", "bar"}, std::nullopt, {}, "");
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.message().find("foo, bar"), std::string::npos);
}

TEST(Detection, FormatOverrideAndBadMap) {
    auto forced = planMapping({"text", "category"}, RecordFormat::PlainText, {}, "");
    ASSERT_TRUE(forced.ok());
    EXPECT_EQ(forced->format, RecordFormat::PlainText);
    EXPECT_EQ(forced->textKey, "text");
    auto bad = planMapping({"text", "category"}, std::nullopt, {{"nope", "prompt"}}, "");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("no field 'nope'"), std::string::npos);
    EXPECT_FALSE(parseFieldMap("text").ok());
    EXPECT_FALSE(parseFieldMap("text=banana").ok());
    EXPECT_TRUE(parseFieldMap("text=prompt").ok());
}

TEST(Mapping, CsvColumnsWithTemplate) {
    ImportOptions o;
    o.maps = {{"category", "completion"}};
    o.promptTemplate = "Classify: {text}\nCategory:";
    auto d = loadText("t.csv", "id,text,category\n7,my card is lost,LOST\n8,\"where is {it}?\",WHERE\n", o);
    ASSERT_EQ(d.records.size(), 2u);
    EXPECT_EQ(d.records[0].prompt, "Classify: my card is lost\nCategory:");
    EXPECT_EQ(d.records[0].completion, "LOST");
    EXPECT_EQ(d.records[0].label, "LOST");
    EXPECT_EQ(d.records[0].id, "7");  // ids from the source are kept
    EXPECT_EQ(d.records[1].prompt, "Classify: where is {it}?\nCategory:");
}

TEST(Mapping, TemplateWithMissingPlaceholderRejectsRecord) {
    ImportOptions o;
    o.promptTemplate = "Q: {question}";
    o.maps = {{"answer", "completion"}};
    auto d = loadText("t.jsonl", "{\"question\":\"a\",\"answer\":\"b\"}\n{\"answer\":\"c\"}\n", o);
    ASSERT_EQ(d.records.size(), 1u);
    ASSERT_EQ(d.rejected.size(), 1u);
    EXPECT_NE(d.rejected[0].reason.find("{question}"), std::string::npos);
}

TEST(Mapping, AlpacaShareGptAndText) {
    auto a = loadText("a.jsonl",
                      "{\"instruction\":\"Translate\",\"input\":\"Hallo\",\"output\":\"Hello\"}\n"
                      "{\"instruction\":\"Say hi\",\"input\":\"\",\"output\":\"Hi\"}\n");
    ASSERT_EQ(a.records.size(), 2u);
    EXPECT_EQ(a.records[0].format, RecordFormat::Alpaca);
    EXPECT_EQ(a.records[0].prompt, "Translate\n\nHallo");
    EXPECT_EQ(a.records[1].prompt, "Say hi");
    auto s = loadText("s.jsonl",
                      "{\"conversations\":[{\"from\":\"system\",\"value\":\"S\"},{\"from\":\"human\",\"value\":\"Q\"},"
                      "{\"from\":\"gpt\",\"value\":\"A\"}]}\n");
    ASSERT_EQ(s.records.size(), 1u);
    EXPECT_EQ(s.records[0].format, RecordFormat::ShareGpt);
    ASSERT_EQ(s.records[0].messages.size(), 3u);
    EXPECT_EQ(s.records[0].messages[1].role, "user");
    EXPECT_EQ(s.records[0].messages[2].role, "assistant");
    EXPECT_EQ(recordOutput(s.records[0]), "A");
    EXPECT_EQ(recordInput(s.records[0]), "system: S\nuser: Q");
    auto t = loadText("t.jsonl", "{\"text\":\"just text\"}\n");
    ASSERT_EQ(t.records.size(), 1u);
    EXPECT_EQ(t.records[0].format, RecordFormat::PlainText);
    EXPECT_EQ(t.records[0].text, "just text");
}

TEST(Mapping, NumericLabelsAccepted) {
    auto d = loadText("n.jsonl", "{\"sentence\":\"good film\",\"label\":1}\n{\"sentence\":\"bad\",\"label\":0}\n");
    ASSERT_EQ(d.records.size(), 2u);
    EXPECT_EQ(d.records[0].completion, "1");
    EXPECT_EQ(d.records[0].label, "1");
}

TEST(RecordIds, StableAndUniqueForRepeats) {
    Record a;
    a.prompt = "same input";
    a.completion = "x";
    Record b = a;
    b.completion = "y";  // only the output differs: same base id
    EXPECT_EQ(baseRecordId(a), baseRecordId(b));
    EXPECT_EQ(baseRecordId(a).size(), 16u);
    RecordIdAssigner ids;
    ids.assign(a);
    ids.assign(b);
    EXPECT_EQ(b.id, a.id + "-2");
    Record c;
    c.prompt = "other";
    EXPECT_NE(baseRecordId(c), baseRecordId(a));
}
