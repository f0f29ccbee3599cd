// The `diplomado` binary: the server and the CLI. The only place that sees every layer and wires
// them together.
#include <spdlog/sinks/stdout_sinks.h>
#include <sys/stat.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "app/backup.hpp"
#include "app/configuration.hpp"
#include "app/installation.hpp"
#include "cli/commands.hpp"
#include "cli/participant_commands.hpp"
#include "cli/programme_commands.hpp"
#include "cli/closing_commands.hpp"
#include "cli/user_commands.hpp"
#include "cli/graduation_commands.hpp"
#include "cli/teaching_commands.hpp"
#include "http/server.hpp"
#include "domain/audit_context.hpp"
#include "services/list_programmes.hpp"
#include "app/mail.hpp"
#include "app/consent_notice.hpp"
#include "services/crypto.hpp"
#include "storage/database.hpp"

namespace {

using namespace diplomado;

Language console_language() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* value = std::getenv(name); value && *value) return pick_language(value);
  return Language::es;
}

struct CommonOptions {
  std::string data = "./var";
  std::string database;
  std::string files;
};

void add_common_options(CLI::App& command, CommonOptions& options, Language language) {
  command.add_option("--data", options.data, translate("cli.help.data", language))->envname("DIPLOMADO_DATA");
  command.add_option("--database", options.database, translate("cli.help.database", language))->envname("DIPLOMADO_DATABASE");
  command.add_option("--files", options.files, translate("cli.help.files", language))->envname("DIPLOMADO_FILES");
}

// The programme the command names (--programme, or --code of an existing one), so that the audit
// events it writes carry it (and one request id for the whole command), as the server's do.
std::string g_command_programme_code;

std::string programme_code_of(const CLI::App& command) {
  for (const auto* sub : command.get_subcommands()) {
    if (!sub->parsed()) continue;
    if (auto inner = programme_code_of(*sub); !inner.empty()) return inner;
    for (const char* name : {"--programme", "--code"})
      if (const auto* option = sub->get_option_no_throw(name); option && option->count() > 0) return option->as<std::string>();
  }
  return {};
}

// Opens the database for a subcommand, or prints one clear line and gives the exit code.
std::optional<storage::OpenedDatabase> open(const CommonOptions& options, cli::Console& console, std::size_t pool_size) {
  if (auto prepared = app::prepare_data_directory(options.data); !prepared) {
    cli::print_error(prepared.error(), console);
    return std::nullopt;
  }
  auto opened = storage::open_database(
      {.url = app::database_url(options.data, options.database), .pool_size = pool_size, .files_directory = app::files_directory(options.data, options.files)});
  if (!opened) {
    cli::print_error(opened.error(), console);
    return std::nullopt;
  }
  if (!g_command_programme_code.empty()) {
    // Lives until the command ends (one command a process); a code not found yet (a programme
    // about to be created) leaves events without a programme, as before.
    static std::optional<AuditScope> scope;
    if (const auto id = services::find_programme_by_code(*opened->store, g_command_programme_code))
      scope.emplace(AuditContext{"cli-" + services::random_hex(8), *id});
  }
  return std::move(*opened);
}

// One line in the console's language naming what was wrong, then where to look. CLI11 says it in
// English only, so its own text is kept only as the detail of the less common errors.
void print_usage_error(const CLI::ParseError& error, const cli::Console& console) {
  const auto t = [&](const char* key) { return translate(key, console.language); };
  const std::string what = error.what(), name = error.get_name();
  console.err << "diplomado: ";
  constexpr std::string_view required_suffix = " is required";
  if (name == "RequiredError" && what.ends_with(required_suffix) && what.find(' ') == what.size() - required_suffix.size())
    console.err << t("cli.error.required") << ' ' << what.substr(0, what.size() - required_suffix.size());
  else if (name == "RequiredError") console.err << t("cli.error.subcommand");
  else if (constexpr std::string_view extras = "The following arguments were not expected: "; what.starts_with(extras))
    console.err << t("cli.error.extras") << ' ' << what.substr(extras.size());
  else console.err << t("cli.error.usage") << ' ' << what;
  console.err << '\n' << t("cli.error.help") << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  // Everything this process creates is its owner's alone: the data directory (0700), the SQLite
  // database and its journal, the issuer's keys and every export written with -o (0600). They
  // hold personal data (Ley 81 de 2019) or secrets.
  ::umask(077);
  if (!services::initialise_crypto()) {
    std::cerr << "diplomado: libsodium could not start\n";
    return 1;
  }
  cli::Console console{std::cout, std::cerr, console_language()};
  const auto text = [&](const char* key) { return translate(key, console.language); };

  // What ships with the binary is found from its own place; the configuration file's settings
  // become environment variables the options read (the command line still wins).
  const auto installation = app::find_installation();
  if (auto configured = app::load_configuration(installation.config_file); !configured) {
    cli::print_error(configured.error(), console);
    return 1;
  }

  CLI::App application{text("cli.help.app")};
  application.option_defaults()->group(text("cli.label.Options"));
  application.set_version_flag("--version", DIPLOMADO_VERSION, text("cli.help.version"));
  application.set_help_flag("-h,--help", text("cli.help.help"));
  // CLI11's own words, in the console's language too (subcommands share this formatter).
  for (const char* label : {"Usage", "OPTIONS", "SUBCOMMAND", "REQUIRED"})
    application.get_formatter()->label(label, text((std::string("cli.label.") + label).c_str()));
  const auto localise = [&](CLI::App* command) {
    command->group(text("cli.label.Subcommands"));
    command->option_defaults()->group(text("cli.label.Options"));
    command->set_help_flag("-h,--help", text("cli.help.help"));
  };
  application.require_subcommand(1);

  CommonOptions init_options, demo_options, serve_options, user_options, import_common, export_common, reference_common;

  auto* init = application.add_subcommand("init", text("cli.help.init"));
  localise(init);
  add_common_options(*init, init_options, console.language);
  std::string init_email = "coordinacion@diplomado.local";
  init->add_option("--email", init_email, text("cli.help.init_email"));
  std::string init_name;
  init->add_option("--name", init_name, text("cli.help.init_name"));
  std::string reference_directory = (installation.data_root / "reference").string();
  init->add_option("--reference", reference_directory, text("cli.help.reference_directory"));

  auto* demo = application.add_subcommand("demo", text("cli.help.demo"));
  localise(demo);
  add_common_options(*demo, demo_options, console.language);
  std::string demo_file = (installation.data_root / "demo" / "ibm-hr-pa-2023.json").string();
  demo->add_option("--file", demo_file, text("cli.help.demo_file"));
  cli::ScaleRequest scale;
  auto* scale_option = demo->add_option("--scale", scale.programmes, text("cli.help.demo_scale"))->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
  demo->add_option("--seed", scale.seed, text("cli.help.demo_seed"))->needs(scale_option);
  demo->add_option("--participants", scale.participants, text("cli.help.demo_participants"))
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->needs(scale_option);

  auto* serve = application.add_subcommand("serve", text("cli.help.serve"));
  localise(serve);
  add_common_options(*serve, serve_options, console.language);
  http::ServerOptions server_options;
  server_options.web_root = installation.web_root.string();
  server_options.threads = std::max(2u, std::thread::hardware_concurrency());
  bool secure_cookies = false;
  bool log_requests = true;
  serve->add_option("--port", server_options.port, text("cli.help.port"))->envname("DIPLOMADO_PORT");
  serve->add_option("--address", server_options.address, text("cli.help.address"))->envname("DIPLOMADO_ADDRESS");
  serve->add_option("--web-root", server_options.web_root, text("cli.help.web_root"))->envname("DIPLOMADO_WEB_ROOT");
  serve->add_option("--threads", server_options.threads, text("cli.help.threads"))->envname("DIPLOMADO_THREADS");
  unsigned header_timeout_seconds = 30, body_timeout_seconds = 120;
  serve->add_option("--header-timeout", header_timeout_seconds, text("cli.help.header_timeout"))->check(CLI::Range(1u, 3600u));
  serve->add_option("--body-timeout", body_timeout_seconds, text("cli.help.body_timeout"))->check(CLI::Range(1u, 3600u));
  std::string public_url;
  serve->add_option("--public-url", public_url, text("cli.help.public_url"))->envname("DIPLOMADO_PUBLIC_URL");
  serve->add_flag("--secure-cookies", secure_cookies, text("cli.help.secure_cookies"))->envname("DIPLOMADO_SECURE_COOKIES");
  std::vector<std::string> trusted_proxies;
  serve->add_option("--trusted-proxy", trusted_proxies, text("cli.help.trusted_proxy"))->envname("DIPLOMADO_TRUSTED_PROXIES")->delimiter(',');
  serve->add_flag("--request-log,!--no-request-log", log_requests, text("cli.help.request_log"));
  app::SmtpSettings smtp{"", "", "", "Diplomado <no-reply@localhost>"};
  serve->add_option("--smtp-url", smtp.url, text("cli.help.smtp_url"))->envname("DIPLOMADO_SMTP_URL");
  serve->add_option("--smtp-user", smtp.user, text("cli.help.smtp_user"))->envname("DIPLOMADO_SMTP_USER");
  serve->add_option("--mail-from", smtp.from, text("cli.help.mail_from"))->envname("DIPLOMADO_MAIL_FROM");
  std::string consent_notice_file = (installation.data_root / "consent" / "notice.json").string();
  serve->add_option("--consent-notice", consent_notice_file, text("cli.help.consent_notice"))->envname("DIPLOMADO_CONSENT_NOTICE");
  std::int64_t small_cell_threshold = 5;
  serve->add_option("--small-cell-threshold", small_cell_threshold, text("cli.help.small_cell_threshold"))
      ->envname("DIPLOMADO_SMALL_CELL_THRESHOLD")
      ->check(CLI::Range(1, 1000));

  auto* user = application.add_subcommand("user", text("cli.help.user"));
  localise(user);
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", text("cli.help.user_add"));
  localise(user_add);
  add_common_options(*user_add, user_options, console.language);
  services::AddUserRequest user_request;
  bool password_stdin = false;
  user_add->add_option("--email", user_request.email, text("cli.help.email"))->required();
  user_add->add_option("--name", user_request.display_name, text("cli.help.name"))->required();
  user_add->add_option("--role", user_request.role, text("cli.help.role"))->required();
  user_add->add_option("--programme", user_request.programme_code, text("cli.help.programme"));
  user_add->add_flag("--password-stdin", password_stdin, text("cli.help.password_stdin"))->required();
  // The account lifecycle (issue 15): each acts on the user named by --email.
  cli::UserCommand user_command;
  bool reset_password_stdin = false;
  const auto add_user_command = [&](const char* name, const char* help) {
    auto* command = user->add_subcommand(name, text(help));
    localise(command);
    add_common_options(*command, user_options, console.language);
    return command;
  };
  auto* user_list = add_user_command("list", "cli.help.user_list");
  user_list->add_option("--format", user_command.format, text("cli.help.user_list_format"))->check(CLI::IsMember({"text", "json"}));
  auto* user_disable = add_user_command("disable", "cli.help.user_disable");
  auto* user_enable = add_user_command("enable", "cli.help.user_enable");
  auto* user_grant = add_user_command("grant", "cli.help.user_grant");
  auto* user_revoke = add_user_command("revoke", "cli.help.user_revoke");
  auto* user_reset = add_user_command("reset-password", "cli.help.user_reset_password");
  for (auto* command : {user_disable, user_enable, user_grant, user_revoke, user_reset})
    command->add_option("--email", user_command.email, text("cli.help.email"))->required();
  for (auto* command : {user_grant, user_revoke}) {
    command->add_option("--role", user_command.role, text("cli.help.role"))->required();
    command->add_option("--programme", user_command.programme, text("cli.help.programme"));
  }
  user_reset->add_flag("--password-stdin", reset_password_stdin, text("cli.help.password_stdin"));
  auto* audit = application.add_subcommand("audit", text("cli.help.audit"));
  localise(audit);
  CommonOptions audit_common;
  add_common_options(*audit, audit_common, console.language);
  cli::AuditCommand audit_command;
  audit->add_option("--programme", audit_command.programme, text("cli.help.programme"))->required();
  audit->add_option("--format", audit_command.format, text("cli.help.gradebook_format"))->check(CLI::IsMember({"json", "csv"}));
  audit->add_option("-o,--output", audit_command.output, text("cli.help.report_output"));
  audit->add_option("--since", audit_command.since, text("cli.help.audit_since"));
  audit->add_option("--until", audit_command.until, text("cli.help.audit_until"));
  audit->add_option("--actor", audit_command.actor, text("cli.help.audit_actor"));
  audit->add_option("--action", audit_command.action, text("cli.help.audit_action"));
  audit->add_option("--person", audit_command.person, text("cli.help.audit_person"));

  auto* purge = application.add_subcommand("purge", text("cli.help.purge"));
  localise(purge);
  CommonOptions purge_common;
  add_common_options(*purge, purge_common, console.language);
  int purge_years = 0;
  bool purge_dry_run = false;
  purge->add_option("--older-than", purge_years, text("cli.help.purge_years"))->required()->check(CLI::Range(1, 100));
  purge->add_flag("--dry-run", purge_dry_run, text("cli.help.dry_run"));

  auto* import_command = application.add_subcommand("import", text("cli.help.import"));
  localise(import_command);
  import_command->require_subcommand(1);
  auto* import_participants = import_command->add_subcommand("participants", text("cli.help.import_participants"));
  localise(import_participants);
  add_common_options(*import_participants, import_common, console.language);
  cli::ImportOptions import_options;
  import_participants->add_option("file", import_options.file, text("cli.help.import_file"))->required();
  import_participants->add_option("--programme", import_options.programme_code, text("cli.help.programme"))->required();
  import_participants->add_flag("--dry-run", import_options.dry_run, text("cli.help.dry_run"));
  import_participants->add_option("--format", import_options.format, text("cli.help.import_format"))->check(CLI::IsMember({"text", "json"}));
  import_participants->add_option("--map", import_options.mappings, text("cli.help.map"));
  import_participants->add_flag("--create-institutions", import_options.create_institutions, text("cli.help.create_institutions"));
  CommonOptions grades_common;
  std::string grades_file, grades_programme;
  bool grades_dry_run = false;
  auto* import_grades = import_command->add_subcommand("grades", text("cli.help.import_grades"));
  localise(import_grades);
  add_common_options(*import_grades, grades_common, console.language);
  import_grades->add_option("file", grades_file, text("cli.help.import_file"))->required();
  import_grades->add_option("--programme", grades_programme, text("cli.help.programme"))->required();
  import_grades->add_flag("--dry-run", grades_dry_run, text("cli.help.dry_run"));

  auto* export_command = application.add_subcommand("export", text("cli.help.export"));
  localise(export_command);
  export_command->require_subcommand(1);
  auto* export_participants = export_command->add_subcommand("participants", text("cli.help.export_participants"));
  localise(export_participants);
  add_common_options(*export_participants, export_common, console.language);
  cli::ExportOptions export_options;
  export_participants->add_option("--programme", export_options.programme_code, text("cli.help.programme"))->required();
  export_participants->add_option("--format", export_options.format, text("cli.help.export_format"))->check(CLI::IsMember({"csv", "xlsx"}));
  export_participants->add_option("--output,-o", export_options.output, text("cli.help.output"));

  auto* reference = application.add_subcommand("reference", text("cli.help.reference"));
  localise(reference);
  reference->require_subcommand(1);
  std::string reference_file;
  auto* reference_subdivisions = reference->add_subcommand("subdivisions", text("cli.help.reference_subdivisions"));
  localise(reference_subdivisions);
  add_common_options(*reference_subdivisions, reference_common, console.language);
  reference_subdivisions->add_option("file", reference_file, text("cli.help.reference_file"))->required();
  auto* reference_institutions = reference->add_subcommand("institutions", text("cli.help.reference_institutions"));
  localise(reference_institutions);
  add_common_options(*reference_institutions, reference_common, console.language);
  reference_institutions->add_option("file", reference_file, text("cli.help.reference_file"))->required();

  // Reports over one programme: the common options, --programme and --format.
  struct ProgrammeReport {
    CommonOptions common;
    std::string programme;
    std::string format = "json";
    CLI::App* command = nullptr;
  };
  const auto add_report = [&](ProgrammeReport& report, const char* name, const char* help, std::vector<std::string> formats, const char* format_help) {
    report.command = application.add_subcommand(name, text(help));
    localise(report.command);
    add_common_options(*report.command, report.common, console.language);
    report.command->add_option("--programme", report.programme, text("cli.help.programme"))->required();
    report.command->add_option("--format", report.format, text(format_help))->check(CLI::IsMember(std::move(formats)));
  };
  ProgrammeReport gradebook, gain, rank;
  add_report(gradebook, "gradebook", "cli.help.gradebook", {"json", "csv"}, "cli.help.gradebook_format");
  add_report(gain, "gain", "cli.help.gain", {"json"}, "cli.help.gain_format");
  add_report(rank, "rank", "cli.help.rank", {"json"}, "cli.help.gain_format");
  bool rank_calibrated = false;
  rank.command->add_flag("--calibrated", rank_calibrated, text("cli.help.rank_calibrated"));

  // Graduation (issue 13): eligibility with a what-if, and the class's graduation.
  ProgrammeReport eligibility;
  add_report(eligibility, "eligibility", "cli.help.eligibility", {"json", "csv"}, "cli.help.gradebook_format");
  std::vector<std::string> what_if;
  eligibility.command->add_option("--what-if", what_if, text("cli.help.what_if"));
  // Closing (issue 14): the report's indicators, computed from the data.
  auto* report_command = application.add_subcommand("report", text("cli.help.report"));
  localise(report_command);
  report_command->require_subcommand(1);
  auto* report_indicators = report_command->add_subcommand("indicators", text("cli.help.report_indicators"));
  localise(report_indicators);
  CommonOptions indicators_common;
  add_common_options(*report_indicators, indicators_common, console.language);
  cli::IndicatorCommand indicator_command;
  report_indicators->add_option("--programme", indicator_command.programme, text("cli.help.programme"))->required();
  report_indicators->add_option("--format", indicator_command.format, text("cli.help.indicators_format"))->check(CLI::IsMember({"json", "xlsx", "csv"}));
  report_indicators->add_option("-o,--output", indicator_command.output, text("cli.help.report_output"));
  report_indicators->add_flag("--shared", indicator_command.shared, text("cli.help.report_shared"));
  report_indicators->add_option("--small-cell-threshold", indicator_command.threshold, text("cli.help.small_cell_threshold"))->check(CLI::Range(1, 1000));
  auto* news = application.add_subcommand("news", text("cli.help.news"));
  localise(news);
  CommonOptions news_common;
  add_common_options(*news, news_common, console.language);
  cli::NewsCommand news_command;
  news->add_option("--programme", news_command.programme, text("cli.help.programme"))->required();
  news->add_option("--lang", news_command.language, text("cli.help.news_lang"))->check(CLI::IsMember({"es", "en"}));
  news->add_option("--format", news_command.format, text("cli.help.news_format"))->check(CLI::IsMember({"md", "odt"}));
  news->add_option("-o,--output", news_command.output, text("cli.help.report_output"));
  auto* certificates = application.add_subcommand("certificates", text("cli.help.certificates"));
  localise(certificates);
  CommonOptions certificates_common;
  add_common_options(*certificates, certificates_common, console.language);
  std::string certificates_programme, certificates_output, certificates_url = "http://localhost:8080";
  certificates->add_option("--programme", certificates_programme, text("cli.help.programme"))->required();
  certificates->add_option("-o,--output", certificates_output, text("cli.help.certificates_output"))->required();
  certificates->add_option("--public-url", certificates_url, text("cli.help.public_url"))->envname("DIPLOMADO_PUBLIC_URL");
  // diplomado issuer-key rotate: a new signing key; the old public key stays published.
  auto* issuer_key = application.add_subcommand("issuer-key", text("cli.help.issuer_key"));
  localise(issuer_key);
  issuer_key->require_subcommand(1);
  auto* rotate = issuer_key->add_subcommand("rotate", text("cli.help.issuer_key_rotate"));
  localise(rotate);
  CommonOptions rotate_options;
  add_common_options(*rotate, rotate_options, console.language);
  // diplomado backup / restore: the database, the issuer's keys and the file store, encrypted.
  auto* backup = application.add_subcommand("backup", text("cli.help.backup"));
  localise(backup);
  CommonOptions backup_common;
  add_common_options(*backup, backup_common, console.language);
  std::string backup_to;
  backup->add_option("--to", backup_to, text("cli.help.backup_to"))->required();
  bool backup_passphrase_stdin = false;
  backup->add_flag("--passphrase-stdin", backup_passphrase_stdin, text("cli.help.passphrase_stdin"))->required();
  auto* restore = application.add_subcommand("restore", text("cli.help.restore"));
  localise(restore);
  CommonOptions restore_common;
  add_common_options(*restore, restore_common, console.language);
  std::string restore_from;
  restore->add_option("--from", restore_from, text("cli.help.restore_from"))->required();
  bool restore_passphrase_stdin = false;
  restore->add_flag("--passphrase-stdin", restore_passphrase_stdin, text("cli.help.passphrase_stdin"))->required();
  auto* verify = application.add_subcommand("verify", text("cli.help.verify"));
  localise(verify);
  cli::VerifyOptions verify_options;
  verify->add_option("file", verify_options.file, text("cli.help.verify_file"))->required();
  verify->add_option("--key", verify_options.public_key, text("cli.help.verify_key"));
  verify->add_option("--did-document", verify_options.did_document, text("cli.help.verify_did"));
  verify->add_option("--status-list", verify_options.status_list, text("cli.help.verify_status"));
  auto* graduate = application.add_subcommand("graduate", text("cli.help.graduate"));
  localise(graduate);
  CommonOptions graduate_common;
  add_common_options(*graduate, graduate_common, console.language);
  std::string graduate_programme;
  bool graduate_dry_run = false;
  graduate->add_option("--programme", graduate_programme, text("cli.help.programme"))->required();
  graduate->add_flag("--dry-run", graduate_dry_run, text("cli.help.graduate_dry_run"));

  // Programme setup (issue 12): create, import, validate, clone.
  auto* programme_command = application.add_subcommand("programme", text("cli.help.programme_group"));
  localise(programme_command);
  programme_command->require_subcommand(1);
  CommonOptions programme_common;
  cli::ProgrammeCreateOptions create_options;
  auto& created = create_options.request.programme;
  auto* programme_create = programme_command->add_subcommand("create", text("cli.help.programme_create"));
  localise(programme_create);
  add_common_options(*programme_create, programme_common, console.language);
  programme_create->add_option("--code", created.code, text("cli.help.programme_code"))->required();
  programme_create->add_option("--title-es", created.title.es, text("cli.help.title_es"))->required();
  programme_create->add_option("--title-en", created.title.en, text("cli.help.title_en"))->required();
  programme_create->add_option("--country", created.country, text("cli.help.country"))->required();
  programme_create->add_option("--time-zone", created.time_zone, text("cli.help.time_zone"))->required();
  programme_create->add_option("--locale", created.locale, text("cli.help.locale"));
  programme_create->add_option("--start", created.start_date, text("cli.help.start"));
  programme_create->add_option("--end", created.end_date, text("cli.help.end"));
  programme_create->add_option("--sdgs", create_options.sdgs, text("cli.help.sdgs"));
  programme_create->add_option("--module", create_options.modules, text("cli.help.module"));
  programme_create->add_option("--coordinator", create_options.coordinators, text("cli.help.coordinator"));
  std::string programme_file;
  auto* programme_import = programme_command->add_subcommand("import", text("cli.help.programme_import"));
  localise(programme_import);
  add_common_options(*programme_import, programme_common, console.language);
  programme_import->add_option("file", programme_file, text("cli.help.programme_file"))->required();
  auto* programme_validate = programme_command->add_subcommand("validate", text("cli.help.programme_validate"));
  localise(programme_validate);
  programme_validate->add_option("file", programme_file, text("cli.help.programme_file"))->required();
  std::string export_code, export_output;
  bool export_people = false;
  auto* programme_export = programme_command->add_subcommand("export", text("cli.help.programme_export"));
  localise(programme_export);
  add_common_options(*programme_export, programme_common, console.language);
  programme_export->add_option("--code", export_code, text("cli.help.programme_code"))->required();
  programme_export->add_option("--output,-o", export_output, text("cli.help.output"));
  programme_export->add_flag("--with-people", export_people, text("cli.help.with_people"));
  std::string clone_from;
  services::CloneRequest clone_request;
  auto* programme_clone = programme_command->add_subcommand("clone", text("cli.help.programme_clone"));
  localise(programme_clone);
  add_common_options(*programme_clone, programme_common, console.language);
  programme_clone->add_option("--from", clone_from, text("cli.help.clone_from"))->required();
  programme_clone->add_option("--code", clone_request.code, text("cli.help.programme_code"))->required();
  programme_clone->add_option("--start", clone_request.start_date, text("cli.help.start"))->required();

  // CLI11's own errors (a missing option, an unknown one) in the console's language, exit 1;
  // --help and --version still print and exit 0.
  try {
    application.parse(argc, argv);
  } catch (const CLI::Success& success) {  // --help, --version
    return application.exit(success);
  } catch (const CLI::ParseError& error) {
    print_usage_error(error, console);
    return 1;
  }
  g_command_programme_code = programme_code_of(application);

  if (programme_validate->parsed()) return cli::run_programme_validate(programme_file, console);
  if (programme_create->parsed() || programme_import->parsed() || programme_clone->parsed() || programme_export->parsed()) {
    auto database = open(programme_common, console, 1);
    if (!database) return 1;
    if (programme_create->parsed()) return cli::run_programme_create(*database->store, create_options, console);
    if (programme_import->parsed()) return cli::run_programme_import(*database->store, programme_file, console);
    if (programme_export->parsed()) return cli::run_programme_export(*database->store, export_code, export_output, export_people, console);
    return cli::run_programme_clone(*database->store, clone_from, clone_request, console);
  }

  if (rank.command->parsed()) {
    auto database = open(rank.common, console, 1);
    return database ? cli::run_rank(*database->store, rank.programme, rank_calibrated, console) : 1;
  }

  if (import_grades->parsed()) {
    auto database = open(grades_common, console, 1);
    return database ? cli::run_import_grades(*database->store, grades_file, grades_programme, grades_dry_run, console) : 1;
  }
  if (gradebook.command->parsed()) {
    auto database = open(gradebook.common, console, 1);
    return database ? cli::run_gradebook(*database->store, gradebook.programme, gradebook.format, console) : 1;
  }
  if (eligibility.command->parsed()) {
    auto database = open(eligibility.common, console, 1);
    return database ? cli::run_eligibility(*database->store, eligibility.programme, eligibility.format, what_if, console) : 1;
  }
  if (news->parsed()) {
    auto database = open(news_common, console, 1);
    return database ? cli::run_news(*database->store, news_command, console) : 1;
  }
  if (report_indicators->parsed()) {
    auto database = open(indicators_common, console, 1);
    return database ? cli::run_report_indicators(*database->store, indicator_command, console) : 1;
  }
  if (verify->parsed()) return cli::run_verify(verify_options, console);
  if (backup->parsed() || restore->parsed()) {
    const auto& common = backup->parsed() ? backup_common : restore_common;
    if (auto prepared = app::prepare_data_directory(common.data); !prepared) return cli::print_error(prepared.error(), console), 1;
    std::string passphrase;
    std::getline(std::cin, passphrase);
    const app::BackupPlaces places{common.data, app::database_url(common.data, common.database), app::files_directory(common.data, common.files)};
    auto summary = backup->parsed() ? app::write_backup(places, backup_to, passphrase) : app::restore_backup(places, restore_from, passphrase);
    sodium_memzero(passphrase.data(), passphrase.size());
    if (!summary) return cli::print_error(summary.error(), console), 1;
    console.out << fmt::format(fmt::runtime(translate(backup->parsed() ? "cli.backup.written" : "cli.backup.restored", console.language)),
                               backup->parsed() ? backup_to : restore_from, summary->dialect, summary->schema_version, summary->files,
                               static_cast<double>(summary->bytes) / (1024.0 * 1024.0))
                << '\n';
    return 0;
  }
  if (rotate->parsed()) {
    auto keys = app::rotate_issuer_key(rotate_options.data);
    if (!keys) return cli::print_error(keys.error(), console), 1;
    console.out << fmt::format(fmt::runtime(translate("cli.issuer_key.rotated", console.language)), keys->current_id,
                               services::public_key_multibase(keys->current.public_key), keys->retired.size())
                << '\n';
    return 0;
  }
  if (certificates->parsed()) {
    auto database = open(certificates_common, console, 1);
    return database ? cli::run_certificates(*database->store, certificates_programme, certificates_output, certificates_url, console) : 1;
  }
  if (graduate->parsed()) {
    auto database = open(graduate_common, console, 1);
    return database ? cli::run_graduate(*database->store, graduate_programme, graduate_dry_run, console) : 1;
  }
  if (gain.command->parsed()) {
    auto database = open(gain.common, console, 1);
    return database ? cli::run_gain(*database->store, gain.programme, console) : 1;
  }

  if (init->parsed()) {
    auto database = open(init_options, console, 1);
    if (!database) return 1;
    if (const int code = cli::run_init(*database->store, init_email, init_name, console); code != 0) return code;
    if (auto keys = app::load_or_create_issuer_keys(init_options.data); !keys) return cli::print_error(keys.error(), console), 1;
    return cli::load_reference_directory(*database->store, reference_directory, console);
  }
  if (import_participants->parsed()) {
    auto database = open(import_common, console, 1);
    return database ? cli::run_import_participants(*database->store, import_options, console) : 1;
  }
  if (export_participants->parsed()) {
    auto database = open(export_common, console, 1);
    return database ? cli::run_export_participants(*database->store, export_options, console) : 1;
  }
  if (reference_subdivisions->parsed() || reference_institutions->parsed()) {
    auto database = open(reference_common, console, 1);
    if (!database) return 1;
    return reference_subdivisions->parsed() ? cli::run_load_subdivisions(*database->store, reference_file, console)
                                            : cli::run_load_institutions(*database->store, reference_file, console);
  }
  if (demo->parsed()) {
    auto database = open(demo_options, console, 1);
    if (!database) return 1;
    return scale_option->count() ? cli::run_demo_scale(*database->store, demo_file, scale, console) : cli::run_demo(*database->store, demo_file, console);
  }
  if (user_add->parsed()) {
    std::getline(std::cin, user_request.password);
    if (!user_request.password.empty() && user_request.password.back() == '\r') user_request.password.pop_back();
    auto database = open(user_options, console, 1);
    return database ? cli::run_user_add(*database->store, user_request, console) : 1;
  }
  if (purge->parsed()) {
    auto database = open(purge_common, console, 1);
    return database ? cli::run_purge(*database->store, purge_years, purge_dry_run, console) : 1;
  }
  if (audit->parsed()) {
    auto database = open(audit_common, console, 1);
    return database ? cli::run_audit(*database->store, audit_command, console) : 1;
  }
  if (user_list->parsed() || user_disable->parsed() || user_enable->parsed() || user_grant->parsed() || user_revoke->parsed() ||
      user_reset->parsed()) {
    if (reset_password_stdin) {
      std::string password;
      std::getline(std::cin, password);
      if (!password.empty() && password.back() == '\r') password.pop_back();
      user_command.password = password;
    }
    auto database = open(user_options, console, 1);
    if (!database) return 1;
    auto& store = *database->store;
    if (user_list->parsed()) return cli::run_user_list(store, user_command, console);
    if (user_disable->parsed() || user_enable->parsed()) return cli::run_user_set_disabled(store, user_command, user_disable->parsed(), console);
    if (user_grant->parsed()) return cli::run_user_grant(store, user_command, console);
    if (user_revoke->parsed()) return cli::run_user_revoke(store, user_command, console);
    return cli::run_user_reset_password(store, user_command, console);
  }
  if (serve->parsed()) {
    auto database = open(serve_options, console, server_options.threads + 2);
    if (!database) return 1;
    services::SignInGuard guard;
    services::SessionCache sessions;
    services::ReadCache reads;
    http::ResponseMemo responses;
    http::Metrics metrics;
    // The request log: JSON lines on standard output, the line's own time and level first.
    auto request_log = std::make_shared<spdlog::logger>("requests", std::make_shared<spdlog::sinks::stdout_sink_mt>());
    request_log->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l",%v)", spdlog::pattern_time_type::utc);
    // 60 checks a minute per address: enough for a person at a desk, not for walking serials.
    services::RateLimit verify_limit(60, std::chrono::seconds{60});
    auto issuer_keys = app::load_or_create_issuer_keys(serve_options.data);
    if (!issuer_keys) return cli::print_error(issuer_keys.error(), console), 1;
    const auto consent_notice = app::load_consent_notice(consent_notice_file);
    if (!consent_notice) return cli::print_error(consent_notice.error(), console), 1;
    http::AppContext context{*database->store, guard, sessions, reads, responses, secure_cookies,
                             [] { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); },
                             public_url.empty() ? fmt::format("http://localhost:{}", server_options.port) : public_url, &verify_limit, &*issuer_keys,
                             small_cell_threshold, &metrics, log_requests ? request_log.get() : nullptr, DIPLOMADO_VERSION, trusted_proxies,
                             &*consent_notice};
    // Mail (invitations, reset links): SMTP when configured; otherwise each link goes to the log,
    // which is for development only (the log then holds working links).
    std::unique_ptr<services::Mailer> mailer;
    if (!smtp.url.empty()) {
      if (const char* password = std::getenv("DIPLOMADO_SMTP_PASSWORD")) smtp.password = password;
      mailer = app::make_smtp_mailer(smtp);
    } else {
      spdlog::warn("{}", translate("cli.serve.mail_to_log", console.language));
      mailer = app::make_log_mailer(*request_log);
    }
    app::MailSender mail_sender(*database->store, *mailer);
    server_options.header_timeout = std::chrono::seconds(header_timeout_seconds);
    server_options.body_timeout = std::chrono::seconds(body_timeout_seconds);
    server_options.on_listening = [&] {
      spdlog::info("{} http://{}:{}", translate("cli.serve.listening", console.language), server_options.address, server_options.port);
    };
    auto served = http::serve(context, server_options);
    if (!served) {
      cli::print_error(served.error(), console);
      return 1;
    }
    return 0;
  }
  return 0;
}
