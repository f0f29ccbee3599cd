#include "documents/certificate_pdf.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace diplomado::documents {
namespace {

CertificateContent sample(CertificateLayout layout) {
  CertificateContent content;
  content.serial = format_serial(0x123456789abcdefULL);
  content.holder_name = "Yanelis Vásquez Pinzón";
  content.programme_title = {"Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos",
                             "Diploma Course on Integrated Border Management with a Human Rights Approach"};
  content.hours = 120;
  content.start_date = "2023-06-05";
  content.end_date = "2023-10-11";
  content.issued_on = "2023-10-11";
  content.implementers = {{"implementer", {"Organización Internacional para las Migraciones", "International Organization for Migration"}, "OIM"}};
  content.funders = {{"funder", {"Gobierno de Canadá (IRCC)", "Government of Canada (IRCC)"}, ""}};
  content.settings.layout = layout;
  content.settings.signatories = {{"Giuseppe Loprete", {"Jefe de Misión, OIM Panamá", "Chief of Mission, IOM Panama"}},
                                  {"Oriel Ortega", {"Director, SENAFRONT", "Director, SENAFRONT"}}};
  content.verify_url = "https://diplomado.example/verify/" + content.serial;
  return content;
}

TEST(CertificatePdf, IsAnA4LandscapePdfWithItsFontsEmbedded) {
  const auto pdf = certificate_pdf(sample(CertificateLayout::bilingual));
  EXPECT_TRUE(pdf.starts_with("%PDF-"));
  EXPECT_NE(pdf.find("/MediaBox [ 0 0 841.89 595.28 ]"), std::string::npos) << "A4 landscape";
  EXPECT_NE(pdf.find("DejaVuSerif-Bold"), std::string::npos) << "the serif is embedded";
  EXPECT_NE(pdf.find("/FontFile2"), std::string::npos) << "fonts are embedded, not referenced";
  // For looking at it: DIPLOMADO_WRITE_CERTIFICATE=/tmp/c.pdf
  if (const char* path = std::getenv("DIPLOMADO_WRITE_CERTIFICATE")) std::ofstream(path, std::ios::binary) << pdf;
}

TEST(CertificatePdf, OnePagePerLanguageWhenTheProgrammeChoosesIt) {
  const auto bilingual = certificate_pdf(sample(CertificateLayout::bilingual));
  const auto separate = certificate_pdf(sample(CertificateLayout::per_language));
  EXPECT_NE(bilingual.find("/Count 1"), std::string::npos);
  EXPECT_NE(separate.find("/Count 2"), std::string::npos);
}

// Issue 15: a name holding markup is a name. The PDF shows the characters as typed (Pango is given
// plain text, never markup), read back with poppler's pdftotext.
TEST(CertificatePdf, MarkupInANameIsPrintedAsText) {
  auto content = sample(CertificateLayout::bilingual);
  content.holder_name = "<script>alert(1)</script> & <b>Ana</b>";
  const auto pdf = certificate_pdf(content);
  const std::string file = ::testing::TempDir() + "markup-certificate.pdf";
  std::ofstream(file, std::ios::binary) << pdf;
  ASSERT_EQ(std::system(("pdftotext -layout " + file + " " + file + ".txt").c_str()), 0);
  std::ifstream in(file + ".txt");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("<script>alert(1)</script> & <b>Ana</b>"), std::string::npos) << text;
}

}  // namespace
}  // namespace diplomado::documents
