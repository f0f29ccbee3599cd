// Issue 13's certificate benchmark: 1,000 certificates (A4 PDF with a QR code, two signatories and
// a logo), 1,000 credentials signed with eddsa-jcs-2022, and the ZIP of the PDFs. Prints wall
// time per step and peak resident memory. Goals on a 2-core machine: under 10 s, under 300 MB.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "documents/certificate_batch.hpp"
#include "services/credential_proof.hpp"
#include "services/crypto.hpp"

using namespace diplomado;
using Clock = std::chrono::steady_clock;

int main() {
  if (!services::initialise_crypto()) return 1;
  constexpr int count = 1000;
  const char* given[] = {"Dayana", "José", "Migdalia", "Eliécer", "Ángel", "Yanelis", "Tomás", "Rosibel"};
  const char* family[] = {"Ábrego Barría", "Paladín", "Vásquez Pérez", "Barría Córdoba", "Tejada Sánchez", "Núñez Vergara"};
  // A 1x1 PNG, as an upload would give it.
  const unsigned char png_bytes[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
                                     0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
                                     0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f, 0x0f, 0x00, 0x02, 0x87, 0x01, 0x80,
                                     0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
  const std::string png(reinterpret_cast<const char*>(png_bytes), sizeof png_bytes);
  Programme programme;
  programme.title = {"Diplomado en Gestión Integral de Fronteras con Enfoque de Derechos Humanos",
                     "Diploma Course on Integrated Border Management with a Human Rights Approach"};
  programme.start_date = "2023-05-15";
  programme.end_date = "2023-10-11";
  for (int m = 0; m < 6; ++m) {
    Module module;
    module.hours = 20;
    programme.modules.push_back(module);
  }
  programme.organisations = {{"implementer", {"Organización Internacional para las Migraciones (OIM)", "International Organization for Migration (IOM)"}, "OIM"},
                             {"funder", {"Gobierno de Canadá (IRCC)", "Government of Canada (IRCC)"}, "IRCC"}};
  CertificateSettings settings;
  settings.signatories = {{"Coordinación Académica", {"OIM Panamá", "IOM Panama"}}, {"Dirección General", {"SENAFRONT", "National Border Service"}}};
  settings.logos = {{LogoFormat::png, png}};
  std::vector<services::CertificateData> batch;
  for (int i = 0; i < count; ++i) {
    CertificateRecord record;
    record.serial = format_serial(services::random_bits());
    record.holder_name = fmt::format("{} {}", given[i % 8], family[i % 6]);
    record.verify_url = "https://diplomado.example/verify/" + record.serial;
    record.issued_at = "2023-10-11T22:00:00Z";
    batch.push_back({record, programme, settings});
  }

  // One pass, as `diplomado certificates` and the ZIP download do it: each PDF rendered when the
  // archive takes it, straight into the ZIP file; then the credentials.
  const auto zip = std::filesystem::temp_directory_path() / fmt::format("diplomado-certificates-bench-{}.zip", ::getpid());
  const auto start = Clock::now();
  if (!documents::write_certificates_zip(batch, zip)) return 1;
  const auto zipped = Clock::now();
  const auto zip_bytes = std::filesystem::file_size(zip);
  std::filesystem::remove(zip);

  const auto key = services::generate_signing_key();
  std::size_t credential_bytes = 0;
  for (const auto& data : batch) {
    const nlohmann::json credential{{"@context", {"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
                                    {"id", data.record.verify_url},
                                    {"type", {"VerifiableCredential", "OpenBadgeCredential"}},
                                    {"issuer", {{"id", "did:web:diplomado.example"}, {"type", {"Profile"}}, {"name", "OIM Panamá"}}},
                                    {"validFrom", data.record.issued_at},
                                    {"credentialSubject", {{"type", {"AchievementSubject"}}, {"name", data.record.holder_name}}}};
    credential_bytes += services::add_proof(credential, {"did:web:diplomado.example#key-1", data.record.issued_at, "assertionMethod"}, key).dump().size();
  }
  const auto end = Clock::now();

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto ms = [](auto from, auto to) { return std::chrono::duration<double, std::milli>(to - from).count(); };
  std::printf("certificates: %d PDFs with QR codes rendered into a ZIP (%.1f MB) in %.0f ms (%.1f ms each)\n", count, static_cast<double>(zip_bytes) / 1e6, ms(start, zipped),
              ms(start, zipped) / count);
  std::printf("credentials:  %d signed (eddsa-jcs-2022, %.1f MB) in %.0f ms\n", count, credential_bytes / 1e6, ms(zipped, end));
  std::printf("total:        %.2f s wall (goal < 10 s); peak RSS %.0f MB (goal < 300 MB)\n", ms(start, end) / 1000, usage.ru_maxrss / 1024.0);
  return 0;
}
