#pragma once
// The two ways mail leaves the server (services/mailer.hpp), and the sender that empties the outbox.
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "services/mailer.hpp"
#include "services/store.hpp"

namespace spdlog { class logger; }

namespace diplomado::app {

struct SmtpSettings {
  std::string url;       // smtp://host:587 (STARTTLS when offered; required with a user) or smtps://host:465
  std::string user;      // empty: no authentication
  std::string password;  // from DIPLOMADO_SMTP_PASSWORD only, never the command line
  std::string from;      // "Diplomado <no-reply@example.org>"
};

// Through libcurl. A failure names the SMTP step, never the recipient.
std::unique_ptr<services::Mailer> make_smtp_mailer(SmtpSettings settings);

// Development: each mail's link is written to the log as a JSON line ({"event":"mail",...}),
// nothing else of it (neither the recipient nor the body).
std::unique_ptr<services::Mailer> make_log_mailer(spdlog::logger& log);

// Delivers what is due every few seconds until destroyed.
class MailSender {
 public:
  MailSender(services::Store& store, services::Mailer& mailer);
  ~MailSender();
  MailSender(const MailSender&) = delete;
  MailSender& operator=(const MailSender&) = delete;

 private:
  std::jthread m_thread;
};

// The RFC 5322 message libcurl sends: headers (the subject encoded as UTF-8 words; no line
// break from the data reaches a header) and the body in quoted-printable-free 8-bit UTF-8 with
// CRLF line ends and dot-stuffing left to libcurl.
std::string format_message(const services::MailMessage& message, const std::string& from, const std::string& date, const std::string& message_id);

}  // namespace diplomado::app
