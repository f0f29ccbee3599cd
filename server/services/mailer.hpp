#pragma once
// Where mail goes (issue 15): SMTP through libcurl in production, the server's log in development
// (app/ implements both). Services only write mail to the outbox; deliver_mail hands it on here.
#include <optional>
#include <string>

namespace diplomado::services {

struct MailMessage {
  std::string to;
  std::string subject;
  std::string body;  // plain text, UTF-8
  std::string link;  // the one address the body gives (what the development log shows)
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Nothing when the mail was accepted; otherwise why not (no personal data in it).
  virtual std::optional<std::string> send(const MailMessage& message) = 0;
};

}  // namespace diplomado::services
