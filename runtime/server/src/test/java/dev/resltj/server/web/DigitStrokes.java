package dev.resltj.server.web;

import dev.resltj.runtime.fixtures.MnistData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * A real MNIST digit as the pen strokes a person would draw: the digit's bright pixels thinned to
 * one-pixel lines (Zhang-Suen), the lines followed from their ends into polylines, lightly
 * smoothed, and stretched over the pad. The pen is a mouse or a finger (W3C pointer actions), so
 * the page gets the pointer events it gets from people.
 */
final class DigitStrokes {
  /** A pixel is ink when at least this bright. */
  static final int INK = 128;

  private static final int SIDE = MnistData.SIDE;
  // 4-neighbours first, so a line is followed along its pixels rather than across a corner
  private static final int[][] STEPS = {
    {0, -1}, {1, 0}, {0, 1}, {-1, 0}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}
  };

  /** A point in pixel units, (0, 0) the top-left corner of the image. */
  record Point(double x, double y) {}

  private DigitStrokes() {}

  /** The strokes of MNIST image {@code index}. */
  static List<List<Point>> of(MnistData data, int index) {
    boolean[] ink = new boolean[SIDE * SIDE];
    for (int p = 0; p < ink.length; p++) {
      ink[p] = data.pixel(index, p) >= INK;
    }
    return trace(thin(ink));
  }

  /** The strokes as one pointer sequence on {@code pad}, whose side is {@code side} CSS pixels. */
  static Sequence draw(
      List<List<Point>> strokes, WebElement pad, int side, PointerInput.Kind kind) {
    PointerInput pen = new PointerInput(kind, kind.name().toLowerCase(Locale.ROOT));
    Sequence sequence = new Sequence(pen, 0);
    PointerInput.Origin origin = PointerInput.Origin.fromElement(pad);
    int button = PointerInput.MouseButton.LEFT.asArg();
    for (List<Point> stroke : strokes) {
      Point first = stroke.get(0);
      sequence.addAction(
          pen.createPointerMove(
              Duration.ZERO, origin, offset(first.x(), side), offset(first.y(), side)));
      sequence.addAction(pen.createPointerDown(button));
      for (Point p : stroke.subList(1, stroke.size())) {
        sequence.addAction(
            pen.createPointerMove(Duration.ZERO, origin, offset(p.x(), side), offset(p.y(), side)));
      }
      sequence.addAction(pen.createPointerUp(button));
    }
    return sequence;
  }

  /** From image units to an offset from the pad's centre, where W3C pointer origins are. */
  static int offset(double v, int side) {
    return (int) Math.round(v * side / SIDE - side / 2.0);
  }

  /** Zhang-Suen thinning: peels the shape's borders until lines one pixel wide remain. */
  static boolean[] thin(boolean[] image) {
    boolean[] img = image.clone();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int pass = 0; pass < 2; pass++) {
        List<Integer> peel = new ArrayList<>();
        for (int y = 0; y < SIDE; y++) {
          for (int x = 0; x < SIDE; x++) {
            if (img[y * SIDE + x] && peelable(img, x, y, pass)) {
              peel.add(y * SIDE + x);
            }
          }
        }
        for (int p : peel) {
          img[p] = false;
        }
        changed |= !peel.isEmpty();
      }
    }
    return img;
  }

  private static boolean peelable(boolean[] img, int x, int y, int pass) {
    // P2..P9: north, then clockwise
    int[] n = {
      at(img, x, y - 1), at(img, x + 1, y - 1), at(img, x + 1, y), at(img, x + 1, y + 1),
      at(img, x, y + 1), at(img, x - 1, y + 1), at(img, x - 1, y), at(img, x - 1, y - 1)
    };
    int count = 0;
    int rises = 0;
    for (int i = 0; i < 8; i++) {
      count += n[i];
      if (n[i] == 0 && n[(i + 1) % 8] == 1) {
        rises++;
      }
    }
    if (count < 2 || count > 6 || rises != 1) {
      return false;
    }
    int p2 = n[0];
    int p4 = n[2];
    int p6 = n[4];
    int p8 = n[6];
    return pass == 0
        ? p2 * p4 * p6 == 0 && p4 * p6 * p8 == 0
        : p2 * p4 * p8 == 0 && p2 * p6 * p8 == 0;
  }

  private static int at(boolean[] img, int x, int y) {
    return x >= 0 && y >= 0 && x < SIDE && y < SIDE && img[y * SIDE + x] ? 1 : 0;
  }

  /** Follows the one-pixel lines into polylines, starting from line ends, then closed loops. */
  static List<List<Point>> trace(boolean[] skeleton) {
    boolean[] done = new boolean[skeleton.length];
    List<List<Point>> strokes = new ArrayList<>();
    for (boolean endsOnly : new boolean[] {true, false}) {
      for (int p = 0; p < skeleton.length; p++) {
        if (skeleton[p] && !done[p] && (!endsOnly || neighbours(skeleton, p).size() == 1)) {
          strokes.add(smooth(follow(skeleton, done, p)));
        }
      }
    }
    return strokes;
  }

  private static List<Point> follow(boolean[] skeleton, boolean[] done, int start) {
    List<Integer> path = new ArrayList<>();
    // a branch starts where it leaves an already drawn line, so the two join
    neighbours(skeleton, start).stream().filter(q -> done[q]).findFirst().ifPresent(path::add);
    int current = start;
    while (current >= 0) {
      path.add(current);
      done[current] = true;
      current = neighbours(skeleton, current).stream().filter(q -> !done[q]).findFirst().orElse(-1);
    }
    // and ends on a drawn line it touches, which also closes loops
    int last = path.get(path.size() - 1);
    int before = path.size() > 1 ? path.get(path.size() - 2) : -1;
    neighbours(skeleton, last).stream()
        .filter(
            q -> done[q] && q != before && !path.contains(q) || q == path.get(0) && path.size() > 3)
        .findFirst()
        .ifPresent(path::add);
    return path.stream().map(p -> new Point(p % SIDE + 0.5, p / SIDE + 0.5)).toList();
  }

  private static List<Integer> neighbours(boolean[] skeleton, int p) {
    List<Integer> out = new ArrayList<>();
    int x = p % SIDE;
    int y = p / SIDE;
    for (int[] step : STEPS) {
      if (at(skeleton, x + step[0], y + step[1]) == 1) {
        out.add((y + step[1]) * SIDE + x + step[0]);
      }
    }
    return out;
  }

  /** A moving average over three points takes the pixel staircase out of slanted lines. */
  private static List<Point> smooth(List<Point> points) {
    if (points.size() < 3) {
      return points;
    }
    List<Point> out = new ArrayList<>(points);
    for (int i = 1; i < points.size() - 1; i++) {
      Point a = points.get(i - 1);
      Point b = points.get(i);
      Point c = points.get(i + 1);
      out.set(i, new Point((a.x() + b.x() + c.x()) / 3, (a.y() + b.y() + c.y()) / 3));
    }
    return out;
  }
}
