#include "documents/certificate_batch.hpp"

#include <memory>

#include "documents/zip_archive.hpp"
#include "domain/text_key.hpp"

namespace diplomado::documents {

CertificateContent certificate_content(const services::CertificateData& data) {
  const auto& programme = data.programme;
  CertificateContent content;
  content.serial = data.record.serial;
  content.version = data.record.version;
  content.kind = data.record.kind;
  content.holder_name = data.record.holder_name;
  content.programme_title = programme.title;
  for (const auto& module : programme.modules) content.hours += module.hours;
  content.start_date = programme.start_date;
  content.end_date = programme.end_date;
  content.issued_on = data.record.issued_at.substr(0, 10);
  content.team = {data.record.team, data.record.team};
  for (const auto& organisation : programme.organisations)
    (organisation.role == "funder" ? content.funders : content.implementers).push_back(organisation);
  content.settings = data.settings;
  content.verify_url = data.record.verify_url;
  return content;
}

std::string certificate_file_name(const CertificateRecord& record) {
  std::string name;
  for (const char c : fold_for_matching(record.holder_name)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) name += c;
    else if (!name.empty() && name.back() != '-') name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return record.serial + "_" + name + "_" + std::string(to_string(record.kind)) + ".pdf";
}

Result<void> write_certificates_zip(const std::vector<services::CertificateData>& batch, const std::filesystem::path& path) {
  std::vector<LazyZipEntry> entries;
  entries.reserve(batch.size());
  for (const auto& data : batch)
    entries.push_back({certificate_file_name(data.record), [&data]() -> Result<std::string> { return certificate_pdf(certificate_content(data)); }});
  return write_zip_file(path, entries);
}

}  // namespace diplomado::documents
