#include "documents/certificate_batch.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>

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

std::string certificates_zip(const std::vector<services::CertificateData>& batch) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) throw std::runtime_error("zip buffer");
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    throw std::runtime_error("zip open");
  }
  zip_source_keep(buffer);
  // libzip reads each source when the archive is closed: the PDFs live until then.
  std::vector<std::string> pdfs;
  pdfs.reserve(batch.size());
  for (const auto& data : batch) {
    pdfs.push_back(certificate_pdf(certificate_content(data)));
    zip_source_t* file = zip_source_buffer(archive, pdfs.back().data(), pdfs.back().size(), 0);
    const auto index = zip_file_add(archive, certificate_file_name(data.record).c_str(), file, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(file);
      continue;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  zip_close(archive);
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    const auto size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    bytes.resize(static_cast<std::size_t>(size));
    zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

}  // namespace diplomado::documents
