// The file store (issue 16): files kept by content, shared, never twice; and a database written
// before migration 0014, whose files are inline base64, moved into it at start.
#include <soci/soci.h>

#include <fstream>
#include <sstream>

#include "services/files.hpp"
#include "services/load_programme_seed.hpp"
#include "storage/directory_file_store.hpp"
#include "storage/test_database.hpp"

namespace diplomado::testing {
namespace {

namespace fs = std::filesystem;

// SHA-256 of "hello" and of "abc" (FIPS 180-2, appendix B.1).
constexpr std::string_view hello_sha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
constexpr std::string_view abc_sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class FileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { m_root = fs::temp_directory_path() / ("diplomado-files-test-" + random_suffix()); }
  void TearDown() override { fs::remove_all(m_root); }
  fs::path m_root;
};

TEST_F(FileStoreTest, KeepsFilesByTheirDigestAndTheSameBytesOnce) {
  auto opened = storage::open_directory_file_store(m_root);
  ASSERT_TRUE(opened);
  auto& files = **opened;
  auto first = files.keep_bytes("abc");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->sha256, abc_sha256);
  EXPECT_EQ(first->size_bytes, 3u);
  const auto path = files.find(abc_sha256);
  ASSERT_TRUE(path);
  EXPECT_EQ(*path, m_root / "objects" / "ba" / std::string(abc_sha256));
  EXPECT_EQ(contents(*path), "abc");

  // A spooled upload with the same bytes: the store keeps one file, and the spool is left empty.
  const auto spooled = files.spool_path();
  EXPECT_EQ(spooled.parent_path(), m_root / "spool");
  std::ofstream(spooled, std::ios::binary) << "abc";
  auto second = files.keep(spooled);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->sha256, abc_sha256);
  EXPECT_FALSE(fs::exists(spooled));
  std::size_t objects = 0;
  for (const auto& entry : fs::recursive_directory_iterator(m_root / "objects")) objects += entry.is_regular_file();
  EXPECT_EQ(objects, 1u);

  // A second store on the same directory (another server) finds it.
  auto other = storage::open_directory_file_store(m_root);
  ASSERT_TRUE(other);
  EXPECT_TRUE((*other)->find(abc_sha256));

  files.remove(abc_sha256);
  EXPECT_FALSE(files.find(abc_sha256));
  EXPECT_FALSE((*other)->find(abc_sha256));
}

TEST_F(FileStoreTest, ADigestThatIsNotOneFindsNothingAndRemovesNothing) {
  auto opened = storage::open_directory_file_store(m_root);
  ASSERT_TRUE(opened);
  auto& files = **opened;
  ASSERT_TRUE(files.keep_bytes("abc"));
  std::ofstream(m_root / "objects" / "secret") << "x";
  for (std::string_view bad : {"", "../secret", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", "ba7816bf", "../../objects/secret"}) {
    EXPECT_FALSE(files.find(bad)) << bad;
    files.remove(bad);
  }
  EXPECT_TRUE(files.find(abc_sha256));
  EXPECT_TRUE(fs::exists(m_root / "objects" / "secret"));
}

TEST_F(FileStoreTest, UploadsACrashLeftInTheSpoolAreRemovedADayLater) {
  ASSERT_TRUE(storage::open_directory_file_store(m_root));
  const auto old_file = m_root / "spool" / "upload-old", new_file = m_root / "spool" / "upload-new";
  std::ofstream(old_file) << "personal data";
  std::ofstream(new_file) << "still arriving";
  fs::last_write_time(old_file, fs::file_time_type::clock::now() - std::chrono::hours(25));
  ASSERT_TRUE(storage::open_directory_file_store(m_root));
  EXPECT_FALSE(fs::exists(old_file));
  EXPECT_TRUE(fs::exists(new_file));
}

TEST_F(FileStoreTest, AStoreWithoutADirectoryIsPrivateAndGoesWithIt) {
  fs::path root;
  {
    auto opened = storage::open_directory_file_store({});
    ASSERT_TRUE(opened);
    auto kept = (*opened)->keep_bytes("hello");
    ASSERT_TRUE(kept);
    root = (*opened)->find(hello_sha256)->parent_path().parent_path().parent_path();
    EXPECT_TRUE(fs::exists(root));
  }
  EXPECT_FALSE(fs::exists(root));
}

TEST_F(FileStoreTest, AnUploadIsMappedAndRemovedUnlessKept) {
  auto opened = storage::open_directory_file_store(m_root);
  ASSERT_TRUE(opened);
  fs::path left;
  {
    auto upload = services::Upload::from_bytes(**opened, "hello");
    ASSERT_TRUE(upload);
    EXPECT_EQ(upload->bytes(), "hello");
    left = upload->path();
    EXPECT_TRUE(fs::exists(left));
  }
  EXPECT_FALSE(fs::exists(left));
  {
    auto upload = services::Upload::from_bytes(**opened, "hello");
    ASSERT_TRUE(upload);
    ASSERT_TRUE((*opened)->keep(upload->path()));
    // The mapping outlives the rename.
    EXPECT_EQ(upload->bytes(), "hello");
  }
  auto kept = services::read_kept_file(**opened, hello_sha256);
  ASSERT_TRUE(kept);
  EXPECT_EQ(*kept, "hello");
  EXPECT_FALSE(services::read_kept_file(**opened, abc_sha256));
}

class InlineFilesTest : public DatabaseTest {};

// A database written before migration 0014 kept files as base64 text. Opening it moves them into
// the file store, names them by digest, and empties the text; a second opening finds nothing to do.
TEST_P(InlineFilesTest, FilesHeldInlineAreMovedToTheFileStoreAtStart) {
  auto loaded = services::load_programme_seed(store(), given_programme("INLINE").build(), now);
  ASSERT_TRUE(loaded);
  Id user = 0;
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    user = unit->users().insert({"x@example.pa", "X", "hash", "2023-10-11T00:00:00Z"});
    unit->commit();
  }
  {
    auto sql = raw_session();
    long long programme = loaded->programme_id, owner = user;
    sql << "INSERT INTO import_upload (programme_id, user_id, created_at, file_name, content) VALUES (:p, :u, '2023-10-11T00:00:00Z', 'a.csv', "
           "'aGVsbG8=')",
        soci::use(programme), soci::use(owner);
    sql << "INSERT INTO programme_logo (programme_id, position, format, content) VALUES (:p, 1, 'svg', 'YWJj')", soci::use(programme);
  }
  const auto files_directory = m_directory.empty() ? fs::temp_directory_path() / ("diplomado-files-" + random_suffix()) : m_directory / "files";
  for (int opening = 0; opening < 2; ++opening) {
    auto reopened = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = files_directory.string()});
    ASSERT_TRUE(reopened) << reopened.error().message_key;
    auto& files = reopened->store->files();
    EXPECT_EQ(services::read_kept_file(files, hello_sha256).value_or(""), "hello");
    EXPECT_EQ(services::read_kept_file(files, abc_sha256).value_or(""), "abc");
  }
  auto sql = raw_session();
  std::string upload_digest, upload_inline, logo_digest, logo_inline;
  sql << "SELECT content_sha256, content FROM import_upload", soci::into(upload_digest), soci::into(upload_inline);
  sql << "SELECT content_sha256, content FROM programme_logo", soci::into(logo_digest), soci::into(logo_inline);
  EXPECT_EQ(upload_digest, hello_sha256);
  EXPECT_EQ(upload_inline, "");
  EXPECT_EQ(logo_digest, abc_sha256);
  EXPECT_EQ(logo_inline, "");
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_TRUE(unit->uploads().file_in_use(hello_sha256));
  EXPECT_TRUE(unit->uploads().file_in_use(abc_sha256));
  EXPECT_FALSE(unit->uploads().file_in_use(std::string(64, '0')));
  if (m_directory.empty()) fs::remove_all(files_directory);
}

INSTANTIATE_TEST_SUITE_P(Backends, InlineFilesTest, ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace diplomado::testing
