#pragma once
// Certificates from the stored data (issue 13): one PDF, and the batch as a ZIP of PDFs.
#include <filesystem>
#include <string>
#include <vector>

#include "documents/certificate_pdf.hpp"
#include "services/issue_certificates.hpp"

namespace diplomado::documents {

CertificateContent certificate_content(const services::CertificateData& data);
// "DIP-7K3M-Q9XT-2HBW_abrego-barria-dayana_graduation.pdf": the serial first, so files sort by it.
std::string certificate_file_name(const CertificateRecord& record);
// The batch as a ZIP file at `path`, each PDF rendered when the archive takes it and freed after,
// stored, not compressed again (a PDF's streams are compressed already). Nothing is left at
// `path` on a failure.
Result<void> write_certificates_zip(const std::vector<services::CertificateData>& batch, const std::filesystem::path& path);

}  // namespace diplomado::documents
