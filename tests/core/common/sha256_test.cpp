#include "core/common/sha256.h"

#include <gtest/gtest.h>

TEST(Sha256, KnownVectors) {
    // FIPS 180-2 examples.
    EXPECT_EQ(tb::sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(tb::sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    tb::Sha256 h;
    h.update("a");
    h.update("bc");
    EXPECT_EQ(h.hexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
