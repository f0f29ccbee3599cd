#pragma once
// Certificates from the stored data (issue 13): one PDF, and the batch as a ZIP of PDFs.
#include <string>
#include <vector>

#include "documents/certificate_pdf.hpp"
#include "services/issue_certificates.hpp"

namespace diplomado::documents {

CertificateContent certificate_content(const services::CertificateData& data);
// "DIP-7K3M-Q9XT-2HBW_abrego-barria-dayana_graduation.pdf": the serial first, so files sort by it.
std::string certificate_file_name(const CertificateRecord& record);
// The PDFs stored, not compressed again (a PDF's streams are compressed already).
Result<std::string> certificates_zip(const std::vector<services::CertificateData>& batch);

}  // namespace diplomado::documents
