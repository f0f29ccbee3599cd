#include "http/request_context.hpp"

#include <cctype>

namespace diplomado::http {

std::optional<std::string_view> RequestContext::query_value(const std::string& name) const {
  const auto found = query.find(name);
  if (found == query.end()) return std::nullopt;
  return std::string_view(found->second);
}

std::string RequestContext::cookie(std::string_view name) const {
  std::string_view rest = cookie_header;
  while (!rest.empty()) {
    auto end = rest.find(';');
    auto pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) return std::string(pair.substr(equals + 1));
  }
  return {};
}

bool is_state_changing(Method method) {
  return method == Method::post || method == Method::put || method == Method::patch || method == Method::delete_ || method == Method::other;
}

const char* method_name(Method method) {
  switch (method) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::delete_: return "DELETE";
    case Method::head: return "HEAD";
    case Method::other: return "OTHER";
  }
  return "OTHER";
}

Method parse_method(std::string_view text) {
  if (text == "GET") return Method::get;
  if (text == "POST") return Method::post;
  if (text == "PUT") return Method::put;
  if (text == "PATCH") return Method::patch;
  if (text == "DELETE") return Method::delete_;
  if (text == "HEAD") return Method::head;
  return Method::other;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string client_address_of(std::string_view peer, std::string_view forwarded_for, const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](std::string_view address) { return std::ranges::find(trusted_proxies, address) != trusted_proxies.end(); };
  if (!trusted(peer)) return std::string(peer);
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    std::string_view entry = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t')) entry.remove_prefix(1);
    while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t')) entry.remove_suffix(1);
    if (entry.empty() || entry.size() > 64) continue;  // not an address
    if (!trusted(entry)) return std::string(entry);
  }
  return std::string(peer);
}

std::map<std::string, std::string> parse_query(std::string_view query) {
  std::map<std::string, std::string> result;
  while (!query.empty()) {
    auto end = query.find('&');
    auto pair = query.substr(0, end);
    query = end == std::string_view::npos ? std::string_view{} : query.substr(end + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos)
      result.emplace(percent_decode(pair), "");
    else
      result.emplace(percent_decode(pair.substr(0, equals)), percent_decode(pair.substr(equals + 1)));
  }
  return result;
}

}  // namespace diplomado::http
