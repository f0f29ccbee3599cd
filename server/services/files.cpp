#include "services/files.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <utility>

namespace diplomado::services {
namespace {

Error unavailable() { return make_error(ErrorCode::unavailable, "error.files.unavailable"); }

}  // namespace

Result<MappedFile> MappedFile::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::unexpected(unavailable());
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    ::close(fd);
    return std::unexpected(unavailable());
  }
  MappedFile mapped;
  mapped.m_size = static_cast<std::size_t>(status.st_size);
  if (mapped.m_size > 0) {
    void* data = ::mmap(nullptr, mapped.m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
      ::close(fd);
      return std::unexpected(unavailable());
    }
    mapped.m_data = data;
  }
  ::close(fd);
  return mapped;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (m_data) ::munmap(m_data, m_size);
    m_data = std::exchange(other.m_data, nullptr);
    m_size = std::exchange(other.m_size, 0);
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (m_data) ::munmap(m_data, m_size);
}

Result<Upload> Upload::from_bytes(storage::FileStore& files, std::string_view bytes) {
  Upload upload(files.spool_path());
  {
    std::ofstream out(upload.path(), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return std::unexpected(unavailable());
  }
  if (auto mapped = upload.map(); !mapped) return std::unexpected(mapped.error());
  return upload;
}

Upload& Upload::operator=(Upload&& other) noexcept {
  if (this != &other) {
    std::error_code ignored;
    if (!m_path.empty()) std::filesystem::remove(m_path, ignored);
    m_path = std::exchange(other.m_path, {});
    m_file = std::move(other.m_file);
  }
  return *this;
}

Upload::~Upload() {
  if (m_path.empty()) return;
  std::error_code ignored;
  std::filesystem::remove(m_path, ignored);
}

Result<void> Upload::map() {
  auto mapped = MappedFile::open(m_path);
  if (!mapped) return std::unexpected(mapped.error());
  m_file = std::move(*mapped);
  return {};
}

Result<MappedFile> open_kept_file(storage::FileStore& files, std::string_view sha256) {
  const auto path = files.find(sha256);
  if (!path) return std::unexpected(unavailable());
  return MappedFile::open(*path);
}

Result<std::string> read_kept_file(storage::FileStore& files, std::string_view sha256) {
  auto mapped = open_kept_file(files, sha256);
  if (!mapped) return std::unexpected(mapped.error());
  return std::string(mapped->bytes());
}

Result<OpenFile> OpenFile::open(const std::filesystem::path& path) {
  OpenFile file;
  file.m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file.m_fd < 0) return std::unexpected(unavailable());
  struct stat status {};
  if (::fstat(file.m_fd, &status) != 0) return std::unexpected(unavailable());
  file.m_size = static_cast<std::uint64_t>(status.st_size);
  return file;
}

OpenFile& OpenFile::operator=(OpenFile&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = std::exchange(other.m_fd, -1);
    m_size = std::exchange(other.m_size, 0);
  }
  return *this;
}

OpenFile::~OpenFile() {
  if (m_fd >= 0) ::close(m_fd);
}

long OpenFile::read_at(std::uint64_t offset, char* into, std::size_t length) const {
  return static_cast<long>(::pread(m_fd, into, length, static_cast<off_t>(offset)));
}

Result<std::string> OpenFile::read_all() const {
  std::string bytes(static_cast<std::size_t>(m_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const long count = read_at(done, bytes.data() + done, bytes.size() - done);
    if (count <= 0) return std::unexpected(unavailable());
    done += static_cast<std::size_t>(count);
  }
  return bytes;
}

Result<OpenFile> open_kept_file_for_sending(storage::FileStore& files, std::string_view sha256) {
  const auto path = files.find(sha256);
  if (!path) return std::unexpected(unavailable());
  return OpenFile::open(*path);
}

Result<OpenFile> spooled_answer(storage::Store& store, const std::function<Result<void>(const std::filesystem::path&)>& write) {
  const auto path = store.files().spool_path();
  auto written = write(path);
  std::error_code ignored;
  if (!written) {
    std::filesystem::remove(path, ignored);
    return std::unexpected(written.error());
  }
  auto opened = OpenFile::open(path);
  std::filesystem::remove(path, ignored);
  return opened;
}

std::vector<std::string> files_no_longer_used(storage::UnitOfWork& unit, const std::vector<std::string>& digests) {
  std::vector<std::string> unused;
  for (const auto& digest : digests)
    if (!unit.uploads().file_in_use(digest)) unused.push_back(digest);
  return unused;
}

void forget_files(storage::FileStore& files, const std::vector<std::string>& digests) {
  for (const auto& digest : digests) files.remove(digest);
}

}  // namespace diplomado::services
