#pragma once
// Text on a PDF page with cairo and pango, shared by the certificates and the protocol list: a
// block wrapped at a width, measured or drawn, sizes in points (pango's resolution set to 72 dpi).
#include <cairo.h>

#include <string>

namespace diplomado::documents {

struct Colour {
  double red, green, blue;
};
constexpr Colour ink{0.11, 0.15, 0.2}, accent{0.04, 0.36, 0.67}, muted{0.36, 0.40, 0.46};

enum class Align { left, centre, right };

// The height the block takes at `width`, without drawing it.
double text_height(cairo_t* cr, const std::string& text, const char* font, double width);
// Draws the block with its top-left at (x, y); returns its height.
double draw_text(cairo_t* cr, const std::string& text, const char* font, double x, double y, double width, Align align = Align::left,
                 Colour colour = ink);

// cairo's write callback for a PDF surface: appends to the std::string `closure` points to.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

}  // namespace diplomado::documents
