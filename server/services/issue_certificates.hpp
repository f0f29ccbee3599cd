#pragma once
// Certificates (issue 13): the programme's certificate settings, issuing a certificate to every
// graduate and to each recognition (the best project's team members, the group leaders),
// reading one (the coordinator, or its holder), revoking with a reason, and the public check of
// a serial, which shows nothing personal but the holder's name.
#include <optional>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

Result<CertificateSettings> get_certificate_settings(storage::Store& store, const Actor& actor, Id programme_id);
Result<CertificateSettings> update_certificate_settings(storage::Store& store, const Actor& actor, Id programme_id, CertificateLayout layout,
                                                        const std::vector<Signatory>& signatories, TimePoint now);
// The logo is checked by its content (PNG or SVG, at most 1 MiB); at most three.
Result<CertificateSettings> add_certificate_logo(storage::Store& store, const Actor& actor, Id programme_id, std::string_view bytes, TimePoint now);
Result<CertificateSettings> delete_certificate_logo(storage::Store& store, const Actor& actor, Id programme_id, int position, TimePoint now);

struct IssueOutcome {
  std::int64_t issued = 0;     // new serials
  std::int64_t reissued = 0;   // a new version of a serial: the holder's name was corrected
  std::int64_t unchanged = 0;  // already issued as they are
};
// `verify_base`: the installation's public address ("https://diplomado.example"); the QR code of
// each certificate points to verify_base + "/verify/" + serial. Refused without signatories.
Result<IssueOutcome> issue_certificates(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, std::string_view verify_base,
                                        TimePoint now);

// Every version of every certificate (coordinators); a participant's own, current ones.
Result<std::vector<CertificateRecord>> list_certificates(storage::Store& store, const Actor& actor, Id programme_id);

// What a rendering needs: the certificate, its programme and the programme's settings.
struct CertificateData {
  CertificateRecord record;
  Programme programme;
  CertificateSettings settings;
};
// One certificate's current version: its holder or the programme's coordinators.
Result<CertificateData> get_certificate(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, std::string_view serial);
// Every current, unrevoked certificate of the programme, for the batch (coordinators, the CLI).
Result<std::vector<CertificateData>> certificates_for_batch(storage::Store& store, const std::optional<Actor>& actor, Id programme_id);

Result<CertificateRecord> revoke_certificate(storage::Store& store, const Actor& actor, Id programme_id, std::string_view serial,
                                             std::string_view reason, TimePoint now);

// The public check: the latest version of the serial, with the programme's title.
struct PublicVerification {
  CertificateState state = CertificateState::valid;
  CertificateKind kind = CertificateKind::graduation;
  std::string serial;
  int version = 1;
  std::string holder_name;
  LocalizedText programme_title;
  std::string end_date;
  std::string issued_at;
  std::optional<std::string> revoked_at;
};
Result<PublicVerification> verify_certificate(storage::Store& store, std::string_view serial);

// The status list's content: every certificate version (by id) on the site that a verifier must
// not accept: revoked, or superseded by a corrected version (a credential with the old name is
// no longer the holder's diploma; the public check names the version that replaced it). Public.
struct RevocationList {
  std::vector<Id> revoked;
  Id largest_id = 0;
};
RevocationList revocation_list(storage::Store& store);

}  // namespace diplomado::services
