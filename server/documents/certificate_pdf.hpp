#pragma once
// A certificate as PDF (issue 13): A4 landscape, drawn with cairo and pango, fonts from Debian's
// fonts-dejavu-core embedded (subset) by cairo, up to three logos (PNG or SVG), the signatories,
// the serial and a QR code to the public verification page.
#include <string>
#include <vector>

#include "domain/certificate.hpp"

namespace diplomado::documents {

struct CertificateContent {
  std::string serial;
  int version = 1;
  CertificateKind kind = CertificateKind::graduation;
  std::string holder_name;  // exactly as recorded, accents and all
  LocalizedText programme_title;
  double hours = 0;
  std::string start_date;  // ISO dates
  std::string end_date;
  std::string issued_on;
  LocalizedText team;  // the project's team, for best_project and group_leader
  std::vector<Organisation> implementers;
  std::vector<Organisation> funders;
  CertificateSettings settings;
  std::string verify_url;
};

// One page (bilingual) or two (Spanish, then English).
std::string certificate_pdf(const CertificateContent& content);

}  // namespace diplomado::documents
