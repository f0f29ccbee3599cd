#include "documents/pdf_text.hpp"

#include <pango/pangocairo.h>

#include <memory>

namespace diplomado::documents {
namespace {

using Layout = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

Layout layout_of(cairo_t* cr, const std::string& text, const char* font, double width, Align align) {
  Layout layout(pango_cairo_create_layout(cr), g_object_unref);
  pango_cairo_context_set_resolution(pango_layout_get_context(layout.get()), 72);
  pango_layout_context_changed(layout.get());
  std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> description(pango_font_description_from_string(font),
                                                                                           pango_font_description_free);
  pango_layout_set_font_description(layout.get(), description.get());
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), align == Align::centre ? PANGO_ALIGN_CENTER : align == Align::right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

double height_of(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

}  // namespace

double text_height(cairo_t* cr, const std::string& text, const char* font, double width) {
  return height_of(layout_of(cr, text, font, width, Align::left).get());
}

double draw_text(cairo_t* cr, const std::string& text, const char* font, double x, double y, double width, Align align, Colour colour) {
  auto layout = layout_of(cr, text, font, width, align);
  cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
  return height_of(layout.get());
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace diplomado::documents
