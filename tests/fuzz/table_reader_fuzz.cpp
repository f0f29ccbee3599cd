// The participants' and grades' import files: CSV in any encoding and separator, and XLSX (a ZIP
// of XML), bounded when unpacked. Any bytes give rows or an error, never a crash.
#include <cstdint>
#include <string_view>

#include "documents/table_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::size_t cells = 0;
  (void)diplomado::documents::read_table(std::string_view(reinterpret_cast<const char*>(data), size),
                                          [&](long, std::vector<std::string>& row) {
                                            cells += row.size();
                                            return cells < 100000;
                                          });
  return 0;
}
