// The `data` verbs through tb::cli::runCli (the same code path as the tunebench executable, without Qt):
// inspect --json prints one document with the report; clean, split, version and diff chain together.
#include "app/cli/cli.h"
#include "test_files.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace {

struct Run {
    int code = 0;
    std::string out, err;
    nlohmann::json json() const { return nlohmann::json::parse(out); }
};

Run run(std::vector<std::string> args) {
    args.insert(args.begin(), "tunebench");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    std::ostringstream out, err;
    Run r;
    r.code = tb::cli::runCli(static_cast<int>(argv.size()), argv.data(), out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

}  // namespace

TEST(DataCli, InspectJsonOnDemoData) {
    std::string demo = std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo/support_tickets.jsonl";
    auto r = run({"data", "inspect", demo, "--json"});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    auto j = r.json();
    EXPECT_TRUE(j["ok"].get<bool>());
    EXPECT_EQ(j["detection"]["format"], "prompt_completion");
    const auto& rep = j["report"];
    EXPECT_GE(rep["records"].get<int>(), 1000);
    EXPECT_GT(rep["exact_duplicates"]["records"].get<int>(), 0);
    EXPECT_GT(rep["near_duplicates"]["records"].get<int>(), 0);
    EXPECT_GT(rep["pii"]["by_type"]["EMAIL"].get<int>(), 0);
    EXPECT_GT(rep["pii"]["by_type"]["PHONE"].get<int>(), 0);
    EXPECT_GT(rep["pii"]["by_type"]["CREDIT_CARD"].get<int>(), 0);
    EXPECT_TRUE(rep["labels"]["classification"].get<bool>());
    EXPECT_GE(rep["labels"]["counts"].size(), 4u);
    EXPECT_TRUE(rep["tokens"]["estimated"].get<bool>());
}

TEST(DataCli, InspectMappingAndTemplateOnCsv) {
    tbtest::TempDir dir;
    tbtest::writeBytes(dir.file("t.csv"), "text,category\nmy card is lost,LOST\nwhere is my money,WHERE\n");
    auto r = run({"data", "inspect", dir.file("t.csv"), "--map", "category=completion", "--template",
                  "Classify: {text}", "--json"});
    ASSERT_EQ(r.code, 0) << r.out;
    auto j = r.json();
    EXPECT_EQ(j["preview"][0]["prompt"], "Classify: my card is lost");
    EXPECT_EQ(j["preview"][0]["completion"], "LOST");
    EXPECT_FALSE(j["detection"]["detected"].get<bool>());
}

TEST(DataCli, RejectedRecordsListedInFull) {
    tbtest::TempDir dir;
    std::string hostile = std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/data/hostile/wrong_types.jsonl";
    auto r = run({"data", "inspect", hostile, "--rejected-out", dir.file("rejected.jsonl"), "--json"});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_EQ(r.json()["report"]["rejected"].get<int>(), 6);
    std::string lines = tbtest::readBytes(dir.file("rejected.jsonl"));
    EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 6);
    EXPECT_NE(lines.find("\"line\":2"), std::string::npos);
    EXPECT_NE(lines.find("must be a string, got number"), std::string::npos);
    auto c = run({"data", "clean", hostile, "--out", dir.file("c.jsonl"), "--rejected-out", dir.file("rej2.jsonl"), "--json"});
    ASSERT_EQ(c.code, 0) << c.out << c.err;
    EXPECT_EQ(c.json()["report"]["rejected_on_import"].get<int>(), 6);
    EXPECT_EQ(c.json()["report"]["rejected_examples"].size(), 6u);
    std::string lines2 = tbtest::readBytes(dir.file("rej2.jsonl"));
    EXPECT_EQ(std::count(lines2.begin(), lines2.end(), '\n'), 6);
}

TEST(DataCli, ErrorsAreInputErrorsWithOneJsonDocument) {
    auto r = run({"data", "inspect", "/nonexistent.jsonl", "--json"});
    EXPECT_EQ(r.code, 1);
    auto j = r.json();
    EXPECT_FALSE(j["ok"].get<bool>());
    EXPECT_NE(j["error"]["message"].get<std::string>().find("/nonexistent.jsonl"), std::string::npos);
    auto bad = run({"data", "clean", "/nonexistent.jsonl", "--out", "/tmp/x.jsonl", "--pii", "maybe"});
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.err.find("--pii"), std::string::npos);
}

TEST(DataCli, CleanSplitVersionDiff) {
    tbtest::TempDir dir;
    std::string demo = std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo/support_tickets.jsonl";
    std::string ws = dir.file("ws");
    auto clean = run({"data", "clean", demo, "--out", dir.file("clean.jsonl"), "--pii", "scrub", "--dedup", "near", "--json"});
    ASSERT_EQ(clean.code, 0) << clean.out << clean.err;
    auto cj = clean.json();
    EXPECT_LT(cj["report"]["output"].get<int>(), cj["report"]["input"].get<int>());
    auto inspectClean = run({"data", "inspect", dir.file("clean.jsonl"), "--json"});
    ASSERT_EQ(inspectClean.code, 0);
    auto ij = inspectClean.json();
    EXPECT_EQ(ij["report"]["pii"]["records"].get<int>(), 0);
    EXPECT_EQ(ij["report"]["exact_duplicates"]["records"].get<int>(), 0);

    auto split = run({"data", "split", dir.file("clean.jsonl"), "--out", dir.file("split"), "--val", "0.1", "--test",
                      "0.1", "--seed", "5", "--stratify", "--json"});
    ASSERT_EQ(split.code, 0) << split.out << split.err;
    auto sj = split.json();
    EXPECT_EQ(sj["result"]["leakage"]["exact"].get<int>(), 0);

    auto v1 = run({"--workspace", ws, "data", "version", dir.file("split"), "--name", "support", "--description",
                   "demo tickets", "--json"});
    ASSERT_EQ(v1.code, 0) << v1.out << v1.err;
    auto v1j = v1.json();
    EXPECT_EQ(v1j["name"], "support");
    EXPECT_EQ(v1j["version"].get<std::string>().size(), 64u);
    EXPECT_FALSE(v1j["sources"].empty());
    EXPECT_TRUE(v1j["cleaning"].is_object());

    auto split2 = run({"data", "split", dir.file("clean.jsonl"), "--out", dir.file("split2"), "--seed", "6", "--json"});
    ASSERT_EQ(split2.code, 0);
    auto v2 = run({"--workspace", ws, "data", "version", dir.file("split2"), "--name", "support", "--json"});
    ASSERT_EQ(v2.code, 0) << v2.out;
    EXPECT_EQ(v2.json()["parent"], v1j["version"]);

    auto diff = run({"--workspace", ws, "data", "diff", "support@" + v1j["version"].get<std::string>().substr(0, 10),
                     "support", "--json"});
    ASSERT_EQ(diff.code, 0) << diff.out << diff.err;
    auto dj = diff.json();
    EXPECT_EQ(dj["added"].get<int>(), 0);
    EXPECT_EQ(dj["removed"].get<int>(), 0);
    EXPECT_EQ(dj["changed"].get<int>(), 0);
    EXPECT_GT(dj["moved"].get<int>(), 0);  // another seed moves records between splits

    auto badName = run({"--workspace", ws, "data", "version", dir.file("split"), "--name", "../evil", "--json"});
    EXPECT_EQ(badName.code, 1);
}

TEST(DataCli, InspectWithModelTokenizerCountsTokens) {
    // The GGUF file's tokenizer (the HF-folder loader aborted in core/tokenizer at the time of writing).
    std::string model = std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/stories260K-f32.gguf";
    if (!tbtest::exists(model)) GTEST_SKIP() << "shared model not present: " << model;
    tbtest::TempDir dir;
    tbtest::writeBytes(dir.file("t.jsonl"), "{\"prompt\":\"Once upon a time there was a cat.\",\"completion\":\"ok\"}\n"
                                            "{\"prompt\":\"Hi.\",\"completion\":\"ok\"}\n");
    auto r = run({"data", "inspect", dir.file("t.jsonl"), "--model", model, "--max-tokens", "8", "--json"});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    auto j = r.json();
    const auto& tokens = j["report"]["tokens"];
    EXPECT_FALSE(tokens["estimated"].get<bool>());
    EXPECT_EQ(tokens["method"], "tokenizer");
    EXPECT_GT(tokens["input"]["max"].get<int>(), 5);
    EXPECT_EQ(tokens["over_length"].get<int>(), 1);
    auto bad = run({"data", "inspect", dir.file("t.jsonl"), "--model", "/nonexistent-model", "--json"});
    EXPECT_NE(bad.code, 0);
}
