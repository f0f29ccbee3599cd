#pragma once
// Certificates (issue 13): a programme's certificate settings (layout, signatories, logos) and
// the certificates issued. One repository header per aggregate (DESIGN.md §3);
// storage/repositories.hpp gathers them into the unit of work.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/permission.hpp"

namespace diplomado::storage {

// A logo as stored: its format, and its file's digest in the file store.
struct StoredLogo {
  LogoFormat format = LogoFormat::png;
  std::string content_sha256;
};

class CertificateRepository {
 public:
  virtual ~CertificateRepository() = default;
  // The layout and the signatories; the logos come apart, as digests of their files.
  virtual CertificateSettings settings(Id programme_id) = 0;
  virtual std::vector<StoredLogo> logos(Id programme_id) = 0;
  // Replaces the layout and the signatories (the logos are kept).
  virtual void save_settings(Id programme_id, CertificateLayout layout, const std::vector<Signatory>& signatories) = 0;
  virtual void add_logo(Id programme_id, const StoredLogo& logo) = 0;
  // Removes the logo at `position` (from 1) and gives its file's digest; nothing when there is none there.
  virtual std::optional<std::string> delete_logo(Id programme_id, int position) = 0;

  // Every version of every certificate of the programme, by serial then version.
  virtual std::vector<CertificateRecord> certificates(Id programme_id) = 0;
  // Every version of one serial, oldest first; empty when unknown.
  virtual std::vector<CertificateRecord> by_serial(std::string_view serial) = 0;
  virtual Id insert(const CertificateRecord& record) = 0;
  virtual void supersede(Id certificate_id, std::string_view at) = 0;
  // Revokes every version of the serial not yet revoked; false when none was left to revoke.
  virtual bool revoke(std::string_view serial, std::string_view at, std::string_view reason) = 0;
  // The ids (status-list indexes) of every certificate version on the site that is no longer to be
  // relied on: revoked, or superseded by a corrected version; and the largest id.
  virtual std::vector<Id> withdrawn_ids() = 0;
  virtual Id largest_id() = 0;
};

}  // namespace diplomado::storage
