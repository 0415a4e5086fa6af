#include "nianbao/paths.h"

#include <algorithm>
#include <cmath>

namespace nianbao {

namespace {

// A point through the matrix.
void apply(const double (&m)[6], double x, double y, double& ox, double& oy) {
    ox = m[0] * x + m[2] * y + m[4];
    oy = m[1] * x + m[3] * y + m[5];
}

}  // namespace

void Paths::move_to(double x, double y) { subpaths_.push_back({{{x, y, true}}, false}); }

void Paths::line_to(double x, double y) {
    if (subpaths_.empty()) move_to(x, y);
    else subpaths_.back().points.push_back({x, y, true});
}

void Paths::curve_to(double x, double y) {
    if (subpaths_.empty()) move_to(x, y);
    else subpaths_.back().points.push_back({x, y, false});
}

void Paths::rect(double x, double y, double w, double h) {
    // As pdf.js builds it: four corners, closed (a flat one: two points).
    move_to(x, y);
    if (w == 0 || h == 0) {
        line_to(x + w, y + h);
    } else {
        line_to(x + w, y);
        line_to(x + w, y + h);
        line_to(x, y + h);
    }
    close();
}

void Paths::close() {
    if (!subpaths_.empty()) subpaths_.back().closed = true;
    // A path goes on from the subpath's start; the next segment opens a new one.
    if (!subpaths_.empty()) {
        const Point start = subpaths_.back().points.front();
        subpaths_.push_back({{{start.x, start.y, true}}, false});
    }
}

void Paths::add(double x0, double y0, double x1, double y1) {
    if (cap_ == 0) return;
    --cap_;
    out_.push_back({x0, y0, x1, y1});
}

void Paths::paint(bool stroke, bool fill, const double (&ctm)[6]) {
    const double pt = point_;
    for (const Subpath& sub : subpaths_) {
        std::vector<Point> pts;
        for (const Point& p : sub.points) {
            Point q{0, 0, p.straight};
            apply(ctm, p.x, p.y, q.x, q.y);
            pts.push_back(q);
        }
        if (stroke) {
            const size_t n = pts.size();
            for (size_t k = 1; k <= n; ++k) {
                if (k == n && !(sub.closed && n > 2)) break;  // the closing segment (a flat rectangle has none)
                const Point& a = pts[k - 1];
                const Point& b = pts[k % n];
                if (k < n && !b.straight) continue;
                const double dx = std::fabs(b.x - a.x), dy = std::fabs(b.y - a.y);
                if ((dx <= 0.5 * pt || dy <= 0.5 * pt) && std::max(dx, dy) >= pt) add(a.x, a.y, b.x, b.y);
            }
        }
        if (fill && sub.closed && pts.size() == 4) {
            double x0 = pts[0].x, x1 = x0, y0 = pts[0].y, y1 = y0;
            bool upright = true;
            for (const Point& p : pts) {
                upright = upright && p.straight;
                x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
            }
            // Every corner on the box's edges both ways: an upright rectangle.
            for (const Point& p : pts)
                upright = upright && (std::fabs(p.x - x0) < 0.01 * pt || std::fabs(p.x - x1) < 0.01 * pt) &&
                          (std::fabs(p.y - y0) < 0.01 * pt || std::fabs(p.y - y1) < 0.01 * pt);
            const double w = x1 - x0, h = y1 - y0;
            if (!upright || std::min(w, h) > 2.5 * pt || std::max(w, h) < 3 * pt) continue;
            if (w < h) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
            else add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        }
    }
    subpaths_.clear();
}

}  // namespace nianbao
