// The protected-file layer under every encrypted workspace file: round trip, wrong key, no key, a file moved
// to another name or folder, plain files left readable, atomic in-place conversion keeping the mode.
#include "core/workspace/workspace_file_io.h"

#include "encryption_test_util.h"

#include <sys/stat.h>

using namespace tb;
using namespace tbenc;

TEST(WorkspaceFileIo, EncryptedRoundTripHoldsNoPlaintextOnDisk) {
    TempDir dir("fileio_roundtrip");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    const std::string path = dir.file("evaluations/run.predictions.jsonl");
    std::filesystem::create_directories(dir.file("evaluations"));
    const std::string text = "{\"prompt\":\"secret patient Ingrid Holm\"}\n";
    ASSERT_TRUE(writeProtectedFile(path, text, protectedFileContext("predictions", path), &key).ok());
    const std::string onDisk = readAll(path);
    EXPECT_TRUE(looksEncrypted(onDisk));
    EXPECT_EQ(onDisk.find("Ingrid"), std::string::npos);
    EXPECT_TRUE(fileLooksEncrypted(path));
    auto back = readProtectedFile(path, protectedFileContext("predictions", path), &key, "predictions");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(*back, text);
    // No temporary file is left beside it.
    int files = 0;
    for (auto& e : std::filesystem::directory_iterator(dir.file("evaluations"))) files += e.is_regular_file();
    EXPECT_EQ(files, 1);
}

TEST(WorkspaceFileIo, WrongKeyAndMissingKeyAreRefusedClearly) {
    TempDir dir("fileio_wrongkey");
    WorkspaceKey key = makeKey(dir.file("a.key"));
    WorkspaceKey other = makeKey(dir.file("b.key"));
    const std::string path = dir.file("x.jsonl");
    const std::string ctx = protectedFileContext("predictions", path);
    ASSERT_TRUE(writeProtectedFile(path, "hello", ctx, &key).ok());
    auto wrong = readProtectedFile(path, ctx, &other, "predictions x");
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.message().find("authentication failed"), std::string::npos) << wrong.message();
    auto locked = readProtectedFile(path, ctx, nullptr, "predictions x");
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().kind, ErrorKind::Input);
    EXPECT_NE(locked.message().find("predictions x is encrypted: unlock the workspace (--key-file"), std::string::npos)
        << locked.message();
}

TEST(WorkspaceFileIo, AFileMovedToAnotherNameOrFolderFailsToDecrypt) {
    TempDir dir("fileio_moved");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    std::filesystem::create_directories(dir.file("c1"));
    std::filesystem::create_directories(dir.file("c2"));
    const std::string a = dir.file("c1/predictions_a.jsonl");
    ASSERT_TRUE(writeProtectedFile(a, "A side", protectedFileContext("predictions", a), &key).ok());
    for (const std::string& moved : {dir.file("c1/predictions_b.jsonl"), dir.file("c2/predictions_a.jsonl")}) {
        std::filesystem::copy_file(a, moved);
        auto r = readProtectedFile(moved, protectedFileContext("predictions", moved), &key, moved);
        EXPECT_FALSE(r.ok()) << moved;
    }
    // A different kind of file with the same name is another context too.
    EXPECT_FALSE(readProtectedFile(a, protectedFileContext("ratings", a), &key, a).ok());
}

TEST(WorkspaceFileIo, PlainFilesStayByteForByteAndConvertInPlaceKeepingTheirMode) {
    TempDir dir("fileio_plain");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    const std::string path = dir.file("p.jsonl");
    const std::string ctx = protectedFileContext("predictions", path);
    ASSERT_TRUE(writeProtectedFile(path, "plain line\n", ctx, nullptr).ok());
    EXPECT_EQ(readAll(path), "plain line\n");
    auto asIs = readProtectedFile(path, ctx, &key, "p");
    ASSERT_TRUE(asIs.ok());
    EXPECT_EQ(*asIs, "plain line\n");
    ::chmod(path.c_str(), 0444);
    auto changed = encryptFileInPlace(path, ctx, key, "p");
    ASSERT_TRUE(changed.ok()) << changed.message();
    EXPECT_TRUE(*changed);
    EXPECT_TRUE(fileLooksEncrypted(path));
    struct stat st{};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0444u);
    auto again = encryptFileInPlace(path, ctx, key, "p");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(*again);
    auto back = readProtectedFile(path, ctx, &key, "p");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, "plain line\n");
}
