#include "domain/certificate.hpp"

#include <array>
#include <charconv>

#include "domain/text_key.hpp"

namespace diplomado {

std::string_view to_string(CertificateKind kind) {
  switch (kind) {
    case CertificateKind::graduation: return "graduation";
    case CertificateKind::best_project: return "best_project";
    case CertificateKind::group_leader: return "group_leader";
  }
  return "graduation";
}

std::optional<CertificateKind> parse_certificate_kind(std::string_view text) {
  for (auto kind : {CertificateKind::graduation, CertificateKind::best_project, CertificateKind::group_leader})
    if (to_string(kind) == text) return kind;
  return std::nullopt;
}

std::string_view to_string(CertificateLayout layout) { return layout == CertificateLayout::bilingual ? "bilingual" : "per_language"; }

std::optional<CertificateLayout> parse_certificate_layout(std::string_view text) {
  if (text == "bilingual") return CertificateLayout::bilingual;
  if (text == "per_language") return CertificateLayout::per_language;
  return std::nullopt;
}

std::string_view to_string(CertificateState state) {
  switch (state) {
    case CertificateState::valid: return "valid";
    case CertificateState::revoked: return "revoked";
    case CertificateState::superseded: return "superseded";
  }
  return "valid";
}

CertificateState state_of(const CertificateRecord& record) {
  if (record.revoked_at) return CertificateState::revoked;
  if (record.superseded_at) return CertificateState::superseded;
  return CertificateState::valid;
}

std::string_view media_type(LogoFormat format) { return format == LogoFormat::png ? "image/png" : "image/svg+xml"; }

Result<LogoFormat> check_logo(std::string_view bytes) {
  if (bytes.size() > maximum_logo_bytes) return std::unexpected(field_error("logo", "too_large", "error.certificate.logo_too_large"));
  constexpr std::string_view png_signature("\x89PNG\r\n\x1a\n", 8);
  if (bytes.starts_with(png_signature)) return LogoFormat::png;
  // An SVG is XML whose root is <svg>: an XML declaration, comments or a doctype may come first.
  auto text = trim(bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096)));
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if ((text.starts_with("<?xml") || text.starts_with("<svg") || text.starts_with("<!--") || text.starts_with("<!DOCTYPE svg")) &&
      text.find("<svg") != std::string_view::npos)
    return LogoFormat::svg;
  return std::unexpected(field_error("logo", "not_an_image", "error.certificate.logo_format"));
}

std::vector<FieldError> check_signatories(const std::vector<Signatory>& signatories) {
  std::vector<FieldError> errors;
  if (signatories.size() > maximum_signatories)
    errors.push_back({"signatories", std::nullopt, "too_many", "error.certificate.too_many_signatories", std::to_string(signatories.size())});
  for (std::size_t i = 0; i < signatories.size(); ++i) {
    const auto row = static_cast<long>(i + 1);
    if (trim(signatories[i].name).empty()) errors.push_back({"signatories.name", row, "required", "error.field.required", ""});
    if (trim(signatories[i].title.es).empty()) errors.push_back({"signatories.title.es", row, "required", "error.field.required", ""});
    if (trim(signatories[i].title.en).empty()) errors.push_back({"signatories.title.en", row, "required", "error.field.required", ""});
  }
  return errors;
}

namespace {
constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string format_serial(std::uint64_t random_bits) {
  std::string serial = "DIP";
  for (int group = 0; group < 3; ++group) {
    serial += '-';
    for (int i = 0; i < 4; ++i) {
      serial += crockford[random_bits & 31];
      random_bits >>= 5;
    }
  }
  return serial;
}

bool looks_like_serial(std::string_view text) {
  if (text.size() != 18 || !text.starts_with("DIP-")) return false;
  for (std::size_t i = 3; i < text.size(); ++i) {
    if (i == 3 || i == 8 || i == 13) {
      if (text[i] != '-') return false;
    } else if (crockford.find(text[i]) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string long_date(std::string_view iso_date, std::string_view language) {
  static constexpr std::array<std::string_view, 12> es{"enero", "febrero", "marzo", "abril", "mayo", "junio",
                                                      "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
  static constexpr std::array<std::string_view, 12> en{"January", "February", "March", "April", "May", "June",
                                                      "July", "August", "September", "October", "November", "December"};
  int year = 0, month = 0, day = 0;
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::string(iso_date);
  std::from_chars(iso_date.data(), iso_date.data() + 4, year);
  std::from_chars(iso_date.data() + 5, iso_date.data() + 7, month);
  std::from_chars(iso_date.data() + 8, iso_date.data() + 10, day);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso_date);
  const auto m = static_cast<std::size_t>(month - 1);
  if (language == "en") return std::to_string(day) + " " + std::string(en[m]) + " " + std::to_string(year);
  return std::to_string(day) + " de " + std::string(es[m]) + " de " + std::to_string(year);
}

}  // namespace diplomado
