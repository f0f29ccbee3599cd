#pragma once
// Where the binary finds what ships with it, and its configuration file (issue 16 scope 3). No
// path of the source tree is compiled in: everything is found from the binary's own place.
#include <filesystem>
#include <string>

#include "domain/error.hpp"

namespace diplomado::app {

struct Installation {
  std::filesystem::path data_root;  // demo/ and reference/
  std::filesystem::path web_root;   // the web app's bundle (index.html)
  std::filesystem::path config_file;  // read if it exists (see load_configuration)
};

// Installed (`cmake --install`, the .deb): PREFIX/bin/diplomado finds PREFIX/share/diplomado/data
// and PREFIX/share/diplomado/web, and reads /etc/diplomado/diplomado.conf. In a build tree, REPO/build/diplomado finds REPO/data and REPO/web/dist, and
// reads no configuration file unless DIPLOMADO_CONFIG names one.
Installation find_installation();

// The configuration file: one setting a line, `DIPLOMADO_NAME=value` (the same names the options
// read from the environment, so systemd can read it as an EnvironmentFile too); `#` starts a
// comment. Each setting becomes an environment variable unless the environment already has it, so
// the command line wins over the environment, and the environment over the file. A line of another
// shape is an error naming the file and the line. DIPLOMADO_CONFIG names another file.
Result<void> load_configuration(const std::filesystem::path& file);

}  // namespace diplomado::app
