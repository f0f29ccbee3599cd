// The file store as a directory (file_store.hpp). A file is written to spool/, flushed, and then
// renamed into objects/: rename is atomic on one file system, so a reader (in this server or in
// another that shares the directory) sees a whole file or none.
#include "storage/directory_file_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <system_error>

namespace diplomado::storage {
namespace {

namespace fs = std::filesystem;

Error unavailable(std::string_view what) {
  Error error = make_error(ErrorCode::unavailable, "error.files.unavailable");
  error.details.push_back(FieldError{"file", std::nullopt, "unavailable", "error.files.unavailable", std::string(what)});
  return error;
}

bool is_digest(std::string_view text) {
  if (text.size() != crypto_hash_sha256_BYTES * 2) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// Closes a descriptor on every path out.
struct Descriptor {
  int fd = -1;
  explicit Descriptor(int value) : fd(value) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

bool sync_directory(const fs::path& directory) {
  Descriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  return dir.fd >= 0 && ::fsync(dir.fd) == 0;
}

class DirectoryFileStore final : public FileStore {
 public:
  DirectoryFileStore(fs::path root, bool temporary) : m_root(std::move(root)), m_temporary(temporary) {}
  ~DirectoryFileStore() override {
    if (!m_temporary) return;
    std::error_code ignored;
    fs::remove_all(m_root, ignored);
  }

  fs::path spool_path() override {
    std::array<unsigned char, 16> random{};
    randombytes_buf(random.data(), random.size());
    std::array<char, 33> hex{};
    sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
    return m_root / "spool" / (std::string("upload-") + hex.data());
  }

  Result<StoredFile> keep(const fs::path& spooled) override {
    auto digest = digest_of_file(spooled);
    if (!digest) return std::unexpected(unavailable("read"));
    const StoredFile stored = *digest;
    const fs::path target = object_path(stored.sha256);
    std::error_code error;
    if (fs::exists(target, error)) {
      fs::remove(spooled, error);
      return stored;
    }
    {
      Descriptor file(::open(spooled.c_str(), O_RDONLY | O_CLOEXEC));
      if (file.fd < 0 || ::fsync(file.fd) != 0) return std::unexpected(unavailable("fsync"));
    }
    fs::create_directories(target.parent_path(), error);
    if (error) return std::unexpected(unavailable("mkdir"));
    fs::rename(spooled, target, error);
    if (error) return std::unexpected(unavailable("rename"));
    if (!sync_directory(target.parent_path())) return std::unexpected(unavailable("fsync"));
    return stored;
  }

  Result<StoredFile> keep_bytes(std::string_view bytes) override {
    const fs::path spooled = spool_path();
    {
      Descriptor file(::open(spooled.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
      if (file.fd < 0) return std::unexpected(unavailable("create"));
      std::size_t written = 0;
      while (written < bytes.size()) {
        const auto put = ::write(file.fd, bytes.data() + written, bytes.size() - written);
        if (put < 0 && errno == EINTR) continue;
        if (put <= 0) {
          std::error_code ignored;
          fs::remove(spooled, ignored);
          return std::unexpected(unavailable("write"));
        }
        written += static_cast<std::size_t>(put);
      }
    }
    auto kept = keep(spooled);
    if (!kept) {
      std::error_code ignored;
      fs::remove(spooled, ignored);
    }
    return kept;
  }

  std::optional<fs::path> find(std::string_view sha256) override {
    if (!is_digest(sha256)) return std::nullopt;
    auto path = object_path(sha256);
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return std::nullopt;
    return path;
  }

  void remove(std::string_view sha256) override {
    if (!is_digest(sha256)) return;
    std::error_code ignored;
    fs::remove(object_path(sha256), ignored);
  }

 private:
  fs::path object_path(std::string_view sha256) const { return m_root / "objects" / std::string(sha256.substr(0, 2)) / std::string(sha256); }

  fs::path m_root;
  bool m_temporary;
};

}  // namespace

std::optional<StoredFile> digest_of_file(const fs::path& path) {
  Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.fd < 0) return std::nullopt;
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::array<unsigned char, 64 * 1024> buffer{};
  std::uint64_t size = 0;
  for (;;) {
    const auto got = ::read(file.fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return std::nullopt;
    if (got == 0) break;
    crypto_hash_sha256_update(&state, buffer.data(), static_cast<unsigned long long>(got));
    size += static_cast<std::uint64_t>(got);
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return StoredFile{hex.data(), size};
}

Result<std::unique_ptr<FileStore>> open_directory_file_store(const fs::path& root) {
  fs::path directory = root;
  const bool temporary = root.empty();
  if (temporary) {
    std::string pattern = (fs::temp_directory_path() / "diplomado-files-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) return std::unexpected(unavailable("mkdtemp"));
    directory = pattern;
  }
  std::error_code error;
  for (const char* part : {"objects", "spool"}) {
    fs::create_directories(directory / part, error);
    if (error) return std::unexpected(unavailable(error.message()));
  }
  // Spooled uploads a crash left behind hold personal data nobody will claim: removed at start.
  // Only those older than a day, since another server sharing the directory may be writing one.
  const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (const auto& entry : fs::directory_iterator(directory / "spool", error)) {
    std::error_code ignored;
    if (entry.last_write_time(ignored) < day_ago) fs::remove(entry.path(), ignored);
  }
  return std::unique_ptr<FileStore>(std::make_unique<DirectoryFileStore>(directory, temporary));
}

}  // namespace diplomado::storage
