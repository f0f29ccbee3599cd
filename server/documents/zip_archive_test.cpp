#include "documents/zip_archive.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <string>
#include <vector>

namespace diplomado::documents {
namespace {

std::filesystem::path scratch(const char* name) {
  return std::filesystem::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()) + ".zip");
}

// A written archive read back with libzip: each entry's name and bytes.
std::vector<std::pair<std::string, std::string>> entries_of(const std::filesystem::path& path) {
  std::vector<std::pair<std::string, std::string>> found;
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!archive) return found;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string bytes(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    zip_fread(file, bytes.data(), stat.size);
    zip_fclose(file);
    found.emplace_back(stat.name, bytes);
  }
  zip_close(archive);
  return found;
}

TEST(ZipFile, EachEntryIsMadeOnceWhenWrittenAndReadsBackWhole) {
  const auto path = scratch("diplomado-zip");
  int made = 0;
  std::vector<LazyZipEntry> entries;
  for (int i = 0; i < 5; ++i)
    entries.push_back({"certificado-" + std::to_string(i) + "-Núñez.pdf", [&, i]() -> Result<std::string> {
                         ++made;
                         return std::string(100'000 + i, static_cast<char>('a' + i));
                       }});
  ASSERT_TRUE(write_zip_file(path, entries));
  EXPECT_EQ(made, 5) << "each entry's bytes are made exactly once";
  const auto read = entries_of(path);
  ASSERT_EQ(read.size(), 5u);
  EXPECT_EQ(read[2].first, "certificado-2-Núñez.pdf");
  EXPECT_EQ(read[2].second, std::string(100'002, 'c'));
  std::filesystem::remove(path);
}

TEST(ZipFile, AnEntryThatCannotBeMadeLeavesNoFile) {
  const auto path = scratch("diplomado-zip-failed");
  std::vector<LazyZipEntry> entries = {
      {"a.pdf", []() -> Result<std::string> { return std::string("%PDF"); }},
      {"b.pdf", []() -> Result<std::string> { return std::unexpected(make_error(ErrorCode::internal, "error.internal")); }},
  };
  EXPECT_FALSE(write_zip_file(path, entries));
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(write_zip_file("/nonexistent-directory/x.zip", {entries[0]}));
}

TEST(ZipFile, NoEntriesIsAnEmptyArchive) {
  const auto path = scratch("diplomado-zip-empty");
  ASSERT_TRUE(write_zip_file(path, {}));
  EXPECT_EQ(std::filesystem::file_size(path), 22u) << "the end-of-central-directory record alone";
  EXPECT_TRUE(entries_of(path).empty());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace diplomado::documents
