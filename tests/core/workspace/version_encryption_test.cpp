// Dataset versions encrypted at rest: what createDatasetVersion writes, every reader (import, record index,
// version diff, verify, the training reader, the rejected sidecar) with and without the key, files moved to
// another version or name, and converting versions saved before encryption was turned on.
#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/record_index.h"
#include "core/data/rejected_sidecar.h"
#include "core/data/splitter.h"
#include "core/data/version_diff.h"
#include "core/data/version_file_io.h"
#include "core/train/training_data.h"
#include "core/workspace/workspace_file_io.h"

#include "encryption_test_util.h"

#include <sys/stat.h>

using namespace tb;
using namespace tbenc;

namespace {

// 20 prompt/completion records; every prompt carries a marker that must never reach the disk in plaintext.
std::string sourceJsonl() {
    std::string out;
    const char* labels[] = {"billing", "shipping"};
    for (int i = 0; i < 20; ++i)
        out += "{\"prompt\":\"Ticket " + std::to_string(i) + " from Wilhelmina Quokka-Zebra about order " +
               std::to_string(7000 + i) + "\",\"completion\":\"" + labels[i % 2] + "\"}\n";
    return out;
}

struct Fixture {
    TempDir dir;
    WorkspaceKey key;
    std::string datasets;
    explicit Fixture(const std::string& tag) : dir(tag), key(makeKey(dir.file("ws.key"))), datasets(dir.file("ws/datasets")) {
        writeText(dir.file("src/tickets.jsonl"), sourceJsonl());
        SplitOptions split;
        split.validation = 0.2;
        split.test = 0.2;
        auto r = splitFile(dir.file("src/tickets.jsonl"), dir.file("src/split"), ImportOptions{}, split);
        EXPECT_TRUE(r.ok()) << r.message();
    }
    DatasetVersion save(const WorkspaceKey* k, const std::string& name = "tickets", const std::string& into = {}) {
        CreateVersionOptions o;
        o.name = name;
        o.key = k;
        auto v = createDatasetVersion(into.empty() ? datasets : into, dir.file("src/split"), o);
        EXPECT_TRUE(v.ok()) << v.message();
        return v.ok() ? *v : DatasetVersion{};
    }
};

std::vector<std::string> promptsOf(const std::vector<Record>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.prompt);
    return out;
}

}  // namespace

TEST(VersionEncryption, SplitFilesAreEncryptedTheManifestHoldsNoRecordTextAndTheIdIsThePlainOne) {
    Fixture f("version_write");
    DatasetVersion plain = f.save(nullptr, "tickets", f.dir.file("plainws/datasets"));
    DatasetVersion enc = f.save(&f.key);
    EXPECT_EQ(enc.version, plain.version);  // content-addressed over the plaintext
    EXPECT_EQ(enc.counts, plain.counts);
    for (const char* file : {"train.jsonl", "validation.jsonl", "test.jsonl"}) {
        const std::string path = enc.dir + "/" + file;
        EXPECT_TRUE(fileLooksEncrypted(path)) << path;
        auto back = readVersionFile(path, &f.key);
        ASSERT_TRUE(back.ok()) << back.message();
        EXPECT_EQ(*back, readAll(plain.dir + "/" + file));
        struct stat st{};
        ASSERT_EQ(::stat(path.c_str(), &st), 0);
        EXPECT_EQ(st.st_mode & 0777, 0444u);
    }
    EXPECT_EQ(readAll(enc.dir + "/manifest.json").find("Quokka"), std::string::npos);
    EXPECT_TRUE(filesContaining(f.dir.file("ws"), "Quokka").empty());
    EXPECT_TRUE(verifyDatasetVersion(enc.dir, &f.key).ok());
    // The unencrypted workspace is exactly as before: the split files are the split output byte for byte.
    EXPECT_EQ(readAll(plain.dir + "/train.jsonl"), readAll(f.dir.file("src/split/train.jsonl")));
    EXPECT_TRUE(verifyDatasetVersion(plain.dir).ok());
    // Saving identical content again finds the encrypted version.
    DatasetVersion again = f.save(&f.key);
    EXPECT_TRUE(again.alreadyExisted);
}

TEST(VersionEncryption, EveryReaderDecryptsWithTheKeyAndNamesTheVersionWithoutIt) {
    Fixture f("version_readers");
    DatasetVersion plain = f.save(nullptr, "tickets", f.dir.file("plainws/datasets"));
    DatasetVersion enc = f.save(&f.key);
    const std::string train = enc.dir + "/train.jsonl";
    const std::string expectLocked = "dataset version tickets@" + enc.version.substr(0, 12) + " (train.jsonl) is encrypted: unlock the workspace (--key-file";

    ImportOptions withKey;
    withKey.key = &f.key;
    auto loaded = loadDataset(train, withKey);
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    auto loadedPlain = loadDataset(plain.dir + "/train.jsonl", ImportOptions{});
    ASSERT_TRUE(loadedPlain.ok());
    EXPECT_EQ(promptsOf(loaded->records), promptsOf(loadedPlain->records));
    EXPECT_EQ(loaded->summary.reader.bytes, loadedPlain->summary.reader.bytes);
    auto locked = loadDataset(train, ImportOptions{});
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find(expectLocked), std::string::npos) << locked.message();

    auto index = RecordIndex::buildForVersion(enc.dir, {}, &f.key);
    ASSERT_TRUE(index.ok()) << index.message();
    auto indexPlain = RecordIndex::buildForVersion(plain.dir);
    ASSERT_TRUE(indexPlain.ok());
    ASSERT_EQ((*index)->size(), (*indexPlain)->size());
    for (int64_t i = 0; i < (*index)->size(); ++i) {
        auto a = (*index)->record(i), b = (*indexPlain)->record(i);
        ASSERT_TRUE(a.ok() && b.ok());
        EXPECT_EQ(a->prompt, b->prompt);
        EXPECT_EQ(a->split, b->split);
    }
    auto indexLocked = RecordIndex::buildForVersion(enc.dir);
    ASSERT_FALSE(indexLocked.ok());
    EXPECT_NE(indexLocked.message().find(expectLocked), std::string::npos) << indexLocked.message();

    auto diff = diffDatasetVersions(plain.dir, enc.dir, 5, &f.key);
    ASSERT_TRUE(diff.ok()) << diff.message();
    EXPECT_EQ(diff->unchanged, 20);
    EXPECT_EQ(diff->added + diff->removed + diff->changed + diff->moved, 0);
    EXPECT_FALSE(diffDatasetVersions(plain.dir, enc.dir, 5, nullptr).ok());

    auto trainRecords = train::readTrainingJsonl(train, &f.key);
    ASSERT_TRUE(trainRecords.ok()) << trainRecords.message();
    EXPECT_EQ(trainRecords->size(), loadedPlain->records.size());
    auto trainLocked = train::readTrainingJsonl(train);
    ASSERT_FALSE(trainLocked.ok());
    EXPECT_NE(trainLocked.message().find(expectLocked), std::string::npos);

    auto verifyLocked = verifyDatasetVersion(enc.dir);
    ASSERT_FALSE(verifyLocked.ok());
    EXPECT_NE(verifyLocked.message().find("is encrypted: unlock the workspace"), std::string::npos);
}

TEST(VersionEncryption, WrongKeyAndFilesMovedToAnotherSplitVersionOrNameFail) {
    Fixture f("version_moved");
    DatasetVersion enc = f.save(&f.key);
    WorkspaceKey other = makeKey(f.dir.file("other.key"));
    auto wrong = readVersionFile(enc.dir + "/train.jsonl", &other);
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.message().find("authentication failed"), std::string::npos) << wrong.message();
    EXPECT_FALSE(verifyDatasetVersion(enc.dir, &other).ok());

    // Another split of the same version.
    std::filesystem::permissions(enc.dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::add);
    std::filesystem::copy_file(enc.dir + "/train.jsonl", enc.dir + "/test.jsonl",
                               std::filesystem::copy_options::overwrite_existing);
    auto swapped = readVersionFile(enc.dir + "/test.jsonl", &f.key);
    ASSERT_FALSE(swapped.ok());
    EXPECT_NE(swapped.message().find("authentication failed"), std::string::npos);
    EXPECT_FALSE(verifyDatasetVersion(enc.dir, &f.key).ok());

    // The whole version folder copied under another dataset name.
    Fixture g("version_moved_name");
    DatasetVersion v = g.save(&g.key);
    const std::string copy = g.datasets + "/renamed/" + v.version;
    std::filesystem::create_directories(copy);
    std::filesystem::copy_file(v.dir + "/train.jsonl", copy + "/train.jsonl");
    EXPECT_FALSE(readVersionFile(copy + "/train.jsonl", &g.key).ok());
    ImportOptions o;
    o.key = &g.key;
    EXPECT_FALSE(loadDataset(copy + "/train.jsonl", o).ok());
}

TEST(VersionEncryption, RejectedSidecarIsEncryptedBesideTheVersion) {
    Fixture f("version_sidecar");
    DatasetVersion enc = f.save(&f.key);
    writeText(f.dir.file("src/rejected.jsonl"),
              "{\"file\":\"tickets.jsonl\",\"line\":3,\"reason\":\"Quokka-Zebra: missing completion\"}\n");
    ASSERT_TRUE(saveRejectedSidecar(f.dir.file("src/rejected.jsonl"), enc.dir, &f.key).ok());
    EXPECT_TRUE(fileLooksEncrypted(rejectedSidecarPath(enc.dir)));
    auto back = loadRejectedSidecar(enc.dir, 100, &f.key);
    ASSERT_TRUE(back.ok()) << back.message();
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ((*back)[0].line, 3);
    auto locked = loadRejectedSidecar(enc.dir);
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("(rejected records) is encrypted"), std::string::npos) << locked.message();
    EXPECT_TRUE(filesContaining(f.dir.file("ws"), "Quokka").empty());
}

TEST(VersionEncryption, VersionsSavedBeforeEncryptionAreConvertedInPlaceAndStayReadOnly) {
    Fixture f("version_convert");
    DatasetVersion v = f.save(nullptr);
    writeText(f.dir.file("src/rejected.jsonl"), "{\"file\":\"t\",\"line\":1,\"reason\":\"Quokka\"}\n");
    ASSERT_TRUE(saveRejectedSidecar(f.dir.file("src/rejected.jsonl"), v.dir).ok());
    ASSERT_FALSE(filesContaining(f.dir.file("ws"), "Quokka").empty());
    auto summary = encryptDatasetVersions(f.datasets, f.key);
    ASSERT_TRUE(summary.ok()) << summary.message();
    EXPECT_EQ(summary->versions, 1);
    EXPECT_EQ(summary->filesEncrypted, 4);  // three splits and the sidecar
    EXPECT_TRUE(filesContaining(f.dir.file("ws"), "Quokka").empty());
    struct stat st{};
    ASSERT_EQ(::stat(v.dir.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0555u);
    EXPECT_TRUE(verifyDatasetVersion(v.dir, &f.key).ok());
    auto again = encryptDatasetVersions(f.datasets, f.key);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->filesEncrypted, 0);
    EXPECT_EQ(again->filesAlready, 4);
    WorkspaceKey other = makeKey(f.dir.file("other.key"));
    EXPECT_FALSE(encryptDatasetVersions(f.datasets, other).ok());  // a wrong key is noticed, nothing rewritten
}

TEST(VersionEncryption, AVersionWithoutTheKeyIsRefusedInAnEncryptedWorkspace) {
    Fixture f("version_needs_key");
    std::filesystem::create_directories(f.datasets);
    ASSERT_TRUE(enableWorkspaceEncryptionWithKeyFile(f.dir.file("ws"), f.dir.file("ws.key")).ok());
    CreateVersionOptions o;
    o.name = "tickets";
    for (const std::string& datasets : {f.datasets, f.datasets + "/"}) {
        auto refused = createDatasetVersion(datasets, f.dir.file("src/split"), o);
        ASSERT_FALSE(refused.ok());
        EXPECT_NE(refused.message().find("is encrypted: unlock it"), std::string::npos) << refused.message();
    }
    EXPECT_TRUE(filesContaining(f.dir.file("ws"), "Quokka").empty());  // nothing was written
    DatasetVersion v = f.save(&f.key);
    EXPECT_EQ(v.version.size(), size_t(64));
    EXPECT_TRUE(filesContaining(f.dir.file("ws"), "Quokka").empty());
}
