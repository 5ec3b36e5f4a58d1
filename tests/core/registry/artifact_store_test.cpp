#include "core/common/atomic_file.h"
#include "core/registry/artifact_store.h"
#include "core/workspace/workspace_file_io.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace fs = std::filesystem;

class ArtifactFixture : public ::testing::Test {
protected:
    void SetUp() override {
        static int n = 0;
        root = fs::temp_directory_path() / ("tb_artifacts_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
        fs::remove_all(root);
        fs::create_directories(root / "adapter");
        ASSERT_TRUE(tb::writeFileAtomically((root / "adapter/adapter_config.json").string(), R"({"r": 8})").ok());
        ASSERT_TRUE(tb::writeFileAtomically((root / "adapter/adapter_model.safetensors").string(),
                                            std::string(1000, '\x42')).ok());
    }
    void TearDown() override { fs::remove_all(root); }
    fs::path root;
};

TEST_F(ArtifactFixture, ContentAddressedAndVerified) {
    tb::ArtifactStore store((root / "artifacts").string());
    auto ref = store.put((root / "adapter").string(), "adapter");
    ASSERT_TRUE(ref.ok()) << ref.message();
    EXPECT_EQ(ref->files.size(), 2u);
    auto again = store.put((root / "adapter").string(), "adapter");
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->sha256, ref->sha256) << "same content, same id";
    EXPECT_TRUE(store.verify(ref->sha256).ok());
    auto files = store.readFiles(ref->sha256);
    ASSERT_TRUE(files.ok());
    EXPECT_EQ((*files)["adapter_config.json"], R"({"r": 8})");
}

TEST_F(ArtifactFixture, ChangedFileIsRefusedByName) {
    tb::ArtifactStore store((root / "artifacts").string());
    auto ref = store.put((root / "adapter").string(), "adapter");
    ASSERT_TRUE(ref.ok());
    std::string stored = ref->storedAt + "/files/adapter_model.safetensors";
    std::string bytes = *tb::readWholeFile(stored);
    bytes[500] ^= 1;
    ASSERT_TRUE(tb::writeFileAtomically(stored, bytes).ok());
    auto v = store.verify(ref->sha256);
    ASSERT_FALSE(v.ok());
    EXPECT_NE(v.message().find("adapter_model.safetensors"), std::string::npos) << v.message();
    EXPECT_NE(v.message().find("changed"), std::string::npos);
    EXPECT_FALSE(store.materialize(ref->sha256, (root / "out").string()).ok());
}

TEST_F(ArtifactFixture, AddedOrRemovedFileIsRefused) {
    tb::ArtifactStore store((root / "artifacts").string());
    auto ref = store.put((root / "adapter").string(), "adapter");
    ASSERT_TRUE(ref.ok());
    ASSERT_TRUE(tb::writeFileAtomically(ref->storedAt + "/files/extra.bin", "x").ok());
    EXPECT_FALSE(store.verify(ref->sha256).ok());
    fs::remove(ref->storedAt + "/files/extra.bin");
    fs::remove(ref->storedAt + "/files/adapter_config.json");
    auto missing = store.verify(ref->sha256);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.message().find("missing"), std::string::npos);
}

TEST_F(ArtifactFixture, EncryptedAtRestAndWrongKeyRefused) {
    ASSERT_TRUE(tb::enableWorkspaceEncryption(root.string(), "correct horse battery").ok());
    auto key = tb::unlockWorkspace(root.string(), "correct horse battery", "");
    ASSERT_TRUE(key.ok()) << key.message();
    auto wrong = tb::unlockWorkspace(root.string(), "wrong passphrase", "");
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.message().find("wrong passphrase"), std::string::npos);
    EXPECT_FALSE(tb::unlockWorkspace(root.string(), "", "").ok());

    tb::ArtifactStore store((root / "artifacts").string(), *key);
    auto ref = store.put((root / "adapter").string(), "adapter");
    ASSERT_TRUE(ref.ok()) << ref.message();
    std::string stored = *tb::readWholeFile(ref->storedAt + "/files/adapter_config.json");
    EXPECT_TRUE(tb::looksEncrypted(stored));
    EXPECT_EQ(stored.find("\"r\""), std::string::npos) << "plaintext must not be on disk";
    EXPECT_EQ(store.readFiles(ref->sha256)->at("adapter_config.json"), R"({"r": 8})");

    tb::ArtifactStore locked((root / "artifacts").string());
    auto noKey = locked.verify(ref->sha256);
    ASSERT_FALSE(noKey.ok());
    EXPECT_NE(noKey.message().find("encrypted"), std::string::npos);

    // The workspace config never contains the passphrase or the key.
    std::string cfg = *tb::readWholeFile((root / "encryption.json").string());
    EXPECT_EQ(cfg.find("correct horse"), std::string::npos);
}

// A run folder's adapter encrypted at rest is stored by its plaintext (the same id as the plain folder),
// and a materialized copy in an encrypted store is written encrypted again, readable with the context an
// adapter reader uses.
TEST_F(ArtifactFixture, EncryptedSourceAndMaterializedCopyStayEncrypted) {
    ASSERT_TRUE(tb::enableWorkspaceEncryption(root.string(), "correct horse battery").ok());
    auto key = tb::unlockWorkspace(root.string(), "correct horse battery", "");
    ASSERT_TRUE(key.ok()) << key.message();
    const std::string plainId = tb::ArtifactStore((root / "plain-store").string()).put((root / "adapter").string(), "adapter")->sha256;
    fs::create_directories(root / "run/adapter");
    for (const char* name : {"adapter_config.json", "adapter_model.safetensors"}) {
        const std::string src = (root / "adapter" / name).string(), dst = (root / "run/adapter" / name).string();
        ASSERT_TRUE(tb::writeProtectedFile(dst, *tb::readWholeFile(src), tb::protectedFileContext("adapter", dst), &*key).ok());
        ASSERT_TRUE(tb::fileLooksEncrypted(dst));
    }
    tb::ArtifactStore locked((root / "artifacts").string());
    auto refused = locked.put((root / "run/adapter").string(), "adapter");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("is encrypted: unlock the workspace"), std::string::npos) << refused.message();

    tb::ArtifactStore store((root / "artifacts").string(), *key);
    auto ref = store.put((root / "run/adapter").string(), "adapter");
    ASSERT_TRUE(ref.ok()) << ref.message();
    EXPECT_EQ(ref->sha256, plainId) << "the id is the plaintext's, however the source was kept";
    EXPECT_EQ(store.readFiles(ref->sha256)->at("adapter_config.json"), R"({"r": 8})");

    // Content stored plain before encryption is converted when it is put again with the key.
    auto again = tb::ArtifactStore((root / "plain-store").string(), *key).put((root / "run/adapter").string(), "adapter");
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_EQ(again->sha256, plainId);
    EXPECT_TRUE(again->encrypted);
    EXPECT_TRUE(tb::fileLooksEncrypted(again->storedAt + "/files/adapter_config.json"));

    const std::string copy = (root / "copy").string();
    ASSERT_TRUE(store.materialize(ref->sha256, copy).ok());
    const std::string cfg = copy + "/adapter_config.json";
    EXPECT_TRUE(tb::fileLooksEncrypted(cfg));
    EXPECT_TRUE(tb::fileLooksEncrypted(copy + "/adapter_model.safetensors"));
    auto back = tb::readProtectedFile(cfg, tb::protectedFileContext("adapter", cfg), &*key, "copy");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(*back, R"({"r": 8})");
}

TEST(WorkspaceCrypto, TamperedOrMovedCiphertextFails) {
    auto dir = fs::temp_directory_path() / ("tb_keyfile_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string keyFile = (dir / "key").string();
    ASSERT_TRUE(tb::writeFileAtomically(keyFile, std::string(64, 'a')).ok());
    auto key = tb::WorkspaceKey::fromKeyFile(keyFile);
    ASSERT_TRUE(key.ok()) << key.message();
    auto blob = tb::encryptBytes(*key, "secret tickets", "ctx-a");
    ASSERT_TRUE(blob.ok());
    EXPECT_EQ(*tb::decryptBytes(*key, *blob, "ctx-a", "x"), "secret tickets");
    EXPECT_FALSE(tb::decryptBytes(*key, *blob, "ctx-b", "x").ok()) << "bound to its context";
    std::string flipped = *blob;
    flipped[flipped.size() - 20] ^= 1;
    EXPECT_FALSE(tb::decryptBytes(*key, flipped, "ctx-a", "x").ok());
    EXPECT_FALSE(tb::decryptBytes(*key, blob->substr(0, 20), "ctx-a", "x").ok());
    ASSERT_TRUE(tb::writeFileAtomically(keyFile, "short").ok());
    EXPECT_FALSE(tb::WorkspaceKey::fromKeyFile(keyFile).ok());
    fs::remove_all(dir);
}
