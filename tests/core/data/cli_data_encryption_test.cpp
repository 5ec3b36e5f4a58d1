// `data clean` and `data split` with an encrypted workspace, through tb::cli::runCli: outputs inside the
// encrypted workspace are written encrypted (and chain into `data version`), outputs elsewhere stay plain
// as the user chose, an encrypted input is decrypted with --key-file and refused without it.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "app/cli/cli.h"
#include "core/data/dataset_import.h"
#include "core/data/version_file_io.h"
#include "core/workspace/workspace.h"
#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace_file_io.h"
#include "test_files.h"

namespace {

const std::string kMarker = "Quokka-Zebra-5521";

struct Run {
    int code = 0;
    std::string out, err;
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

bool anyFileContains(const std::string& root, const std::string& needle) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         it != std::filesystem::recursive_directory_iterator(); ++it)
        if (it->is_regular_file(ec) && tbtest::readBytes(it->path().string()).find(needle) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST(DataCliEncryption, CleanAndSplitIntoAnEncryptedWorkspaceEncryptOutsideStayPlain) {
    tbtest::TempDir dir;
    std::string src;
    for (int i = 0; i < 24; ++i)
        src += "{\"prompt\":\"Ticket " + std::to_string(i) + " from " + kMarker + "\",\"completion\":\"" +
               (i % 2 ? "billing" : "shipping") + "\"}\n";
    src += "{\"prompt\":\"broken " + kMarker + "\",\n";
    tbtest::writeBytes(dir.file("src.jsonl"), src);
    const std::string ws = dir.file("ws"), keyFile = dir.file("ws.key");
    ASSERT_TRUE(tb::Workspace::open(ws, false).ok());
    tbtest::writeBytes(keyFile, std::string(64, 'c'));
    ASSERT_TRUE(tb::enableWorkspaceEncryptionWithKeyFile(ws, keyFile).ok());
    auto key = tb::unlockWorkspace(ws, "", keyFile);
    ASSERT_TRUE(key.ok()) << key.message();
    std::filesystem::create_directories(ws + "/scratch");
    std::filesystem::create_directories(dir.file("out"));

    // Into the encrypted workspace: encrypted cleaned file and rejections.
    auto clean = run({"data", "clean", dir.file("src.jsonl"), "--out", ws + "/scratch/cleaned.jsonl", "--rejected-out",
                      ws + "/scratch/rejected.jsonl", "--workspace", ws, "--key-file", keyFile});
    ASSERT_EQ(clean.code, 0) << clean.out << clean.err;
    EXPECT_TRUE(tb::fileLooksEncrypted(ws + "/scratch/cleaned.jsonl"));
    EXPECT_TRUE(tb::fileLooksEncrypted(ws + "/scratch/rejected.jsonl"));
    auto rejected = tb::readVersionFile(ws + "/scratch/rejected.jsonl", &*key);
    ASSERT_TRUE(rejected.ok()) << rejected.message();
    EXPECT_NE(rejected->find("\"line\":25"), std::string::npos) << *rejected;

    // An encrypted input needs the key.
    auto locked =
        run({"data", "split", ws + "/scratch/cleaned.jsonl", "--out", dir.file("out/split-locked"), "--workspace", ws});
    EXPECT_EQ(locked.code, 1);
    EXPECT_NE((locked.out + locked.err).find("is encrypted: unlock"), std::string::npos) << locked.out << locked.err;

    // Split inside the workspace: encrypted; then saved as a version from the encrypted split.
    auto split = run({"data", "split", ws + "/scratch/cleaned.jsonl", "--out", ws + "/scratch/split", "--val", "0.25",
                      "--test", "0.25", "--workspace", ws, "--key-file", keyFile});
    ASSERT_EQ(split.code, 0) << split.out << split.err;
    for (const char* f : {"train.jsonl", "validation.jsonl", "test.jsonl"})
        EXPECT_TRUE(tb::fileLooksEncrypted(ws + "/scratch/split/" + f)) << f;
    auto version =
        run({"data", "version", ws + "/scratch/split", "--name", "tickets", "--workspace", ws, "--key-file", keyFile});
    ASSERT_EQ(version.code, 0) << version.out << version.err;
    EXPECT_FALSE(anyFileContains(ws, kMarker));

    // Outside any encrypted workspace the user's paths get plain JSONL (decrypted from the encrypted input).
    auto plainSplit = run({"data", "split", ws + "/scratch/cleaned.jsonl", "--out", dir.file("out/split"), "--val",
                           "0.25", "--test", "0.25", "--workspace", ws, "--key-file", keyFile});
    ASSERT_EQ(plainSplit.code, 0) << plainSplit.out << plainSplit.err;
    EXPECT_FALSE(tb::fileLooksEncrypted(dir.file("out/split/train.jsonl")));
    auto encTrain = tb::readVersionFile(ws + "/scratch/split/train.jsonl", &*key);
    ASSERT_TRUE(encTrain.ok()) << encTrain.message();
    EXPECT_EQ(*encTrain, tbtest::readBytes(dir.file("out/split/train.jsonl")));
    EXPECT_NE(encTrain->find(kMarker), std::string::npos);
    auto plainClean =
        run({"data", "clean", dir.file("src.jsonl"), "--out", dir.file("out/cleaned.jsonl"), "--workspace", ws});
    ASSERT_EQ(plainClean.code, 0) << plainClean.out << plainClean.err;  // no key asked: nothing encrypted involved
    EXPECT_FALSE(tb::fileLooksEncrypted(dir.file("out/cleaned.jsonl")));
    auto decrypted = tb::readVersionFile(ws + "/scratch/cleaned.jsonl", &*key);
    ASSERT_TRUE(decrypted.ok());
    EXPECT_EQ(*decrypted, tbtest::readBytes(dir.file("out/cleaned.jsonl")));
}
