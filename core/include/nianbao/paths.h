// Painted paths -> the straight lines a page draws (a table's cell borders),
// for the layout step's rulings: the CLI's PDF reader and the OFD reader feed
// it, the same way the page makes them from pdf.js's operator list
// (web/pdftext.js rulingsOf): a path is its subpaths of points (a rectangle
// is four corners, closed, as pdf.js builds it); a stroked path gives each of
// its horizontal or vertical straight segments; a filled one gives each of
// its subpaths that is a thin upright rectangle (at most 2.5 points across)
// as its centre line. Curves are no borders. Points go through the matrix
// [a b c d e f] in force when painted (x' = a x + c y + e, y' = b x + d y + f).
#pragma once

#include <cstddef>
#include <vector>

namespace nianbao {

struct Segment {
    double x0, y0, x1, y1;  // the page's space
};

class Paths {
public:
    // At most `cap` segments in `out`, shared by a document's pages and forms.
    // `point`: one PDF point in the page's units (1 for PDF, 25.4 / 72 for
    // OFD's millimetres), the unit of the sizes above.
    Paths(std::vector<Segment>& out, size_t& cap, double point = 1) : out_(out), cap_(cap), point_(point) {}

    void move_to(double x, double y);
    void line_to(double x, double y);
    void curve_to(double x, double y);  // the end point
    void rect(double x, double y, double w, double h);
    void close();
    // S s f F f* B B* b b* n: what the operator paints, then the path is gone.
    void paint(bool stroke, bool fill, const double (&ctm)[6]);

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
    double point_;
    std::vector<Subpath> subpaths_;
};

}  // namespace nianbao
