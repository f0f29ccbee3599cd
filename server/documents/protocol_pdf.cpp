#include "documents/protocol_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <fmt/format.h>

#include "documents/pdf_text.hpp"
#include "domain/certificate.hpp"

namespace diplomado::documents {
namespace {

// A4 portrait in points.
constexpr double page_width = 595.28, page_height = 841.89, margin = 40;
constexpr double columns[] = {34, 150, 196, 135};  // precedence, name, title, institution (sums to the inner width)

// The text's own helpers with the list's type: dark for content, grey for labels.
double draw(cairo_t* cr, const std::string& text, const char* font, double x, double y, double width, Colour colour = ink) {
  return draw_text(cr, text, font, x, y, width, Align::left, colour);
}


std::string when(const services::CeremonyView& view, Language language) {
  const auto& moment = view.ceremony.starts_at;
  if (moment.size() != 16) return translate("protocol.no_date", language);
  return fmt::format("{}, {} ({})", long_date(moment.substr(0, 10), language == Language::es ? "es" : "en"), moment.substr(11), view.time_zone);
}

}  // namespace

std::string protocol_pdf(const services::CeremonyView& view, Language language) {
  const auto& programme_title = view.programme_title;
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &pdf, page_width, page_height);
  const auto title = translate("protocol.title", language);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, (title + " — " + in_language(programme_title, language)).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Diplomado");
  cairo_t* cr = cairo_create(surface);
  const double inner = page_width - 2 * margin;
  double y = margin;
  int page = 1;
  auto header_row = [&] {
    double x = margin;
    const std::string headers[] = {"#", translate("protocol.name", language), translate("protocol.guest_title", language),
                                   translate("protocol.institution", language)};
    for (std::size_t c = 0; c < 4; ++c) {
      draw(cr, headers[c], "DejaVu Sans Bold 8.5", x, y, columns[c] - 6, muted);
      x += columns[c];
    }
    y += 16;
    cairo_set_source_rgb(cr, 0.8, 0.83, 0.87);
    cairo_rectangle(cr, margin, y - 3, inner, 0.6);
    cairo_fill(cr);
  };
  auto new_page = [&] {
    cairo_show_page(cr);
    ++page;
    y = margin;
    draw(cr, fmt::format("{} — {} {}", title, translate("protocol.page", language), page), "DejaVu Sans 8", margin, y, inner, muted);
    y += 20;
    header_row();
  };

  y += draw(cr, title, "DejaVu Sans Bold 18", margin, y, inner) + 4;
  y += draw(cr, in_language(programme_title, language), "DejaVu Sans 11", margin, y, inner) + 6;
  y += draw(cr, when(view, language) + (view.ceremony.venue.empty() ? "" : " · " + view.ceremony.venue), "DejaVu Sans 10", margin, y, inner, muted) + 4;
  y += draw(cr, fmt::format(fmt::runtime(translate("protocol.counts", language)), view.counts.guests, view.counts.accepted, view.counts.pending, view.counts.declined),
            "DejaVu Sans 9", margin, y, inner, muted) + 14;
  header_row();
  for (const auto& guest : view.guests) {
    const std::string cells[] = {std::to_string(guest.precedence),
                                 guest.name + (guest.rsvp == Rsvp::declined ? " (" + translate("protocol.declined", language) + ")" : ""),
                                 in_language(guest.title, language), guest.institution};
    double row = 0;
    for (std::size_t c = 0; c < 4; ++c) row = std::max(row, text_height(cr, cells[c], "DejaVu Sans 9", columns[c] - 6));
    if (y + row + 8 > page_height - margin) new_page();
    double x = margin;
    for (std::size_t c = 0; c < 4; ++c) {
      draw(cr, cells[c], c == 1 ? "DejaVu Sans Bold 9" : "DejaVu Sans 9", x, y, columns[c] - 6);
      x += columns[c];
    }
    y += row + 8;
  }
  if (view.guests.empty()) y += draw(cr, translate("protocol.no_guests", language), "DejaVu Sans 9", margin, y, inner, muted) + 8;

  if (!view.ceremony.run_of_show.empty()) {
    y += 14;
    if (y + 40 > page_height - margin) {
      cairo_show_page(cr);
      y = margin;
    }
    y += draw(cr, translate("protocol.run_of_show", language), "DejaVu Sans Bold 12", margin, y, inner) + 6;
    for (const auto& item : view.ceremony.run_of_show) {
      const auto line = item.at + "   " + in_language(item.title, language);
      const double row = text_height(cr, line, "DejaVu Sans 9.5", inner);
      if (y + row + 4 > page_height - margin) {
        cairo_show_page(cr);
        y = margin;
      }
      y += draw(cr, line, "DejaVu Sans 9.5", margin, y, inner) + 4;
    }
  }
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

}  // namespace diplomado::documents
