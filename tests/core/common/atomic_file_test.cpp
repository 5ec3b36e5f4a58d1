#include "core/common/atomic_file.h"

#include <filesystem>
#include <gtest/gtest.h>

TEST(AtomicFile, WritesAndReplaces) {
    auto dir = std::filesystem::temp_directory_path() / ("tb_atomic_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string path = (dir / "x.json").string();
    ASSERT_TRUE(tb::writeFileAtomically(path, "first").ok());
    ASSERT_TRUE(tb::writeFileAtomically(path, "second").ok());
    EXPECT_EQ(*tb::readWholeFile(path), "second");
    int files = 0;
    for (auto& e : std::filesystem::directory_iterator(dir)) { (void)e; ++files; }
    EXPECT_EQ(files, 1) << "no temporary file is left behind";
    std::filesystem::remove_all(dir);
}

TEST(AtomicFile, FailureLeavesPreviousFile) {
    auto r = tb::writeFileAtomically("/nonexistent-dir/x", "data");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("/nonexistent-dir/x"), std::string::npos);
    auto missing = tb::readWholeFile("/nonexistent-dir/x");
    EXPECT_FALSE(missing.ok());
}
