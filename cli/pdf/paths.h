// Painted paths -> the straight lines a page draws (a table's cell borders),
// the same way the page makes them from pdf.js's operator list (web/pdftext.js
// rulingsOf): a path is its subpaths of points (a rectangle is four corners,
// closed, as pdf.js builds it); a stroked path gives each of its horizontal
// or vertical straight segments; a filled one gives each of its subpaths that
// is a thin upright rectangle (at most 2.5 units across) as its centre line.
// Curves are no borders. Points go through the CTM in force when painted.
#pragma once

#include <cstddef>
#include <vector>

#include "pdf/text_items.h"

namespace cli::pdf {

struct Segment {
    double x0, y0, x1, y1;  // the page's default user space
};

class Paths {
public:
    // At most `cap` segments in `out`, shared by a document's pages and forms.
    Paths(std::vector<Segment>& out, size_t& cap) : out_(out), cap_(cap) {}

    void move_to(double x, double y);
    void line_to(double x, double y);
    void curve_to(double x, double y);  // the end point
    void rect(double x, double y, double w, double h);
    void close();
    // S s f F f* B B* b b* n: what the operator paints, then the path is gone.
    void paint(bool stroke, bool fill, const Matrix& ctm);

private:
    struct Point {
        double x, y;
        bool straight;  // reached by a straight segment (the first point of a subpath: true)
    };
    struct Subpath {
        std::vector<Point> points;
        bool closed = false;
    };
    void add(double x0, double y0, double x1, double y1);

    std::vector<Segment>& out_;
    size_t& cap_;
    std::vector<Subpath> subpaths_;
};

}  // namespace cli::pdf
