#include "app/mail.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>

#include "json/json_writer.hpp"
#include "services/account_links.hpp"
#include "services/crypto.hpp"

namespace diplomado::app {
namespace {

// A header value with every line break taken out, so data cannot add a header.
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

// "Name <a@b>" → "<a@b>"; "a@b" → "<a@b>".
std::string envelope_address(const std::string& from) {
  const auto open = from.rfind('<');
  const auto close = from.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) return from.substr(open, close - open + 1);
  return "<" + one_line(from) + ">";
}

// RFC 2047 encoded words of at most 45 bytes of UTF-8 each, never splitting a character.
std::string encoded_words(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = std::min(text.size(), at + 45);
    while (end < text.size() && end > at && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + services::to_base64(text.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string base64_lines(std::string_view text) {
  const std::string encoded = services::to_base64(text);
  std::string out;
  for (std::size_t at = 0; at < encoded.size(); at += 76) out += encoded.substr(at, 76) + "\r\n";
  return out;
}

class SmtpMailer final : public services::Mailer {
 public:
  explicit SmtpMailer(SmtpSettings settings) : m_settings(std::move(settings)) {}

  std::optional<std::string> send(const services::MailMessage& message) override {
    CURL* curl = curl_easy_init();
    if (!curl) return "curl_easy_init failed";
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char date[64];
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &utc);
    const auto from = envelope_address(m_settings.from);
    const auto domain = from.find('@') != std::string::npos ? from.substr(from.find('@') + 1, from.size() - from.find('@') - 2) : "diplomado";
    const std::string payload = format_message(message, m_settings.from, date, "<" + services::random_hex(16) + "@" + domain + ">");
    std::size_t sent = 0;
    struct Reader {
      const std::string* text;
      std::size_t* at;
    } reader{&payload, &sent};
    const auto read = +[](char* buffer, std::size_t size, std::size_t count, void* user) -> std::size_t {
      auto* source = static_cast<Reader*>(user);
      const std::size_t n = std::min(size * count, source->text->size() - *source->at);
      std::copy_n(source->text->data() + *source->at, n, buffer);
      *source->at += n;
      return n;
    };
    curl_slist* recipients = curl_slist_append(nullptr, envelope_address(message.to).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, m_settings.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read);
    curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    // A password never crosses the network in clear: with a user, TLS is required.
    curl_easy_setopt(curl, CURLOPT_USE_SSL, m_settings.user.empty() ? static_cast<long>(CURLUSESSL_TRY) : static_cast<long>(CURLUSESSL_ALL));
    if (!m_settings.user.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, m_settings.user.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, m_settings.password.c_str());
    }
    const CURLcode result = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (result != CURLE_OK) return fmt::format("smtp: {} (reply {})", curl_easy_strerror(result), response);
    return std::nullopt;
  }

 private:
  SmtpSettings m_settings;
};

class LogMailer final : public services::Mailer {
 public:
  explicit LogMailer(spdlog::logger& log) : m_log(log) {}
  std::optional<std::string> send(const services::MailMessage& message) override {
    JsonWriter json;
    json.begin_object().field("event", "mail").field("link", message.link).end_object();
    const std::string line = json.take();
    // The logger's pattern opens the object (time, level); this goes on from there.
    m_log.info("{}", std::string_view(line).substr(1));
    m_log.flush();
    return std::nullopt;
  }

 private:
  spdlog::logger& m_log;
};

}  // namespace

std::string format_message(const services::MailMessage& message, const std::string& from, const std::string& date, const std::string& message_id) {
  std::string text;
  text += "Date: " + date + "\r\n";
  text += "From: " + one_line(from) + "\r\n";
  text += "To: " + envelope_address(message.to) + "\r\n";
  text += "Message-ID: " + one_line(message_id) + "\r\n";
  text += "Subject: " + encoded_words(one_line(message.subject)) + "\r\n";
  text += "MIME-Version: 1.0\r\n";
  text += "Content-Type: text/plain; charset=UTF-8\r\n";
  text += "Content-Transfer-Encoding: base64\r\n\r\n";
  std::string body;
  for (const char c : message.body) {
    if (c == '\n' && (body.empty() || body.back() != '\r')) body += '\r';
    body += c;
  }
  text += base64_lines(body);
  return text;
}

std::unique_ptr<services::Mailer> make_smtp_mailer(SmtpSettings settings) {
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)initialised;
  return std::make_unique<SmtpMailer>(std::move(settings));
}

std::unique_ptr<services::Mailer> make_log_mailer(spdlog::logger& log) { return std::make_unique<LogMailer>(log); }

MailSender::MailSender(services::Store& store, services::Mailer& mailer)
    : m_thread([&store, &mailer](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        while (!stop.stop_requested()) {
          try {
            const auto report = services::deliver_mail(store, mailer, std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
            if (report.failed > 0) spdlog::warn("mail: {} not delivered, tried again later", report.failed);
          } catch (const std::exception& error) {
            // The database away: try again at the next round.
            spdlog::warn("mail: delivery paused ({})", error.what());
          }
          std::unique_lock lock(mutex);
          wake.wait_for(lock, stop, std::chrono::seconds(2), [] { return false; });
        }
      }) {}

MailSender::~MailSender() {
  m_thread.request_stop();
}

}  // namespace diplomado::app
