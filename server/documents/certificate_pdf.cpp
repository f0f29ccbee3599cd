#include "documents/certificate_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "documents/pdf_text.hpp"
#include "domain/messages.hpp"

namespace diplomado::documents {
namespace {

// A4 landscape in points.
constexpr double page_width = 841.89, page_height = 595.28, margin = 42;

struct PngReader {
  const std::string* bytes;
  std::size_t at = 0;
};
cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->at + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader->bytes->data() + reader->at, length, data);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

// A logo scaled to fit a box, centred in it. A logo that does not decode is left out (it was
// checked by content when it was uploaded).
void draw_logo(cairo_t* cr, const Logo& logo, double x, double y, double box_width, double box_height) {
  double width = 0, height = 0;
  cairo_surface_t* image = nullptr;
  RsvgHandle* svg = nullptr;
  if (logo.format == LogoFormat::png) {
    PngReader reader{&logo.bytes};
    image = cairo_image_surface_create_from_png_stream(read_png, &reader);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) return cairo_surface_destroy(image);
    width = cairo_image_surface_get_width(image);
    height = cairo_image_surface_get_height(image);
  } else {
    svg = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(logo.bytes.data()), logo.bytes.size(), nullptr);
    if (!svg) return;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(svg, &width, &height)) width = box_width, height = box_height;
  }
  if (width > 0 && height > 0) {
    const double scale = std::min(box_width / width, box_height / height);
    const double drawn_width = width * scale, drawn_height = height * scale;
    const double left = x + (box_width - drawn_width) / 2, top = y + (box_height - drawn_height) / 2;
    cairo_save(cr);
    if (image) {
      cairo_translate(cr, left, top);
      cairo_scale(cr, scale, scale);
      cairo_set_source_surface(cr, image, 0, 0);
      cairo_paint(cr);
    } else {
      RsvgRectangle viewport{left, top, drawn_width, drawn_height};
      rsvg_handle_render_document(svg, cr, &viewport, nullptr);
    }
    cairo_restore(cr);
  }
  if (image) cairo_surface_destroy(image);
  if (svg) g_object_unref(svg);
}

void draw_qr(cairo_t* cr, const std::string& url, double x, double y, double size) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) return;
  const int quiet = 2, modules = code->width + 2 * quiet;
  const double cell = size / modules;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, size, size);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < code->width; ++row)
    for (int column = 0; column < code->width; ++column)
      if (code->data[row * code->width + column] & 1) cairo_rectangle(cr, x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  cairo_fill(cr);
}

std::string names(const std::vector<Organisation>& organisations, Language language) {
  std::string out;
  for (std::size_t i = 0; i < organisations.size(); ++i) {
    if (i > 0) out += i + 1 == organisations.size() ? (language == Language::es ? " y " : " and ") : ", ";
    const auto& organisation = organisations[i];
    const auto& name = language == Language::es ? organisation.name.es : organisation.name.en;
    out += name;
    // A name that already carries an acronym in brackets ("... (IRCC)") is not given a second one.
    if (!organisation.acronym.empty() && name.find('(') == std::string::npos) out += " (" + organisation.acronym + ")";
  }
  return out;
}

std::string hours_text(double hours, Language language) {
  auto text = fmt::format("{}", hours);
  if (language == Language::es) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}


// What the certificate says the holder did, in one language.
std::string statement(const CertificateContent& content, Language language) {
  const auto key = fmt::format("certificate.statement.{}", to_string(content.kind));
  const auto lang = language == Language::es ? "es" : "en";
  return fmt::format(fmt::runtime(translate(key, language)), fmt::arg("programme", in_language(content.programme_title, language)),
                     fmt::arg("hours", hours_text(content.hours, language)), fmt::arg("start", long_date(content.start_date, lang)),
                     fmt::arg("end", long_date(content.end_date, lang)), fmt::arg("team", in_language(content.team, language)));
}

void draw_page(cairo_t* cr, const CertificateContent& content, const std::vector<Language>& languages) {
  const auto primary = languages.front();
  const bool bilingual = languages.size() > 1;
  const double inner = page_width - 2 * margin;
  // Frame: a strong line and a fine one inside it.
  cairo_set_source_rgb(cr, accent.red, accent.green, accent.blue);
  cairo_set_line_width(cr, 3);
  cairo_rectangle(cr, 18, 18, page_width - 36, page_height - 36);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 0.6);
  cairo_rectangle(cr, 25, 25, page_width - 50, page_height - 50);
  cairo_stroke(cr);

  double y = margin + (content.settings.logos.empty() ? 24 : 0);
  const auto& logos = content.settings.logos;
  if (!logos.empty()) {
    const double box_width = 150, box_height = 54, gap = 36;
    const double row = static_cast<double>(logos.size()) * box_width + static_cast<double>(logos.size() - 1) * gap;
    for (std::size_t i = 0; i < logos.size(); ++i)
      draw_logo(cr, logos[i], (page_width - row) / 2 + static_cast<double>(i) * (box_width + gap), y, box_width, box_height);
    y += box_height + 10;
  }
  std::string implementers = names(content.implementers, primary);
  if (bilingual && names(content.implementers, Language::en) != implementers) implementers += "\n" + names(content.implementers, Language::en);
  y += draw_text(cr, implementers, "DejaVu Sans Bold 12", margin, y, inner, Align::centre, ink) + 22;

  const auto title_key = fmt::format("certificate.title.{}", to_string(content.kind));
  y += draw_text(cr, translate(title_key, primary), "DejaVu Serif Bold 30", margin, y, inner, Align::centre, accent) + 2;
  if (bilingual) y += draw_text(cr, translate(title_key, Language::en), "DejaVu Serif Bold 13", margin, y, inner, Align::centre, accent) + 4;
  y += 12;
  std::string awarded = translate("certificate.awarded_to", primary);
  if (bilingual) awarded += " · " + translate("certificate.awarded_to", Language::en);
  y += draw_text(cr, awarded, "DejaVu Serif Italic 12", margin, y, inner, Align::centre, muted) + 4;
  y += draw_text(cr, content.holder_name, "DejaVu Serif Bold 28", margin, y, inner, Align::centre, ink) + 18;
  y += draw_text(cr, statement(content, primary), "DejaVu Serif 13", margin + 40, y, inner - 80, Align::centre, ink) + 4;
  if (bilingual) y += draw_text(cr, statement(content, Language::en), "DejaVu Serif Italic 11", margin + 40, y, inner - 80, Align::centre, muted) + 4;
  if (!content.funders.empty()) {
    std::string support = fmt::format(fmt::runtime(translate("certificate.with_support", primary)), names(content.funders, primary));
    if (bilingual) support += "\n" + fmt::format(fmt::runtime(translate("certificate.with_support", Language::en)), names(content.funders, Language::en));
    draw_text(cr, support, "DejaVu Sans 9.5", margin + 40, y + 4, inner - 80, Align::centre, muted);
  }

  // Signatories along the bottom, evenly spread; the QR and the serial at the right.
  const double qr_size = 74, qr_x = page_width - margin - qr_size, base = page_height - margin - 78;
  const auto& signatories = content.settings.signatories;
  const double area = qr_x - margin - 20;
  const double slot = signatories.empty() ? area : area / static_cast<double>(signatories.size());
  for (std::size_t i = 0; i < signatories.size(); ++i) {
    const double width = std::min(slot - 20, 210.0), left = margin + static_cast<double>(i) * slot + (slot - width) / 2;
    cairo_set_source_rgb(cr, ink.red, ink.green, ink.blue);
    cairo_set_line_width(cr, 0.7);
    cairo_move_to(cr, left, base);
    cairo_line_to(cr, left + width, base);
    cairo_stroke(cr);
    const double name_height = draw_text(cr, signatories[i].name, "DejaVu Sans Bold 9.5", left, base + 4, width, Align::centre, ink);
    std::string role = in_language(signatories[i].title, primary);
    if (bilingual && signatories[i].title.en != signatories[i].title.es) role += "\n" + signatories[i].title.en;
    draw_text(cr, role, "DejaVu Sans 8", left, base + 5 + name_height, width, Align::centre, muted);
  }
  draw_qr(cr, content.verify_url, qr_x, base - qr_size + 8, qr_size);
  std::string serial = fmt::format(fmt::runtime(translate("certificate.serial", primary)), content.serial, content.version);
  serial += "\n" + fmt::format(fmt::runtime(translate("certificate.issued_on", primary)), long_date(content.issued_on, primary == Language::es ? "es" : "en"));
  draw_text(cr, serial, "DejaVu Sans Mono 7", qr_x - 100, base + 12, qr_size + 100, Align::right, muted);
  draw_text(cr, content.verify_url, "DejaVu Sans 6.5", margin, page_height - 34, inner, Align::centre, muted);
}

}  // namespace

std::string certificate_pdf(const CertificateContent& content) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &pdf, page_width, page_height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, (content.programme_title.es + " — " + content.serial).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Diplomado");
  cairo_t* cr = cairo_create(surface);
  if (content.settings.layout == CertificateLayout::bilingual) {
    draw_page(cr, content, {Language::es, Language::en});
    cairo_show_page(cr);
  } else {
    for (auto language : {Language::es, Language::en}) {
      draw_page(cr, content, {language});
      cairo_show_page(cr);
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

}  // namespace diplomado::documents
