#pragma once
// Certificates (issue 13): what a graduate or a recognised official receives. The PDF and the
// signed credential are renderings of one Certificate, identified by its serial; a correction
// (a name fixed after issue) keeps the serial with a new version and supersedes the old one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/programme.hpp"

namespace diplomado {

enum class CertificateKind { graduation, best_project, group_leader };
std::string_view to_string(CertificateKind kind);
std::optional<CertificateKind> parse_certificate_kind(std::string_view text);

// Spanish and English on one page, or one page per language: the programme's choice.
enum class CertificateLayout { bilingual, per_language };
std::string_view to_string(CertificateLayout layout);
std::optional<CertificateLayout> parse_certificate_layout(std::string_view text);

struct Signatory {
  std::string name;
  LocalizedText title;  // "Jefa de Misión, OIM Panamá" / "Chief of Mission, IOM Panama"
};

enum class LogoFormat { png, svg };
std::string_view media_type(LogoFormat format);

struct Logo {
  LogoFormat format = LogoFormat::png;
  std::string bytes;
};

struct CertificateSettings {
  CertificateLayout layout = CertificateLayout::bilingual;
  std::vector<Signatory> signatories;
  std::vector<Logo> logos;
};

inline constexpr std::size_t maximum_logos = 3;
inline constexpr std::size_t maximum_logo_bytes = 1024 * 1024;
inline constexpr std::size_t maximum_signatories = 4;

// One version of one certificate, as stored.
struct CertificateRecord {
  std::int64_t id = 0;
  std::string serial;
  int version = 1;
  std::int64_t programme_id = 0;
  std::int64_t enrollment_id = 0;
  CertificateKind kind = CertificateKind::graduation;
  std::string holder_name;
  std::string team;
  std::string verify_url;
  std::string issued_at;
  std::optional<std::string> superseded_at;
  std::optional<std::string> revoked_at;
  std::string revocation_reason;
};

// What the public verification shows: valid, revoked (with the date) or superseded by a later
// version; unknown serials are "not found" and show nothing.
enum class CertificateState { valid, revoked, superseded };
std::string_view to_string(CertificateState state);
CertificateState state_of(const CertificateRecord& record);

// A logo is a PNG or an SVG by its content, not its name or declared type; at most 1 MiB.
Result<LogoFormat> check_logo(std::string_view bytes);
// Names and titles present (both languages), at most four signatories.
std::vector<FieldError> check_signatories(const std::vector<Signatory>& signatories);

// A serial people can read aloud and type: "DIP-" and 12 characters of Crockford's base32 in
// three groups ("DIP-7K3M-Q9XT-2HBW"), from 60 random bits; the caller supplies the bits.
std::string format_serial(std::uint64_t random_bits);
bool looks_like_serial(std::string_view text);

// "11 de octubre de 2023" / "11 October 2023", from an ISO date; the text itself when not a date.
std::string long_date(std::string_view iso_date, std::string_view language);

}  // namespace diplomado
