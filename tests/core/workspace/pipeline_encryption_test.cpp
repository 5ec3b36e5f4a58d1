// The import pipeline's intermediates encrypted at rest: cleanFile and splitFile given an output key write
// encrypted blobs that read back (with the key) exactly as the plain run's output and are refused without
// it; createDatasetVersion saves a version from an encrypted split; the rejected-records writer and the
// sidecar copy keep rejections encrypted. A marker in every record must never reach the disk in plaintext.
#include "core/data/cleaner.h"
#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/record_json.h"
#include "core/data/rejected_sidecar.h"
#include "core/data/splitter.h"
#include "core/data/version_file_io.h"
#include "core/workspace/workspace_file_io.h"
#include "encryption_test_util.h"

using namespace tb;
using namespace tbenc;

namespace {

const std::string kMarker = "Quokka-Zebra-7731";

// 30 records with a marker, an e-mail to scrub, whitespace to normalise and a duplicate to drop.
std::string sourceJsonl() {
    std::string out;
    const char* labels[] = {"billing", "shipping", "account"};
    for (int i = 0; i < 30; ++i)
        out += "{\"prompt\":\"Ticket  " + std::to_string(i) + " from " + kMarker + " (mail " + std::to_string(i) +
               "@example.com) about order " + std::to_string(7000 + i) + "\",\"completion\":\"" + labels[i % 3] +
               "\"}\n";
    out += "{\"prompt\":\"Ticket  3 from " + kMarker +
           " (mail 3@example.com) about order 7003\",\"completion\":\"billing\"}\n";
    return out;
}

struct Fixture {
    TempDir dir;
    WorkspaceKey key;
    std::string source;
    explicit Fixture(const std::string& tag)
        : dir(tag), key(makeKey(dir.file("ws.key"))), source(dir.file("src/tickets.jsonl")) {
        writeText(source, sourceJsonl());
        for (const char* sub : {"plain", "enc", "out"}) fs::create_directories(dir.file(sub));
    }
};

std::vector<std::string> linesOf(const std::vector<Record>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(recordToJsonLine(r));
    return out;
}

std::vector<std::string> load(const std::string& path, const WorkspaceKey* key) {
    ImportOptions o;
    o.key = key;
    auto loaded = loadDataset(path, o);
    EXPECT_TRUE(loaded.ok()) << loaded.message();
    return loaded.ok() ? linesOf(loaded->records) : std::vector<std::string>{};
}

SplitOptions splitOptions() {
    SplitOptions s;
    s.validation = 0.2;
    s.test = 0.2;
    s.stratify = true;
    return s;
}

}  // namespace

TEST(PipelineEncryption, CleanFileWithAKeyWritesOneEncryptedBlobThatReadsBackAsThePlainRun) {
    Fixture f("pipe_clean");
    auto plain = cleanFile(f.source, f.dir.file("plain/cleaned.jsonl"), {}, {});
    ASSERT_TRUE(plain.ok()) << plain.message();
    auto enc = cleanFile(f.source, f.dir.file("enc/cleaned.jsonl"), {}, {}, {}, {}, &f.key);
    ASSERT_TRUE(enc.ok()) << enc.message();
    EXPECT_EQ(enc->input, plain->input);
    EXPECT_EQ(enc->output, plain->output);
    EXPECT_LT(enc->output, enc->input);  // the duplicate was dropped

    const std::string out = f.dir.file("enc/cleaned.jsonl");
    EXPECT_TRUE(fileLooksEncrypted(out));
    EXPECT_FALSE(fileLooksEncrypted(f.dir.file("plain/cleaned.jsonl")));
    auto bytes = readVersionFile(out, &f.key);
    ASSERT_TRUE(bytes.ok()) << bytes.message();
    EXPECT_EQ(*bytes, readAll(f.dir.file("plain/cleaned.jsonl")));  // byte for byte the plain output
    EXPECT_NE(bytes->find(kMarker), std::string::npos);
    EXPECT_EQ(load(out, &f.key), load(f.dir.file("plain/cleaned.jsonl"), nullptr));
    // Nothing in the encrypted run's folder holds record text (the provenance sidecar holds none either).
    EXPECT_TRUE(fs::exists(out + ".provenance.json"));
    EXPECT_TRUE(filesContaining(f.dir.file("enc"), kMarker).empty());
    // Without the key it is refused, naming what to do.
    auto locked = loadDataset(out, {});
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("is encrypted: unlock"), std::string::npos) << locked.message();
    // With another key it fails authentication.
    WorkspaceKey other = makeKey(f.dir.file("other.key"));
    ImportOptions wrong;
    wrong.key = &other;
    EXPECT_FALSE(loadDataset(out, wrong).ok());
}

TEST(PipelineEncryption, SplitFileWithAKeyEncryptsEverySplitAndReadsAnEncryptedCleanedFile) {
    Fixture f("pipe_split");
    ASSERT_TRUE(cleanFile(f.source, f.dir.file("plain/cleaned.jsonl"), {}, {}).ok());
    ASSERT_TRUE(cleanFile(f.source, f.dir.file("enc/cleaned.jsonl"), {}, {}, {}, {}, &f.key).ok());
    auto plain = splitFile(f.dir.file("plain/cleaned.jsonl"), f.dir.file("plain/split"), {}, splitOptions());
    ASSERT_TRUE(plain.ok()) << plain.message();

    // The encrypted cleaned file cannot be split without its key.
    auto locked = splitFile(f.dir.file("enc/cleaned.jsonl"), f.dir.file("enc/split-locked"), {}, splitOptions());
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("is encrypted: unlock"), std::string::npos) << locked.message();

    ImportOptions in;
    in.key = &f.key;
    auto enc = splitFile(f.dir.file("enc/cleaned.jsonl"), f.dir.file("enc/split"), in, splitOptions(), {}, &f.key);
    ASSERT_TRUE(enc.ok()) << enc.message();
    EXPECT_EQ(enc->counts, plain->counts);
    EXPECT_GT(enc->counts[1], 0);
    for (const char* name : {"train.jsonl", "validation.jsonl", "test.jsonl"}) {
        const std::string path = f.dir.file("enc/split/") + name;
        EXPECT_TRUE(fileLooksEncrypted(path)) << path;
        auto bytes = readVersionFile(path, &f.key);
        ASSERT_TRUE(bytes.ok()) << bytes.message();
        EXPECT_EQ(*bytes, readAll(f.dir.file("plain/split/") + name)) << name;
        EXPECT_EQ(load(path, &f.key), load(f.dir.file("plain/split/") + name, nullptr)) << name;
        EXPECT_FALSE(readVersionFile(path, nullptr).ok());
    }
    EXPECT_FALSE(fileLooksEncrypted(f.dir.file("enc/split/provenance.json")));
    // The history records the cleaned file's records, not its ciphertext: the same hash as the plain run.
    auto provenanceOf = [&](const std::string& dir) {
        return nlohmann::json::parse(readAll(f.dir.file(dir + "/split/provenance.json")));
    };
    ASSERT_TRUE(provenanceOf("plain")["derived_file"]["sha256"].is_string());
    EXPECT_EQ(provenanceOf("plain")["derived_file"]["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(provenanceOf("enc")["derived_file"]["sha256"], provenanceOf("plain")["derived_file"]["sha256"]);
    EXPECT_TRUE(filesContaining(f.dir.file("enc"), kMarker).empty());
    // Without an output key the split of an encrypted input is plain again (the CLI's choice for paths
    // outside an encrypted workspace): the key only decrypts the input.
    auto plainOut = splitFile(f.dir.file("enc/cleaned.jsonl"), f.dir.file("out/split"), in, splitOptions());
    ASSERT_TRUE(plainOut.ok()) << plainOut.message();
    EXPECT_EQ(readAll(f.dir.file("out/split/train.jsonl")), readAll(f.dir.file("plain/split/train.jsonl")));
}

TEST(PipelineEncryption, CreateDatasetVersionFromAnEncryptedSplitNeedsTheKeyAndMatchesThePlainVersion) {
    Fixture f("pipe_version");
    ASSERT_TRUE(splitFile(f.source, f.dir.file("plain/split"), {}, splitOptions()).ok());
    ASSERT_TRUE(splitFile(f.source, f.dir.file("enc/split"), {}, splitOptions(), {}, &f.key).ok());
    ASSERT_TRUE(fileLooksEncrypted(f.dir.file("enc/split/train.jsonl")));

    CreateVersionOptions o;
    o.name = "tickets";
    auto plainVersion = createDatasetVersion(f.dir.file("plainws/datasets"), f.dir.file("plain/split"), o);
    ASSERT_TRUE(plainVersion.ok()) << plainVersion.message();

    // Without the key an encrypted split is refused (never copied as ciphertext bound to the wrong name).
    auto locked = createDatasetVersion(f.dir.file("lockedws/datasets"), f.dir.file("enc/split"), o);
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("is encrypted: unlock"), std::string::npos) << locked.message();

    o.key = &f.key;
    auto v = createDatasetVersion(f.dir.file("ws/datasets"), f.dir.file("enc/split"), o);
    ASSERT_TRUE(v.ok()) << v.message();
    EXPECT_EQ(v->version, plainVersion->version);  // ids and hashes over the plaintext
    EXPECT_EQ(v->counts, plainVersion->counts);
    EXPECT_EQ(v->counts["train"] + v->counts["validation"] + v->counts["test"],
              31);  // not cleaned: the duplicate is kept
    for (const char* name : {"train.jsonl", "validation.jsonl", "test.jsonl"}) {
        const std::string path = v->dir + "/" + name;
        EXPECT_TRUE(fileLooksEncrypted(path)) << path;
        auto bytes = readVersionFile(path, &f.key);
        ASSERT_TRUE(bytes.ok()) << bytes.message();
        EXPECT_EQ(*bytes, readAll(plainVersion->dir + "/" + name));
    }
    EXPECT_TRUE(verifyDatasetVersion(v->dir, &f.key).ok());
    EXPECT_TRUE(filesContaining(f.dir.file("ws"), kMarker).empty());
    EXPECT_TRUE(filesContaining(f.dir.file("enc"), kMarker).empty());
}

TEST(PipelineEncryption, RejectedRecordsWriterEncryptsWithAKeyAndTheSidecarCopyDecryptsIt) {
    Fixture f("pipe_rejected");
    const std::vector<RejectedRecord> rejections = {
        {"tickets.jsonl", 4, 4, "field 'prompt': expected a string near \"" + kMarker + "\""},
        {"tickets.jsonl", 9, 11, "not valid JSON"},
    };
    auto writeAll = [&](const std::string& path, const WorkspaceKey* key) {
        auto w = RejectedRecordsWriter::create(path, key);
        EXPECT_TRUE(w.ok()) << w.message();
        if (!w.ok()) return;
        for (const auto& r : rejections) (*w)->add(r);
        EXPECT_TRUE((*w)->close().ok());
        EXPECT_FALSE((*w)->close().ok());  // once
    };
    writeAll(f.dir.file("plain/rejected-1.jsonl"), nullptr);
    writeAll(f.dir.file("enc/rejected-1.jsonl"), &f.key);
    EXPECT_FALSE(fileLooksEncrypted(f.dir.file("plain/rejected-1.jsonl")));
    EXPECT_NE(readAll(f.dir.file("plain/rejected-1.jsonl")).find(kMarker), std::string::npos);
    EXPECT_TRUE(fileLooksEncrypted(f.dir.file("enc/rejected-1.jsonl")));
    auto bytes = readVersionFile(f.dir.file("enc/rejected-1.jsonl"), &f.key);
    ASSERT_TRUE(bytes.ok()) << bytes.message();
    EXPECT_EQ(*bytes, readAll(f.dir.file("plain/rejected-1.jsonl")));

    // Saved beside a version: decrypted in memory and encrypted again under the sidecar's own name.
    ASSERT_TRUE(splitFile(f.source, f.dir.file("enc/split"), {}, splitOptions(), {}, &f.key).ok());
    CreateVersionOptions o;
    o.name = "tickets";
    o.key = &f.key;
    auto v = createDatasetVersion(f.dir.file("ws/datasets"), f.dir.file("enc/split"), o);
    ASSERT_TRUE(v.ok()) << v.message();
    auto refused = saveRejectedSidecar(f.dir.file("enc/rejected-1.jsonl"), v->dir, nullptr);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("is encrypted: unlock"), std::string::npos) << refused.message();
    ASSERT_TRUE(saveRejectedSidecar(f.dir.file("enc/rejected-1.jsonl"), v->dir, &f.key).ok());
    EXPECT_TRUE(fileLooksEncrypted(rejectedSidecarPath(v->dir)));
    auto back = loadRejectedSidecar(v->dir, 100, &f.key);
    ASSERT_TRUE(back.ok()) << back.message();
    ASSERT_EQ(back->size(), 2u);
    EXPECT_EQ((*back)[0].reason, rejections[0].reason);
    EXPECT_EQ((*back)[1].lastLine, 11);
    EXPECT_TRUE(filesContaining(f.dir.file("ws"), kMarker).empty());
    EXPECT_TRUE(filesContaining(f.dir.file("enc"), kMarker).empty());
}
